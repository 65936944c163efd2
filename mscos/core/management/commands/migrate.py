"""Django's migrate, which also points Wagtail's Site record at SITE_URL (post_migrate).

Its pre-flight system checks skip the Site-address check (mscos.E002): migrate is what corrects
the record, so a changed SITE_URL must not stop it.
"""

from django.core.management.commands import migrate

from mscos.core import checks


class Command(migrate.Command):
    def check(self, *args, **kwargs):
        checks._site_check_paused = True
        try:
            return super().check(*args, **kwargs)
        finally:
            checks._site_check_paused = False
