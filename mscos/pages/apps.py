from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "mscos.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self) -> None:
        from mscos.pages.editorial import on_post_migrate

        # After every migrate, when all tables exist; it creates missing permissions itself.
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="mscos.pages.editorial")
