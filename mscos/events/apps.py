import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "mscos.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        from mscos.accounts.personal_data import register_personal_data
        from mscos.core.scheduling import register_periodic
        from mscos.events import personal_data
        from mscos.events.models import EventPage
        from mscos.events.tasks import send_due_reminders

        # A decoupled side effect: a new time or place raises the calendar SEQUENCE.
        page_published.connect(
            _event_published, sender=EventPage, dispatch_uid="events.calendar_sequence"
        )

        # Every quarter of an hour: each reminder goes out about a day ahead, and only once.
        register_periodic(
            "events.send_due_reminders",
            every=datetime.timedelta(minutes=15),
            task=send_due_reminders,
        )
        register_personal_data(
            "event_registrations",
            export=personal_data.export_registrations,
            erase=personal_data.erase_registrations,
        )


def _event_published(sender, instance, **kwargs) -> None:
    from mscos.events import services

    services.event_published(event=instance)
