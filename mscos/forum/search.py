"""Full-text search over public posts, on SQLite (FTS5) and PostgreSQL (its own text search)."""

import json
import re
from collections.abc import Iterable

from django.db import OperationalError, connection, transaction

from mscos.core import shell_memo
from mscos.forum.models import ForumCategory, Post, Status
from mscos.forum.permissions import readable_audiences

RESULT_LIMIT = 30
WORD = re.compile(r"\w+", re.UNICODE)


SQLITE_TRIGGERS = {
    "forum_post_fts_insert": """CREATE TRIGGER forum_post_fts_insert AFTER INSERT ON forum_post
       WHEN new.status = 'approved' BEGIN
         INSERT INTO forum_post_fts(rowid, title, body)
         VALUES (new.id, (SELECT title FROM forum_topic WHERE id = new.topic_id), new.body);
       END""",
    "forum_post_fts_update": """CREATE TRIGGER forum_post_fts_update
       AFTER UPDATE OF status, body, topic_id ON forum_post BEGIN
         DELETE FROM forum_post_fts WHERE rowid = old.id;
         INSERT INTO forum_post_fts(rowid, title, body)
         SELECT new.id, (SELECT title FROM forum_topic WHERE id = new.topic_id), new.body
         WHERE new.status = 'approved';
       END""",
    "forum_post_fts_delete": """CREATE TRIGGER forum_post_fts_delete AFTER DELETE ON forum_post
       BEGIN
         DELETE FROM forum_post_fts WHERE rowid = old.id;
       END""",
}


def ensure_sqlite_index(using: str = "default") -> bool:
    """Recreates the FTS5 triggers if a migration dropped them (SQLite drops a table's triggers
    when Django rebuilds the table to alter it) and refills the index; True if it had to."""
    from django.db import connections

    target = connections[using]
    if target.vendor != "sqlite":
        return False
    with target.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {row[0] for row in cursor.fetchall()}
        if "forum_post" not in present or "forum_post_fts" not in present:
            return False
        missing = [name for name in SQLITE_TRIGGERS if name not in present]
        if not missing:
            return False
        for name in missing:
            cursor.execute(SQLITE_TRIGGERS[name])
        cursor.execute("DELETE FROM forum_post_fts")
        cursor.execute(
            "INSERT INTO forum_post_fts(rowid, title, body) SELECT p.id, t.title, p.body "
            "FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id WHERE p.status = 'approved'"
        )
    return True


def _readable_ids(user) -> list[int]:
    """The categories this reader's audiences may read, kept in memory (core/shell_memo.py:
    the categories' table is watched, so a change of who may read shows at once)."""
    audiences = tuple(sorted(readable_audiences(user)))
    return shell_memo.remember(
        ("forum-search-readable", audiences),
        lambda: list(
            ForumCategory.objects.filter(read_access__in=audiences).values_list("pk", flat=True)
        ),
    )


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
            # Newest first: FTS5 walks its index in rowid order and stops at the limit, where
            # ranking by relevance would score every match (a second for a common word at 1M).
            "SELECT rowid FROM forum_post_fts WHERE forum_post_fts MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [query, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def search_posts(
    text: str,
    user,
    *,
    category: ForumCategory | None = None,
    language: str = "",
    readable: Iterable[ForumCategory] | None = None,
    limit: int = RESULT_LIMIT,
) -> list[Post]:
    """Public posts matching the words, newest first, in categories this reader may see.

    `readable`: the categories this reader may see, when the caller has them already.
    `limit`: at most this many (the header's search shows fewer than this page).
    """
    text = text.strip()
    if not text:
        return []
    readable_ids = _readable_ids(user) if readable is None else [c.pk for c in readable]
    if category is not None:
        readable_ids = [pk for pk in readable_ids if pk == category.pk]
    posts = Post.objects.filter(
        status=Status.APPROVED, topic__status=Status.APPROVED, topic__category_id__in=readable_ids
    ).select_related("topic__category", "author")
    if language:
        posts = posts.filter(language=language)
    if connection.vendor == "sqlite":
        # Over-fetch, then filter by what this reader may see; order follows the FTS query.
        ids = _matching_ids_sqlite(text, limit * 4)
        # Look up by key only, then check visibility here: with the other conditions in SQL,
        # SQLite's planner walks the status index over every public post instead.
        # Only the few columns that decide first; whole posts only for those that are shown.
        readable_set = set(readable_ids)
        shown = {
            pk
            for pk, status, topic_status, category_id, post_language in Post.objects.filter(
                pk__in=ids
            ).values_list("pk", "status", "topic__status", "topic__category_id", "language")
            if status == Status.APPROVED
            and topic_status == Status.APPROVED
            and category_id in readable_set
            and (not language or post_language == language)
        }
        shown_ids = [pk for pk in ids if pk in shown][:limit]
        found = Post.objects.select_related("topic__category", "author").in_bulk(shown_ids)
        return [found[pk] for pk in shown_ids]
    ids = _matching_ids_postgres(text, readable_ids, limit, language)
    found = posts.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


# How many of the newest approved posts the first pass looks at. A common word is found among
# them at once; the index pass below would have to sort every one of its matches instead.
RECENT_WINDOW = 5_000
# A word PostgreSQL's statistics do not count among the common ones goes straight to the index
# pass: it is in few posts, sorting those is quick, and the newest posts would hold too few.
# For such a word the planner assumes at most this share of the posts (DEFAULT_TS_MATCH_SEL).
RARE_WORD_SHARE = 0.005
# A search that still runs after this long is stopped, so it cannot hold a worker.
POSTGRES_TIMEOUT_MS = 3_000

# The SQL below is fixed text; the reader's words and the categories go in only as parameters.
RECENT_POSTS_SQL = """
    SELECT p.id FROM (
        SELECT id, created_at, topic_id, search_vector, language FROM forum_post
        WHERE status = 'approved' ORDER BY created_at DESC, id DESC LIMIT %s
    ) p JOIN forum_topic t ON t.id = p.topic_id
    WHERE p.search_vector @@ websearch_to_tsquery('english', %s)
      AND (%s = '' OR p.language = %s)
      AND t.status = 'approved' AND t.category_id = ANY(%s)
    ORDER BY p.created_at DESC, p.id DESC LIMIT %s
"""
# MATERIALIZED makes PostgreSQL take the GIN index (migration 0009) rather than walk the date
# index backwards looking for a word that may be in no recent post.
ALL_POSTS_SQL = """
    WITH matched AS MATERIALIZED (
        SELECT id, created_at, topic_id FROM forum_post
        WHERE status = 'approved' AND search_vector @@ websearch_to_tsquery('english', %s)
          AND (%s = '' OR language = %s)
    )
    SELECT m.id FROM matched m JOIN forum_topic t ON t.id = m.topic_id
    WHERE t.status = 'approved' AND t.category_id = ANY(%s)
    ORDER BY m.created_at DESC, m.id DESC LIMIT %s
"""


ESTIMATE_SQL = """
    EXPLAIN (FORMAT JSON) SELECT 1 FROM forum_post
    WHERE search_vector @@ websearch_to_tsquery('english', %s)
"""
# One statement: this transaction's time limit, and how many posts the statistics count.
TIMEOUT_AND_POSTS_SQL = """
    SELECT set_config('statement_timeout', %s, true),
           (SELECT reltuples FROM pg_class WHERE oid = 'forum_post'::regclass)
"""
# For this transaction only (set_config's third argument), so no connection keeps them.
KEY_LOOKUPS_SQL = (
    "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"
)
SMALL_FORUM_POSTS = 20_000  # below this either plan takes a few milliseconds: no hints needed


def _statistics_call_it_rare(cursor, text: str, posts: float) -> bool:
    """Whether PostgreSQL's statistics expect the words in few posts: planned, not run (< 1 ms)."""
    if posts <= 0:  # never analysed
        return True
    cursor.execute(ESTIMATE_SQL, [text])
    plan = cursor.fetchone()[0]
    if isinstance(plan, str | bytes):
        plan = json.loads(plan)
    # The planner's figure is reltuples times the share, so compare shares (with rounding room).
    return float(plan[0]["Plan"]["Plan Rows"]) <= posts * RARE_WORD_SHARE * 1.01


class SearchTooBroad(Exception):
    """The search could not finish in time; the reader is asked for more specific words."""


def _matching_ids_postgres(
    text: str, readable: list[int], limit: int, language: str = ""
) -> list[int]:
    """Newest first. A word the statistics expect in few posts: every post through the GIN index.
    Otherwise the newest posts first, then, only when they hold too few matches, the index."""
    if not readable:
        return []
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(TIMEOUT_AND_POSTS_SQL, [str(POSTGRES_TIMEOUT_MS)])
            posts = float(cursor.fetchone()[1] or 0)
            ids = []
            # A small (or never analysed) forum: every post through the index is quick either way.
            if posts < SMALL_FORUM_POSTS:
                pass
            elif _statistics_call_it_rare(cursor, text, posts):
                # Few matches: look each one's topic up by key. The planner cannot know the
                # set is small (the CTE hides it) and would hash all topics instead (2-3 ms).
                cursor.execute(KEY_LOOKUPS_SQL)
            else:
                cursor.execute(
                    RECENT_POSTS_SQL, [RECENT_WINDOW, text, language, language, readable, limit]
                )
                ids = [row[0] for row in cursor.fetchall()]
            if len(ids) < limit:
                cursor.execute(ALL_POSTS_SQL, [text, language, language, readable, limit])
                ids = [row[0] for row in cursor.fetchall()]
    except OperationalError as error:  # psycopg's QueryCanceled is an OperationalError
        if getattr(error.__cause__, "sqlstate", None) == "57014":
            raise SearchTooBroad from error
        raise
    return ids
