"""One search across the site's pages, the practice library, recommendations and the forums."""

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from mscos.accounts.models import User
from mscos.core import shell_memo
from mscos.forum import search as forum_search
from mscos.forum.models import ForumCategory, Post
from mscos.outcomes.models import OutcomePage
from mscos.practice.models import PracticeExamplePage, Recommendation
from mscos.resources.models import Resource

PAGE_LIMIT = 30
OTHER_LIMIT = 10
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
WORD = re.compile(r"\w+", re.UNICODE)
# Each process keeps the editors' side of this many recent searches (pages, recommendations,
# resources: the same for every reader); a write to any table they come from forgets them all.
# At most 50 objects each, so a few megabytes per process at worst.
RECENT_SEARCHES = 64


def editorial_tables() -> list[str]:
    """The tables the kept answers are read from (watched: core/shell_memo.py)."""
    through = [
        model._meta.get_field("outcomes").remote_field.through._meta.db_table
        for model in (PracticeExamplePage, Recommendation, Resource)
    ]
    return [
        "wagtailsearch_indexentry",
        Recommendation._meta.db_table,
        Resource._meta.db_table,
        "wagtaildocs_document",
        *through,
    ]


@dataclass
class SiteResults:
    pages: list[Page] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.pages) + len(self.recommendations) + len(self.resources) + len(self.posts)


def in_reader_language(pages: list[Any]) -> list[Any]:
    """One version of each page: the reader's language where it is translated, else English;
    versions in other languages are left out. The order is kept."""
    active = Locale.get_active().pk
    default = Locale.get_default().pk
    translated = {page.translation_key for page in pages if page.locale_id == active}
    return [
        page
        for page in pages
        if page.locale_id == active
        or (page.locale_id == default and page.translation_key not in translated)
    ]


def outcome_for_filter(outcome_id: int) -> OutcomePage | None:
    """The live, public outcome a search is narrowed to, if there is one with that number."""
    outcome: OutcomePage | None = OutcomePage.objects.live().public().filter(pk=outcome_id).first()
    return outcome


def outcome_choices() -> list[OutcomePage]:
    """The outcomes a search can be narrowed to, in the reader's language (kept in memory:
    the pages' table is watched)."""
    return shell_memo.remember(
        ("search-outcome-choices", get_language()),
        lambda: in_reader_language(list(OutcomePage.objects.live().public().order_by("path"))),
    )


def search_words(text: str) -> str:
    """Only the words: quotes, brackets and operators would reach the SQLite FTS syntax."""
    return " ".join(WORD.findall(text)[:MAX_WORDS])


def _search(
    queryset: QuerySet[Any], text: str, limit: int, allowed_ids: set[int] | None = None
) -> list[Any]:
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


@dataclass
class _Editorial:
    pages: list[Page]
    recommendations: list[Recommendation]
    resources: list[Resource]


def _editorial(text: str, outcome: OutcomePage | None) -> _Editorial:
    """The pages (in every language), recommendations and resources matching `text`."""
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
    return _Editorial(
        pages=[specific[page.pk] for page in pages if page.pk in specific],
        recommendations=_search(
            Recommendation.objects.filter(live=True), text, OTHER_LIMIT, recommendation_ids
        ),
        resources=_search(
            Resource.objects.select_related("document"), text, OTHER_LIMIT, resource_ids
        ),
    )


def search_site(
    text: str, user: User | AnonymousUser, *, outcome: OutcomePage | None = None
) -> SiteResults:
    """Everything matching `text` that this reader may see, optionally about one outcome."""
    text = text.strip()[:MAX_QUERY_LENGTH]
    results = SiteResults()
    if not text:
        return results
    # Only what editors publish, the same for every reader: kept until any of it changes
    # (a search for a common word spent a third of its time here, most of it building queries).
    editorial = shell_memo.remember_recent(
        "site-search",
        (search_words(text), outcome.pk if outcome else None),
        lambda: _editorial(text, outcome),
        RECENT_SEARCHES,
    )
    results.pages = in_reader_language(editorial.pages)
    results.recommendations = list(editorial.recommendations)
    results.resources = list(editorial.resources)
    category = None
    if outcome is not None:
        category = ForumCategory.objects.filter(outcome_page=outcome).first()
        if category is None:
            return results  # no forum for this outcome, so no posts about it
    # Words only here too: PostgreSQL refuses a NUL character in a query parameter.
    words = search_words(text)
    if words:
        # Too broad to finish in time: the other results still help (the forum's page says why).
        with contextlib.suppress(forum_search.SearchTooBroad):
            results.posts = forum_search.search_posts(
                words, user, category=category, limit=OTHER_LIMIT
            )
    return results
