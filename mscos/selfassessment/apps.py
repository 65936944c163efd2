import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfAssessmentConfig(AppConfig):
    name = "mscos.selfassessment"
    label = "selfassessment"
    verbose_name = _("Self-assessment against the outcome set")

    def ready(self) -> None:
        # Imports that reach models wait until the app registry is ready.
        from mscos.core.scheduling import register_periodic
        from mscos.selfassessment.tasks import erase_expired_assessments

        register_periodic(
            "erase-expired-self-assessments",
            every=datetime.timedelta(hours=6),
            task=erase_expired_assessments,
        )
