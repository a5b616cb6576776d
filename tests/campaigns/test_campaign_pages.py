"""Campaign pages: demands, timeline, hero image, and everything tagged to the campaign gathered on the page."""

import datetime

import pytest

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from campaigns.factories import CampaignDemandFactory, CampaignMilestoneFactory, CampaignPageFactory
from statements.factories import (
    MediaAlertFactory,
    OpEdPageFactory,
    PledgePageFactory,
    StatementAttachmentFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
)
from tests.helpers import count_queries, soup
from wimn_site.factories import DocumentFactory

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/en/campaigns/road-to-imrf/"


@pytest.fixture
def statements_index(home):
    return StatementIndexPageFactory(parent=home)


def group(page, key):
    return page.select_one(f".related-group--{key}")


def test_demands_are_an_ordered_list_in_the_editors_order(client, campaign):
    """The priority demands render as an <ol> in the order staff set, with their explanation."""
    CampaignDemandFactory(page=campaign, sort_order=1, title_en="Second demand", title="Second demand")
    CampaignDemandFactory(
        page=campaign, sort_order=0, title_en="First demand", title="First demand", detail_en="Because."
    )
    page = soup(client.get(URL))
    items = page.select("ol.demands > li")
    assert [li.select_one(".demands__title").get_text(strip=True) for li in items] == ["First demand", "Second demand"]
    assert "Because." in items[0].get_text()
    assert page.select_one("#demands-heading").get_text(strip=True) == "Our demands"


def test_timeline_is_in_date_order_with_past_and_upcoming_steps(client, campaign, monkeypatch):
    """Milestones show in date order, worded by their precision; those still ahead are marked."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: D(2022, 4, 1))
    CampaignMilestoneFactory(
        page=campaign, date=D(2022, 5, 17), end_date=D(2022, 5, 20), label_en="The forum", label="The forum"
    )
    CampaignMilestoneFactory(page=campaign, date=D(2022, 3, 17), label_en="Zero draft", label="Zero draft")
    CampaignMilestoneFactory(
        page=campaign, date=D(2022, 5, 2), precision="week", label_en="Rev 4 expected", label="Rev 4 expected"
    )
    CampaignMilestoneFactory(
        page=campaign, date=D(2018, 12, 1), precision="month", label_en="GCM adopted", label="GCM adopted"
    )
    items = soup(client.get(URL)).select("ol.timeline > li")
    assert [li.select_one("time").get_text(strip=True) for li in items] == [
        "December 2018",
        "17 March 2022",
        "week of 2 May 2022",
        "17–20 May 2022",
    ]
    assert [("is-upcoming" in li["class"]) for li in items] == [False, False, True, True]
    assert items[1].select_one("time")["datetime"] == "2022-03-17"


def test_timeline_in_spanish(client, campaign):
    CampaignMilestoneFactory(
        page=campaign, date=D(2022, 5, 2), precision="week", label_en="Rev 4", label="Rev 4", label_es="Revisión 4"
    )
    item = soup(client.get("/es/campaigns/road-to-imrf/")).select_one("ol.timeline > li")
    assert item.select_one("time").get_text(strip=True) == "semana del 2 de mayo de 2022"
    assert "Revisión 4" in item.get_text()


def test_hero_image_is_a_responsive_picture_with_alt_text(client, campaign):
    """The hero image is served as AVIF and WebP sources with a fallback, described by its alt text per language."""
    campaign.hero_image = get_image_model().objects.create(title="Forum", file=get_test_image_file(size=(1600, 900)))
    campaign.hero_alt_en = "Delegates at the forum"
    campaign.hero_alt_es = "Delegadas en el foro"
    campaign.save()
    picture = soup(client.get(URL)).select_one(".campaign__hero picture")
    assert {source["type"] for source in picture.select("source")} == {"image/avif", "image/webp"}
    assert picture.img["alt"] == "Delegates at the forum"
    assert "480w" in picture.select_one("source")["srcset"]
    assert soup(client.get("/es/campaigns/road-to-imrf/")).select_one(".campaign__hero img")["alt"] == (
        "Delegadas en el foro"
    )


class TestAggregation:
    def test_a_tagged_statement_appears_and_an_untagged_one_does_not(self, client, campaign, statements_index):
        StatementPageFactory(parent=statements_index, title="Tagged statement", campaign=campaign)
        StatementPageFactory(parent=statements_index, title="Untagged statement")
        page = soup(client.get(URL))
        statements = group(page, "statement")
        assert "Tagged statement" in statements.get_text()
        assert "Untagged statement" not in page.get_text()

    def test_a_title_shown_in_english_is_marked_english(self, client, campaign, statements_index):
        """On /fr/, a statement without a French title is listed in English, marked lang="en" for screen readers;
        a translated one is not marked."""
        StatementPageFactory(parent=statements_index, title="Only in English", campaign=campaign)
        StatementPageFactory(parent=statements_index, title="Translated", title_fr="Traduite", campaign=campaign)
        links = {
            a.get_text(): a.get("lang")
            for a in group(soup(client.get(URL.replace("/en/", "/fr/"))), "statement").select("a")
        }
        assert links["Only in English"] == "en"
        assert links["Traduite"] is None
        english = {a.get_text(): a.get("lang") for a in group(soup(client.get(URL)), "statement").select("a")}
        assert english["Only in English"] is None

    def test_a_draft_or_private_statement_does_not_appear(self, client, campaign, statements_index):
        """Only live, public pages are gathered: not a draft, not one behind a view restriction."""
        StatementPageFactory(parent=statements_index, title="Published one", campaign=campaign)
        draft = StatementPageFactory(parent=statements_index, title="Draft one", campaign=campaign)
        draft.unpublish()
        private = StatementPageFactory(parent=statements_index, title="Private one", campaign=campaign)
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret-1")
        text = soup(client.get(URL)).get_text()
        assert "Published one" in text
        assert "Draft one" not in text
        assert "Private one" not in text

    def test_each_kind_is_a_group_newest_first_linking_to_the_filtered_listing(
        self, client, campaign, statements_index
    ):
        StatementPageFactory(parent=statements_index, title="Older", date=D(2021, 10, 19), campaign=campaign)
        StatementPageFactory(parent=statements_index, title="Newer", date=D(2022, 5, 20), campaign=campaign)
        MediaAlertFactory(parent=statements_index, title="WIMN responds", date=D(2022, 5, 20), campaign=campaign)
        PledgePageFactory(parent=statements_index, title="Our pledge", campaign=campaign)
        OpEdPageFactory(parent=statements_index, title="Decent work for all", campaign=campaign)
        page = soup(client.get(URL))
        statements = group(page, "statement")
        assert [a.get_text(strip=True) for a in statements.select(".related-list a")] == ["Newer", "Older"]
        assert statements.select_one(".related-group__more a")["href"] == (
            "/en/statements/?campaign=road-to-imrf&kind=statement"
        )
        assert "WIMN responds" in group(page, "media_alert").get_text()
        assert group(page, "media_alert").select_one(".related-group__more a")["href"].endswith("kind=media_alert")
        assert "Our pledge" in group(page, "pledge").get_text()
        assert "Decent work for all" in group(page, "op_ed").get_text()
        headings = [h.get_text(strip=True) for h in page.select(".related-group h3")]
        assert headings[:4] == ["Statements", "Media alerts", "Pledges", "Op-eds"]

    def test_a_group_shows_the_newest_few_and_counts_them_all(self, client, campaign, statements_index):
        for n in range(7):
            StatementPageFactory(
                parent=statements_index, title=f"Statement {n}", date=D(2022, 1, 1 + n), campaign=campaign
            )
        statements = group(soup(client.get(URL)), "statement")
        assert len(statements.select(".related-list li")) == 5
        assert statements.select_one(".related-list a").get_text(strip=True) == "Statement 6"
        assert "(7 items)" in statements.select_one(".related-group__more").get_text()

    def test_documents_of_tagged_statements_are_gathered(self, client, campaign, statements_index):
        """The files attached to the campaign's statements are offered for download, each once."""
        statement = StatementPageFactory(parent=statements_index, title="With a file", campaign=campaign)
        document = DocumentFactory(title="WIMN comment on Rev 3")
        StatementAttachmentFactory(page=statement, document=document)
        other = StatementPageFactory(parent=statements_index, title="Same file again", campaign=campaign)
        StatementAttachmentFactory(page=other, document=document)
        untagged = StatementPageFactory(parent=statements_index, title="Elsewhere")
        StatementAttachmentFactory(page=untagged, document=DocumentFactory(title="Unrelated file"))
        documents = group(soup(client.get(URL)), "documents")
        links = [a.get_text(strip=True) for a in documents.select("a.download__link")]
        assert links == ["WIMN comment on Rev 3"]

    def test_no_group_without_tagged_content(self, client, campaign, statements_index):
        StatementPageFactory(parent=statements_index, title="Untagged")
        assert not soup(client.get(URL)).select(".campaign__related")


def make_statements(index, campaign, count):
    for n in range(count):
        kind_factory = (StatementPageFactory, MediaAlertFactory, PledgePageFactory, OpEdPageFactory)[n % 4]
        page = kind_factory(parent=index, campaign=campaign, date=D(2022, 1, 1) + datetime.timedelta(days=n))
        if n % 3 == 0:
            StatementAttachmentFactory(page=page, document=DocumentFactory(title=f"File {n}"))


def test_campaign_page_queries_do_not_grow_with_items(client, campaign, statements_index):
    """At most 12 queries, the same for 4 tagged items as for 60 (statements of every kind, with documents)."""
    CampaignDemandFactory(page=campaign, title_en="A demand", title="A demand")
    CampaignMilestoneFactory(page=campaign, label_en="A step", label="A step")
    make_statements(statements_index, campaign, 4)
    client.get(URL)
    _response, few = count_queries(client, URL)
    make_statements(statements_index, campaign, 56)
    client.get(URL)
    response, many = count_queries(client, URL)
    assert response.status_code == 200
    assert many == few, f"{few} queries for 4 items, {many} for 60"
    assert many <= 12, f"{many} queries"


def test_untranslated_campaign_shows_the_english_text_under_a_note(client, campaign):
    page = soup(client.get("/fr/campaigns/road-to-imrf/"))
    assert page.select_one(".translation-note")
    assert page.h1.get_text(strip=True) == "On the road to the IMRF"


class TestCampaignIndex:
    def test_lists_current_and_past_campaigns_not_drafts(self, client, campaigns_index, campaign):
        CampaignPageFactory(parent=campaigns_index, slug="gcm-2018", title="Compact 2018", is_current=False)
        draft = CampaignPageFactory(parent=campaigns_index, slug="next", title="Not yet announced")
        draft.unpublish()
        page = soup(client.get("/en/campaigns/"))
        current = page.select_one("section[aria-labelledby=current-heading]").get_text()
        past = page.select_one("section[aria-labelledby=past-heading]").get_text()
        assert "On the road to the IMRF" in current and "Compact 2018" not in current
        assert "Compact 2018" in past
        assert "Not yet announced" not in page.get_text()

    def test_index_queries_do_not_grow_with_campaigns(self, client, campaigns_index):
        image = get_image_model().objects.create(title="Hero", file=get_test_image_file(size=(900, 500)))
        for n in range(3):
            CampaignPageFactory(parent=campaigns_index, hero_image=image, hero_alt_en="x", is_current=n % 2 == 0)
        client.get("/en/campaigns/")
        _response, few = count_queries(client, "/en/campaigns/")
        for n in range(30):
            CampaignPageFactory(parent=campaigns_index, hero_image=image, hero_alt_en="x", is_current=n % 2 == 0)
        client.get("/en/campaigns/")
        _response, many = count_queries(client, "/en/campaigns/")
        assert many == few and many <= 12, (few, many)


def test_preview_shows_unsaved_demands_and_gathered_content(campaign, statements_index, django_user_model):
    """The editor's preview (no route query) renders the demands and the tagged statements too."""
    from django.test import RequestFactory

    StatementPageFactory(parent=statements_index, title="Tagged statement", campaign=campaign)
    statement = StatementPageFactory(parent=statements_index, title="With file", campaign=campaign)
    StatementAttachmentFactory(page=statement, document=DocumentFactory(title="Comment on Rev 2"))
    CampaignDemandFactory(page=campaign, title_en="Saved demand", title="Saved demand")
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-password-1")
    html = campaign.serve_preview(request, "en").content.decode()
    assert "Saved demand" in html
    assert "Tagged statement" in html
    assert "Comment on Rev 2" in html
