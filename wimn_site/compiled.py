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
lookup (`slug=slug`, `page=campaign`, `end__gte=moment`) for ID, TEXT and MOMENT, and the `any` lookup below
(`pk__any=ids`: one array parameter, `= ANY(%s)`, whatever the list's length) for IDS and TEXTS. Compiling
checks that each value reached the SQL's parameters as given, and refuses the builder otherwise.

Each compiled form is keyed by the language (modeltranslation writes the active language's columns into
the SQL) and by the page content type's id: the SQL may hold content-type ids, which change only when the
database is rebuilt under a running process (the tests' flushes), all together, and it then compiles
afresh.
"""

import copy
import datetime
import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Field, ForeignObject, Lookup
from django.utils import translation

from wagtail.models import Page


class AnyOf(Lookup):
    """`field__any=values`: field = ANY(%s), the values passed as one array, so the SQL is the same for any
    number of them (a list of ids is one parameter, not one per id as with `__in`)."""

    lookup_name = "any"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [value if isinstance(value, _Stand) else list(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # relations keep their own lookups


class _Stand:
    """A list's stand-in while compiling: an object Django passes through untouched (not a list, which it
    would copy)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<value {self.name}>"


@dataclass(frozen=True)
class Kind:
    """What a builder's argument is: how to make its stand-in and how to check a caller's value."""

    name: str
    stand_in: object
    clean: object


def _ids(values):
    return [int(value) for value in values]


def _texts(values):
    return [str(value) for value in values]


_STAND_IN_BASE = 2_146_000_000  # inside PostgreSQL's integer range, far above any id this site makes
_STAND_IN_MOMENT = datetime.datetime(1111, 11, 11, tzinfo=datetime.UTC)


def _moment(value):
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise TypeError(f"an aware datetime, not {value!r}")
    return value


ID = Kind("id", lambda number, name: _STAND_IN_BASE + number, int)
MOMENT = Kind("moment", lambda number, name: _STAND_IN_MOMENT + datetime.timedelta(microseconds=number), _moment)
TEXT = Kind("text", lambda number, name: f"\ue000{name}\ue000", str)
IDS = Kind("ids", lambda number, name: _Stand(name), _ids)
TEXTS = Kind("texts", lambda number, name: _Stand(name), _texts)


class CompileError(TypeError):
    """The builder used an argument where Django does not pass it to the SQL unchanged."""


@dataclass(frozen=True)
class _Compiled:
    queryset: object
    compiler: object
    sql: str
    params: tuple
    slots: dict  # argument name -> [(position in params, wrapper type or None)]


class Compiled:
    """A builder of querysets compiled once per language; calling it runs the SQL and returns a list."""

    def __init__(self, build, kinds):
        self.build = build
        self.kinds = kinds
        functools.update_wrapper(self, build)

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
    """Decorate a builder of a queryset, its arguments named with their kind (ID, TEXT, IDS, TEXTS)."""

    def decorate(build):
        return Compiled(build, kinds)

    return decorate


@functools.lru_cache(maxsize=256)  # a few dozen reads x four languages
def _compile(reader, language, page_type_id):
    stand_ins = {name: kind.stand_in(number, name) for number, (name, kind) in enumerate(reader.kinds.items())}
    queryset = reader.build(**stand_ins)
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    slots = {}
    for name, stand_in in stand_ins.items():
        # the backend may wrap a value in a subclass saying its SQL type (psycopg's Int4); the value is then
        # wrapped alike
        slots[name] = [
            (position, None if type(param) is type(stand_in) else type(param))
            for position, param in enumerate(params)
            if param is stand_in or (isinstance(param, type(stand_in)) and param == stand_in)
        ]
        if not slots[name]:
            raise CompileError(f"{reader!r}: {name} does not reach the SQL as a parameter")
    return _Compiled(queryset, compiler, sql, tuple(params), slots)


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


def descendant_paths(page):
    """The values of a compiled read of the pages below `page`, `path__gt=low, path__lt=high` (a path made of
    0-9 and A-Z after `page`'s; "[" follows "Z" in the "C" collation)."""
    return {"low": page.path, "high": page.path + "["}
