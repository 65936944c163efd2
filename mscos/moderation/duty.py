"""Who is on duty now, from the hours moderators set."""

import datetime

from django.db.models import Q
from django.utils import timezone

from mscos.accounts.models import User
from mscos.moderation.models import ModeratorSettings


def moderators():
    """Active accounts that may moderate (moderators, safeguarding leads, superusers)."""
    return User.objects.filter(
        Q(
            groups__permissions__codename="moderate_post",
            groups__permissions__content_type__app_label="forum",
        )
        | Q(is_superuser=True),
        is_active=True,
    ).distinct()


def on_duty_moderator_ids(now: datetime.datetime | None = None) -> list[int]:
    local = timezone.localtime(now or timezone.now())
    return [
        s.moderator_id
        for s in ModeratorSettings.objects.filter(moderator__in=moderators())
        if s.on_duty_at(local)
    ]


def anyone_on_duty(now: datetime.datetime | None = None) -> bool:
    return bool(on_duty_moderator_ids(now))


def on_call_moderator_ids() -> list[int]:
    return list(
        ModeratorSettings.objects.filter(on_call=True, moderator__in=moderators()).values_list(
            "moderator_id", flat=True
        )
    )
