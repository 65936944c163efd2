from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "mscos.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from mscos.forum.screening import register_screener
        from mscos.moderation.watched_words import screen_text

        register_screener(screen_text)
