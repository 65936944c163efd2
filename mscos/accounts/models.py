"""Members: a custom user from day one, shown to others only by a pseudonymous display name."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A member; other members see `display_name`, never the username or email."""

    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("The name other members see. It does not need to be your real name."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to other people: the display name, or a neutral fallback."""
        return self.display_name or str(_("Member"))
