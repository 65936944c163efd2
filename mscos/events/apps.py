import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "mscos.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from mscos.accounts.personal_data import register_personal_data
        from mscos.core.scheduling import register_periodic
        from mscos.events import personal_data
        from mscos.events.tasks import send_due_reminders

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
