"""Reads for the outcome set."""

from django.db.models import Prefetch

from mscos.outcomes.models import Domain, LongListOutcome


def long_list(*, domain_id: int | None = None, text: str = "") -> list[Domain]:
    """Domains in order, each with `.matching`: its outcomes that contain every word of `text`."""
    domains = Domain.objects.prefetch_related(
        Prefetch(
            "long_list_outcomes",
            queryset=LongListOutcome.objects.select_related("outcome_page").order_by("sort_order"),
        )
    )
    if domain_id:
        domains = domains.filter(pk=domain_id)
    words = [word.casefold() for word in text.split()[:8]]
    result = []
    for domain in domains:
        outcomes = list(domain.long_list_outcomes.all())
        if words:
            outcomes = [
                outcome
                for outcome in outcomes
                if all(word in f"{outcome.name} {outcome.description}".casefold() for word in words)
            ]
        domain.matching = outcomes
        if outcomes or not words:
            result.append(domain)
    return result
