"""A PNG picture of a poster's first page for the gallery, made with poppler's pdftoppm."""

import shutil
import subprocess  # nosec B404 (a fixed program with fixed arguments, no shell)
import tempfile
from pathlib import Path

from django.core.cache import cache

from mscos.posters.models import PosterPage
from mscos.posters.pdf import CACHE_SECONDS, PosterBuildError, poster_digest, poster_pdf

PREVIEW_DPI = 60


def pdf_to_png(pdf: bytes, *, dpi: int = PREVIEW_DPI) -> bytes:
    program = shutil.which("pdftoppm")
    if program is None:
        raise PosterBuildError("Poster previews cannot be made on this server")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "poster.pdf"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603  # nosec B603 (fixed arguments, our own temporary files)
            [
                program,
                "-png",
                "-r",
                str(dpi),
                "-singlefile",
                "-f",
                "1",
                str(source),
                str(Path(folder) / "preview"),
            ],
            check=True,
            timeout=30,
            capture_output=True,
        )
        return (Path(folder) / "preview.png").read_bytes()


def poster_png(page: PosterPage) -> bytes:
    """The preview, cached under the same digest as the PDF: it changes when the poster does."""
    digest, _html = poster_digest(page)
    cache_key = f"posters:png:{digest}"
    content = cache.get(cache_key)
    if content is None:
        content = pdf_to_png(poster_pdf(page))
        cache.set(cache_key, content, CACHE_SECONDS)
    return content
