from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EventIndexPage, EventPage, EventParticipant


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("summary", "body", "venue")


@register(EventParticipant)
class EventParticipantTR(TranslationOptions):
    fields = ("position", "organization_name")
