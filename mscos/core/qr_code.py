"""A QR code drawn as one vector SVG path on the server: nothing fetched, nothing stored.

`qrcode` is already installed for two-factor sign-in (allauth's MFA); only its matrix is used, so
the picture stays sharp at any size, on paper (posters) or on a screen (a survivor's link).
"""

import qrcode
import qrcode.constants


def qr_svg(data: str, *, size: str, label: str = "") -> str:
    """`data` as a QR code (error correction M, a four-module quiet zone), `size` square (an
    SVG length: "50mm" on paper, "240" pixels on a screen), announced by `label` if given."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    modules = len(matrix)
    path = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    if label:
        escaped = label.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        naming = f' role="img" aria-label="{escaped}"'
    else:
        naming = ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {modules} {modules}" '
        f'width="{size}" height="{size}" shape-rendering="crispEdges"{naming}>'
        f'<rect width="{modules}" height="{modules}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )
