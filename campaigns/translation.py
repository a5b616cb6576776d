from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    AdvocacyCalendarPage,
    AdvocacyDay,
    CampaignDemand,
    CampaignIndexPage,
    CampaignMilestone,
    CampaignPage,
    CoalitionMembership,
    Organization,
    OrganizationDirectoryPage,
)


@register(Organization)
class OrganizationTR(TranslationOptions):
    # Names and acronyms fall back to English: most organizations have one name, UN bodies and governments have
    # official ones (the UN's OHCHR is the ACNUDH in Spanish, the HCDH in French).
    fields = ("name", "acronym", "country", "description")


@register(CoalitionMembership)
class CoalitionMembershipTR(TranslationOptions):
    fields = ("note",)


@register(CampaignIndexPage)
class CampaignIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CampaignPage)
class CampaignPageTR(TranslationOptions):
    fields = ("intro", "hero_alt", "body", "demands_heading")


@register(CampaignDemand)
class CampaignDemandTR(TranslationOptions):
    fields = ("title", "detail")


@register(CampaignMilestone)
class CampaignMilestoneTR(TranslationOptions):
    fields = ("label",)


@register(OrganizationDirectoryPage)
class OrganizationDirectoryPageTR(TranslationOptions):
    fields = ("intro",)


@register(AdvocacyDay)
class AdvocacyDayTR(TranslationOptions):
    fields = ("name", "venue", "description")


@register(AdvocacyCalendarPage)
class AdvocacyCalendarPageTR(TranslationOptions):
    fields = ("intro",)
