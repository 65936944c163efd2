import datetime

from django.apps import AppConfig
from django.core.signals import request_started, setting_changed
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mscos.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from mscos.core import (
            checks,  # noqa: F401 - registers the system checks
            shell_lookups,
            shell_memo,
        )
        from mscos.core.page_cache import on_setting_changed, watch_connection
        from mscos.core.scheduling import register_periodic
        from mscos.core.site_address import on_post_migrate
        from mscos.core.tasks import prune_finished_tasks

        # Every database connection reports writes that change what readers see.
        connection_created.connect(watch_connection, dispatch_uid="mscos.core.page_cache")
        setting_changed.connect(on_setting_changed, dispatch_uid="mscos.core.page_cache")
        # The page shell's lookups come from process memory, forgotten when their rows change.
        shell_lookups.install()
        connection_created.connect(shell_memo.watch_connection, dispatch_uid="mscos.shell_memo")
        request_started.connect(shell_memo.on_request_started, dispatch_uid="mscos.shell_memo")
        setting_changed.connect(shell_memo.on_setting_changed, dispatch_uid="mscos.shell_memo")
        # After every migrate: Wagtail's Site record follows SITE_URL (core/site_address.py).
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="mscos.core.site_address")
        register_periodic(
            "prune-finished-tasks", every=datetime.timedelta(hours=1), task=prune_finished_tasks
        )
