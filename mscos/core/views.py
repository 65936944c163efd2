"""Error views that keep the safety chrome whenever they can."""

import logging

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

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
