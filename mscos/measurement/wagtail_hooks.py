from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.measurement.models import Indicator


class IndicatorViewSet(SnippetViewSet):
    """The indicator library: editors write, experts by lived experience mark reviewed."""

    model = Indicator
    icon = "list-ul"
    menu_label = _("Indicator library")
    list_display = ["text", "outcome", "kind", "review_status"]
    list_filter = ["kind", "review_status", "outcome"]
    search_fields = ["text"]
    ordering = ["outcome", "sort_order"]


register_snippet(IndicatorViewSet)
