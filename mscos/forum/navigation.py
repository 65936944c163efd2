"""What the forum contributes to the page shell: the Forums drop-down."""

from django.utils.translation import gettext_lazy as _

from mscos.core.navigation import MenuLink, register_submenu
from mscos.forum import reader, selectors

FORUM_SUBMENU = "forum_categories"
MENU_CATEGORY_LIMIT = 12


def forum_category_links(request) -> list[MenuLink] | None:
    """The categories this reader may see; None (no Forums item) while a member takes a break."""
    if reader.is_on_break(request.user):
        return None
    # A menu stays short; the "All forums" link above the list leads to the rest.
    return [
        MenuLink(label=category.name, url=category.get_absolute_url())
        for category in selectors.categories_for_menu(request, MENU_CATEGORY_LIMIT)
    ]


def register() -> None:
    register_submenu(FORUM_SUBMENU, str(_("Forum categories")), forum_category_links)
