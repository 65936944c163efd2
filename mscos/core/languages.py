"""The reader's language comes from the URL alone: unprefixed English, then /ro/, /sq/, /ar/.

Nothing here reads a cookie or Accept-Language: a shared or watched device must not reveal, or
be given, a language the reader did not choose on the page itself.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}

# Each language's own name for itself, so a reader finds theirs whatever the page language is.
NATIVE_NAMES = {
    "en-gb": "English",
    "ro": "Română",
    "sq": "Shqip",
    "ar": "العربية",
}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def is_right_to_left(language_code: str) -> bool:
    return language_code.split("-")[0] in RIGHT_TO_LEFT


def language_of_path(path: str) -> str | None:
    """The language named by the path's first segment (e.g. "/ro/forums/" -> "ro"), if any."""
    first = path.lstrip("/").split("/", 1)[0]
    if first and first != settings.LANGUAGE_CODE and first in language_codes():
        return first
    return None


def path_without_language(path: str) -> str:
    """The path as English would have it: "/ar/moderation/" -> "/moderation/"."""
    language = language_of_path(path)
    if language is None:
        return path
    rest = path.lstrip("/")[len(language) :]
    return rest if rest.startswith("/") else "/" + rest


def path_in_language(path: str, language_code: str) -> str:
    """The same site path under another language's prefix (English has none)."""
    base = path_without_language(path)
    if language_code == settings.LANGUAGE_CODE:
        return base
    return f"/{language_code}{base}"


def localise_site_path(url: str) -> str:
    """An unprefixed address on this site, moved under the active language's prefix.

    Menus and links that editors set up point at English addresses; a reader browsing in
    Romanian stays in Romanian when following them. Other addresses come back unchanged.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if (
        language == settings.LANGUAGE_CODE
        or not url.startswith("/")
        or url.startswith("//")
        or language_of_path(url) is not None
        or url.startswith(settings.ADMIN_PATH_PREFIXES)
        or url.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/documents/"))
    ):
        return url
    return path_in_language(url, language)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    right_to_left: bool
