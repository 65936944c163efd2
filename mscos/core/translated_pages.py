"""Lists of pages in a translated section: the English section's pages, each in the reader's
language where a live translation exists.

A translated section (say /ro/rezultate-principale/) has as children only the pages translated so
far; listing those alone would hide every page not yet translated. So lists follow the English
original and show each page's translation where there is one (the rest in English, with the
notice, as a page nobody has translated is served).
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from mscos.core import shell_memo


def original(page: Page) -> Page:
    """The page in the site's default language (English), or the page itself if it has none."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    # Asked by several parts of one page (its lists, its forum links): looked up once per page.
    if "_original" not in page.__dict__:
        page.__dict__["_original"] = page.get_translation_or_none(default) or page
    return page.__dict__["_original"]


def in_reader_language(pages: Iterable[Page]) -> list[Page]:
    """Each page as the reader should see it: its live translation into the active language,
    or itself (as `page.localized`, with one query per kind of page rather than one a page)."""
    pages = list(pages)
    if not settings.WAGTAIL_I18N_ENABLED:
        return pages
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return pages
    by_kind: dict[type[Page], list[Page]] = {}
    for page in pages:
        if page.locale_id != locale.pk:
            by_kind.setdefault(type(page), []).append(page)
    translations: dict[tuple[type[Page], Any], Page] = {}
    for kind, untranslated in by_kind.items():
        keys = [page.translation_key for page in untranslated]
        for found in kind.objects.filter(translation_key__in=keys, locale=locale, live=True):
            translations[(kind, found.translation_key)] = found
    return [translations.get((type(page), page.translation_key), page) for page in pages]


def default_language_only[Pages: QuerySet[Any]](queryset: Pages) -> Pages:
    """Pages of the default language: lists built across the site (feeds, choices in a form)
    would otherwise show each page once per translation. Lazy: a form's choices are built when
    the module loads, before the database may even exist."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return queryset.filter(locale__language_code=default)


def other_language(item: Page | None) -> str:
    """The language of an item's words when it is not the reader's: the item's locale for a
    page, English for what is written in English only (item None: recommendations, resources).
    Empty when they match. Templates put it in a lang attribute, so a screen reader speaks it
    rightly and a right-to-left page keeps it left to right."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    if item is not None and getattr(item, "locale_id", None):
        language = locale_language(item.locale_id)
    else:
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return "" if language == current else language


def locale_language(locale_id: int) -> str:
    """A locale's language code, from process memory (core/shell_memo.py): no query per item."""
    codes = shell_memo.remember(
        "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
    return codes.get(locale_id) or Locale.objects.get(pk=locale_id).language_code
