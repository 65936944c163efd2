from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.moderation.models import RejectionTemplate, WatchedWord


class WatchedWordViewSet(SnippetViewSet):
    model = WatchedWord
    icon = "warning"
    menu_label = _("Watched words")
    add_to_admin_menu = True
    list_display = ["phrase", "action"]
    list_filter = ["action"]


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
