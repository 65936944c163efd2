"""Short, stable addresses for the updates: /updates/latest/ and the feeds."""

from django.http import Http404
from django.shortcuts import redirect

from mscos.updates import selectors


def latest(request):
    """Redirects to the newest published update (a temporary redirect: it changes weekly)."""
    update = selectors.latest_update()
    if update is None:
        raise Http404
    return redirect(update.url)
