"""The site's one public address (settings.SITE_URL) and everything built from it.

Every absolute link the site gives out (mails, calendar files, feeds, the PDF of an update, the
sitemap, robots.txt) goes through `absolute_url` or `page_url`, never through the request's host
or a hand-made "http://": behind a proxy, in a task or in a mail the request knows nothing true
about the public address. Wagtail's default Site record is kept at the same host and port
(`site_record_sync`, run after every migrate and by load_demo; checks.py fails when it drifts),
because Wagtail builds its own full URLs (the sitemap, `page.full_url`) from that record.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, transaction


def site_origin() -> str:
    """SITE_URL without a trailing slash, e.g. "https://mscos.example.org"."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(location: str) -> str:
    """`location` at the site's address: a path ("/events/"), or a URL the site built for itself
    with some other host (a request's, or an out-of-date Site record's), which is moved onto
    SITE_URL. Never pass another site's address: it would be moved too."""
    parts = urlsplit(location or "/")
    path = parts.path if parts.path.startswith("/") else "/" + parts.path
    return site_origin() + urlunsplit(("", "", path, parts.query, parts.fragment))


def page_url(page) -> str:
    """The absolute address of a Wagtail page at SITE_URL ("" if the page is not routable)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return absolute_url(parts[2])


def site_host_and_port() -> tuple[str, int]:
    """What Wagtail's Site record must say for its root_url to be SITE_URL."""
    parts = urlsplit(site_origin())
    default_port = 443 if parts.scheme == "https" else 80
    return (parts.hostname or "localhost"), (parts.port or default_port)


def site_address_problem(site) -> str:
    """Why Wagtail's Site record `site` disagrees with SITE_URL, or "" when it agrees."""
    if site.root_url.rstrip("/") == site_origin():
        return ""
    return f"the default Wagtail Site is {site.root_url}, but SITE_URL is {site_origin()}"


def site_record_sync() -> bool:
    """Points Wagtail's default Site at SITE_URL's host and port; True if it changed anything.

    Wagtail says https only for port 443, so an https address on another port cannot be written
    down (the system check reports it)."""
    from wagtail.models import Site

    hostname, port = site_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    changed = (
        site is not None
        and (site.hostname, site.port) != (hostname, port)
        # Another record holding the address means a person must choose (the check says).
        and not Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists()
    )
    if changed and site is not None:
        # update(), not save(): save() also empties Wagtail's cache of site paths, and right
        # after the first migrate the cache's database table does not exist yet.
        Site.objects.filter(pk=site.pk).update(hostname=hostname, port=port)
    # Emptied even when nothing changed: a cache that outlived the database (Redis kept while
    # a backup from another address was restored) may still hold the old paths.
    _forget_site_paths(Site)
    return changed


def _forget_site_paths(site_model) -> None:
    """Wagtail's cached site paths go, and with them every kept page that was built from them
    (which after a migrate also means every page the previous code drew)."""
    from mscos.core import page_cache

    try:
        with transaction.atomic():
            site_model.clear_site_root_paths_cache()
    except DatabaseError:
        pass  # no cache table yet, so nothing cached either
    if page_cache.enabled():
        page_cache.new_generation()


def on_post_migrate(sender, **kwargs) -> None:
    if kwargs.get("using", "default") != "default":
        return
    site_record_sync()
