"""The statements section's listing: newest first, filters by kind, topic, year and campaign, bad input."""

import datetime

import pytest

from django.test import override_settings

from wagtail.models import Page, PageViewRestriction

from campaigns.models import CampaignIndexPage, CampaignPage
from statements.factories import (
    MediaAlertFactory,
    OpEdPageFactory,
    PledgePageFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
)
from statements.models import StatementPage
from tests import snapshots
from tests.helpers import count_queries, in_bulk, soup, translated_home
from tests.statements.builders import statement_topics

pytestmark = pytest.mark.django_db


def titles(response):
    return [a.get_text() for a in soup(response).select(".statement-list h2 a")]


def make_campaign(home):
    campaigns = home.add_child(instance=CampaignIndexPage(title="Campaigns", title_en="Campaigns", slug="campaigns"))
    return campaigns.add_child(
        instance=CampaignPage(title="Road to the IMRF", title_en="Road to the IMRF", slug="road-to-imrf", intro_en="x")
    )


@pytest.fixture
def campaign(home):
    return make_campaign(home)


def make_items(index, topics, campaign):
    return {
        "roadmap": StatementPageFactory(
            parent=index,
            title="Roadmap",
            date=datetime.date(2021, 10, 19),
            topics=[topics["imrf"]],
            title_es="Hoja de ruta",
            summary_es="Resumen.",
            campaign=campaign,
        ),
        "iwd": StatementPageFactory(
            parent=index, title="Women's Day", date=datetime.date(2022, 3, 8), topics=[topics["climate"]]
        ),
        "alert": MediaAlertFactory(
            parent=index, title="Alert", date=datetime.date(2022, 5, 20), topics=[topics["imrf"]], campaign=campaign
        ),
        "pledge": PledgePageFactory(parent=index, title="Pledge", date=datetime.date(2022, 5, 19)),
        "oped": OpEdPageFactory(parent=index, title="Op-ed", date=datetime.date(2022, 5, 17), campaign=campaign),
    }


def build_items():
    """The home page, the statements section (tests/statements/conftest.py's `index`), its topics, a campaign
    and five items of every kind: plain ids."""
    home = translated_home()
    index = StatementIndexPageFactory(parent=home)
    items = make_items(index, statement_topics(), make_campaign(home))
    return {name: page.pk for name, page in items.items()}


@pytest.fixture(scope="module")
def built_items(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_items)


@pytest.fixture
def items(db, built_items):
    """`build_items`'s pages, built once for the module and put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_items
    snapshots.restore(snapshot)
    return {name: Page.objects.get(pk=pk).specific for name, pk in ids.items()}


def test_listing_is_newest_first(client, items):
    assert titles(client.get("/en/statements/")) == ["Alert", "Pledge", "Op-ed", "Women's Day", "Roadmap"]


def test_each_item_shows_date_kind_summary_and_languages(client, items):
    card = soup(client.get("/es/statements/")).select(".statement-card")[-1]
    assert card.select_one("time")["datetime"] == "2021-10-19"
    assert card.select_one(".badge").get_text() == "Declaración"
    assert "Resumen." in card.get_text()
    assert [s["lang"] for s in card.select(".statement-card__languages span[lang]")] == ["en", "es"]


def test_untranslated_item_is_marked_english_in_other_languages(client, items):
    cards = soup(client.get("/es/statements/")).select(".statement-card")
    by_title = {c.h2.get_text(strip=True): c for c in cards}
    assert by_title["Hoja de ruta"].get("lang") is None
    assert by_title["Alert"]["lang"] == "en"


@pytest.mark.parametrize(
    "query,expected",
    [
        ("kind=media_alert", ["Alert"]),
        ("kind=pledge", ["Pledge"]),
        ("kind=op_ed", ["Op-ed"]),
        ("kind=statement", ["Women's Day", "Roadmap"]),
        ("topic=imrf", ["Alert", "Roadmap"]),
        ("year=2021", ["Roadmap"]),
        ("year=2022&topic=imrf", ["Alert"]),
        ("campaign=road-to-imrf", ["Alert", "Op-ed", "Roadmap"]),
        ("campaign=road-to-imrf&kind=op_ed", ["Op-ed"]),
    ],
)
def test_filters(client, items, query, expected):
    assert titles(client.get(f"/en/statements/?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    [
        "kind=bogus",
        "year=abc",
        "year=1999",
        "topic=no-such-topic",
        "campaign=nope",
        "kind=%00",
        "kind=' OR 1=1--",
        "topic=" + "x" * 500,
        "year=2022%00",
    ],
)
def test_bad_filter_values_give_a_400_with_an_empty_result_and_a_message(client, items, query):
    response = client.get(f"/es/statements/?{query}")
    assert response.status_code == 400
    assert titles(response) == []
    html = soup(response)
    assert "no se reconoce" in html.select_one(".statement-index__count").get_text()
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("page", ["abc", "999999", "0", "-1", "9" * 40])
def test_bad_page_numbers_are_404_in_the_visitors_language(client, items, page):
    response = client.get(f"/pt/statements/?page={page}")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "pt"


def test_unknown_extra_parameters_are_ignored(client, items):
    assert titles(client.get("/en/statements/?utm_source=x&q=%00")) == [
        "Alert",
        "Pledge",
        "Op-ed",
        "Women's Day",
        "Roadmap",
    ]


def test_filter_form_is_a_plain_get_form_with_labels(client, items):
    form = soup(client.get("/en/statements/")).select_one("form.filters")
    assert form["method"] == "get"
    for select in form.select("select"):
        assert form.select_one(f'label[for="{select["id"]}"]')
    assert form.select_one("button[type=submit]")
    assert [o["value"] for o in form.select("select[name=year] option")] == ["", "2022", "2021"]


def test_filter_choices_follow_a_published_statement(client, items, django_capture_on_commit_callbacks):
    """The choices are kept with the site's frame: a statement published later (the invalidation rules run on
    commit) brings its year to the select on the next request."""
    client.get("/en/statements/")
    with django_capture_on_commit_callbacks(execute=True):
        StatementPageFactory(parent=items["roadmap"].get_parent(), title="Old", date=datetime.date(2015, 5, 1))
    form = soup(client.get("/en/statements/")).select_one("form.filters")
    assert [o["value"] for o in form.select("select[name=year] option")] == ["", "2022", "2021", "2015"]


def test_pagination_keeps_the_filters(client, index, topics):
    for n in range(14):
        StatementPageFactory(parent=index, title=f"S{n}", topics=[topics["imrf"]])
    html = soup(client.get("/en/statements/?topic=imrf"))
    next_link = html.select_one('a[rel="next"]')["href"]
    assert next_link == "?topic=imrf&page=2"
    second = client.get("/en/statements/" + next_link)
    assert len(titles(second)) == 2


def test_drafts_and_private_pages_are_not_listed(client, items):
    items["iwd"].unpublish()
    PageViewRestriction.objects.create(page=items["pledge"], restriction_type="login")
    listed = titles(client.get("/en/statements/"))
    assert "Women's Day" not in listed and "Pledge" not in listed
    assert "Alert" in listed


@override_settings(
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
)
def test_listing_queries_are_the_same_for_3_and_300_items(client, index, topics, campaign):
    """The listing (with a topic filter, so a join) costs as many queries for 300 items as for 3."""
    for _n in range(3):
        StatementPageFactory(parent=index, topics=[topics["imrf"]], campaign=campaign)
    client.get("/en/statements/")
    _, few = count_queries(client, "/en/statements/?topic=imrf")
    _, few_page2 = count_queries(client, "/en/statements/")
    with in_bulk():
        for _n in range(297):
            StatementPageFactory(parent=index, topics=[topics["imrf"]], campaign=campaign)
    response, many = count_queries(client, "/en/statements/?topic=imrf")
    _, many_all = count_queries(client, "/en/statements/")
    _, many_page = count_queries(client, "/en/statements/?topic=imrf&page=25")
    assert response.status_code == 200
    assert StatementPage.objects.count() == 300
    assert few == many == many_page <= 12
    assert few_page2 == many_all <= 12
