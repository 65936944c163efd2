import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mscos.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from mscos.core import checks  # noqa: F401 - registers the system checks
        from mscos.core.scheduling import register_periodic
        from mscos.core.tasks import prune_finished_tasks

        register_periodic(
            "prune-finished-tasks", every=datetime.timedelta(hours=1), task=prune_finished_tasks
        )
