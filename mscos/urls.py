from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from mscos.accounts import views as accounts_views
from mscos.core import views as core_views
from mscos.moderation import views as moderation_views
from mscos.search import views as search_views

# Both admin sign-in pages go through the member sign-in (rate limits, two-factor).
admin_login_redirect = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("admin/login/", admin_login_redirect),
    path("django-admin/login/", admin_login_redirect),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Documents with byte ranges (podcast audio); the same name, so Wagtail's links lead here.
    re_path(r"^documents/(\d+)/(.*)$", core_views.document_file, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
]

# Everything a reader sees exists in every language: /forums/ in English, /ro/forums/ in Romanian.
# Editors' and developers' admin stays unprefixed (the admin has its own language preference).
public_patterns = [
    path("privacy/", accounts_views.privacy_notice, name="privacy"),
    # Before allauth's own: the email page that answers every press (accounts.views).
    path("account/email/", accounts_views.EmailAddressView.as_view(), name="account_email"),
    path("account/", include("allauth.urls")),
    path("account/", include("mscos.accounts.urls")),
    path("", include("mscos.safety.urls")),
    # Reporting lives in moderation but sits beside the post it is about.
    path("forums/p/<int:post_id>/report/", moderation_views.report, name="report_post"),
    path("forums/", include("mscos.forum.urls")),
    path("moderation/", include("mscos.moderation.urls")),
    # Calendar and podcast feeds and e-mailed links: Wagtail's page routes allow no "." or ":".
    path("events/", include("mscos.events.urls")),
    path("podcast/", include("mscos.podcasts.urls")),
    path("newsletter/", include("mscos.newsletter.urls")),
    # Organisations' outcome measurement workspaces (docs/measurement.md).
    path("workspace/", include("mscos.measurement.urls")),
    # A survivor's own check-in through a one-time link: no account (docs/measurement.md).
    path("my-check-in/", include("mscos.measurement.urls_survivor")),
    # Pooled, anonymous evidence across services, and the self-assessment against the set.
    path("evidence/", include("mscos.evidence.urls")),
    path("self-assessment/", include("mscos.selfassessment.urls")),
    path("updates/", include("mscos.updates.urls")),
    # The page a poster's QR code opens (the gallery itself is a Wagtail page at /posters/).
    path("posters/help/", include("mscos.posters.urls")),
    # A member's own reports and moderators' messages sit with their account pages.
    path("account/reports/", moderation_views.my_reports, name="account_reports"),
    path("search/", include("mscos.search.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", search_views.robots_txt, name="robots_txt"),
]

urlpatterns += [
    re_path(r"^media/(?P<path>.*)$", core_views.media_file, name="media_file"),
]

# Wagtail's page serving, with a fallback to the English page where no translation exists.
public_patterns += [
    re_path(serve_pattern, core_views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
urlpatterns += i18n_patterns(*public_patterns, prefix_default_language=False)

handler500 = core_views.server_error
