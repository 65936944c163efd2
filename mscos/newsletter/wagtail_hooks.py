"""The newsletter in the admin: subscribers (with CSV export), mailings and their progress,
the suppression list and the consent texts."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from mscos.core.csv_export import SpreadsheetSafeCsvMixin
from mscos.newsletter.models import ConsentText, Mailing, Subscriber, Suppression
from mscos.newsletter.selectors import mailing_progress


class ProgressColumn(Column):
    def get_value(self, instance):
        progress = mailing_progress(instance)
        return _("%(sent)s sent · %(failed)s failed · %(total)s in all") % {
            "sent": progress.sent,
            "failed": progress.failed,
            "total": progress.total,
        }


class SubscriberIndexView(SpreadsheetSafeCsvMixin, IndexView):
    pass


class SubscriberViewSet(ModelViewSet):
    url_prefix = "newsletter/subscriber"
    url_namespace = "newsletter_subscriber"
    model = Subscriber
    index_view_class = SubscriberIndexView
    export_formats = ["csv"]  # one format, made safe for spreadsheets (core/csv_export.py)
    icon = "user"
    menu_label = _("Subscribers")
    list_display = ["email", "name", "status", "source", "consent_text", "confirmed_at"]
    list_filter = ["status", "source"]
    search_fields = ["email", "name"]
    list_export = [
        "email",
        "name",
        "status",
        "source",
        "consent_text",
        "consented_at",
        "created_at",
        "confirmed_at",
    ]
    export_filename = "subscribers"
    form_fields = ["name", "interests"]
    add_to_admin_menu = False
    inspect_view_enabled = True


class MailingViewSet(ModelViewSet):
    url_prefix = "newsletter/mailing"
    url_namespace = "newsletter_mailing"
    model = Mailing
    icon = "mail"
    menu_label = _("Mailings")
    list_display = [
        "subject",
        "page",
        "created_at",
        "status",
        ProgressColumn("progress", label=_("Progress")),
    ]
    form_fields = ["subject"]
    inspect_view_enabled = True


class SuppressionViewSet(ModelViewSet):
    url_prefix = "newsletter/suppression"
    url_namespace = "newsletter_suppression"
    model = Suppression
    icon = "cross"
    menu_label = _("Suppression list")
    list_display = ["reason", "created_at", "address_digest"]
    list_filter = ["reason"]
    form_fields = ["reason"]


class ConsentTextViewSet(ModelViewSet):
    url_prefix = "newsletter/consenttext"
    url_namespace = "newsletter_consenttext"
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent texts")
    list_display = ["version", "published_at"]
    form_fields = ["version", "text", "published_at"]


class NewsletterGroup(ModelViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    items = [SubscriberViewSet, MailingViewSet, SuppressionViewSet, ConsentTextViewSet]


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return NewsletterGroup()
