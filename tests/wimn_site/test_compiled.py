"""Reads compiled once (wimn_site.compiled): the same rows as their querysets, in every language, for any values;
builders that would let a value reach the SQL changed are refused."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone, translation

from wagtail.models import Page

from wimn_site import compiled as compiled_module
from wimn_site.compiled import ID, IDS, TEXT, TEXTS, CompileError, child_paths, compiled
from wimn_site.factories import ContentPageFactory
from wimn_site.frame import localized_columns
from wimn_site.models import HomePage, TranslationRecord
from wimn_site.visibility import public_pages


@compiled(ids=IDS)
def titles_of(ids):
    return public_pages(Page.objects.filter(pk__any=ids)).order_by("pk").values("pk", *localized_columns("title"))


@compiled(low=TEXT, high=TEXT, depth=ID, slug=TEXT)
def child_at(low, high, depth, slug):
    return Page.objects.filter(path__range=(low, high), depth=depth, slug=slug)


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
    the same slug, and the page tree's depth (a value psycopg wraps as int4) is passed as given."""
    about, team = tree["about"], tree["team"]
    assert child_at(slug="board", **child_paths(about)) == [Page.objects.get(pk=tree["board"].pk)]
    assert child_at(slug="board", **child_paths(team)) == [Page.objects.get(pk=tree["nested"].pk)]
    assert child_at(slug="team", **child_paths(team)) == []
    for parent in Page.objects.all():
        for child in Page.objects.child_of(parent):
            assert child_at(slug=child.slug, **child_paths(parent)) == [child]


def test_values_are_parameters_never_sql(tree):
    """A slug or id list carrying SQL finds nothing and changes nothing."""
    assert child_at(slug="x' OR '1'='1", **child_paths(tree["about"])) == []
    board = tree["board"]
    assert child_at(slug="board", low="0", high="ZZZZZZZZZZZZ'--", depth=board.depth) == [Page.objects.get(pk=board.pk)]
    with pytest.raises(ValueError):
        titles_of(ids=["1) OR (1=1"])
    assert Page.objects.filter(slug="board").count() == 2


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


def test_model_instances_and_prefetching_come_out_as_from_the_queryset(home, about):
    """Rows read as instances keep Django's behaviour: select_related, prefetch_related, instance equality."""

    @compiled(ids=IDS)
    def with_children(ids):
        return Page.objects.filter(pk__any=ids).select_related("content_type").prefetch_related("locale").order_by("pk")

    found = with_children(ids=[home.pk, about.pk])
    assert found == [Page.objects.get(pk=home.pk), Page.objects.get(pk=about.pk)]
    assert found[1].content_type.model == "contentpage"


def test_text_lists_and_ids(home):
    """TEXTS reads a text column against a list, ID an integer column, both as parameters."""

    @compiled(content_type=ID, object_id=TEXT, languages=TEXTS)
    def records(content_type, object_id, languages):
        return TranslationRecord.objects.filter(
            content_type=content_type, object_id=object_id, language__any=languages
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


def test_a_builder_that_rewrites_a_value_is_refused(db):
    """`startswith` escapes its value and adds a wildcard, so the SQL would not take the caller's value as given."""

    @compiled(slug=TEXT)
    def starting_with(slug):
        return Page.objects.filter(slug__startswith=slug)

    with pytest.raises(CompileError, match="slug"):
        starting_with(slug="a")

    @compiled(pk=ID)
    def ignoring(pk):
        return Page.objects.filter(Q(depth=1))

    with pytest.raises(CompileError, match="pk"):
        ignoring(pk=1)


def test_arguments_are_checked(tree):
    with pytest.raises(TypeError):
        titles_of()
    with pytest.raises(TypeError):
        titles_of(ids=[1], extra=2)
    with pytest.raises(ValueError):
        child_at(slug="team", low="0", high="Z", depth="three")
