"""The exit route: ends any session, asks the browser to forget this site, and leaves."""

from allauth.mfa import app_settings as mfa_settings
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.messages.storage.cookie import CookieStorage
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
    # Browsers honour Clear-Site-Data over HTTPS only, so every cookie is also removed by name,
    # and the CSRF middleware must not hand out a fresh token on the way out.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    for name in site_cookie_names():
        response.delete_cookie(
            name,
            path=settings.SESSION_COOKIE_PATH if name == settings.SESSION_COOKIE_NAME else "/",
            samesite="Lax",
        )
    return response


def site_cookie_names() -> list[str]:
    """Every cookie this site or its parts could set: session, CSRF, language, notices, and
    allauth's "trusted browser" (off here, but named in its settings)."""
    names = [
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        CookieStorage.cookie_name,
        mfa_settings.TRUST_COOKIE_NAME,
    ]
    return list(dict.fromkeys(names))
