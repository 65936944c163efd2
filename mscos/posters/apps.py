from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostersConfig(AppConfig):
    name = "mscos.posters"
    label = "posters"
    verbose_name = _("Help posters")
