"""The event editing form: start and end are typed as the wall-clock time of the event's own time zone."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateTimeInput

from wimn_site.translators import TranslatedPageForm

from .times import wall_clock_to_aware


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time read as typed, without conversion through the editor's own time zone.

    Django's DateTimeField would read "16:00" in the admin user's zone; an event in New York edited
    from Manila must be read in New York. The form then places the value in the event's zone.
    """

    def to_python(self, value):
        with timezone.override(datetime.UTC):
            result = super().to_python(value)
        if result is not None and timezone.is_aware(result):
            result = timezone.make_naive(result, datetime.UTC)
        return result

    def prepare_value(self, value):
        return value  # the form gives a naive wall-clock time as initial value


class EventPageForm(TranslatedPageForm):
    start = WallClockDateTimeField(
        label=_("Starts"),
        widget=AdminDateTimeInput,
        help_text=_("Local time where the event takes place, in the time zone chosen below."),
    )
    end = WallClockDateTimeField(
        label=_("Ends"),
        widget=AdminDateTimeInput,
        help_text=_("Local time where the event takes place, in the time zone chosen below."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance is not None and instance.timezone:
            try:
                zone = zoneinfo.ZoneInfo(instance.timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                zone = None
            for name in ("start", "end"):
                value = getattr(instance, name, None)
                if zone is not None and value is not None and timezone.is_aware(value):
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("timezone")
        if zone_name:
            for name in ("start", "end"):
                value = cleaned_data.get(name)
                if isinstance(value, datetime.datetime):
                    try:
                        cleaned_data[name] = wall_clock_to_aware(value.replace(tzinfo=None), zone_name)
                    except ValidationError as error:
                        self.add_error(name, error)
                        cleaned_data.pop(name, None)
        elif not self.has_error("timezone"):
            self.add_error("timezone", _("Choose the time zone of the event."))
        return cleaned_data
