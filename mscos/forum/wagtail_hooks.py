from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mscos.forum.models import ForumCategory


class ForumCategoryViewSet(SnippetViewSet):
    model = ForumCategory
    icon = "group"
    menu_label = _("Forum categories")
    add_to_admin_menu = True
    list_display = ["name", "outcome_page"]
    sort_order_field = "sort_order"


register_snippet(ForumCategoryViewSet)
