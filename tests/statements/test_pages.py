import pytest

from wagtail.models import Page

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory, OrganizationFactory
from statements.factories import (
    MediaAlertFactory,
    OpEdAuthorFactory,
    OpEdPageFactory,
    OpEdVersionFactory,
    PledgeCommitmentFactory,
    PledgePageFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
    StatementSignatoryFactory,
    attach_document,
)
from statements.models import OpEdPage, PledgePage, StatementBasePage, StatementIndexPage, StatementPage
from tests.helpers import count_queries, soup
from wimn_site.factories import TopicFactory
from wimn_site.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


class TestPageTree:
    def test_index_only_under_home_and_only_once(self, home, index):
        """The statements section lives under the home page, once."""
        assert not StatementIndexPage.can_create_at(home)  # max_count reached
        assert StatementIndexPage.parent_page_types == ["wimn_site.HomePage"]

    @pytest.mark.parametrize("model", [StatementPage, PledgePage, OpEdPage])
    def test_statement_types_only_under_the_index(self, home, index, about, model):
        """Statements, pledges and op-eds are created only in the statements section."""
        assert model.can_create_at(index)
        assert not model.can_create_at(home)
        assert not model.can_create_at(about)

    def test_base_page_is_not_creatable(self, index):
        assert not StatementBasePage.can_create_at(index)

    def test_nothing_under_a_statement(self, index):
        statement = StatementPageFactory(parent=index)
        for model in (StatementPage, ContentPage, HomePage):
            assert not model.can_create_at(statement)
        assert not Page.objects.get(pk=statement.pk).specific.get_children().exists()


@pytest.mark.parametrize(
    "factory,kind",
    [
        (StatementPageFactory, "statement"),
        (MediaAlertFactory, "media_alert"),
        (PledgePageFactory, "pledge"),
        (OpEdPageFactory, "op_ed"),
    ],
)
def test_factory_smoke_each_type_renders(client, index, factory, kind):
    """Each page type builds from its factory, keeps its kind and renders with one h1."""
    page = factory(parent=index)
    assert page.kind == kind
    response = client.get(f"/en/statements/{page.slug}/")
    assert response.status_code == 200
    assert len(soup(response).find_all("h1")) == 1


def test_pledge_and_op_ed_kind_is_fixed(index):
    """A pledge is always of kind 'pledge', an op-ed 'op_ed', whatever is assigned."""
    pledge = PledgePageFactory(parent=index, kind="statement")
    op_ed = OpEdPageFactory(parent=index, kind="media_alert")
    assert (pledge.kind, op_ed.kind) == ("pledge", "op_ed")


def test_statement_page_shows_its_parts(client, index):
    page = MediaAlertFactory(parent=index, slug="alert", title="WIMN responds", dateline="NEW YORK, 20 May 2022")
    StatementSignatoryFactory(page=page, organization_name="Solidarity Center")
    html = soup(client.get("/en/statements/alert/"))
    assert html.h1.get_text() == "WIMN responds"
    assert "NEW YORK, 20 May 2022" in html.select_one(".statement__dateline").get_text()
    assert "Solidarity Center" in html.select_one(".signatories").get_text()
    assert html.select_one(".press-contact a[href^=mailto]")["href"] == "mailto:press@example.org"


def test_signatory_from_the_directory_shows_its_name_in_the_visitors_language(client, index):
    """A signatory linked to the directory reads in the visitor's language, English where it has no translation."""
    from campaigns.models import Organization

    page = MediaAlertFactory(parent=index, slug="alert")
    un_women = Organization.objects.create(name="UN Women", name_fr="ONU Femmes", slug="un-women", sector="government")
    StatementSignatoryFactory(page=page, organization_name="", organization=un_women)
    assert "ONU Femmes" in soup(client.get("/fr/statements/alert/")).select_one(".signatories").get_text()
    assert "UN Women" in soup(client.get("/es/statements/alert/")).select_one(".signatories").get_text()


def test_media_alert_dateline_shows_without_a_body(client, index):
    MediaAlertFactory(parent=index, slug="alert", body_en=[], dateline="NEW YORK, 20 May 2022")
    html = soup(client.get("/en/statements/alert/"))
    assert html.select_one(".statement__dateline").get_text(strip=True).startswith("NEW YORK, 20 May 2022")


def test_pledge_shows_commitments_status_and_last_update(client, index):
    pledge = PledgePageFactory(parent=index, slug="pledge")
    PledgeCommitmentFactory(page=pledge, text="Center the voices of migrant women.", status="done", note="LIGA")
    html = soup(client.get("/en/statements/pledge/"))
    item = html.select_one(".commitment")
    assert "Center the voices of migrant women." in item.get_text()
    assert item.select_one(".status").get_text() == "Done"
    assert html.select_one(".pledge__updated time")["datetime"] == "2023-07-04"


def test_op_ed_shows_authors_outlet_and_versions(client, index):
    op_ed = OpEdPageFactory(parent=index, slug="oped", outlet="openDemocracy")
    OpEdAuthorFactory(page=op_ed, name="Alma Maquitico", role="Director", organization_name="NNIRR")
    OpEdVersionFactory(page=op_ed, language="pt", title="O que devemos fazer", url="https://example.org/pt/")
    html = soup(client.get("/en/statements/oped/"))
    assert "Alma Maquitico" in html.select_one(".op-ed__authors").get_text()
    assert "NNIRR" in html.select_one(".op-ed__authors").get_text()
    assert "openDemocracy" in html.select_one(".op-ed__outlet").get_text()
    version = html.select_one(".op-ed__versions a")
    assert (version["hreflang"], version["href"]) == ("pt", "https://example.org/pt/")
    assert not html.select(".op-ed__yours")
    portuguese = soup(client.get("/pt/statements/oped/"))
    assert portuguese.select_one(".op-ed__yours a")["href"] == "https://example.org/pt/"
    assert "Leia no seu idioma" in portuguese.select_one(".op-ed__yours").get_text()


def _add_rows(page, n, start):
    """`n` of each related row a statement-like page shows: topics, documents (in two languages), and the rows of
    its type (signatories from the directory, commitments, authors and versions)."""
    for i in range(start, start + n):
        page.topics.add(TopicFactory(slug=f"t{page.pk}-{i}", name=f"Topic {i}"))
        attach_document(page, f"Document {i}", languages=("en", "es"))
        if isinstance(page, StatementPage):
            StatementSignatoryFactory(page=page, organization=OrganizationFactory(slug=f"o{page.pk}-{i}"))
        if isinstance(page, PledgePage):
            PledgeCommitmentFactory(page=page)
        if isinstance(page, OpEdPage):
            OpEdAuthorFactory(page=page, organization=OrganizationFactory(slug=f"a{page.pk}-{i}"))
            OpEdVersionFactory(page=page)


@pytest.mark.parametrize("factory", [StatementPageFactory, MediaAlertFactory, PledgePageFactory, OpEdPageFactory])
@pytest.mark.parametrize("language", ["en", "es"])
def test_detail_page_queries_do_not_grow_with_its_rows(client, index, factory, language):
    """A statement-like page with 1 topic, document, signatory, commitment, author and version runs as many
    queries as one with 20 of each."""
    page = factory(
        parent=index, slug="s", campaign=CampaignPageFactory(parent=CampaignIndexPageFactory(parent=index.get_parent()))
    )
    _add_rows(page, 1, 0)
    client.get(f"/{language}/statements/s/")  # warm: the site's frame and root paths
    response, few = count_queries(client, f"/{language}/statements/s/")
    assert response.status_code == 200
    _add_rows(page, 19, 1)
    response, many = count_queries(client, f"/{language}/statements/s/")
    assert response.status_code == 200
    assert len(soup(response).select(".attachments .download")) == 20
    assert many == few, (few, many)


def test_private_statement_asks_for_login_instead_of_404(client, index):
    """A statement under a login restriction is routed, then Wagtail asks the visitor to log in."""
    from wagtail.models import PageViewRestriction

    page = StatementPageFactory(parent=index, slug="members-only")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get("/en/statements/members-only/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_draft_statement_is_404(client, index):
    page = StatementPageFactory(parent=index, slug="draft")
    page.unpublish()
    assert client.get("/en/statements/draft/").status_code == 404


def test_unknown_child_is_404(client, index):
    assert client.get("/es/statements/nothing-here/").status_code == 404
    assert client.get("/es/statements/nothing/deeper/").status_code == 404


def test_index_factory_titles(index):
    assert StatementIndexPageFactory._meta.model is StatementIndexPage
    assert index.title_es == "Declaraciones"


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_every_interface_string_is_translated(language):
    """The statements app's .po file has a real translation for every msgid (none empty, none fuzzy)."""
    import re
    from pathlib import Path

    po = (Path(__file__).parents[2] / "statements" / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
    entries = re.findall(r'(#,[^\n]*\n)?msgid "(.+)"\nmsgstr "(.*)"', po)
    assert len(entries) > 100
    assert [msgid for _flags, msgid, msgstr in entries if not msgstr] == []
    assert [msgid for flags, msgid, _msgstr in entries if "fuzzy" in flags] == []


def test_kind_labels_are_translated(client, index):
    StatementPageFactory(parent=index, slug="s", kind="joint_statement")
    html = soup(client.get("/fr/statements/s/"))
    assert html.select_one(".statement__kind .badge").get_text() == "Déclaration commune"
