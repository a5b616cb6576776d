"""The StreamField blocks every page type shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty only if it is decorative."),
        required=False,
    )
    caption = blocks.CharBlock(required=False, max_length=300)
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, help_text=_("The action, e.g. 'Read the full statement'."))
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text=_("Used when no page is chosen."))

    class Meta:
        icon = "link"
        template = "blocks/cta_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(block_errors={"url": ValidationError(_("Choose a page or give a URL."))})
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=200, help_text=_("Defaults to the document title."))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks an editor may use in the body of any page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()

    class Meta:
        template = "blocks/stream_block.html"
