"""The blocks an update is made of, in the order the seed update uses them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from mscos.core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class SitePathBlock(blocks.CharBlock):
    """A link inside this site ("/forums/..."): never another origin."""

    def clean(self, value):
        value = super().clean(value)
        if value and (not value.startswith("/") or value.startswith("//")):
            raise ValidationError(_('Use an address on this site that starts with "/".'))
        return value


class FeatureBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_description = blocks.CharBlock(label=_("Image description (alt text)"), required=False)
    page = blocks.PageChooserBlock(label=_("Read more on"), required=False)

    class Meta:
        icon = "pick"
        template = "updates/blocks/feature.html"
        label = _("Feature")


class SpeakerQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), required=False)
    role = blocks.CharBlock(label=_("Role"), required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False)

    class Meta:
        icon = "openquote"
        template = "updates/blocks/speaker_quote.html"
        label = _("Quote with speaker")


class PracticeExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Name of the practice or programme"))
    organisation = blocks.CharBlock(label=_("Run by"), required=False)
    place = blocks.CharBlock(label=_("Where"), required=False)
    description = blocks.RichTextBlock(label=_("What they do"), features=RICH_TEXT_FEATURES)
    link = SitePathBlock(label=_("Link on this site"), required=False)

    class Meta:
        icon = "doc-full"
        template = "updates/blocks/practice_example.html"
        label = _("Practice example")


class RecommendationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Recommendation"))
    text = blocks.TextBlock(label=_("Detail"), required=False)


class RecommendationListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    source = blocks.CharBlock(
        label=_("From"), required=False, help_text=_('e.g. "The Research Advisory Board"')
    )
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    items = blocks.ListBlock(RecommendationBlock(), label=_("Recommendations"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "updates/blocks/recommendation_list.html"
        label = _("Recommendation list")


class TeaserBlock(blocks.StructBlock):
    KIND_CHOICES = [
        ("workshop", _("Workshop")),
        ("expert_forum", _("Expert forum")),
        ("podcast", _("Podcast")),
        ("event", _("Event")),
    ]
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=KIND_CHOICES, default="workshop")
    title = blocks.CharBlock(label=_("Title"))
    when = blocks.CharBlock(
        label=_("When"), required=False, help_text=_('e.g. "Thursday 16 November, 2 to 3 pm"')
    )
    description = blocks.TextBlock(label=_("Description"), required=False)
    page = blocks.PageChooserBlock(label=_("More on"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = dict(self.KIND_CHOICES).get(value["kind"], "")
        return context

    class Meta:
        icon = "date"
        template = "updates/blocks/teaser.html"
        label = _("Event or podcast teaser")


class DidYouKnowBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Tip"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "updates/blocks/did_you_know.html"
        label = _("Did you know?")


class ForumCallBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Join the conversation"))
    text = blocks.TextBlock(label=_("Text"))
    link_text = blocks.CharBlock(label=_("Button text"), default=_("Go to the forum"))
    link = SitePathBlock(label=_("Forum address"), help_text=_('e.g. "/forums/safety/"'))

    class Meta:
        icon = "group"
        template = "updates/blocks/forum_call.html"
        label = _("Call to the forums")


class UpdateStreamBlock(BaseStreamBlock):
    feature = FeatureBlock()
    speaker_quote = SpeakerQuoteBlock()
    practice_example = PracticeExampleBlock()
    recommendations = RecommendationListBlock()
    teaser = TeaserBlock()
    did_you_know = DidYouKnowBlock()
    forum_call = ForumCallBlock()
