"""The advocacy calendar's rules: next occurrence, occurrences in a period, validation, wording."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns import dates
from campaigns.factories import AdvocacyDayFactory
from campaigns.models import AdvocacyDay, occurrences_between, upcoming

D = datetime.date


def yearly(month, day, **kwargs):
    return AdvocacyDay(name="Day", rule=AdvocacyDay.YEARLY_DATE, month=month, day=day, **kwargs)


def span(month, day, end_month, end_day):
    return AdvocacyDay(
        name="Span", rule=AdvocacyDay.YEARLY_RANGE, month=month, day=day, end_month=end_month, end_day=end_day
    )


SIXTEEN_DAYS = span(11, 25, 12, 10)
CSW = AdvocacyDay(name="CSW", rule=AdvocacyDay.YEARLY_MONTH, month=3)


@pytest.mark.parametrize(
    "on,expected",
    [
        (D(2026, 3, 1), D(2026, 3, 8)),  # later this year
        (D(2026, 3, 8), D(2026, 3, 8)),  # today is the day
        (D(2026, 3, 9), D(2027, 3, 8)),  # just passed: next year
        (D(2026, 12, 31), D(2027, 3, 8)),
    ],
)
def test_yearly_date_next_occurrence(on, expected):
    """A fixed day each year comes next on that day this year, or next year once it has passed."""
    assert yearly(3, 8).next_occurrence(on) == (expected, expected)


@pytest.mark.parametrize(
    "on,expected",
    [
        (D(2026, 11, 1), (D(2026, 11, 25), D(2026, 12, 10))),
        (D(2026, 11, 30), (D(2026, 11, 25), D(2026, 12, 10))),  # ongoing
        (D(2026, 12, 10), (D(2026, 11, 25), D(2026, 12, 10))),  # last day, still ongoing
        (D(2026, 12, 11), (D(2027, 11, 25), D(2027, 12, 10))),  # just over
    ],
)
def test_yearly_range_is_current_while_ongoing(on, expected):
    """On 30 November the 16 Days (25 November to 10 December) are under way, so this year's count."""
    assert SIXTEEN_DAYS.next_occurrence(on) == expected


def test_range_across_new_year_is_ongoing_in_january():
    """A span from 20 December to 6 January is ongoing on 3 January, from the previous year's start."""
    assert span(12, 20, 1, 6).next_occurrence(D(2027, 1, 3)) == (D(2026, 12, 20), D(2027, 1, 6))
    assert span(12, 20, 1, 6).next_occurrence(D(2027, 1, 7)) == (D(2027, 12, 20), D(2028, 1, 6))


@pytest.mark.parametrize(
    "on,expected",
    [
        (D(2027, 2, 10), (D(2027, 3, 1), D(2027, 3, 31))),
        (D(2027, 3, 15), (D(2027, 3, 1), D(2027, 3, 31))),  # ongoing all month
        (D(2027, 4, 1), (D(2028, 3, 1), D(2028, 3, 31))),
    ],
)
def test_yearly_month_covers_the_whole_month(on, expected):
    """CSW 'each March' occupies March, and is current throughout it."""
    assert CSW.next_occurrence(on) == expected


def test_month_rule_ends_on_the_last_day_of_february_in_a_leap_year():
    day = AdvocacyDay(name="Feb", rule=AdvocacyDay.YEARLY_MONTH, month=2)
    assert day.next_occurrence(D(2028, 1, 1)) == (D(2028, 2, 1), D(2028, 2, 29))
    assert day.next_occurrence(D(2027, 1, 1)) == (D(2027, 2, 1), D(2027, 2, 28))


@pytest.mark.parametrize(
    "on,expected",
    [
        (D(2027, 1, 1), D(2027, 2, 28)),  # common year: the 28th
        (D(2027, 3, 1), D(2028, 2, 29)),  # leap year: the 29th
        (D(2028, 3, 1), D(2029, 2, 28)),
    ],
)
def test_29_february_falls_on_the_28th_in_common_years(on, expected):
    assert yearly(2, 29).next_occurrence(on) == (expected, expected)


def test_range_ending_29_february():
    day = span(2, 20, 2, 29)
    assert day.next_occurrence(D(2027, 2, 1)) == (D(2027, 2, 20), D(2027, 2, 28))
    assert day.next_occurrence(D(2028, 2, 1)) == (D(2028, 2, 20), D(2028, 2, 29))


def test_one_off_has_no_occurrence_once_over():
    """A one-off event comes once: its dates until it ends, then nothing."""
    imrf = AdvocacyDay(name="IMRF", rule=AdvocacyDay.ONCE, date=D(2022, 5, 17), end_date=D(2022, 5, 20))
    assert imrf.next_occurrence(D(2022, 5, 1)) == (D(2022, 5, 17), D(2022, 5, 20))
    assert imrf.next_occurrence(D(2022, 5, 20)) == (D(2022, 5, 17), D(2022, 5, 20))
    assert imrf.next_occurrence(D(2022, 5, 21)) is None
    single = AdvocacyDay(name="Summit", rule=AdvocacyDay.ONCE, date=D(2016, 9, 19))
    assert single.next_occurrence(D(2016, 1, 1)) == (D(2016, 9, 19), D(2016, 9, 19))


def test_incomplete_rule_has_no_occurrence():
    """A day saved without its month (outside the admin) is simply left out, not an error."""
    assert AdvocacyDay(name="x", rule=AdvocacyDay.YEARLY_DATE).next_occurrence(D(2026, 1, 1)) is None


def test_occurrences_between_for_one_day():
    """Every occurrence overlapping a period, including one that started before it."""
    assert SIXTEEN_DAYS.occurrences_between(D(2026, 12, 1), D(2028, 1, 1)) == [
        (D(2026, 11, 25), D(2026, 12, 10)),
        (D(2027, 11, 25), D(2027, 12, 10)),
    ]
    assert yearly(3, 8).occurrences_between(D(2026, 3, 9), D(2027, 3, 7)) == []


@pytest.mark.django_db
def test_occurrences_between_for_the_feed():
    """The calendar feed's helper lists every day's occurrences in a period, by start date, as (day, start, end)."""
    AdvocacyDayFactory(slug="iwd", name="International Women's Day", month=3, day=8)
    AdvocacyDayFactory(slug="migrants", name="International Migrants Day", month=12, day=18)
    AdvocacyDayFactory(
        slug="16-days", name="16 Days", rule=AdvocacyDay.YEARLY_RANGE, month=11, day=25, end_month=12, end_day=10
    )
    AdvocacyDayFactory(slug="imrf", name="IMRF", rule=AdvocacyDay.ONCE, month=None, day=None, date=D(2022, 5, 17))
    found = [(day.slug, start, end) for day, start, end in occurrences_between(D(2026, 12, 1), D(2027, 12, 31))]
    assert found == [
        ("16-days", D(2026, 11, 25), D(2026, 12, 10)),
        ("migrants", D(2026, 12, 18), D(2026, 12, 18)),
        ("iwd", D(2027, 3, 8), D(2027, 3, 8)),
        ("16-days", D(2027, 11, 25), D(2027, 12, 10)),
        ("migrants", D(2027, 12, 18), D(2027, 12, 18)),
    ]
    assert occurrences_between(D(2027, 1, 1), D(2026, 1, 1)) == []


@pytest.mark.django_db
def test_upcoming_orders_by_next_occurrence_and_flags_ongoing():
    """Coming up: soonest first, the ongoing 16 Days before days later in the year, limited to N."""
    AdvocacyDayFactory(slug="iwd", name="IWD", month=3, day=8)
    AdvocacyDayFactory(slug="migrants", name="Migrants Day", month=12, day=18)
    AdvocacyDayFactory(
        slug="16-days", name="16 Days", rule=AdvocacyDay.YEARLY_RANGE, month=11, day=25, end_month=12, end_day=10
    )
    AdvocacyDayFactory(slug="past", name="Past", rule=AdvocacyDay.ONCE, month=None, day=None, date=D(2020, 1, 1))
    found = upcoming(on=D(2026, 11, 30))
    assert [(o.day.slug, o.ongoing) for o in found] == [("16-days", True), ("migrants", False), ("iwd", False)]
    assert [o.day.slug for o in upcoming(limit=2, on=D(2026, 11, 30))] == ["16-days", "migrants"]


class TestValidation:
    def test_yearly_date_needs_month_and_day(self):
        day = AdvocacyDay(name="x", slug="x", rule=AdvocacyDay.YEARLY_DATE, month=3)
        with pytest.raises(ValidationError) as exc:
            day.clean()
        assert "day" in exc.value.message_dict

    def test_day_must_exist_in_the_month(self):
        with pytest.raises(ValidationError) as exc:
            yearly(4, 31).clean()
        assert "day" in exc.value.message_dict

    def test_29_february_is_allowed(self):
        yearly(2, 29).clean()

    def test_one_off_end_before_start_is_refused(self):
        day = AdvocacyDay(name="x", rule=AdvocacyDay.ONCE, date=D(2022, 5, 17), end_date=D(2022, 5, 1))
        with pytest.raises(ValidationError) as exc:
            day.clean()
        assert "end_date" in exc.value.message_dict

    def test_fields_the_rule_does_not_use_are_cleared(self):
        """Switching a day to 'each March' drops the day of month and dates it had, so the rule is unambiguous."""
        day = AdvocacyDay(name="x", rule=AdvocacyDay.YEARLY_MONTH, month=3, day=8, end_month=4, date=D(2020, 1, 1))
        day.clean()
        assert (day.month, day.day, day.end_month, day.date) == (3, None, None, None)


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("en", "Every year from 25 November to 10 December"),
        ("es", "Cada año del 25 de noviembre al 10 de diciembre"),
        ("pt", "Todos os anos de 25 de novembro a 10 de dezembro"),
        ("fr", "Chaque année du 25 novembre au 10 décembre"),
    ],
)
def test_rule_in_words_in_each_language(lang, expected):
    with translation.override(lang):
        assert SIXTEEN_DAYS.rule_label == expected


@pytest.mark.parametrize(
    "lang,start,end,expected",
    [
        ("en", D(2022, 5, 17), D(2022, 5, 20), "17–20 May 2022"),
        ("es", D(2022, 5, 17), D(2022, 5, 20), "17–20 de mayo de 2022"),
        ("pt", D(2026, 11, 25), D(2026, 12, 10), "25 de novembro – 10 de dezembro de 2026"),
        ("fr", D(2027, 3, 1), D(2027, 3, 1), "1er mars 2027"),
        ("en", D(2026, 12, 20), D(2027, 1, 6), "20 December 2026 – 6 January 2027"),
    ],
)
def test_date_spans_in_each_language(lang, start, end, expected):
    with translation.override(lang):
        assert dates.span(start, end) == expected


def test_whole_month_is_named_as_a_month():
    with translation.override("es"):
        assert AdvocacyDay.describe(D(2027, 3, 1), D(2027, 3, 31)) == "marzo de 2027"


@pytest.mark.django_db
def test_ical_components_for_the_events_feed(calendar_page):
    """Advocacy days become all-day VEVENTs with stable UIDs, ready to join the events feed."""
    from campaigns.calendar import ical_components

    day = AdvocacyDayFactory(
        slug="16-days",
        name="16 Days of Activism",
        name_es="16 días de activismo",
        rule=AdvocacyDay.YEARLY_RANGE,
        month=11,
        day=25,
        end_month=12,
        end_day=10,
        venue_en="Everywhere",
        venue="Everywhere",
    )
    with translation.override("es"):
        (component,) = ical_components(D(2026, 12, 1), D(2027, 1, 31))
    assert component["UID"] == f"advocacy-{day.pk}-2026-11-25@womeninmigration.org"
    assert component.decoded("DTSTART") == D(2026, 11, 25)
    assert component.decoded("DTEND") == D(2026, 12, 11)  # exclusive end of an all-day span
    assert str(component["SUMMARY"]) == "16 días de activismo"
    assert "Cada año del 25 de noviembre al 10 de diciembre" in str(component["DESCRIPTION"])
    assert str(component["URL"]) == "/es/calendar/#day-16-days"
    assert str(component["TRANSP"]) == "TRANSPARENT"
