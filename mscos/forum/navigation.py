"""What the forum contributes to the page shell: the Forums drop-down."""

from django.utils.translation import gettext_lazy as _

from mscos.core.navigation import MenuLink, register_submenu
from mscos.forum import selectors

FORUM_SUBMENU = "forum_categories"


def forum_category_links(request) -> list[MenuLink]:
    return [
        MenuLink(label=category.name, url=category.get_absolute_url())
        for category in selectors.categories_in_order().only("name", "slug")
    ]


def register() -> None:
    register_submenu(FORUM_SUBMENU, str(_("Forum categories")), forum_category_links)
