"""Full-text search over public posts, on SQLite (FTS5) and PostgreSQL (its own text search)."""

import re

from django.db import connection

from mscos.forum.models import ForumCategory, Post, Status
from mscos.forum.permissions import can_read_category

RESULT_LIMIT = 30
WORD = re.compile(r"\w+", re.UNICODE)


def _fts5_query(text: str) -> str:
    """Each word quoted, so nothing a person types can be read as FTS5 syntax."""
    words = WORD.findall(text)[:12]
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _matching_ids_sqlite(text: str, limit: int) -> list[int]:
    query = _fts5_query(text)
    if not query:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM forum_post_fts WHERE forum_post_fts MATCH %s ORDER BY rank LIMIT %s",
            [query, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def search_posts(text: str, user, *, category: ForumCategory | None = None) -> list[Post]:
    """Public posts matching the words, best first, in categories this reader may see."""
    text = text.strip()
    if not text:
        return []
    readable = [c.pk for c in ForumCategory.objects.all() if can_read_category(user, c)]
    if category is not None:
        readable = [pk for pk in readable if pk == category.pk]
    posts = Post.objects.filter(
        status=Status.APPROVED, topic__status=Status.APPROVED, topic__category_id__in=readable
    ).select_related("topic__category", "author")
    if connection.vendor == "sqlite":
        # Over-fetch, then filter by what this reader may see; order follows the FTS rank.
        ids = _matching_ids_sqlite(text, RESULT_LIMIT * 4)
        found = {post.pk: post for post in posts.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found][:RESULT_LIMIT]
    # Written to match the expression indexes of migration 0005, so PostgreSQL can use them.
    matches = (
        "(to_tsvector('english', forum_post.body) @@ websearch_to_tsquery('english', %s)"
        " OR to_tsvector('english', forum_topic.title) @@ websearch_to_tsquery('english', %s))"
    )
    rank = "ts_rank(to_tsvector('english', forum_post.body), websearch_to_tsquery('english', %s))"
    return list(
        posts.extra(  # noqa: S610 - fixed SQL; the reader's words are parameters
            where=[matches], params=[text, text], select={"rank": rank}, select_params=[text]
        ).order_by("-rank", "-created_at")[:RESULT_LIMIT]
    )
