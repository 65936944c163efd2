"""The QR code on a poster, drawn as vector SVG on the server (`mscos/core/qr_code.py`)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mscos.core.qr_code import qr_svg as core_qr_svg
from mscos.core.site_address import absolute_url


def help_page_address(language_code: str) -> str:
    """The absolute address of the light help page in that poster language, at SITE_URL."""
    with translation.override(settings.LANGUAGE_CODE):  # no language prefix: the page has its own
        location = reverse("posters:help", args=[language_code])
    return absolute_url(location)


def qr_svg(data: str, size_mm: float) -> str:
    """`data` as a QR code (error correction M, a four-module quiet zone), `size_mm` square."""
    return core_qr_svg(data, size=f"{size_mm}mm")
