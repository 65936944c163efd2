from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


@hooks.register("register_log_actions")
def register_forum_actions(actions):
    for action, label in [
        ("mscos.post_approved", _("Post approved")),
        ("mscos.post_hidden", _("Post hidden")),
        ("mscos.post_held", _("Post held for review")),
        ("mscos.topic_changed", _("Topic locked or pinned")),
        ("mscos.topic_moved", _("Topic moved")),
        ("mscos.topic_hidden", _("Topic hidden")),
        ("mscos.anonymous_author_revealed", _("Anonymous author revealed")),
    ]:
        actions.register_action(action, label, label)
