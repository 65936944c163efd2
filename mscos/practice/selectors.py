"""Reads for the practice library and recommendations; they own the query shape."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import QueryDict
from wagtail.models import Page

from mscos.core.query_params import int_param
from mscos.practice.models import Country, PracticeExamplePage, Recommendation

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class PracticeFilters:
    outcome: int | None = None
    country: int | None = None
    organisation: str = ""
    text: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> "PracticeFilters":
        """Filters from a GET query; anything malformed is simply not applied."""

        return cls(
            outcome=int_param(query, "outcome", minimum=0),
            country=int_param(query, "country", minimum=0),
            organisation=query.get("organisation", "").strip()[:MAX_QUERY_LENGTH],
            text=query.get("q", "").strip()[:MAX_QUERY_LENGTH],
        )

    @property
    def active(self) -> bool:
        return bool(self.outcome or self.country or self.organisation or self.text)


def _live_examples(parent: Page | None = None) -> QuerySet[PracticeExamplePage]:
    live = PracticeExamplePage.objects.live().public()
    examples: QuerySet[PracticeExamplePage] = live.child_of(parent) if parent is not None else live
    return examples


def practice_examples(
    *, parent: Page | None, filters: PracticeFilters
) -> list[PracticeExamplePage]:
    """Live examples matching every filter, by title, with countries and outcomes prefetched."""
    examples = _live_examples(parent)
    if filters.outcome:
        examples = examples.filter(outcomes__id=filters.outcome)
    if filters.country:
        examples = examples.filter(countries__id=filters.country)
    if filters.organisation:
        examples = examples.filter(organisation=filters.organisation)
    if filters.text:
        # Plain containment keeps the filter exact and predictable; /search/ ranks by relevance.
        words = filters.text.split()[:8]
        for word in words:
            examples = examples.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(organisation__icontains=word)
            )
    return list(examples.distinct().order_by("title").prefetch_related("countries", "outcomes"))


def practice_filter_choices(*, parent: Page | None) -> dict[str, list[Any]]:
    """The outcomes, countries and organisations that at least one live example has."""
    examples = _live_examples(parent)
    outcome_model = PracticeExamplePage._meta.get_field("outcomes").related_model
    outcomes = (
        outcome_model.objects.live()
        .filter(practice_examples__in=examples)
        .distinct()
        .order_by("path")
    )
    countries = Country.objects.filter(practice_examples__in=examples).distinct().order_by("name")
    organisations = sorted(set(examples.values_list("organisation", flat=True)))
    return {
        "outcomes": list(outcomes),
        "countries": list(countries),
        "organisations": organisations,
    }


def practice_examples_for_outcome(outcome_page_id: int) -> list[PracticeExamplePage]:
    """Live examples that serve one outcome, for its page."""
    return list(
        _live_examples()
        .filter(outcomes__id=outcome_page_id)
        .distinct()
        .order_by("title")
        .prefetch_related("countries")
    )


def recommendations_for_outcome(outcome_page_id: int) -> list[Recommendation]:
    """Published recommendations tied to one outcome."""
    return list(
        Recommendation.objects.filter(live=True, outcomes__id=outcome_page_id)
        .distinct()
        .order_by("sort_order", "title")
    )


def recommendations_live() -> QuerySet[Recommendation]:
    """Every published recommendation (for updates and listings)."""
    recommendations: QuerySet[Recommendation] = Recommendation.objects.filter(live=True)
    return recommendations.order_by("sort_order", "title")
