"""Headers Django does not set itself, the admin's own content security policy, and CSRF checks
that work with `Referrer-Policy: no-referrer`."""

import logging

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.csp import CSP

from mscos.core.languages import language_of_path
from mscos.core.media_files import MediaStorageUnavailable

logger = logging.getLogger(__name__)


def is_wagtail_preview(request, response) -> bool:
    """A page as the editor's live preview panel shows it, or the admin view that frames it.

    Wagtail renders a preview through a simulated request (`is_preview` is set on it, never on a
    visitor's request) and marks its preview views, and only those, `X-Frame-Options: SAMEORIGIN`.
    """
    if getattr(request, "is_preview", False):
        return True
    return request.path.startswith(settings.ADMIN_PATH_PREFIXES) and (
        response.headers.get("X-Frame-Options") == "SAMEORIGIN"
    )


def _framed_by_own_origin(config: dict) -> dict:
    return {**config, "frame-ancestors": [CSP.SELF]}


class PrivacyHeadersMiddleware:
    """Adds Permissions-Policy everywhere, swaps in the admin CSP under the admin paths, and lets
    the admin's live preview (and nothing else) be framed by the site's own pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if hasattr(response, "_csp_config"):
            return response  # a view chose its own policy (or a preview's inner request did)
        admin = request.path.startswith(settings.ADMIN_PATH_PREFIXES)
        config = settings.ADMIN_CSP if admin else settings.SECURE_CSP
        if is_wagtail_preview(request, response):
            # The preview keeps the page's own policy (its nonces) but may sit in the panel.
            response._csp_config = _framed_by_own_origin(config)
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        elif admin:
            response._csp_config = config
        return response


class FetchMetadataCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, taught that `Referrer-Policy: no-referrer` is on.

    Under that policy browsers send `Origin: null` and no Referer, even for a form on this very
    site, so Django's origin and referer checks would refuse every form. `Sec-Fetch-Site` is set by
    the browser and cannot be forged by another site's page; "same-origin" stands in for both
    checks. The CSRF token itself is still required.
    """

    @staticmethod
    def _same_origin_by_fetch_metadata(request) -> bool:
        return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"

    def _origin_verified(self, request):
        if request.META.get("HTTP_ORIGIN") == "null" and self._same_origin_by_fetch_metadata(
            request
        ):
            return True
        return super()._origin_verified(request)

    def _check_referer(self, request):
        if self._same_origin_by_fetch_metadata(request):
            return
        super()._check_referer(request)


class UrlLocaleMiddleware(LocaleMiddleware):
    """The language comes from the URL prefix alone; English, the default, has none.

    Django's own middleware would also consult the language cookie and Accept-Language. Neither is
    used: a browser's languages can say where someone comes from, and a cookie is a trace on a
    shared device. The switcher in the header is a set of plain links to the prefixed addresses.
    """

    def process_request(self, request):
        language = language_of_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # No redirect to a guessed language and no `Vary: Accept-Language`: nothing depends on it.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class MediaStorageUnavailableMiddleware:
    """A media bucket that cannot be reached (core/media_storage.py) is an outage, not a bug:
    the person gets a calm 503 page and the log one line naming the bucket and the reason, with
    no traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MediaStorageUnavailable):
            return None
        logger.error("%s (answering %s %s)", exception, request.method, request.path)
        response = render(request, "503_media.html", status=503)
        response["Retry-After"] = "60"
        return response
