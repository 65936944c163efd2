"""Template tags for the page shell: navigation, exit control and helpline block."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from mscos.core import shell_memo
from mscos.core.languages import (
    NATIVE_NAMES,
    LanguageLink,
    is_right_to_left,
    language_codes,
    localise_site_path,
    path_in_language,
)
from mscos.core.models import NavigationSettings, SafetySettings
from mscos.core.navigation import submenu_links

register = template.Library()


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The editors' menu, with registered drop-downs (such as the forum categories) filled in."""
    request = context["request"]
    navigation = NavigationSettings.for_request(request)
    items = []
    for label, url, submenu in _menu_items(navigation):
        children = submenu_links(submenu, request) if submenu else []
        if children is None:
            continue  # e.g. the forums, for a member taking a break from them
        items.append({"label": label, "url": url, "children": children, "current": ""})
    # Only the closest section is current: on /community-of-practice/updates/x/ that is
    # "Updates", not "Community of Practice" as well.
    matches = [i for i in items if i["url"] != "/" and request.path.startswith(i["url"])]
    if matches:
        closest = max(matches, key=lambda i: len(i["url"]))
        closest["current"] = "page" if closest["url"] == request.path else "true"
    return {"items": items, "request": request}


def _menu_items(navigation: NavigationSettings) -> list[tuple[str, str, str]]:
    """(label, address, drop-down) of each menu item in the reader's language, kept in memory
    until the menu or a page changes (core/shell_memo.py): the same for every reader."""

    def read() -> list[tuple[str, str, str]]:
        return [
            (
                # Editors' labels are shown translated where the catalogue has them.
                gettext(item.label) if item.label else item.label,
                _localised_page_url(item.link_page) or localise_site_path(item.url),
                item.submenu,
            )
            for item in navigation.items.select_related("link_page").order_by("sort_order")
        ]

    key = ("menu", navigation.pk, translation.get_language())
    return shell_memo.remember(key, read)


@register.inclusion_tag("includes/safety_bar.html", takes_context=True)
def safety_bar(context):
    """The exit control and the helpline block, identical on every page."""
    request = context["request"]
    safety = SafetySettings.for_request(request)
    staying_safe_url = ""
    if safety.staying_safe_page_id and safety.staying_safe_page.live:
        staying_safe_url = _localised_page_url(safety.staying_safe_page)
    return {
        "safety": safety,
        "staying_safe_url": staying_safe_url,
        # The helpline's name and hours are typed by editors in English; the catalogue translates
        # the wording it knows (the defaults are in it), anything else is shown as typed.
        "helpline_name": gettext(safety.helpline_name) if safety.helpline_name else "",
        "helpline_hours": gettext(safety.helpline_hours) if safety.helpline_hours else "",
    }


@register.simple_tag(takes_context=True)
def staying_safe_url(context) -> str:
    """The Staying safe online page in the reader's language, or "" when there is none live."""
    safety = SafetySettings.for_request(context["request"])
    if not safety.staying_safe_page_id:
        return ""
    return _localised_page_url(safety.staying_safe_page)


def _localised_page_url(page: Page | None) -> str:
    """The page's translation into the reader's language if it is live, else the page itself
    under the reader's language prefix (served in English with a notice)."""
    if page is None or not page.live:
        return ""
    key = ("localised-url", page.pk, translation.get_language())
    return shell_memo.remember(key, lambda: _read_localised_page_url(page))


def _read_localised_page_url(page: Page) -> str:
    translated = page.localized
    if translated.live:
        page = translated
    url = page.url or ""
    return localise_site_path(url)


def _translations_by_language(page: Page) -> dict[str, str]:
    """Live translations of a page (itself included), language code -> URL."""
    key = ("translation-urls", page.translation_key, translation.get_language())
    return shell_memo.remember(key, lambda: _read_translations_by_language(page))


def _read_translations_by_language(page: Page) -> dict[str, str]:
    urls = {}
    for translation_page in page.get_translations(inclusive=True).live().select_related("locale"):
        is_alias_of_other_language = translation_page.alias_of_id is not None
        url = translation_page.get_url(request=None)
        if not is_alias_of_other_language and url:
            # Wagtail builds the address under the language being read (/ar/ for the English
            # home page when reading Arabic); each copy belongs under its own language's prefix.
            code = translation_page.locale.language_code
            urls[code] = path_in_language(url, code)
    return urls


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Plain links to this same page in each language: no JavaScript, no cookie."""
    request = context["request"]
    current = translation.get_language()
    page = context.get("page")
    translated_urls = _translations_by_language(page) if isinstance(page, Page) else {}
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code in language_codes():
        url = translated_urls.get(code) or path_in_language(request.path, code)
        if query and code not in translated_urls:
            url = f"{url}?{query}"
        links.append(
            LanguageLink(
                code=code,
                name=NATIVE_NAMES.get(code, code),
                url=url,
                current=code == current,
                right_to_left=is_right_to_left(code),
            )
        )
    return {"links": links}


@register.simple_tag
def text_direction() -> str:
    return "rtl" if is_right_to_left(translation.get_language() or "") else "ltr"


@register.simple_tag(takes_context=True)
def page_language(context) -> str:
    """The language a Wagtail page's own words are in, when it differs from the interface.

    An English page served under /ro/ (no translation yet), or an alias copied into the Romanian
    tree without being translated, answers "en-gb"; a translated page answers "".
    """
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    current = translation.get_language()
    locale = _locale_of(page.alias_of if page.alias_of_id else page)
    if locale and locale != current:
        return locale
    return ""


def _locale_of(page: Page) -> str:
    locale_id = page.locale_id
    for locale in _locales():
        if locale.pk == locale_id:
            return locale.language_code
    return settings.LANGUAGE_CODE


def _locales() -> list[Locale]:
    return shell_memo.remember("locales", lambda: list(Locale.objects.all()))


@register.filter
def session_minutes(seconds) -> int:
    return max(1, int(seconds) // 60)


@register.filter
def interface_translation(value: str) -> str:
    """Editor-typed wording shown in the reader's language when the catalogue knows it (e.g. the
    helpline's default name); anything else as typed."""
    return gettext(value) if value else value


@register.filter
def in_reader_language(path: str) -> str:
    """An address on this site that an editor typed ("/forums/safety/"), under the prefix of the
    language being read, so following it does not drop the reader back into English."""
    return localise_site_path(path or "")


# A page with at least this many section headings opens with a list of them (issue 18: pages
# over 6,000 px long on a phone had no way to see what they hold).
CONTENTS_MIN_HEADINGS = 3


@register.filter
def section_anchor(heading: str) -> str:
    """The id of a section heading: its words as a slug, in any script ('سلامة-الجهاز')."""
    return "section-" + (slugify(str(heading), allow_unicode=True) or "untitled")


# Blocks that show a section under their own heading only when they have something to list.
LIST_BLOCKS = {"practice_examples": "examples", "recommendations": "items", "resources": "items"}


@register.inclusion_tag("includes/contents_list.html")
def contents_list(body, *extra, page=None):
    """The page's sections as links: `extra` (anchor, text) pairs the template adds, the heading
    blocks of its StreamField body, and the list blocks that will show something on `page`.
    Nothing when there are only a few."""
    entries = [(anchor, text) for anchor, text in zip(extra[::2], extra[1::2], strict=False)]
    for block in body or []:
        if block.block_type == "heading" and str(block.value).strip():
            entries.append((section_anchor(block.value), str(block.value)))
        elif block.block_type in LIST_BLOCKS and page is not None and block.value["heading"]:
            listed = block.block.get_context(block.value, {"page": page})
            if listed.get(LIST_BLOCKS[block.block_type]):
                heading = block.value["heading"]
                entries.append((section_anchor(heading), heading))
    return {"entries": entries if len(entries) >= CONTENTS_MIN_HEADINGS else []}
