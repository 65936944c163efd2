from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "mscos.search"
    label = "site_search"  # "search" is Wagtail's own app label
    verbose_name = _("Site search")
