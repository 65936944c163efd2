"""The primary navigation's drop-downs: higher apps register what a drop-down lists."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str


# A provider returns the drop-down's links, or None to hide the menu item for this reader.
SubmenuProvider = Callable[[HttpRequest], list[MenuLink] | None]

_submenus: dict[str, tuple[str, SubmenuProvider]] = {}


def register_submenu(key: str, label: str, provider: SubmenuProvider) -> None:
    """Lets an app (e.g. the forum) fill a drop-down without core importing it."""
    _submenus[key] = (label, provider)


def submenu_choices() -> list[tuple[str, str]]:
    """Choices for the editor: which registered list a menu item opens."""
    return [("", "—"), *((key, label) for key, (label, _provider) in sorted(_submenus.items()))]


def submenu_links(key: str, request: HttpRequest) -> list[MenuLink] | None:
    """The links of one registered drop-down (None: hide the item); [] when none is registered."""
    entry = _submenus.get(key)
    return entry[1](request) if entry else []
