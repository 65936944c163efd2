"""The QR code on a poster, drawn as vector SVG on the server (nothing fetched, nothing stored).

`qrcode` is already installed for two-factor sign-in (allauth's MFA); only its matrix is used,
so the picture is one SVG path that stays sharp at any print size.
"""

import qrcode
import qrcode.constants
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mscos.core.site_address import absolute_url


def help_page_address(language_code: str) -> str:
    """The absolute address of the light help page in that poster language, at SITE_URL."""
    with translation.override(settings.LANGUAGE_CODE):  # no language prefix: the page has its own
        location = reverse("posters:help", args=[language_code])
    return absolute_url(location)


def qr_svg(data: str, size_mm: float) -> str:
    """`data` as a QR code (error correction M, a four-module quiet zone), `size_mm` square."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    modules = len(matrix)
    path = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {modules} {modules}" '
        f'width="{size_mm}mm" height="{size_mm}mm" shape-rendering="crispEdges">'
        f'<rect width="{modules}" height="{modules}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )
