"""Simple line pictograms beside each question, drawn in SVG so the PDF stays vector.

Each has a text alternative (its <title>), so a screen reader on the gallery or a PDF reader
knows what the picture shows; the question beside it carries the meaning.
"""

from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

_STROKE = (
    'fill="none" stroke="#000" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"'
)

# name: (text alternative, SVG drawing)
PICTOGRAMS: dict[str, tuple[str | Promise, str]] = {
    "warning": (
        _("A warning sign"),
        f'<path {_STROKE} d="M24 5 L45 42 H3 Z"/><path {_STROKE} d="M24 18 V29"/>'
        '<circle cx="24" cy="35" r="2" fill="#000"/>',
    ),
    "door": (
        _("A locked door"),
        f'<rect {_STROKE} x="11" y="4" width="26" height="40"/>'
        f'<rect {_STROKE} x="18" y="22" width="12" height="10"/>'
        f'<path {_STROKE} d="M20 22 V18 a4 4 0 0 1 8 0 V22"/>',
    ),
    "money": (
        _("Coins and a banknote"),
        f'<rect {_STROKE} x="4" y="12" width="40" height="22"/>'
        f'<circle {_STROKE} cx="24" cy="23" r="6"/><path {_STROKE} d="M8 40 H40"/>',
    ),
    "passport": (
        _("A passport"),
        f'<rect {_STROKE} x="10" y="4" width="28" height="40" rx="2"/>'
        f'<circle {_STROKE} cx="24" cy="20" r="7"/><path {_STROKE} d="M16 35 H32"/>',
    ),
    "clock": (
        _("A clock"),
        f'<circle {_STROKE} cx="24" cy="24" r="19"/><path {_STROKE} d="M24 12 V24 L32 29"/>',
    ),
    "home": (
        _("A house"),
        f'<path {_STROKE} d="M5 23 L24 6 L43 23"/><path {_STROKE} d="M10 19 V43 H38 V19"/>'
        f'<path {_STROKE} d="M20 43 V31 H28 V43"/>',
    ),
    "person": (
        _("A person"),
        f'<circle {_STROKE} cx="24" cy="12" r="7"/>'
        f'<path {_STROKE} d="M9 44 V34 a15 12 0 0 1 30 0 V44"/>',
    ),
}

PICTOGRAM_CHOICES = [(key, label) for key, (label, _drawing) in PICTOGRAMS.items()]


def pictogram_svg(key: str, size_mm: float) -> str:
    """The pictogram as inline SVG, `size_mm` wide and high, with its text alternative."""
    label, drawing = PICTOGRAMS.get(key, PICTOGRAMS["warning"])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="{size_mm}mm" '
        f'height="{size_mm}mm" role="img"><title>{escape(label)}</title>{drawing}</svg>'
    )
