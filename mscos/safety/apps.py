import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "mscos.safety"
    label = "safety"
    verbose_name = _("Safety")

    def ready(self) -> None:
        # Imports that reach models wait until the app registry is ready.
        from mscos.core.scheduling import register_periodic

        # Imported here so gunicorn's preloading master makes the key secret its workers share.
        from mscos.safety import addresses  # noqa: F401
        from mscos.safety.tasks import purge_expired_address_hashes

        register_periodic(
            "purge-address-hashes",
            every=datetime.timedelta(hours=6),
            task=purge_expired_address_hashes,
        )
