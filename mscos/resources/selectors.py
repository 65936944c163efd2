"""Reads for resources."""

from typing import Any

from mscos.resources.models import Resource


def resources(*, outcome: int | None = None, kind: str = "") -> list[Resource]:
    """Resources, newest first, optionally for one outcome and of one kind."""
    found = Resource.objects.select_related("document").prefetch_related("outcomes")
    if outcome:
        found = found.filter(outcomes__id=outcome)
    if kind:
        found = found.filter(kind=kind)
    return list(found.distinct())


def resources_for_outcome(outcome_page_id: int) -> list[Resource]:
    return list(
        Resource.objects.filter(outcomes__id=outcome_page_id).select_related("document").distinct()
    )


def resource_outcomes() -> list[Any]:
    """Outcome pages that at least one resource is tagged with."""
    outcome_model = Resource._meta.get_field("outcomes").related_model
    return list(outcome_model.objects.live().filter(resources__isnull=False).distinct())
