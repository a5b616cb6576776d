"""Reads of a fixed shape, compiled to SQL once per process and language.

Django builds a queryset and compiles its SQL in Python on every request: 0.4-1.5 ms per query on this
site's pages, two to five times what PostgreSQL takes to run it (docs/development.md, "Where a page's time
goes"). A page's reads have a fixed shape; only a page's id, a slug or a list of ids change. `compiled`
builds the queryset once, with stand-ins for those values, and keeps Django's compiler with its SQL; each
call runs that SQL with the request's values and reads the rows through Django's own code, so model
instances, `select_related`, `values()` and `prefetch_related` come out as from the queryset itself:

    @compiled(campaign=ID)
    def statements_of(campaign):
        return public_pages(StatementBasePage.objects.filter(campaign=campaign)).values("pk", "title")

    rows = statements_of(campaign=page.pk)  # a list

The builder may use a value only where Django passes it to the database as it is: an `exact` or comparison
lookup (`slug=slug`, `page=campaign`, `end__gte=moment`) for ID, TEXT and MOMENT, and the `any_of` lookup
below (`pk__any_of=ids`: one array parameter, `= ANY(%s)`, whatever the list's length) for IDS and TEXTS.
Compiling builds the queryset twice, with two sets of stand-ins, and refuses a builder whose SQL is not the
same text with the values as its only parameters (`_compile`). Every read is compiled in every language by
the tests (`READERS`), so a refused builder fails there, not on a visitor's request.

Each compiled form is keyed by the language (modeltranslation writes the active language's columns into
the SQL) and by the page content type's id. Content-type ids in the SQL (read_online's references hold
some) do not change under a running process; the page type's id in the key is a guard, should a database be
rebuilt under one. A read whose shape depends on registered hooks is made per set of hooks.
"""

import copy
import datetime
import functools
import operator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Field, ForeignObject, Lookup
from django.utils import translation

from wagtail.models import Page


class AnyOf(Lookup):
    """`field__any_of=values`: field = ANY(%s), the values passed as one array, so the SQL is the same for any
    number of them (a list of ids is one parameter, not one per id as with `__in`)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [value if isinstance(value, _Stand) else list(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # relations keep their own lookups


class CompileError(TypeError):
    """The builder used an argument where Django does not pass it to the SQL unchanged."""


def _undecidable(self):
    raise CompileError(f"a compiled read's builder may not decide on its value {self!r} (`if`, `len`, `for`)")


class _Stand:
    """A list's stand-in while compiling: an object Django passes through untouched (not a list, which it
    would copy). It may not be tested, measured or iterated: the SQL would depend on it."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<value {self.name}>"

    __bool__ = __len__ = _undecidable  # not iterable either: `for id in ids` fails


class _IdStand(int):
    """An id's stand-in: an integer that may not be tested (`if pk`)."""

    __bool__ = _undecidable


class _TextStand(str):
    """A text's stand-in: a text that may not be tested (`if slug`)."""

    __bool__ = _undecidable


@dataclass(frozen=True)
class Kind:
    """What a builder's argument is: its two stand-ins (`stand_in(set, number, name)`, set 0 or 1), the type
    Django passes it to the SQL as (`base`), and how a caller's value is checked."""

    name: str
    stand_in: object
    base: type
    clean: object


def _ids(values):
    if isinstance(values, (str, bytes)):
        raise TypeError(f"a list of ids, not {values!r}")
    return [operator.index(value) for value in values]


def _texts(values):
    if isinstance(values, (str, bytes)):
        raise TypeError(f"a list of texts, not {values!r}")
    return [_text(value) for value in values]


def _text(value):
    if not isinstance(value, str):
        raise TypeError(f"a text, not {value!r}")
    return value


def _moment(value):
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise TypeError(f"an aware datetime, not {value!r}")
    return value


# Two sets of stand-ins, far apart: integers inside PostgreSQL's range, far above any id this site makes;
# texts in Unicode's private use area; moments in the twelfth century. A builder may neither compute with
# them (`pk + 1`: the two SQL texts' parameters differ where no stand-in stands) nor test them (`if pk`).
_ID_BASES = (2_146_000_000, 2_145_000_000)
_MOMENT_BASES = (
    datetime.datetime(1111, 11, 11, tzinfo=datetime.UTC),
    datetime.datetime(1212, 12, 12, tzinfo=datetime.UTC),
)

ID = Kind("id", lambda set, number, name: _IdStand(_ID_BASES[set] + number * 1_000), int, operator.index)
MOMENT = Kind(
    "moment",
    lambda set, number, name: _MOMENT_BASES[set] + datetime.timedelta(days=number),
    datetime.datetime,
    _moment,
)
TEXT = Kind("text", lambda set, number, name: _TextStand(f"{chr(0xE000 + set)}{name}{chr(0xE000 + set)}"), str, _text)
IDS = Kind("ids", lambda set, number, name: _Stand(name), _Stand, _ids)
TEXTS = Kind("texts", lambda set, number, name: _Stand(name), _Stand, _texts)


@dataclass(frozen=True)
class _Compiled:
    queryset: object
    compiler: object
    sql: str
    params: tuple
    slots: dict  # argument name -> [(position in params, wrapper type or None)]


READERS = []  # every compiled read made, for the tests to compile them all


class Compiled:
    """A builder of querysets compiled once per language; calling it runs the SQL and returns a list."""

    def __init__(self, build, kinds):
        self.build = build
        self.kinds = kinds
        functools.update_wrapper(self, build)
        READERS.append(self)

    def __call__(self, **values):
        if values.keys() != self.kinds.keys():
            raise TypeError(f"{self.build.__name__}() takes {sorted(self.kinds)}, not {sorted(values)}")
        form = _compile(self, translation.get_language(), ContentType.objects.get_for_model(Page).pk)
        params = list(form.params)
        for name, positions in form.slots.items():
            value = self.kinds[name].clean(values[name])
            for position, wrap in positions:
                params[position] = value if wrap is None else wrap(value)
        return _run(form, tuple(params))

    def __repr__(self):
        return f"<compiled {self.build.__module__}.{self.build.__qualname__}>"


def compiled(**kinds):
    """Decorate a builder of a queryset, its arguments named with their kind (ID, TEXT, MOMENT, IDS, TEXTS)."""

    def decorate(build):
        return Compiled(build, kinds)

    return decorate


@functools.lru_cache(maxsize=256)  # a few dozen reads x four languages
def _compile(reader, language, page_type_id):
    """Build and compile `reader`'s queryset twice, with two sets of stand-ins; the two SQL texts must be the
    same and their parameters differ exactly where a stand-in stands, unchanged. A value the builder rewrote
    (`slug__startswith`), computed with (`pk + 1`) or tested (`if pk`, `len(ids)`) is refused."""
    (queryset, compiler, sql, params, slots), (_, _, other_sql, other_params, other_slots) = (
        _compile_with(reader, 0),
        _compile_with(reader, 1),
    )
    positions = {position for found in slots.values() for position, _wrap in found}
    if (
        sql != other_sql
        or slots != other_slots
        or len(params) != len(other_params)
        or any(
            (a is not b and a != b) != (position in positions)
            for position, (a, b) in enumerate(zip(params, other_params, strict=True))
        )
    ):
        raise CompileError(f"{reader!r}: its SQL depends on its values, not only its parameters")
    return _Compiled(queryset, compiler, sql, tuple(params), slots)


def _compile_with(reader, stand_in_set):
    stand_ins = {
        name: kind.stand_in(stand_in_set, number, name) for number, (name, kind) in enumerate(reader.kinds.items())
    }
    queryset = reader.build(**stand_ins)
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    slots = {}
    for name, stand_in in stand_ins.items():
        # Django may pass the stand-in itself or its value as a plain int or str; the backend may wrap it in a
        # subclass saying its SQL type (psycopg's Int4), and the caller's value is then wrapped alike
        base = reader.kinds[name].base
        slots[name] = [
            (position, None if type(param) in (base, type(stand_in)) else type(param))
            for position, param in enumerate(params)
            if param is stand_in or (isinstance(param, base) and param == stand_in)
        ]
        if not slots[name]:
            raise CompileError(f"{reader!r}: {name} does not reach the SQL as a parameter")
    return queryset, compiler, sql, params, slots


def _run(form, params):
    compiler = copy.copy(form.compiler)
    compiler.connection = connections[compiler.using]
    compiler.as_sql = lambda *args, **kwargs: (form.sql, params)
    queryset = form.queryset._chain()
    queryset.query.get_compiler = lambda *args, **kwargs: compiler
    return list(queryset)


def child_paths(parent):
    """Wagtail's `child_of(parent)` as the values a compiled read takes, `path__range=(low, high), depth=depth`:
    `path__startswith` would rewrite its value. A level of the page tree is `steplen` characters of 0-9 and
    A-Z, and its paths compare in the "C" collation (Wagtail's migration sets it), so the range holds exactly
    the children."""
    step = parent.steplen
    return {"low": parent.path + "0" * step, "high": parent.path + "Z" * step, "depth": parent.depth + 1}


def children(queryset, low, high, depth):
    """The pages of `queryset` among the children that `child_paths` gives the values of."""
    return queryset.filter(path__range=(low, high), depth=depth)


def descendant_paths(page):
    """The values of a compiled read of the pages below `page`, `path__gt=low, path__lte=high`: `page`'s path
    followed by characters of 0-9 and A-Z, up to the column's length (digits sort before letters, and Z last,
    in any collation)."""
    return {"low": page.path, "high": page.path + "Z" * (_PATH_LENGTH - len(page.path))}


_PATH_LENGTH = Page._meta.get_field("path").max_length
