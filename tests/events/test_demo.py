import pytest

from django.utils import translation

from events import times
from events.models import EventIndexPage, EventPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_demo_loads_the_imrf_side_events_and_upcoming_ones(demo):
    index = EventIndexPage.objects.get(slug="events")
    events = EventPage.objects.child_of(index).live()
    days = {event.local_start.date().isoformat() for event in events}
    assert {"2016-07-17", "2022-05-17", "2022-05-18", "2022-05-19"} <= days
    upcoming = [event for event in events if event.end > times.now()]
    assert len(upcoming) >= 2
    for event in events:
        for language in ("en", "es", "pt", "fr"):
            assert event.is_available_in(language), (event.slug, language)


def test_demo_caucus_2016_is_4_to_6_30_pm_in_new_york(demo):
    caucus = EventPage.objects.get(slug="womens-caucus-new-york-2016")
    assert (caucus.local_start.hour, caucus.local_end.hour, caucus.local_end.minute) == (16, 18, 30)
    assert caucus.local_start.tzname() == "EDT"


def test_demo_reintegration_event(demo):
    event = EventPage.objects.get(slug="sustainable-reintegration-migrant-trafficked-women")
    (moderator,) = event.participants.filter(role="moderator")
    assert moderator.name == "Carol Barton"
    names = [
        c.organization_display for c in event.participants.filter(role="co-sponsor").select_related("organization")
    ]
    assert len(names) == 8 and "Bangladesh" in names[0]
    assert "Espacio de Mujer" in " ".join(names)
    assert event.program is not None and event.program.doc_type == "program"
    assert event.online_url.startswith("https://webtv.un.org")


def test_demo_programme_is_a_real_file_with_the_seeds_lines(demo):
    """Not a one-line placeholder cut at 90 characters: an A4 file whose text ('Read online') has the seed's
    facts in full and says it is an example."""
    from wimn_site.models import WimnDocument

    program = EventPage.objects.get(slug="sustainable-reintegration-migrant-trafficked-women").program
    program = WimnDocument.objects.get(pk=program.pk)  # with its text
    assert program.file.size > 5000
    program.file.open("rb")
    assert program.file.read(5) == b"%PDF-"
    program.file.close()
    text = " ".join(program.text.split())
    assert "Convened on Tuesday, May 17, in person and online" in text
    assert "Moderated by Carol Barton, Women in Migration Network" in text
    assert "Ovibashi Karmi Unnayan Program" in text
    assert "Example file of the demo site" in text


def test_demo_links_cosponsors_to_the_directory_when_present(demo):
    from campaigns.models import Organization

    caucus = EventPage.objects.get(slug="womens-caucus-imrf-2022")
    cosponsors = caucus.participants.filter(role="co-sponsor").select_related("organization")
    linked = {c.organization.slug for c in cosponsors if c.organization}
    in_directory = set(Organization.objects.filter(slug__in=["picum", "gaatw", "nnirr"]).values_list("slug", flat=True))
    assert in_directory <= linked
    assert cosponsors.count() == 14


def test_demo_pages_render(client, demo):
    for language in ("en", "fr"):
        assert client.get(f"/{language}/events/").status_code == 200
        for event in EventPage.objects.live():
            assert client.get(f"/{language}/events/{event.slug}/").status_code == 200
            assert client.get(f"/{language}/events/{event.slug}/event.ics").status_code == 200


def test_demo_caucuses_were_organized_by_the_network(client, demo):
    """The seeds: "Organized by Women in Migration Network/WIMN" (2022), "WIMN is Hosting a Women's Caucus" (2016)."""
    for slug in ("womens-caucus-imrf-2022", "womens-caucus-new-york-2016"):
        event = EventPage.objects.get(slug=slug)
        organizers = [p.organization_display for p in event.participants.filter(role="organizer")]
        assert organizers == ["Women in Migration Network (WIMN)"]


@pytest.mark.parametrize(
    "language,line,moderator",
    [
        ("en", "Organized by Women in Migration Network (WIMN)", "Women in Migration Network"),
        ("es", "Organizado por Red de Mujeres en la Migración (WIMN)", "Red de Mujeres en la Migración"),
        ("pt", "Organizado por Rede de Mulheres na Migração (WIMN)", "Rede de Mulheres na Migração"),
        ("fr", "Organisé par Réseau Femmes en migration (WIMN)", "Réseau Femmes en migration"),
    ],
)
def test_demo_events_name_the_network_in_the_visitors_language(client, demo, language, line, moderator):
    """The organizer line and the moderator's organization use the network's name in the page's language (the
    name the site's home page uses), not the English one."""
    caucus = soup(client.get(f"/{language}/events/womens-caucus-imrf-2022/"))
    assert caucus.select_one(".event-organizers").get_text(" ", strip=True) == line
    reintegration = soup(client.get(f"/{language}/events/sustainable-reintegration-migrant-trafficked-women/"))
    people = reintegration.select_one(".event-people").get_text(" ", strip=True)
    assert "Carol Barton" in people and moderator in people
    if language != "en":
        assert "Women in Migration Network" not in caucus.select_one(".event-organizers").get_text()
        assert "Women in Migration Network" not in people


@pytest.mark.parametrize("language,city", [("en", "New York"), ("es", "Nueva York"), ("pt", "Nova York")])
def test_demo_caucuses_venue_is_in_the_visitors_language(client, demo, language, city):
    for slug in ("womens-caucus-imrf-2022", "womens-caucus-new-york-2016"):
        event = EventPage.objects.get(slug=slug)
        with translation.override(language):
            assert event.venue == city, (slug, language)


@pytest.mark.parametrize(
    "language,ohchr,iom",
    [
        ("en", "Human Rights (OHCHR)", "IOM Research"),
        ("es", "Derechos Humanos (ACNUDH)", "Investigación de la OIM"),
        ("pt", "Direitos Humanos (ACNUDH)", "Pesquisa da OIM"),
        ("fr", "droits de l'homme (HCDH)", "Recherche de l'OIM"),
    ],
)
def test_demo_un_cosponsors_carry_one_acronym_in_the_visitors_language(client, demo, language, ohchr, iom):
    """A UN body's name is followed by its official acronym in the page's language, once: never "(ACNUDH)
    (OHCHR)" nor "Investigación de la OIM (IOM)" on /es/."""
    text = {}
    slugs = ("sustainable-reintegration-migrant-trafficked-women", "from-pledges-to-practices-gender-responsiveness")
    for slug in slugs:
        text[slug] = " ".join(soup(client.get(f"/{language}/events/{slug}/")).get_text(" ").split())
    reintegration, pledges = text.values()
    assert ohchr in reintegration and f"{ohchr} (" not in reintegration
    assert iom in pledges and f"{iom} (" not in pledges
    if language != "en":
        assert not any(english in page for english in ("(OHCHR)", "(IOM)") for page in text.values())
