"""Reads the whole site shares: its Wagtail Site record and the locales of its languages."""

from django.http import HttpRequest
from wagtail.models import Locale, Page, Site


def default_site() -> Site | None:
    site: Site | None = Site.objects.filter(is_default_site=True).first()
    return site


def site_for_request(request: HttpRequest) -> Site | None:
    """The site a request is for, or the default site when its host names none."""
    site: Site | None = Site.find_for_request(request)
    return site or default_site()


def locale_for_language(language_code: str) -> Locale | None:
    locale: Locale | None = Locale.objects.filter(language_code=language_code).first()
    return locale


def page_of_type(model: type[Page], page_id: int) -> Page | None:
    """One page of a known type by its id, in one query (a route kept in memory)."""
    page: Page | None = model.objects.filter(pk=page_id).first()
    return page
