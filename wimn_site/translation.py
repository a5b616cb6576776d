from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ContentPage, DocumentLibraryPage, FormPage, HomePage, Topic


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("mission", "intro", "body", "cta_heading", "cta_text")


@register(ContentPage)
class ContentPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(Topic)
class TopicTR(TranslationOptions):
    fields = ("name", "description")


@register(DocumentLibraryPage)
class DocumentLibraryPageTR(TranslationOptions):
    fields = ("intro",)


@register(FormPage)
class FormPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text")
