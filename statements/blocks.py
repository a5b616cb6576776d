"""The body of statement-like pages: the site's blocks, with footnotes in its paragraphs (wagtail-footnotes)."""

from wagtail_footnotes.blocks import RichTextBlockWithFootnotes

from wimn_site.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class StatementStreamBlock(BaseStreamBlock):
    """`BaseStreamBlock` whose paragraphs take footnotes: the editor marks a place in the text (the "Fn"
    button) and picks one of the page's footnotes; visitors see a numbered reference there and the notes,
    numbered in the order they are first referenced on the page, at the end of the page and in print."""

    paragraph = RichTextBlockWithFootnotes(features=[*RICH_TEXT_FEATURES, "footnotes"], icon="pilcrow")

    class Meta:
        template = "blocks/stream_block.html"
