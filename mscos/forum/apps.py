import datetime

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "mscos.forum"
    label = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from mscos.accounts.personal_data import register_personal_data
        from mscos.core import shell_memo
        from mscos.core.scheduling import register_periodic
        from mscos.forum import navigation, personal_data, watching
        from mscos.forum.models import ForumCategory, Post
        from mscos.safety.retention import register_address_hash

        navigation.register()
        # The Forums drop-down and the outcome pages' forum buttons are kept in memory.
        shell_memo.watch_tables(ForumCategory._meta.db_table)
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="forum-fts")
        register_periodic(
            "forum-notification-digests",
            every=datetime.timedelta(minutes=10),
            task=watching.send_notification_digests,
        )
        register_personal_data(
            "forum_posts", export=personal_data.export_posts, erase=personal_data.erase_posts
        )
        register_personal_data(
            "forum_reading",
            export=personal_data.export_reading,
            erase=personal_data.erase_reading,
        )
        register_address_hash(
            Post, hash_field="address_hash", time_field="created_at", delete_row=False
        )


def _ensure_search_index(using="default", **kwargs) -> None:
    from mscos.forum.search import ensure_sqlite_index

    ensure_sqlite_index(using)
