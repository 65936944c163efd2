from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "mscos.search"
    label = "site_search"  # "search" is Wagtail's own app label
    verbose_name = _("Site search")

    def ready(self) -> None:
        from mscos.core import shell_memo
        from mscos.search import selectors

        # Recent searches' pages, recommendations and resources are kept in memory.
        shell_memo.watch_tables(*selectors.editorial_tables())
