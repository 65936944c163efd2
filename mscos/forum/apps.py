from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "mscos.forum"
    label = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from mscos.accounts.personal_data import register_personal_data
        from mscos.forum import navigation, personal_data
        from mscos.forum.models import Post
        from mscos.safety.retention import register_address_hash

        navigation.register()
        register_personal_data(
            "forum_posts", export=personal_data.export_posts, erase=personal_data.erase_posts
        )
        register_address_hash(
            Post, hash_field="address_hash", time_field="created_at", delete_row=False
        )
