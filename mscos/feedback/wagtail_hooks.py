from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from mscos.feedback import admin_views, permissions


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path("feedback/", admin_views.inbox, name="feedback_admin_inbox"),
        path("feedback/export.csv", admin_views.export_csv, name="feedback_admin_csv"),
        path("feedback/<int:feedback_id>/", admin_views.detail, name="feedback_admin_detail"),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_feedback(request.user)


@hooks.register("register_admin_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(
        _("Feedback"), reverse("feedback_admin_inbox"), icon_name="mail", order=320
    )
