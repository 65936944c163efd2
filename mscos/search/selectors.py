"""One search across the site's pages, the practice library, recommendations and the forums."""

import re
from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from mscos.forum import search as forum_search
from mscos.forum.models import ForumCategory
from mscos.outcomes.models import OutcomePage
from mscos.practice.models import PracticeExamplePage, Recommendation
from mscos.resources.models import Resource

PAGE_LIMIT = 30
OTHER_LIMIT = 10
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class SiteResults:
    pages: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    posts: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.pages) + len(self.recommendations) + len(self.resources) + len(self.posts)


def outcome_choices() -> list[OutcomePage]:
    return list(OutcomePage.objects.live().public().order_by("path"))


def search_words(text: str) -> str:
    """Only the words: quotes, brackets and operators would reach the SQLite FTS syntax."""
    return " ".join(WORD.findall(text)[:MAX_WORDS])


def _search(queryset, text: str, limit: int, allowed_ids: set[int] | None = None) -> list:
    """Ranked matches for every word; `allowed_ids` narrows them (checked after ranking, as
    the search backend filters only on indexed fields)."""
    text = search_words(text)
    if not text:
        return []
    backend = get_search_backend()
    fetch = limit if allowed_ids is None else limit * 5
    found = list(backend.search(text, queryset, operator="and")[:fetch])
    if allowed_ids is not None:
        found = [item for item in found if item.pk in allowed_ids]
    return found[:limit]


def search_site(text: str, user, *, outcome: OutcomePage | None = None) -> SiteResults:
    """Everything matching `text` that this reader may see, optionally about one outcome."""
    text = text.strip()[:MAX_QUERY_LENGTH]
    results = SiteResults()
    if not text:
        return results
    page_ids = recommendation_ids = resource_ids = None
    if outcome is not None:
        page_ids = {
            outcome.pk,
            *PracticeExamplePage.objects.filter(outcomes=outcome).values_list("pk", flat=True),
        }
        recommendation_ids = set(
            Recommendation.objects.filter(outcomes=outcome).values_list("pk", flat=True)
        )
        resource_ids = set(Resource.objects.filter(outcomes=outcome).values_list("pk", flat=True))
    pages = _search(Page.objects.live().public(), text, PAGE_LIMIT, page_ids)
    # One query per page type, not one per result; the ranking's order is kept.
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    results.pages = [specific[page.pk] for page in pages if page.pk in specific]
    results.recommendations = _search(
        Recommendation.objects.filter(live=True), text, OTHER_LIMIT, recommendation_ids
    )
    results.resources = _search(
        Resource.objects.select_related("document"), text, OTHER_LIMIT, resource_ids
    )
    category = None
    if outcome is not None:
        category = ForumCategory.objects.filter(outcome_page=outcome).first()
        if category is None:
            return results  # no forum for this outcome, so no posts about it
    # Words only here too: PostgreSQL refuses a NUL character in a query parameter.
    words = search_words(text)
    if words:
        results.posts = forum_search.search_posts(words, user, category=category)[:OTHER_LIMIT]
    return results
