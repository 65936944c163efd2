"""Creates the local administrator account once and prints how to sign in."""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mscos.accounts.models import User

LOCAL_ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a local admin account (first run only) and print its login."

    def handle(self, *args, **options):
        password_file = settings.VAR_DIR / "admin_password"
        if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            raise CommandError(
                "ensure_local_admin is for the local SQLite site; use createsuperuser."
            )
        user = User.objects.filter(username=LOCAL_ADMIN_USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                username=LOCAL_ADMIN_USERNAME,
                email="",
                password=password,
                display_name="Site administrator",
            )
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        elif password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "(the one you set; `manage.py changepassword admin` resets it)"  # noqa: S105 # a hint, not a password: # nosec B105
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin: {settings.SITE_URL}/admin/  user: {LOCAL_ADMIN_USERNAME}  "
                f"password: {password}"
            )
        )
