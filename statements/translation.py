"""Translated fields of the statements app (one column per language). Bases are registered before subclasses."""

from wagtail_footnotes.models import Footnote

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    NewsCoveragePage,
    OpEdAuthor,
    OpEdPage,
    PledgeCommitment,
    PledgePage,
    RepostPage,
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


@register(NewsCoveragePage)
class NewsCoveragePageTR(TranslationOptions):
    """The network's introduction is translated; the quote stays as published, in the piece's language."""

    fields = ("body",)


@register(RepostPage)
class RepostPageTR(TranslationOptions):
    """The English column of the excerpt holds it as the partner published it (in `original_language`); other
    languages may hold a translation, else show it as published. Registered, so search finds its words."""

    fields = ("excerpt",)


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
