"""Reads compiled once (wimn_site.compiled): the same rows as their querysets, in every language, for any values;
builders that would let a value reach the SQL changed are refused."""

import datetime

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone, translation

from wagtail.models import Page

from events.factories import EventPageFactory
from events.models import EventPage
from tests.events.builders import events_section
from wimn_site import compiled as compiled_module
from wimn_site.compiled import ID, IDS, MOMENT, TEXT, TEXTS, CompileError, child_paths, compiled, descendant_paths
from wimn_site.factories import ContentPageFactory
from wimn_site.frame import localized_columns
from wimn_site.models import HomePage, TranslationRecord
from wimn_site.visibility import public_pages


@compiled(ids=IDS)
def titles_of(ids):
    return public_pages(Page.objects.filter(pk__any_of=ids)).order_by("pk").values("pk", *localized_columns("title"))


@compiled(low=TEXT, high=TEXT, depth=ID, slug=TEXT)
def child_at(low, high, depth, slug):
    return Page.objects.filter(path__range=(low, high), depth=depth, slug=slug)


@compiled(low=TEXT, high=TEXT)
def below_page(low, high):
    return Page.objects.filter(path__gt=low, path__lte=high).order_by("path")


@pytest.fixture
def tree(home, about):
    team = ContentPageFactory(parent=about, slug="team", title="Team", title_es="Equipo")
    board = ContentPageFactory(parent=about, slug="board", title="Board")
    nested = ContentPageFactory(parent=team, slug="board", title="Nested board")  # a grandchild named alike
    hidden = ContentPageFactory(parent=home, slug="staff", title="Staff")
    hidden.view_restrictions.create(restriction_type="login")
    return {"about": about, "team": team, "board": board, "nested": nested, "hidden": hidden}


def test_a_compiled_read_gives_what_its_queryset_gives_in_each_language(tree):
    """Titles in the active language (modeltranslation's columns are compiled per language), visibility kept, for
    lists of any length, empty included."""
    pages = [tree["about"], tree["team"], tree["board"], tree["hidden"]]
    for language in ("es", "en", "fr"):
        with translation.override(language):
            for ids in ([page.pk for page in pages], [tree["team"].pk], [], [tree["hidden"].pk]):
                expected = list(
                    public_pages(Page.objects.filter(pk__in=ids))
                    .order_by("pk")
                    .values("pk", *localized_columns("title"))
                )
                assert titles_of(ids=ids) == expected
    with translation.override("es"):
        assert [row["title_es"] for row in titles_of(ids=[tree["team"].pk])] == ["Equipo"]
        assert tree["hidden"].pk not in {row["pk"] for row in titles_of(ids=[tree["hidden"].pk])}


def test_a_compiled_read_of_children_matches_child_of(tree):
    """`child_paths` stands for Wagtail's `child_of`: a child by slug, never a grandchild or a page elsewhere with
    the same slug, and the page tree's depth (a value psycopg wraps as int4) is passed as given. Eleven children
    make paths with letters (0-9, then A-Z)."""
    about, team = tree["about"], tree["team"]
    for number in range(11):
        ContentPageFactory(parent=about, slug=f"child-{number}", title=f"Child {number}")
    assert any(not character.isdigit() for page in Page.objects.child_of(about) for character in page.path)
    assert child_at(slug="board", **child_paths(about)) == [Page.objects.get(pk=tree["board"].pk)]
    assert child_at(slug="board", **child_paths(team)) == [Page.objects.get(pk=tree["nested"].pk)]
    assert child_at(slug="team", **child_paths(team)) == []
    for parent in Page.objects.all():
        for child in Page.objects.child_of(parent):
            assert child_at(slug=child.slug, **child_paths(parent)) == [child]
        below = below_page(**descendant_paths(parent))
        assert below == list(Page.objects.descendant_of(parent).order_by("path"))


def test_values_are_parameters_never_sql(tree):
    """A slug or path carrying SQL finds nothing or reads as text."""
    assert child_at(slug="x' OR '1'='1", **child_paths(tree["about"])) == []
    board = tree["board"]
    assert child_at(slug="board", low="0", high="ZZZZZZZZZZZZ'--", depth=board.depth) == [Page.objects.get(pk=board.pk)]
    with pytest.raises(TypeError):
        titles_of(ids=["1) OR (1=1"])
    with pytest.raises(TypeError):
        titles_of(ids="12")  # a text is not a list of ids


def test_it_compiles_once_per_language(tree):
    ids = [tree["team"].pk]
    with translation.override("es"):
        titles_of(ids=ids)
    misses = compiled_module._compile.cache_info().misses
    for language in ("es", "es", "es"):
        with translation.override(language):
            titles_of(ids=ids + [tree["board"].pk])
    assert compiled_module._compile.cache_info().misses == misses
    with translation.override("pt"):
        assert titles_of(ids=ids)[0]["title_pt"] in ("", None)
    assert compiled_module._compile.cache_info().misses == misses + 1


def test_model_instances_and_prefetching_come_out_as_from_the_queryset(home, about, django_assert_num_queries):
    """Rows read as instances keep Django's behaviour: select_related, prefetch_related, instance equality."""

    @compiled(ids=IDS)
    def with_children(ids):
        return (
            Page.objects.filter(pk__any_of=ids).select_related("content_type").prefetch_related("locale").order_by("pk")
        )

    with_children(ids=[home.pk])  # compiled before counting
    with django_assert_num_queries(2):  # the pages with their types, then their locales
        found = with_children(ids=[home.pk, about.pk])
        assert [page.content_type.model for page in found] == ["homepage", "contentpage"]
        assert {page.locale.language_code for page in found} == {"en"}
    assert found == [Page.objects.get(pk=home.pk), Page.objects.get(pk=about.pk)]


def test_moments(home):
    """MOMENT compares a date-time column; a naive date-time is refused."""
    events_page = events_section(home)
    now = timezone.now()
    past = EventPageFactory(
        parent=events_page, slug="past", start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(days=2)
    )
    coming = EventPageFactory(
        parent=events_page, slug="coming", start=now + datetime.timedelta(days=2), end=now + datetime.timedelta(days=3)
    )

    @compiled(moment=MOMENT)
    def ending_after(moment):
        return EventPage.objects.filter(end__gte=moment).order_by("pk").values_list("pk", flat=True)

    assert ending_after(moment=now) == [coming.pk]
    assert ending_after(moment=now - datetime.timedelta(days=5)) == [past.pk, coming.pk]
    with pytest.raises(TypeError):
        ending_after(moment=datetime.datetime(2026, 1, 1))


def test_text_lists_and_ids(home):
    """TEXTS reads a text column against a list, ID an integer column, both as parameters."""

    @compiled(content_type=ID, object_id=TEXT, languages=TEXTS)
    def records(content_type, object_id, languages):
        return TranslationRecord.objects.filter(
            content_type=content_type, object_id=object_id, language__any_of=languages
        ).order_by("language")

    page_type = ContentType.objects.get_for_model(HomePage)
    for language in ("en", "es", "fr"):
        TranslationRecord.objects.create(
            content_type=page_type, object_id=str(home.pk), language=language, changed_at=timezone.now()
        )
    TranslationRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(home.pk),
        language="es",
        changed_at=timezone.now(),
    )
    found = records(content_type=page_type.pk, object_id=str(home.pk), languages=["es", "en"])
    assert [(record.language, record.content_type_id) for record in found] == [
        ("en", page_type.pk),
        ("es", page_type.pk),
    ]
    assert records(content_type=page_type.pk, object_id=str(home.pk), languages=[]) == []
    assert records(content_type=page_type.pk, object_id=f"{home.pk}0", languages=["es"]) == []


def test_a_builder_whose_sql_depends_on_its_values_is_refused(db):
    """A value Django rewrites (`startswith` escapes it and adds a wildcard), one the builder computes with, uses
    twice in different ways or decides on, or one it never uses: the SQL would not take the caller's value as
    given, so compiling refuses the builder."""

    @compiled(slug=TEXT)
    def starting_with(slug):
        return Page.objects.filter(slug__startswith=slug)

    @compiled(slug=TEXT)
    def as_given_and_rewritten(slug):
        return Page.objects.filter(Q(slug=slug) | Q(title__icontains=slug))

    @compiled(a=ID, b=ID)
    def computed(a, b):
        return Page.objects.filter(Q(pk=a + 1) | Q(pk=b))

    @compiled(pk=ID)
    def decided(pk):
        return Page.objects.filter(pk=pk)[: 1 if pk > 2_145_500_000 else 2]

    @compiled(pk=ID)
    def ignoring(pk):
        return Page.objects.filter(Q(depth=1))

    @compiled(pk=ID)
    def tested(pk):
        return Page.objects.filter(pk=pk) if pk else Page.objects.filter(depth=1)

    @compiled(slug=TEXT)
    def tested_text(slug):
        return Page.objects.filter(slug=slug or "home")

    @compiled(ids=IDS)
    def measured(ids):
        return Page.objects.filter(pk__any_of=ids)[: len(ids)]

    @compiled(ids=IDS)
    def iterated(ids):
        return Page.objects.filter(pk__in=[pk for pk in ids])

    readers = (starting_with, as_given_and_rewritten, computed, decided, ignoring, tested, tested_text, measured)
    for reader in (*readers, iterated):
        values = {name: {ID: 1, TEXT: "a", IDS: [1]}[kind] for name, kind in reader.kinds.items()}
        with pytest.raises(CompileError if reader in readers else TypeError):
            reader(**values)


def related_lookups_of(model):
    """The relations a page type's fetch reads (`related_lookups`, an instance method: asked of a blank page)."""
    return model().related_lookups() if hasattr(model, "related_lookups") else []


def test_every_read_of_the_site_compiles_in_every_language(db):
    """The site's compiled reads (those made per page type or per set of hooks made here first) all compile."""
    from django.conf import settings

    from wagtail import hooks
    from wagtail.models import get_page_models

    from campaigns import aggregation
    from campaigns.models import CampaignPage, Organization
    from statements.models import StatementBasePage
    from statements.models import queries as statement_queries
    from wimn_site import read_online, registry, related
    from wimn_site.related import Related

    for model in (StatementBasePage, *StatementBasePage.__subclasses__()):
        statement_queries._row_of(model)
    # each page type's relations, as `related.prefetch` reads them
    relations = [(model, lookup) for model in get_page_models() for lookup in related_lookups_of(model)]
    relations += [(CampaignPage, "demands"), (CampaignPage, "milestones"), (Organization, "memberships")]
    relation_reads = []
    for model, lookup in relations:
        if isinstance(lookup, (str, Related)):  # `nothing()` (a Prefetch of none) reads no rows
            name, select = (lookup, ()) if isinstance(lookup, str) else (lookup.lookup, lookup.select)
            relation = related._relation(model, name, select)
            assert relation is not None, (model, name)
            relation_reads.append(relation[0])
    read_online._carrier_references(tuple(read_online.document_page_models()))
    aggregation._linked_documents(tuple(hooks.get_hooks(registry.CAMPAIGN_DOCUMENTS)))
    site_reads = [reader for reader in compiled_module.READERS if not reader.__module__.startswith("tests.")]
    assert len(site_reads) >= 25
    assert {id(read) for read in relation_reads} <= {id(read) for read in site_reads}
    for code, _name in settings.LANGUAGES:
        for reader in site_reads:
            compiled_module._compile(reader, code, compiled_module.ContentType.objects.get_for_model(Page).pk)


def test_arguments_are_checked(tree):
    with pytest.raises(TypeError):
        titles_of()
    with pytest.raises(TypeError):
        titles_of(ids=[1], extra=2)
    with pytest.raises(TypeError):
        child_at(slug="team", low="0", high="Z", depth="three")
