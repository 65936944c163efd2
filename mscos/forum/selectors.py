"""Reads for the forum; each owns its query shape."""

from django.db.models import QuerySet

from mscos.forum.models import ForumCategory


def categories_in_order() -> QuerySet[ForumCategory]:
    """All categories, in the editors' order."""
    return ForumCategory.objects.order_by("sort_order", "name")


def category_for_page(page_id: int) -> ForumCategory | None:
    """The category linked to an outcome page, if any."""
    return ForumCategory.objects.filter(outcome_page_id=page_id).order_by("sort_order").first()
