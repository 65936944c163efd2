from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementConfig(AppConfig):
    name = "mscos.measurement"
    label = "measurement"
    verbose_name = _("Outcome measurement")

    def ready(self) -> None:
        from mscos.measurement import checks  # noqa: F401  (registers the note key check)
