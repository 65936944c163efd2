"""Error views that keep the safety chrome whenever they can."""

import logging
import posixpath

from django.conf import settings
from django.http import Http404, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import translation
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_static_file
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as wagtail_documents
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from mscos.core import selectors, shell_memo
from mscos.core.byte_ranges import with_byte_ranges
from mscos.core.languages import path_in_language, path_without_language
from mscos.core.media_files import media_on_local_disk, stored_file_response

logger = logging.getLogger(__name__)


def csrf_failure(request, reason: str = ""):
    """A form that could not be checked: say so plainly, keep the page shell, lose nothing saved."""
    return render(request, "403_csrf.html", status=403)


def server_error(request, template_name: str = "500.html"):
    """The full page shell if it can be rendered; a minimal page with the exit link otherwise."""
    try:
        body = loader.render_to_string(template_name, request=request)
    except Exception:
        logger.exception("The 500 page could not render with the page shell")
        body = loader.render_to_string("500_minimal.html")
    return HttpResponseServerError(body)


def serve_page(request, path: str):
    """Wagtail's page serving, falling back to the English page when no translation exists.

    Under /ro/ Wagtail routes through the Romanian copy of the home page; a page nobody has
    translated yet has no Romanian copy, so it would be a 404. The English page is served
    instead, with the Romanian interface and a notice (see `page_language` in mscos_shell).
    """
    _route_from_memory(request, path)
    if Page.route_for_request(request, path) is None:
        site = Site.find_for_request(request)
        if site is not None:
            components = [component for component in path.split("/") if component]
            try:
                request._wagtail_route_for_request = site.root_page.specific.route(
                    request, components
                )
            except Http404:
                request._wagtail_route_for_request = None
            translated_url = _translation_url(request, request._wagtail_route_for_request)
            if translated_url:
                # /ro/staying-safe-online/ (the English address under the Romanian prefix) leads
                # to /ro/siguranta-online/ when a translation exists. A temporary redirect: the
                # translation may be unpublished again.
                query = request.META.get("QUERY_STRING", "")
                return redirect(f"{translated_url}?{query}" if query else translated_url)
    return wagtail_views.serve(request, path)


def _route_from_memory(request, path: str) -> None:
    """Routes a plain page's address from process memory (core/shell_memo.py): the page is read
    in one query instead of one or two per level of the tree. Pages with routes of their own
    (a PDF, a feed) route as usual: their route holds the page's own methods."""
    site = Site.find_for_request(request)
    if site is None:
        return

    def read() -> tuple[type[Page], int] | None:
        route = Page.route_for_request(request, path)
        if route is None or route[1] or route[2]:
            return None
        return type(route[0]), route[0].pk

    kept = shell_memo.remember(("route", site.pk, translation.get_language(), path), read)
    if kept is None or hasattr(request, "_wagtail_route_for_request"):
        return
    model, page_id = kept
    page = selectors.page_of_type(model, page_id)
    if page is not None:
        request._wagtail_route_for_request = RouteResult(page, (), {})


def _translation_url(request, route) -> str:
    """The address of the live translation, in the active language, of the English page a
    fallback route found; "" when there is none (the English page is served, with a notice)."""
    if route is None:
        return ""
    page = route[0]
    language = translation.get_language()
    locale = selectors.locale_for_language(language)
    if locale is None or page.locale_id == locale.pk:
        return ""
    own_url = page.get_url(request=None)
    if not own_url or path_without_language(own_url) != path_without_language(request.path):
        return ""  # a sub-route of the page (e.g. a feed), which the translation may lack
    translated = page.get_translation_or_none(locale)
    if translated is None or not translated.live or translated.alias_of_id is not None:
        return ""
    url = translated.get_url(request=None)
    return path_in_language(url, language) if url else ""


# Only the sizes Wagtail made of pictures are served from MEDIA_ROOT. Original uploads and
# documents are not: documents go through Wagtail's own view, which applies their privacy.
PUBLIC_MEDIA_FOLDERS = ("images/",)


@require_safe
def media_file(request, path: str):
    """Pictures on pages, served by the application itself, so the one-server setup (`make run`,
    gunicorn with no proxy in front) shows them. A proxy may serve /media/images/ instead."""
    # Checked on the normalised path: "images/../documents/x" must not pass as a picture.
    if posixpath.normpath(path) != path or not path.startswith(PUBLIC_MEDIA_FOLDERS):
        raise Http404
    if media_on_local_disk():
        response = serve_static_file(request, path, document_root=str(settings.MEDIA_ROOT))
    else:  # a bucket (core/media_storage.py): read through the storage, never a redirect to it
        response = stored_file_response(path)
    # A rendition's file name never changes its content, so browsers may keep it a day.
    response["Cache-Control"] = "public, max-age=86400"
    return response


def document_file(request, document_id: str, document_filename: str):
    """Wagtail's document serving (privacy, filename check, ETag) with byte ranges, which podcast
    apps and directories require of an episode's audio and browsers use to seek in it."""
    return with_byte_ranges(
        request, wagtail_documents.serve(request, document_id, document_filename)
    )
