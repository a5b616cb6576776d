import datetime
import zoneinfo

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import Organization
from events.models import EventPage, EventParticipant
from tests.helpers import soup
from wimn_site.factories import TopicFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))


def event_form(**overrides):
    data = {
        "title_en": "Women's Caucus",
        "title_es": "Caucus de Mujeres",
        "title_pt": "",
        "title_fr": "Caucus des femmes",
        "slug": "womens-caucus",
        "summary_en": "A caucus before the Summit for Refugees and Migrants.",
        "summary_es": "Un caucus antes de la Cumbre.",
        "summary_pt": "",
        "summary_fr": "Un caucus avant le Sommet.",
        "start": "2016-07-17 16:00",
        "end": "2016-07-17 18:30",
        "timezone": "America/New_York",
        "format": "hybrid",
        "status": "scheduled",
        "venue_en": "Church Center for the United Nations",
        "venue_es": "",
        "venue_pt": "",
        "venue_fr": "",
        "address": "777 United Nations Plaza, New York",
        "online_url": "https://webtv.un.org/",
        "registration_url": "",
        "body_en": streamfield([("paragraph", rich_text("<p>All migrants have all human rights.</p>"))]),
        "body_es": streamfield([]),
        "body_pt": streamfield([]),
        "body_fr": streamfield([]),
        "participants": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_event_add_form_renders(staff, events_index):
    """Staff can open the create form of an event under the events section."""
    response = staff.get(add_url(events_index))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="timezone"' in content and "America/New_York" in content


def participant(role, name="", organization="", organization_name_en="", position_en="", **other):
    return {
        "role": role,
        "name": name,
        "position_en": position_en,
        "organization": organization,
        "organization_name_en": organization_name_en,
        **other,
    }


def test_the_add_form_offers_every_participant_role(staff, events_index):
    """The rendered form's participant rows choose among the six roles."""
    page = soup(staff.get(add_url(events_index)))
    select = page.find("select", attrs={"name": "participants-__prefix__-role"})
    assert [option["value"] for option in select.find_all("option") if option["value"]] == [
        "organizer",
        "co-organizer",
        "co-sponsor",
        "moderator",
        "speaker",
        "rapporteur",
    ]


def test_staff_create_an_event_with_participants_and_topics(staff, events_index):
    """The create form publishes an event with its organizer, co-organizer, moderator, speaker, co-sponsors (from
    the directory and by name) and rapporteur, in the editor's order, and its topics."""
    org = Organization.objects.create(
        name="Global Alliance Against Traffic in Women", slug="gaatw", sector="womens-rights"
    )
    topic = TopicFactory(slug="imrf", name="IMRF")
    data = event_form(
        participants=inline_formset(
            [
                participant("organizer", organization_name_en="Women in Migration Network"),
                participant("co-organizer", organization_name_en="UN Women", organization_name_es="ONU Mujeres"),
                participant("moderator", "Carol Barton", position_en="Co-convenor", organization_name_en="WIMN"),
                participant("speaker", "Neha Misra", "", "Solidarity Center", "Senior Specialist"),
                participant("co-sponsor", organization=str(org.pk)),
                participant(
                    "co-sponsor",
                    organization_name_en="Government of Canada",
                    organization_name_fr="Gouvernement du Canada",
                ),
                participant("rapporteur", "Carol Barton"),
            ]
        ),
    )
    data["topics"] = [str(topic.pk)]
    response = staff.post(add_url(events_index), {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="womens-caucus")
    assert event.live
    rows = [(p.role, p.name or p.organization_display) for p in event.participants.order_by("sort_order")]
    assert rows == [
        ("organizer", "Women in Migration Network"),
        ("co-organizer", "UN Women"),
        ("moderator", "Carol Barton"),
        ("speaker", "Neha Misra"),
        ("co-sponsor", "Global Alliance Against Traffic in Women"),
        ("co-sponsor", "Government of Canada"),
        ("rapporteur", "Carol Barton"),
    ]
    assert event.participants.get(role="co-organizer").organization_name_es == "ONU Mujeres"
    assert list(EventParticipant.objects.filter(organization=org).values_list("page__slug", flat=True)) == [
        "womens-caucus"
    ]
    assert list(event.topics.values_list("slug", flat=True)) == ["imrf"]
    assert event.is_available_in("fr") and not event.is_available_in("pt")


@pytest.mark.parametrize(
    "row,field",
    [
        (participant("co-sponsor"), "organization_name_en"),  # an organization's role without one
        (participant("organizer", "Carol Barton", organization_name_en="WIMN"), "name"),  # a person as organizer
        (participant("speaker", organization_name_en="Solidarity Center"), "name"),  # a speaker without a name
        (participant("keynote", "Carol Barton"), "role"),  # not a role
    ],
)
def test_admin_refuses_a_participant_that_does_not_fit_its_role(staff, events_index, row, field):
    """A bad participant row is refused with the error on its field, and nothing is created."""
    response = staff.post(
        add_url(events_index), {**event_form(participants=inline_formset([row])), "action-publish": "publish"}
    )
    assert response.status_code == 200
    formset = response.context["form"].formsets["participants"]
    assert field in formset.forms[0].errors
    assert not EventPage.objects.filter(slug="womens-caucus").exists()


def test_admin_times_are_read_in_the_event_zone_in_summer(staff, events_index):
    """16:00 typed for New York in July is 16:00 EDT, i.e. 20:00 UTC, whatever the editor's own zone."""
    response = staff.post(add_url(events_index), {**event_form(), "action-publish": "publish"})
    assert response.status_code == 302
    event = EventPage.objects.get(slug="womens-caucus")
    assert event.start == datetime.datetime(2016, 7, 17, 20, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2016, 7, 17, 22, 30, tzinfo=UTC)
    assert event.local_start.tzname() == "EDT"


@pytest.mark.parametrize(
    "day,utc_hour,abbreviation",
    [("2025-03-07", 21, "EST"), ("2025-03-10", 20, "EDT")],
)
def test_admin_times_across_the_march_clock_change(staff, events_index, day, utc_hour, abbreviation):
    """4 pm in New York the Friday before the March switch is 21:00 UTC (EST); the Monday after, 20:00 UTC (EDT)."""
    data = event_form(start=f"{day} 16:00", end=f"{day} 17:30")
    response = staff.post(add_url(events_index), {**data, "action-publish": "publish"})
    assert response.status_code == 302
    event = EventPage.objects.get(slug="womens-caucus")
    assert event.start.astimezone(UTC).hour == utc_hour
    assert event.local_start.hour == 16 and event.local_start.tzname() == abbreviation


def test_admin_reads_times_in_another_zone_than_the_server(staff, events_index):
    """An event in Manila typed as 09:00 is 01:00 UTC, not 09:00 in the server's New York zone."""
    data = event_form(start="2024-12-18 09:00", end="2024-12-18 11:00", timezone="Asia/Manila")
    response = staff.post(add_url(events_index), {**data, "action-publish": "publish"})
    assert response.status_code == 302
    assert EventPage.objects.get(slug="womens-caucus").start == datetime.datetime(2024, 12, 18, 1, 0, tzinfo=UTC)


def test_admin_edit_form_shows_the_event_local_time(staff, events_index, make_event):
    """The edit form shows 09:00 for an event at 9 am in Manila, not the UTC or the server's New York time."""
    manila = zoneinfo.ZoneInfo("Asia/Manila")
    event = make_event(start=datetime.datetime(2025, 3, 10, 9, 0, tzinfo=manila), timezone="Asia/Manila", slug="manila")
    response = staff.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    assert response.status_code == 200
    assert response.context["form"]["start"].value() == datetime.datetime(2025, 3, 10, 9, 0)
    assert 'value="2025-03-10 09:00"' in response.content.decode()


def test_admin_times_ignore_the_editor_own_time_zone(staff, events_index, django_user_model):
    """An editor whose admin runs in Tokyo time still types New York times for a New York event."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="staff"))
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()
    response = staff.post(add_url(events_index), {**event_form(), "action-publish": "publish"})
    assert response.status_code == 302
    assert EventPage.objects.get(slug="womens-caucus").start == datetime.datetime(2016, 7, 17, 20, 0, tzinfo=UTC)


def test_admin_refuses_a_time_skipped_by_the_clock_change(staff, events_index):
    """02:30 on 9 March 2025 does not exist in New York: a form error, nothing saved."""
    data = event_form(start="2025-03-09 02:30", end="2025-03-09 04:00")
    response = staff.post(add_url(events_index), {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert "does not exist" in str(response.context["form"].errors["start"])
    assert not EventPage.objects.filter(slug="womens-caucus").exists()


def test_admin_refuses_an_end_before_the_start(staff, events_index):
    data = event_form(start="2025-03-10 16:00", end="2025-03-10 15:00")
    response = staff.post(add_url(events_index), {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert response.context["form"].errors.get("end")


def test_admin_refuses_an_unknown_time_zone(staff, events_index):
    response = staff.post(add_url(events_index), {**event_form(timezone="Mars/Olympus"), "action-publish": "publish"})
    assert response.status_code == 200
    assert response.context["form"].errors.get("timezone")
    assert not EventPage.objects.filter(slug="womens-caucus").exists()


def test_events_live_only_in_the_events_section(events_index, home):
    """Events are created under the events section only, and the section once under the home page."""
    from events.models import EventIndexPage

    assert EventPage.can_create_at(events_index)
    assert not EventPage.can_create_at(home)
    assert not EventIndexPage.can_create_at(home)  # max_count 1, already there
    assert EventIndexPage.can_exist_under(home)


def rendered_form_data(response, selector="form#page-edit-form"):
    """What a browser without scripts would post back from the rendered form: every named field with its value
    (checked boxes only, the selected option). StreamFields, which the admin's scripts write, are added by the test."""
    form = soup(response).select_one(selector)
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select("option[selected]")
            data[name] = (
                [option.get("value", "") for option in chosen]
                if field.has_attr("multiple")
                else (chosen[0].get("value", "") if chosen else "")
            )
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return data


def test_the_rendered_edit_form_posts_back_its_participants_and_takes_changes(staff, make_event):
    """Staff open an event with participants, change one row's role, add a rapporteur and publish: the rendered form
    round-trips every row, with its translations."""
    from events.factories import EventParticipantFactory

    event = make_event(slug="caucus", title="Caucus")
    EventParticipantFactory(
        page=event, role="organizer", organization_name_en="UN Women", organization_name_es="ONU Mujeres"
    )
    EventParticipantFactory(page=event, role="moderator", name="Carol Barton", position_fr="Co-coordinatrice")
    url = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    data = rendered_form_data(staff.get(url))
    assert data["participants-TOTAL_FORMS"] == "2"
    assert data["participants-0-role"] == "organizer" and data["participants-0-organization_name_es"] == "ONU Mujeres"
    data["participants-0-role"] = "co-organizer"
    data.update(
        {
            "participants-TOTAL_FORMS": "3",
            "participants-2-role": "rapporteur",
            "participants-2-name": "Neha Misra",
            "participants-2-ORDER": "3",
            **{f"body_{code}": streamfield([]) for code in ("en", "es", "pt", "fr")},
        }
    )
    response = staff.post(url, {**nested_form_data(data), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    rows = [(p.role, p.name or p.organization_display, p.position_fr or "") for p in event.participants.all()]
    assert sorted(rows) == [
        ("co-organizer", "UN Women", ""),
        ("moderator", "Carol Barton", "Co-coordinatrice"),
        ("rapporteur", "Neha Misra", ""),
    ]
    assert event.participants.get(role="co-organizer").organization_name_es == "ONU Mujeres"
