import datetime

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "mscos.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from mscos.accounts.personal_data import register_personal_data
        from mscos.core.scheduling import register_periodic
        from mscos.forum.audit import register_recorder
        from mscos.forum.decisions import register_listener
        from mscos.forum.models import Post
        from mscos.forum.review_time import register_estimator
        from mscos.forum.screening import register_screener
        from mscos.moderation import duty, notifications, personal_data, safeguarding
        from mscos.moderation.audit_log import write_entry
        from mscos.moderation.services.reports import reports_close_after_decision
        from mscos.moderation.watched_words import screen_text

        register_screener(screen_text)
        register_screener(safeguarding.screen_text)
        register_recorder(write_entry)
        register_listener(reports_close_after_decision)
        register_estimator(duty.review_time_estimate)
        register_personal_data(
            "moderation",
            export=personal_data.export_moderation,
            erase=personal_data.erase_moderation,
        )
        post_save.connect(_urgent_post_saved, sender=Post, dispatch_uid="moderation-urgent")
        register_periodic(
            "moderation-queue-digest",
            every=datetime.timedelta(days=1),
            task=notifications.send_queue_digest,
        )
        register_periodic(
            "moderation-purge-redacted",
            every=datetime.timedelta(hours=6),
            task=notifications.purge_redacted_originals,
        )


def _urgent_post_saved(sender, instance, **kwargs) -> None:
    # A decoupled side effect: the forum marks a post urgent, moderation tells the moderators.
    if instance.is_urgent and instance.status == "pending":
        from mscos.moderation.notifications import urgent_item_arrived

        urgent_item_arrived(instance)
