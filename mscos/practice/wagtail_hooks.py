"""The practice library's snippets in the admin: countries and recommendations."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.practice.models import Country, Recommendation


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "tick-inverse"
    menu_label = _("Recommendations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "source", "live"]
    list_filter = ["source", "live"]
    search_fields = ["title", "body"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries")


register_snippet(RecommendationViewSet)
register_snippet(CountryViewSet)
