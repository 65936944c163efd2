from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.measurement import admin_views
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


@hooks.register("register_admin_urls")
def measurement_admin_urls():
    return [path("workspaces/", admin_views.workspaces, name="measurement_admin_workspaces")]


class WorkspacesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def workspaces_menu_item():
    return WorkspacesMenuItem(
        _("Workspaces"), reverse("measurement_admin_workspaces"), icon_name="group", order=330
    )
