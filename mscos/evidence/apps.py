import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "mscos.evidence"
    label = "evidence"
    verbose_name = _("Pooled evidence")

    def ready(self) -> None:
        from mscos.core.scheduling import register_periodic
        from mscos.evidence import tasks

        # Nightly: pooled figures change in batches anyway (decision 16), and the page cache is
        # emptied by each refresh that writes.
        register_periodic(
            "evidence.refresh_pooled_evidence",
            every=datetime.timedelta(hours=24),
            task=tasks.refresh_pooled_evidence,
        )
