"""Images lose their location and other metadata before they are stored."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageOps

# Formats Pillow can write back; anything else (e.g. SVG) is stored as uploaded.
REWRITABLE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "GIF", "MPO": "JPEG"}


def image_without_metadata(uploaded) -> ContentFile | None:
    """A copy of the image with EXIF, GPS, XMP and comments removed; None if it cannot be read."""
    uploaded.seek(0)
    try:
        with PillowImage.open(uploaded) as original:
            output_format = REWRITABLE_FORMATS.get(original.format or "")
            if output_format is None:
                return None
            if getattr(original, "is_animated", False):
                return None  # stored as uploaded: re-encoding every frame is not done here
            # Apply the camera's rotation before the orientation tag is dropped with the rest.
            upright = ImageOps.exif_transpose(original)
            transparency = upright.info.get("transparency")
            # Pillow writes metadata only when asked to; a copy with an empty info asks for none.
            clean = upright.copy()
            clean.info = {} if transparency is None else {"transparency": transparency}
            buffer = io.BytesIO()
            options = {"quality": 92} if output_format in {"JPEG", "WEBP"} else {}
            clean.save(buffer, format=output_format, **options)
    except (OSError, ValueError, PillowImage.DecompressionBombError):
        return None
    finally:
        uploaded.seek(0)
    return ContentFile(buffer.getvalue())
