from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EventCoSponsor, EventIndexPage, EventPage, EventPerson


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("summary", "body", "venue")


@register(EventPerson)
class EventPersonTR(TranslationOptions):
    fields = ("role",)


@register(EventCoSponsor)
class EventCoSponsorTR(TranslationOptions):
    fields = ("organization_name",)
