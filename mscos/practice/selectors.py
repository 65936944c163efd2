"""Reads for the practice library and recommendations; they own the query shape."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import QueryDict
from wagtail.models import Page

from mscos.core.query_params import int_param
from mscos.practice.models import Country, PracticeExamplePage, Recommendation

MAX_QUERY_LENGTH = 200


def _text_param(query: QueryDict, name: str) -> str:
    # PostgreSQL refuses a NUL character in a query parameter: it would be an error page.
    return query.get(name, "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


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
            organisation=_text_param(query, "organisation"),
            text=_text_param(query, "q"),
        )

    @property
    def active(self) -> bool:
        return bool(self.outcome or self.country or self.organisation or self.text)


def _live_examples(parent: Page | None = None) -> QuerySet[PracticeExamplePage]:
    live = PracticeExamplePage.objects.live().public()
    examples: QuerySet[PracticeExamplePage] = live.child_of(parent) if parent is not None else live
    return examples


def practice_examples(
    *, parent: Page | None, filters: PracticeFilters, translated_into: int | None = None
) -> list[PracticeExamplePage]:
    """Live examples matching every filter, by title, with countries and outcomes prefetched;
    with `translated_into` (a locale's id), each replaced by its live translation there, if any."""
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
    found = list(examples.distinct().order_by("title").prefetch_related("countries", "outcomes"))
    if translated_into is None or not found:
        return found
    return _with_translations(found, locale_id=translated_into)


def _with_translations(
    examples: list[PracticeExamplePage], *, locale_id: int
) -> list[PracticeExamplePage]:
    # One query for all of them, so a translated library costs what the English one does.
    translations = {
        example.translation_key: example
        for example in PracticeExamplePage.objects.live()
        .public()
        .filter(locale_id=locale_id, translation_key__in=[e.translation_key for e in examples])
        .prefetch_related("countries", "outcomes")
    }
    return [translations.get(example.translation_key, example) for example in examples]


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
