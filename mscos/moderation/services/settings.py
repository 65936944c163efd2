"""A moderator's own settings, and notices marked as read (neither is a moderation action)."""

from typing import Any

from django.utils import timezone

from mscos.accounts.models import User
from mscos.moderation.models import ModeratorSettings, Notice
from mscos.moderation.services.common import require_moderator


def moderator_settings_save(*, acting_user: User, **fields: Any) -> ModeratorSettings:
    require_moderator(acting_user)
    mine, _created = ModeratorSettings.objects.get_or_create(moderator=acting_user)
    for name, value in fields.items():
        setattr(mine, name, value)
    mine.full_clean()
    mine.save()
    return mine


def notices_mark_read(*, acting_user: User) -> int:
    return Notice.objects.filter(recipient=acting_user, read_at=None).update(read_at=timezone.now())
