"""One page's relations read by `related.prefetch` with compiled reads: the same rows, in the same order, as
Django's `prefetch_related_objects`, loaded with what they select, and each row knowing its page."""

import pytest
from wagtail_footnotes.models import Footnote

from django.db.models import prefetch_related_objects

from campaigns.factories import OrganizationFactory
from statements.factories import (
    StatementAttachmentFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
    StatementSignatoryFactory,
)
from statements.models import StatementPage, StatementSignatory
from wimn_site.factories import TopicFactory
from wimn_site.related import Related, nothing, prefetch, with_organization


@pytest.fixture
def statement(home):
    index = StatementIndexPageFactory(parent=home)
    page = StatementPageFactory(parent=index, slug="joint", title="Joint statement")
    other = StatementPageFactory(parent=index, slug="other", title="Another")
    for name in ("Migrants", "Care work", "Climate"):
        page.topics.add(TopicFactory(name_en=name, name=name, slug=name.lower().replace(" ", "-")))
    other.topics.add(TopicFactory(name_en="Labour", name="Labour", slug="labour"))
    page.save()
    other.save()
    for number in range(3):  # made in the reverse of their order on the page: the order is sort_order's
        StatementSignatoryFactory(
            page=page, organization=OrganizationFactory(name=f"Member {number}"), sort_order=10 - number
        )
        StatementAttachmentFactory(page=page, sort_order=10 - number)
    StatementSignatoryFactory(page=other)
    return page


def fresh(page):
    return StatementPage.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    "lookup",
    ["topics", "signatories", "attachments", with_organization("signatories", StatementSignatory)],
    ids=["many-to-many", "child rows", "attachments", "child rows with their organization"],
)
def test_a_single_pages_relation_reads_as_djangos_prefetch(statement, lookup, django_assert_num_queries):
    name = lookup if isinstance(lookup, str) else lookup.lookup
    expected = fresh(statement)
    prefetch_related_objects([expected], lookup if isinstance(lookup, str) else lookup.prefetch())
    page = fresh(statement)
    prefetch([page], lookup)  # compiled on the first call
    page = fresh(statement)
    with django_assert_num_queries(1):
        prefetch([page], lookup)
    with django_assert_num_queries(0):
        rows = list(getattr(page, name).all())
        if isinstance(lookup, Related):
            assert [row.organization.name for row in rows] == ["Member 2", "Member 1", "Member 0"]
        if name != "topics":
            assert all(row.page is page for row in rows)  # each row knows its page, without a query
    assert rows == list(getattr(expected, name).all())
    assert len(rows) == 3
    if name != "topics":
        assert [row.sort_order for row in rows] == [8, 9, 10]


def test_nothing_reads_no_rows_and_no_query(statement, django_assert_num_queries):
    Footnote.objects.create(page=statement, uuid="7c4b61a7-4bb8-4b0b-8f5a-14b9c81cd80b", text="A note")
    page = fresh(statement)
    with django_assert_num_queries(0):
        prefetch([page], nothing("footnotes", Footnote))
        assert list(page.footnotes.all()) == []
    page = fresh(statement)
    prefetch([page], "footnotes")
    assert [note.text for note in page.footnotes.all()] == ["A note"]


def test_several_pages_go_through_djangos_prefetch(statement, django_assert_num_queries):
    pages = list(StatementPage.objects.order_by("pk"))
    with django_assert_num_queries(2):
        prefetch(pages, "topics", with_organization("signatories", StatementSignatory))
    with django_assert_num_queries(0):
        assert [len(page.topics.all()) for page in pages] == [3, 1]
        assert [len(page.signatories.all()) for page in pages] == [3, 1]


def test_generic_relations_are_left_to_django():
    """A page's revisions are a generic relation (content type and object id, not a foreign key): the compiled
    path does not take it, Django's prefetch does."""
    from wimn_site import related

    assert related._relation(StatementPage, "_revisions", ()) is None
    assert related._relation(StatementPage, "signatories", ()) is not None
    assert related._relation(StatementPage, "topics", ()) is not None
