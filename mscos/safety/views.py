"""The exit route: ends any session, asks the browser to forget this site, and leaves."""

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mscos.core.models import SafetySettings
from mscos.core.validators import validate_https_url


class ExitRedirect(HttpResponseRedirect):
    allowed_schemes = ["https"]


# Exempt and allowed on GET by design: it must work as a plain link without JavaScript, and a forged
# request can do no more than sign someone out (docs/decisions/0001-exit-route.md).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def exit_page(request: HttpRequest) -> HttpResponseRedirect:
    """Signs out, clears this site's data in the browser and redirects to the neutral site."""
    target = SafetySettings.for_request(request).exit_url
    try:
        validate_https_url(target)
    except ValidationError:
        # Only reachable by editing the database directly; leaving must still work.
        target = settings.DEFAULT_EXIT_URL
    if request.session.session_key or request.user.is_authenticated:
        logout(request)
        request.session.flush()
    response = ExitRedirect(target)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response
