"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)
    role = blocks.CharBlock(label=_("Their role or organisation"), required=False)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation, with who said it if they agreed to be named.")


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "core/blocks/callout.html"
        label = _("Call-out box")
        description = _("A boxed note that stands out from the text, e.g. where to get help.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Section heading"), form_classname="title", template="core/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    quote = QuoteBlock()
    callout = CalloutBlock()


class ContentStreamBlock(BaseStreamBlock):
    """BaseStreamBlock with a help text on every block, for the editorial page types."""

    heading = blocks.CharBlock(
        label=_("Section heading"),
        form_classname="title",
        template="core/blocks/heading.html",
        help_text=_("Starts a new section; shown in bold and used by screen readers to skip."),
    )
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Paragraphs, lists and links. Keep sentences short and plain."),
    )
    image = ImageBlock(
        label=_("Image"),
        required=True,
        description=_(
            "A picture with alt text describing it; tick 'decorative' only if it adds nothing "
            "a reader would miss."
        ),
        template="core/blocks/image.html",
    )
