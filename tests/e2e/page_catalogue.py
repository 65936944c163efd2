"""Every page type the site has, found from the URL map and the Wagtail page tree.

The accessibility sweep (test_accessibility.py) visits what this module returns. Nothing here
lists pages one by one: URL patterns without arguments are visited as they are; a pattern with
arguments needs a way to fill them from the demo data (SAMPLE_ARGUMENTS) or a reason it is not a
page (NOT_PAGES); every concrete Wagtail page model needs a live instance. A new pattern or page
model that fits none of these makes `test_every_page_type_is_covered` fail, naming it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page, get_page_models

# URL names (or namespace prefixes ending in ":") that are not pages a reader sees, with why.
NOT_PAGES: dict[str, str] = {
    "admin:": "Django's own admin, for developers; not part of the public site",
    "wagtail_serve": "Wagtail pages are visited through the page tree below",
    "wagtailcore_authenticate_with_password": "no page has a password restriction in the demo",
    "wagtailcore_login": "Wagtail's login redirects to the member sign-in, which is visited",
    "wagtaildocs_serve": "serves document files, not pages",
    "media_file": "serves picture files, not pages",
    "wagtaildocs_authenticate_with_password": "no document has a password restriction",
    "safety:exit": "redirects to the neutral site at once (tests/e2e/test_exit.py)",
    "account_confirm_email": "needs a key from a real email (tests/accounts)",
    "account_reset_password_from_key": "needs a key from a real email (tests/accounts)",
    "forum:feed_rss": "an RSS feed, not HTML",
    "forum:feed_atom": "an Atom feed, not HTML",
    "forum:category_feed_rss": "an RSS feed, not HTML",
    "forum:category_feed_atom": "an Atom feed, not HTML",
    "accounts:recovery_codes_download": "a text file download",
    "accounts:export": "a JSON file download",
    "mfa_download_recovery_codes": "a text file download",
    "moderation:reveal": "a POST action on the item page (tests/moderation)",
    "moderation:automatic_undo": "a POST action on the queue page (tests/moderation)",
    "moderation:decision_undo": "a POST action on the queue page (tests/moderation)",
    "moderation:audit_original": "a POST action on the audit log page (tests/moderation)",
    "events_ics": "an iCalendar file, not HTML (tests/events)",
    "measurement:programme_dashboard_pdf": "a PDF file (tests/measurement/test_dashboards.py)",
    "measurement:programme_dashboard_csv": "a CSV file (tests/measurement/test_dashboards.py)",
    "evidence:download_csv": "a CSV file (tests/evidence)",
    "evidence:download_json": "a JSON file (tests/evidence)",
    "selfassessment:report_pdf": "a PDF file (tests/selfassessment)",
    "selfassessment:workspace_report_pdf": "a PDF file (tests/selfassessment)",
}
# Prefixes of paths that are not the public site at all.
NOT_PAGE_PATH_PREFIXES = {
    "/admin/": "the Wagtail admin (editors' tool, with its own accessibility work upstream)",
    "/django-admin/": "Django's admin, for developers",
}

# Page models that may exist without a live page in the demo, with why (keep this short).
PAGE_MODELS_WITHOUT_DEMO: dict[str, str] = {}


@dataclass(frozen=True)
class UrlPattern:
    name: str  # "namespace:name", or the route when unnamed
    route: str
    has_arguments: bool


def url_patterns() -> list[UrlPattern]:
    """Every pattern in the URL map, flattened, with its full route and namespaced name."""
    found: list[UrlPattern] = []

    def walk(patterns, prefix: str, namespace: str, has_arguments: bool) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            arguments = has_arguments or bool(pattern.pattern.regex.groups)
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, route, inner, arguments)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}{pattern.name}" if pattern.name else route
                found.append(UrlPattern(name=name, route=route, has_arguments=arguments))

    walk(get_resolver().url_patterns, "/", "", False)
    return found


def reason_not_a_page(pattern: UrlPattern) -> str | None:
    for key, reason in NOT_PAGES.items():
        if pattern.name == key or (key.endswith(":") and pattern.name.startswith(key)):
            return reason
    for prefix, reason in NOT_PAGE_PATH_PREFIXES.items():
        if pattern.route.startswith(prefix):
            return reason
    return None


@dataclass(frozen=True)
class Visit:
    """One page to look at: its kind (URL name or page model), its English path."""

    kind: str
    path: str


def page_visits() -> tuple[list[Visit], list[str]]:
    """A live page of every concrete page model; and the models with none (a failure)."""
    visits, missing = [], []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        label = model._meta.label
        # The default-locale page, so the English path is the one visited (Arabic adds /ar/).
        instance = (
            model.objects.live()
            .filter(locale__language_code__in=["en-gb", "en"], alias_of__isnull=True)
            .order_by("path")
            .first()
        )
        if instance is None:
            if label not in PAGE_MODELS_WITHOUT_DEMO:
                missing.append(label)
            continue
        visits.append(Visit(kind=f"page:{label}", path=instance.url))
    return visits, missing


def url_visits(
    sample_arguments: dict[str, Callable[[], dict]],
) -> tuple[list[Visit], list[str]]:
    """A path for every URL pattern that can be a page; and the patterns nobody accounted for."""
    visits, unaccounted = [], []
    for pattern in url_patterns():
        if reason_not_a_page(pattern) is not None:
            continue
        if pattern.name in sample_arguments:
            kwargs = sample_arguments[pattern.name]()
            visits.append(Visit(kind=pattern.name, path=reverse(pattern.name, kwargs=kwargs)))
        elif not pattern.has_arguments:
            named = not pattern.name.startswith("/")
            path = reverse(pattern.name) if named else pattern.route
            visits.append(Visit(kind=pattern.name, path=path))
        else:
            unaccounted.append(f"{pattern.name} ({pattern.route})")
    return visits, unaccounted
