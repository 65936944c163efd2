"""'Did you mean': the closest words the site's search knows, for a query that found nothing.

The vocabulary is every word in what anyone may read (live public pages, recommendations and
resources as the search index holds them, and the titles of recent approved topics in public
forum categories), so a suggestion never reveals a word from a members-only or draft text. It is
built once and cached; misspellings are matched by edit distance on letters folded to their base
(accents and Arabic hamza forms ignored), word forms by a shared beginning.
"""

import re
import unicodedata
from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry

from mscos.core import shell_memo
from mscos.forum.models import ForumCategory, Status, Topic
from mscos.forum.permissions import readable_audiences
from mscos.practice.models import Recommendation
from mscos.resources.models import Resource

CACHE_KEY = "search-vocabulary-v1"
CACHE_SECONDS = 60 * 60
TOPIC_TITLES = 5_000
MAX_VOCABULARY = 50_000
MIN_LENGTH = 3
MAX_LENGTH = 30
WORD = re.compile(r"\w+", re.UNICODE)


def fold(word: str) -> str:
    """Lower case, without accents or marks: 'Siguranța' and 'siguranta', 'الإنترنت' and
    'الانترنت' fold alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    return [
        word
        for word in WORD.findall(text or "")
        if MIN_LENGTH <= len(word) <= MAX_LENGTH and not word.isdigit()
    ]


def _index_texts(models, ids) -> list[str]:
    # A page is indexed under its own type (OutcomePage...), not under Page.
    content_types = ContentType.objects.get_for_models(*models).values()
    # On PostgreSQL "title" and "body" are stemmed tsvectors ('traffick':3); the index keeps the
    # words as written in plain-text mirrors beside them.
    text_fields = (
        ("title_text", "body_text") if connection.vendor == "postgresql" else ("title", "body")
    )
    rows = IndexEntry.objects.filter(
        content_type__in=content_types, object_id__in=[str(pk) for pk in ids]
    ).values_list(*text_fields)
    return [f"{title} {body or ''}" for title, body in rows]


def _public_texts() -> list[str]:
    texts = _index_texts(
        get_page_models(), Page.objects.live().public().values_list("pk", flat=True)
    )
    texts += _index_texts(
        [Recommendation], Recommendation.objects.filter(live=True).values_list("pk", flat=True)
    )
    texts += _index_texts([Resource], Resource.objects.values_list("pk", flat=True))
    public = ForumCategory.objects.filter(read_access__in=readable_audiences(AnonymousUser()))
    texts += list(
        Topic.objects.filter(category__in=public, status=Status.APPROVED)
        .order_by("-last_activity_at")
        .values_list("title", flat=True)[:TOPIC_TITLES]
    )
    return texts


def build_vocabulary() -> dict[str, str]:
    """Folded word -> the form shown and searched for (the most frequent spelling)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for text in _public_texts():
        for word in _words(text):
            counts[fold(word)][word.lower()] += 1
    ranked = sorted(counts.items(), key=lambda item: -sum(item[1].values()))[:MAX_VOCABULARY]
    return {folded: max(forms, key=lambda form: forms[form]) for folded, forms in ranked}


def _shared_vocabulary() -> dict[str, str]:
    words = cache.get(CACHE_KEY)
    if words is None:
        words = build_vocabulary()
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def vocabulary() -> dict[str, str]:
    """Built once for every process (the cache), then kept in each one's memory (core/
    shell_memo.py): no cache read and unpickling of every word on each misspelled search."""
    return shell_memo.remember(CACHE_KEY, _shared_vocabulary)


def edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance with adjacent swaps, giving up (limit + 1) once past `limit`."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous_previous[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def _allowed_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def closest_word(word: str, words: dict[str, str]) -> str | None:
    """The known word nearest to `word`, or None when it is known already or nothing is near."""
    folded = fold(word)
    if folded in words:
        # Known, perhaps without its accents or hamza: the spelling the pages use.
        return None if words[folded] == word.lower() else words[folded]
    limit = _allowed_distance(folded)
    letters = set(folded)
    best: tuple[int, int, str] | None = None
    for rank, known in enumerate(words):
        # Cheap tests first: too long or short, or too many letters the other lacks.
        if (
            abs(len(known) - len(folded)) > limit
            or len(letters.symmetric_difference(known)) > 2 * limit
        ):
            continue
        distance = edit_distance(folded, known, limit)
        if distance <= limit and (best is None or (distance, rank) < best[:2]):
            best = (distance, rank, known)
    if best is None and len(folded) >= 6:
        # Another form of the same word ("trafficked", "traffickers"): a long shared beginning.
        stem = folded[: max(5, len(folded) - 3)]
        for known in words:
            if known.startswith(stem):
                best = (0, 0, known)
                break
    return words[best[2]] if best else None


RECENT_CORRECTIONS = 512


def did_you_mean(text: str) -> str:
    """The query with each unknown word replaced by the closest known one; "" if none changed."""
    # The same misspelling is common: its correction is kept as long as the vocabulary.
    return shell_memo.remember_recent(
        "search-corrections", text, lambda: _corrected(text), RECENT_CORRECTIONS
    )


def _corrected(text: str) -> str:
    words = vocabulary()
    changed = False
    result = []
    for word in WORD.findall(text):
        replacement = closest_word(word, words) if len(word) >= MIN_LENGTH else None
        if replacement:
            changed = True
        result.append(replacement or word)
    return " ".join(result) if changed else ""
