"""Headers Django does not set itself, and the admin's own content security policy."""

from django.conf import settings


class PrivacyHeadersMiddleware:
    """Adds Permissions-Policy everywhere and swaps in the admin CSP under the admin paths."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(settings.ADMIN_PATH_PREFIXES) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        return response
