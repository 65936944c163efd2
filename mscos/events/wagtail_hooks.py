from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from mscos.events import admin_views, permissions
from mscos.events.models import EventPage


@hooks.register("register_admin_urls")
def event_admin_urls():
    return [
        path("events/", admin_views.event_list, name="events_admin_list"),
        path(
            "events/<int:event_id>/registrations/",
            admin_views.registrations,
            name="events_admin_registrations",
        ),
        path(
            "events/<int:event_id>/registrations/<int:registration_id>/decide/",
            admin_views.decide,
            name="events_admin_decide",
        ),
        path(
            "events/<int:event_id>/cancel/",
            admin_views.cancel_event,
            name="events_admin_cancel_event",
        ),
        path(
            "events/<int:event_id>/registrations.csv",
            admin_views.registrations_csv,
            name="events_admin_csv",
        ),
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage_registrations(request.user)


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return RegistrationsMenuItem(
        _("Event registrations"), reverse("events_admin_list"), icon_name="date", order=310
    )


def _registrations_button(page, user):
    if isinstance(page.specific_deferred, EventPage) and permissions.can_manage_registrations(user):
        yield PageMenuItem(
            _("Registrations"),
            reverse("events_admin_registrations", args=[page.pk]),
            icon_name="group",
            priority=45,
            page=page,
        )


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name=None, next_url=None):
    yield from _registrations_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    yield from _registrations_button(page, user)


@hooks.register("register_log_actions")
def register_event_actions(actions):
    actions.register_action(
        "mscos.event_request_approved",
        _("Approve a request to attend"),
        _("Request to attend approved"),
    )
    actions.register_action(
        "mscos.event_request_declined",
        _("Decline a request to attend"),
        _("Request to attend declined"),
    )
    actions.register_action("mscos.event_cancelled", _("Cancel an event"), _("Event cancelled"))
