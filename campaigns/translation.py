from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CampaignIndexPage, CampaignPage, Organization


@register(Organization)
class OrganizationTR(TranslationOptions):
    fields = ("description",)


@register(CampaignIndexPage)
class CampaignIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CampaignPage)
class CampaignPageTR(TranslationOptions):
    fields = ("intro", "hero_alt", "body")
