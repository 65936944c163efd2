from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.forum import permissions as forum_permissions
from mscos.moderation import selectors
from mscos.moderation.models import CheckInMessage, RejectionTemplate, WatchedWord


class WatchedWordViewSet(SnippetViewSet):
    model = WatchedWord
    icon = "warning"
    menu_label = _("Watched words")
    add_to_admin_menu = True
    list_display = ["phrase", "action", "language"]
    list_filter = ["action", "language"]


register_snippet(WatchedWordViewSet)


class RejectionTemplateViewSet(SnippetViewSet):
    """Kind, plain messages moderators choose from when a post is not published."""

    model = RejectionTemplate
    icon = "comment"
    menu_label = _("Rejection messages")
    add_to_admin_menu = True
    list_display = ["title", "message", "active"]
    ordering = ["sort_order", "title"]


register_snippet(RejectionTemplateViewSet)


class CheckInMessageViewSet(SnippetViewSet):
    """What the writer of an urgent post reads once it is handled; safeguarding leads edit it."""

    model = CheckInMessage
    icon = "help"
    menu_label = _("Check-in messages")
    add_to_admin_menu = True
    list_display = ["language", "text"]


register_snippet(CheckInMessageViewSet)


class UrgentAlertPanel(Component):
    """On the admin's dashboard: urgent alerts that reached nobody, so an administrator can act
    (add an address to a moderator) without opening the queue."""

    name = "urgent_alerts"
    order = 10
    template_name = "moderation/admin_alert_panel.html"

    def __init__(self, warnings):
        self.warnings = warnings

    def get_context_data(self, parent_context=None):
        return {"warnings": self.warnings}


@hooks.register("construct_homepage_panels")
def add_urgent_alert_panel(request, panels):
    user = request.user
    if not (forum_permissions.is_moderator(user) or user.has_perm("accounts.change_user")):
        return
    warnings = selectors.alert_warnings()
    if warnings:
        panels.insert(0, UrgentAlertPanel(warnings))
