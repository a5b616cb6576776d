"""The body of statement-like pages: the site's blocks, with footnotes in its paragraphs (wagtail-footnotes)."""

from wagtail_footnotes.blocks import FIND_FOOTNOTE_TAG, RichTextBlockWithFootnotes

from wagtail.rich_text import get_text_for_indexing

from wimn_site.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class ParagraphWithFootnotes(RichTextBlockWithFootnotes):
    """A paragraph whose footnote references render as numbers; search indexes its words without the
    references' placeholder ids (the notes' text is not part of the page's words)."""

    def get_searchable_content(self, value):
        return [get_text_for_indexing(FIND_FOOTNOTE_TAG.sub("", value.source))]


class StatementStreamBlock(BaseStreamBlock):
    """`BaseStreamBlock` whose paragraphs take footnotes: the editor marks a place in the text (the "Fn"
    button) and picks one of the page's footnotes; visitors see a numbered reference there and the notes,
    numbered in the order they are first referenced on the page, at the end of the page and in print."""

    paragraph = ParagraphWithFootnotes(features=[*RICH_TEXT_FEATURES, "footnotes"], icon="pilcrow")

    class Meta:
        template = "blocks/stream_block.html"
