from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfAssessmentConfig(AppConfig):
    name = "mscos.selfassessment"
    label = "selfassessment"
    verbose_name = _("Self-assessment against the outcome set")
