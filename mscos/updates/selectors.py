"""Reads for updates: the archive, the newest update, the feeds."""

from django.db.models import Prefetch, QuerySet

from mscos.outcomes.models import OutcomePage
from mscos.updates.models import UpdateContributor, UpdateIndexPage, UpdatePage


def published_updates(index: UpdateIndexPage | None = None, *, outcome=None) -> QuerySet:
    updates = UpdatePage.objects.live().public()
    if index is not None:
        updates = updates.child_of(index)
    if outcome is not None:
        updates = updates.filter(focus_outcomes=outcome)
    return updates.prefetch_related(
        Prefetch("focus_outcomes", queryset=OutcomePage.objects.order_by("path")),
        Prefetch("contributors", queryset=UpdateContributor.objects.order_by("sort_order")),
    ).order_by("-date", "-pk")


def latest_update() -> UpdatePage | None:
    return published_updates().first()


def archive_page() -> UpdateIndexPage | None:
    return UpdateIndexPage.objects.live().public().first()


def focus_outcomes_in_use(index: UpdateIndexPage) -> list[OutcomePage]:
    ids = UpdatePage.focus_outcomes.through.objects.filter(
        updatepage__in=UpdatePage.objects.child_of(index).live().public()
    ).values("outcomepage_id")
    return list(OutcomePage.objects.filter(pk__in=ids).order_by("path"))
