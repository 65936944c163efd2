"""What WeasyPrint may read while it lays out one of the site's PDFs: the shipped font files only.

Posters, programme reports and self-assessment reports all draw their text in the Noto fonts the
posters app ships; nothing comes from another server, and nothing else from the disk.
"""

from pathlib import Path


def fonts_only_fetcher(fonts: Path, *, what: str):
    """A WeasyPrint URL fetcher that opens `.ttf` files directly in `fonts` and refuses the rest,
    naming `what` was being made in the refusal."""
    from weasyprint.urls import URLFetcher

    fonts = fonts.resolve()

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://")).resolve()
                if path.parent == fonts and path.suffix == ".ttf":
                    return super().fetch(url, headers)
            raise ValueError(f"Not fetching {url!r} for {what}")

    return FontsOnly(allowed_protocols=["file"], fail_on_errors=True)
