from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from mscos.newsletter.permissions import can_send_mailing
from mscos.updates import admin_views
from mscos.updates.models import UpdatePage


@hooks.register("register_admin_urls")
def register_send_urls():
    return [
        path("updates/<int:page_id>/send/", admin_views.send_update, name="updates_send"),
        path(
            "updates/<int:page_id>/send/preview/",
            admin_views.mail_preview,
            name="updates_send_preview",
        ),
    ]


@hooks.register("register_page_header_buttons")
def send_by_email_button(page, user, view_name, next_url=None):
    if page.specific_class is UpdatePage and can_send_mailing(user):
        yield Button(
            _("Send by email"),
            reverse("updates_send", args=[page.pk]),
            icon_name="mail",
            priority=60,
        )
