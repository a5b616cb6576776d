"""Translated fields of the statements app (one column per language). Bases are registered before subclasses."""

from wagtail_footnotes.models import Footnote

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    OpEdAuthor,
    OpEdPage,
    PledgeCommitment,
    PledgePage,
    StatementAttachment,
    StatementBasePage,
    StatementIndexPage,
    StatementPage,
)


@register(StatementIndexPage)
class StatementIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(StatementBasePage)
class StatementBasePageTR(TranslationOptions):
    fields = ("summary",)


@register(StatementPage)
class StatementPageTR(TranslationOptions):
    fields = ("body", "dateline")


@register(PledgePage)
class PledgePageTR(TranslationOptions):
    fields = ("body", "update_note")


@register(OpEdPage)
class OpEdPageTR(TranslationOptions):
    fields = ("body",)


@register(StatementAttachment)
class StatementAttachmentTR(TranslationOptions):
    fields = ("label",)


@register(PledgeCommitment)
class PledgeCommitmentTR(TranslationOptions):
    fields = ("text", "note")


@register(OpEdAuthor)
class OpEdAuthorTR(TranslationOptions):
    fields = ("role",)


@register(Footnote)
class FootnoteTR(TranslationOptions):
    """wagtail-footnotes' footnotes, one row per footnote with its text in every language (the package's
    TranslatableMixin, one row per locale, is not how this site translates; its columns go unused)."""

    fields = ("text",)
