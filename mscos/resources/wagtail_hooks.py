"""Resources in the admin menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.resources.models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Resources")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "kind", "published"]
    list_filter = ["kind"]
    search_fields = ["title", "description"]


register_snippet(ResourceViewSet)
