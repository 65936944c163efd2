from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.measurement.library import translations_ensure
from mscos.measurement.models import Answer, Indicator


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


@hooks.register("after_create_snippet")
def indicator_in_every_language(request, instance):
    """A new question exists in every site language at once, marked for its translator."""
    if isinstance(instance, Indicator):
        translations_ensure(instance)


@hooks.register("before_delete_snippet")
def keep_indicators_with_answers(request, instances):
    """An indicator check-ins have answered stays: its answers would lose their question."""
    answered = [
        i
        for i in instances
        if isinstance(i, Indicator) and Answer.objects.filter(indicator=i).exists()
    ]
    if answered:
        messages.error(
            request,
            _(
                "Check-ins have answered this indicator, so it cannot be deleted: its answers "
                "would lose their question. Change its words instead."
            ),
        )
        return redirect("wagtailsnippets_measurement_indicator:edit", answered[0].pk)
    return None
