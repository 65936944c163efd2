from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "mscos.forum"
    label = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from mscos.forum import navigation

        navigation.register()
