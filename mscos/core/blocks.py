"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)
    role = blocks.CharBlock(label=_("Their role or organisation"), required=False)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"
        label = _("Quote")


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "core/blocks/callout.html"
        label = _("Call-out box")


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Section heading"), form_classname="title", template="core/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    quote = QuoteBlock()
    callout = CalloutBlock()
