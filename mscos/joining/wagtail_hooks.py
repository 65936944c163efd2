from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from mscos.core.csv_export import SpreadsheetSafeCsvMixin
from mscos.joining.models import JoinRequest


class JoinRequestIndexView(SpreadsheetSafeCsvMixin, IndexView):
    pass


class JoinRequestViewSet(SnippetViewSet):
    """People who joined, for editors: read, filter, export as CSV."""

    model = JoinRequest
    index_view_class = JoinRequestIndexView
    icon = "group"
    menu_label = _("Join requests")
    add_to_admin_menu = True
    menu_order = 330
    list_display = [
        "name",
        "role",
        "country",
        BooleanColumn("consent_to_updates", label=_("Wants updates")),
        "created_at",
    ]
    list_filter = ["role", "consent_to_updates"]
    list_export = [
        "name",
        "email",
        "role",
        "organisation",
        "country",
        "consent_to_updates",
        "created_at",
    ]
    export_formats = ["csv"]
    search_fields = ["name", "email", "organisation", "country"]
    form_fields = ["name", "email", "role", "organisation", "country", "consent_to_updates"]


register_snippet(JoinRequestViewSet)
