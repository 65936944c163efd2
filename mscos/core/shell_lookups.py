"""Wagtail's lookups that every page repeats, answered from process memory (core/shell_memo.py).

Wagtail asks the database (or the default cache, which without Redis is a database table) for
the same few rows many times a page: the Site for the host, the root paths of the sites (once
per link drawn), the Locale of a language (once per page's `.localized`), each site setting.
`install()` (from CoreConfig.ready) routes them through the memo; what they hand out is
the same as before, and is forgotten whenever its rows change.
"""

import copy
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.models import sites as wagtail_sites
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from mscos.core import shell_memo

_NOT_FOUND = object()
_originals: dict[str, Any] = {}


def _get_for_language(manager: LocaleManager, language_code: str) -> Locale:
    variant = get_supported_content_language_variant(language_code)

    def read() -> Any:
        found = manager.filter(language_code=variant).first()
        return _NOT_FOUND if found is None else found

    found = shell_memo.remember(("locale", variant), read)
    if found is _NOT_FOUND:
        raise Locale.DoesNotExist(f"No locale for {variant}")
    return found


def _get_site_root_paths() -> list:
    return list(shell_memo.remember("site-root-paths", _originals["get_site_root_paths"]))


def _clear_site_root_paths_cache() -> None:
    _originals["clear_site_root_paths_cache"]()
    shell_memo.changed()


def _get_site_for_hostname(hostname: str, port: int) -> Site:
    def read() -> Any:
        try:
            return _originals["get_site_for_hostname"](hostname, port)
        except Site.DoesNotExist:
            return _NOT_FOUND

    found = shell_memo.remember(("site-for-host", hostname, port), read)
    if found is _NOT_FOUND:
        raise Site.DoesNotExist
    # Copies, the root page too: a request's page (the home page is the root page's `specific`)
    # gathers what that request drew, which must not be handed to the next one.
    site = copy.copy(found)
    root_page = copy.copy(found.root_page)
    for kept in ("specific", "specific_deferred"):
        root_page.__dict__.pop(kept, None)
    site.root_page = root_page
    return site


def _private_q(queryset: PageQuerySet) -> Q:
    """Wagtail's `.public()`, with the (few) restricted sections read from memory."""

    def read() -> list[tuple[str, int]]:
        restricted = PageViewRestriction.objects.select_related("page")
        return [(restriction.page.path, restriction.page.depth) for restriction in restricted]

    q = Q()
    for path, depth in shell_memo.remember("restricted-sections", read):
        q |= Q(path__startswith=path, depth__gte=depth)
    # Matches no page when no section is private, as Wagtail's own.
    return q if q else Q(pk__in=[])


def _setting_with_its_pages(model: type[BaseSiteSetting], site: Site) -> BaseSiteSetting:
    instance = model.for_site(site)
    # The pages it points at come with it, so reading them costs no query per request.
    for field in model._meta.concrete_fields:
        if field.many_to_one:
            getattr(instance, field.name)
    return instance


def _setting_for_request(cls: type[BaseSiteSetting], request: Any) -> BaseSiteSetting:
    attr_name = cls.get_cache_attr_name()
    if hasattr(request, attr_name):
        return getattr(request, attr_name)
    site = Site.find_for_request(request)
    if site is None:
        return _originals["for_request"].__func__(cls, request)
    # A copy: the admin's forms and `_request` below change the instance they are given.
    site_settings = shell_memo.kept_copy(
        ("setting", cls._meta.label_lower, site.pk), lambda: _setting_with_its_pages(cls, site)
    )
    site_settings._request = request
    setattr(request, attr_name, site_settings)
    return site_settings


def _setting_tables() -> set[str]:
    """Every site setting's table and those of the rows that hang off one (the menu's items)."""
    tables = set()
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):
            tables.add(model._meta.db_table)
            for relation in model._meta.related_objects:
                if isinstance(relation, models.ManyToOneRel) and relation.related_model:
                    tables.add(relation.related_model._meta.db_table)
    return tables


def install() -> None:
    """Routes the lookups through the memo (once per process)."""
    if _originals:
        return
    _originals["get_for_language"] = LocaleManager.get_for_language
    _originals["get_site_root_paths"] = Site.get_site_root_paths
    _originals["clear_site_root_paths_cache"] = Site.clear_site_root_paths_cache
    _originals["get_site_for_hostname"] = wagtail_sites.get_site_for_hostname
    _originals["for_request"] = BaseSiteSetting.__dict__["for_request"]
    _originals["private_q"] = PageQuerySet.private_q
    LocaleManager.get_for_language = _get_for_language
    Site.get_site_root_paths = staticmethod(_get_site_root_paths)
    Site.clear_site_root_paths_cache = staticmethod(_clear_site_root_paths_cache)
    wagtail_sites.get_site_for_hostname = _get_site_for_hostname
    BaseSiteSetting.for_request = classmethod(_setting_for_request)
    PageQuerySet.private_q = _private_q
    shell_memo.watch_tables(*_setting_tables())
