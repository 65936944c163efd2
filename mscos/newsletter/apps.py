import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "mscos.newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from mscos.core.scheduling import register_periodic
        from mscos.newsletter import tasks

        register_periodic(
            "newsletter.start_scheduled_mailings",
            every=datetime.timedelta(minutes=1),
            task=tasks.start_scheduled_mailings,
        )
        register_periodic(
            "newsletter.resume_stalled_mailings",
            every=datetime.timedelta(minutes=1),
            task=tasks.resume_stalled_mailings,
        )
        register_periodic(
            "newsletter.purge_unconfirmed",
            every=datetime.timedelta(hours=6),
            task=tasks.purge_unconfirmed_subscriptions,
        )
