"""Blocks for outcome pages: RAB clips and quotes, perspectives, and lists drawn from the practice
library, the recommendations, the resources and the forum."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from mscos.core.blocks import ContentStreamBlock
from mscos.core.translated_pages import in_reader_language, original, other_language
from mscos.practice import selectors as practice_selectors
from mscos.resources import selectors as resource_selectors


class FeaturedClipBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        label=_("Quote"), help_text=_("What they said, in their words. Keep it short.")
    )
    speaker = blocks.CharBlock(
        label=_("Speaker"),
        required=False,
        help_text=_("A first name or pseudonym, or leave empty to show no name."),
    )
    role = blocks.CharBlock(
        label=_("Role"),
        required=False,
        default="Member of the Research Advisory Board",
        help_text=_("e.g. 'Member of the Research Advisory Board'."),
    )
    clip = DocumentChooserBlock(
        label=_("Audio or video clip"),
        required=False,
        help_text=_("An uploaded MP3, MP4 or WebM file; played here, from this site."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said in the clip, for people who cannot hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Featured clip or quote")
        description = _("A short clip or quote from a Research Advisory Board member, shown large.")
        template = "outcomes/blocks/featured_clip.html"


class PerspectiveBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), help_text=_("Why this outcome matters to them."))
    speaker = blocks.CharBlock(
        label=_("Speaker"),
        required=False,
        help_text=_("Their name, a pseudonym, or empty to keep them unnamed."),
    )
    pseudonym = blocks.BooleanBlock(
        label=_("The name is a pseudonym"), required=False, help_text=_("Shown to readers.")
    )
    role = blocks.CharBlock(label=_("Role"), required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False)
    lived_experience = blocks.BooleanBlock(
        label=_("Expert by lived experience"),
        required=False,
        help_text=_("Marks the perspective as coming from someone with lived experience."),
    )

    class Meta:
        icon = "openquote"
        label = _("Perspective")
        description = _("A practitioner's or survivor's view on why this outcome matters.")
        template = "outcomes/blocks/perspective.html"


def _once_per_page(value, parent_context, listed):
    """What a list block lists, read once per page drawn: the contents list asks (does it list
    anything?) before the block is drawn, and both would otherwise run the queries."""
    page = (parent_context or {}).get("page")
    if page is None:
        return listed(value, None)
    kept = page.__dict__.setdefault("_listed_by_block", {})
    if id(value) not in kept:
        kept[id(value)] = (value, listed(value, page))  # the value kept alive keeps its id
    return kept[id(value)][1]


class PracticeExamplesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default="Practice examples")
    examples = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practice.PracticeExamplePage"),
        label=_("Examples"),
        required=False,
        help_text=_("Leave empty to list every example that serves this outcome."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Practice examples")
        description = _("Examples from the practice library, chosen or those serving this outcome.")
        template = "outcomes/blocks/practice_examples.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(_once_per_page(value, parent_context, self._listed))
        return context

    def _listed(self, value, page):
        chosen = [page.specific for page in value["examples"] if page and page.live]
        if not chosen and page is not None:
            # A translated outcome page serves the examples tagged with its English original.
            chosen = practice_selectors.practice_examples_for_outcome(original(page).pk)
        return {
            "examples": [
                (example, other_language(example)) for example in in_reader_language(chosen)
            ]
        }


class RecommendationsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default="Recommendations")
    recommendations = blocks.ListBlock(
        SnippetChooserBlock("practice.Recommendation"),
        label=_("Recommendations"),
        required=False,
        help_text=_("Leave empty to list every published recommendation for this outcome."),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Recommendations")
        description = _("Recommendations, e.g. from the Research Advisory Board.")
        template = "outcomes/blocks/recommendations.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(_once_per_page(value, parent_context, self._listed))
        # Recommendations are written in English only: marked so, on a page in another language.
        context["items_language"] = other_language(None)
        return context

    def _listed(self, value, page):
        chosen = [item for item in value["recommendations"] if item and item.live]
        if not chosen and page is not None:
            chosen = practice_selectors.recommendations_for_outcome(original(page).pk)
        return {"items": chosen}


class ResourcesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default="Resources")
    resources = blocks.ListBlock(
        SnippetChooserBlock("resources.Resource"),
        label=_("Resources"),
        required=False,
        help_text=_("Leave empty to list every resource tagged with this outcome."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Resources")
        description = _("Papers, presentations and reports about this outcome.")
        template = "outcomes/blocks/resources.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(_once_per_page(value, parent_context, self._listed))
        context["items_language"] = other_language(None)  # resources are described in English
        return context

    def _listed(self, value, page):
        chosen = [item for item in value["resources"] if item]
        if not chosen and page is not None:
            chosen = resource_selectors.resources_for_outcome(original(page).pk)
        return {"items": chosen}


class LatestTopicsBlock(blocks.StaticBlock):
    class Meta:
        icon = "group"
        label = _("Latest forum topics")
        description = _("The newest conversations in this outcome's forum category.")
        admin_text = _("Shows the newest conversations of this outcome's forum category here.")
        template = "outcomes/blocks/latest_topics.html"


class OutcomeStreamBlock(ContentStreamBlock):
    featured_clip = FeaturedClipBlock()
    perspective = PerspectiveBlock()
    practice_examples = PracticeExamplesBlock()
    recommendations = RecommendationsBlock()
    resources = ResourcesBlock()
    latest_topics = LatestTopicsBlock()
