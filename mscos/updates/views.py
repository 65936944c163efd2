"""Short, stable addresses for the updates: /updates/latest/ and the feeds."""

from django.http import Http404
from django.shortcuts import redirect

from mscos.core.languages import localise_site_path
from mscos.updates import selectors


def latest(request):
    """Redirects to the newest published update (a temporary redirect: it changes weekly)."""
    update = selectors.latest_update()
    if update is None:
        raise Http404
    # A reader browsing in another language stays in it: the update's translation, or the
    # English page under the reader's prefix (served with a notice).
    return redirect(localise_site_path(update.localized.url))


def archive(request):
    """/updates/ always reaches the archive, wherever editors placed it in the page tree."""
    archive_page = selectors.archive_page()
    if archive_page is None:
        raise Http404
    if archive_page.url == request.path:
        from wagtail.views import serve

        return serve(request, request.path)
    return redirect(localise_site_path(archive_page.url))
