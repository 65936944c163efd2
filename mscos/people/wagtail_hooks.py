"""People in the admin menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.people.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "group"
    menu_label = _("People")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "group", "consent_to_list"]
    list_filter = ["group", "consent_to_list"]
    search_fields = ["name", "role", "organisation"]


register_snippet(PersonViewSet)
