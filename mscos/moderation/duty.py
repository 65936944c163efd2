"""Who is on duty now, from the hours moderators set."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from mscos.accounts.models import User
from mscos.accounts.selectors import contact_addresses
from mscos.forum.review_time import ReviewTime
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


def next_duty_start(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """When the next hours on duty begin (any moderator's), within a week; None if none are set."""
    local = timezone.localtime(now or timezone.now())
    starts = []
    for s in ModeratorSettings.objects.filter(moderator__in=moderators()):
        if s.duty_start is None or s.duty_end is None or not s.duty_days:
            continue
        for days_ahead in range(8):
            day = local.date() + datetime.timedelta(days=days_ahead)
            if day.weekday() not in s.duty_days:
                continue
            start = timezone.make_aware(datetime.datetime.combine(day, s.duty_start))
            if start > local:
                starts.append(start)
                break
    return min(starts, default=None)


def review_time_estimate(now: datetime.datetime | None = None) -> ReviewTime | None:
    """For the forum's "a moderator will read it" sentence (registered in forum.review_time)."""
    now = now or timezone.now()
    if anyone_on_duty(now):
        return ReviewTime(on_duty_now=True)
    start = next_duty_start(now)
    if start is None:
        return None
    hours = math.ceil((start - now).total_seconds() / 3600)
    return ReviewTime(within_hours=max(hours, 1))


@dataclass
class UrgentRecipients:
    """Who is told about an urgent post right now, and at which addresses."""

    user_ids: list[int]
    addresses: dict[int, str]
    # "duty", "on_call" or "everyone": which rule chose them.
    rule: str

    @property
    def reachable(self) -> bool:
        return bool(self.addresses)


def urgent_recipients(now: datetime.datetime | None = None) -> UrgentRecipients:
    """The moderators on duty, else those on call, else every moderator. A group in which nobody
    has a contact address is passed over, so an alert never stops at people it cannot reach."""
    groups = [
        ("duty", on_duty_moderator_ids(now)),
        ("on_call", on_call_moderator_ids()),
        ("everyone", list(moderators().values_list("pk", flat=True))),
    ]
    first = next(((rule, ids) for rule, ids in groups if ids), ("everyone", []))
    for rule, ids in groups:
        addresses = contact_addresses(ids)
        if addresses:
            return UrgentRecipients(user_ids=ids, addresses=addresses, rule=rule)
    return UrgentRecipients(user_ids=first[1], addresses={}, rule=first[0])
