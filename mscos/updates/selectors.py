"""Reads for updates: the archive, the newest update, the feeds."""

from django.db.models import Prefetch, QuerySet

from mscos.core.translated_pages import default_language_only, original
from mscos.outcomes.models import OutcomePage
from mscos.updates.models import UpdateContributor, UpdateIndexPage, UpdatePage


def published_updates(
    index: UpdateIndexPage | None = None, *, outcome: OutcomePage | None = None
) -> QuerySet[UpdatePage]:
    updates = default_language_only(UpdatePage.objects.live().public())
    if index is not None:
        # A translated archive lists every update (each in the reader's language where
        # translated, see UpdateIndexPage), not only those translated so far.
        updates = updates.child_of(original(index))
    if outcome is not None:
        updates = updates.filter(focus_outcomes=outcome)
    ordered: QuerySet[UpdatePage] = updates.prefetch_related(
        Prefetch("focus_outcomes", queryset=OutcomePage.objects.order_by("path")),
        Prefetch("contributors", queryset=UpdateContributor.objects.order_by("sort_order")),
    ).order_by("-date", "-pk")
    return ordered


def latest_update() -> UpdatePage | None:
    return published_updates().first()


def archive_page() -> UpdateIndexPage | None:
    index: UpdateIndexPage | None = UpdateIndexPage.objects.live().public().first()
    return index


def focus_outcomes_in_use(index: UpdateIndexPage) -> list[OutcomePage]:
    ids = UpdatePage.focus_outcomes.through.objects.filter(
        updatepage__in=UpdatePage.objects.child_of(original(index)).live().public()
    ).values("outcomepage_id")
    return list(OutcomePage.objects.filter(pk__in=ids).order_by("path"))
