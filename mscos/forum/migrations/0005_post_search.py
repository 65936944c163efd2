"""Full-text search over public posts: FTS5 on SQLite, a GIN index on PostgreSQL.

On SQLite an FTS5 table holds the words of approved posts (and their topic's title),
kept in step by triggers (a post that is hidden, deleted or erased leaves it at once); on PostgreSQL an expression index serves to_tsvector queries directly.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE forum_post_fts USING fts5(
        title, body, tokenize='porter unicode61'
    )""",
    """CREATE TRIGGER forum_post_fts_insert AFTER INSERT ON forum_post
       WHEN new.status = 'approved' BEGIN
         INSERT INTO forum_post_fts(rowid, title, body)
         VALUES (new.id, (SELECT title FROM forum_topic WHERE id = new.topic_id), new.body);
       END""",
    """CREATE TRIGGER forum_post_fts_update AFTER UPDATE OF status, body, topic_id ON forum_post
       BEGIN
         DELETE FROM forum_post_fts WHERE rowid = old.id;
         INSERT INTO forum_post_fts(rowid, title, body)
         SELECT new.id, (SELECT title FROM forum_topic WHERE id = new.topic_id), new.body
         WHERE new.status = 'approved';
       END""",
    """CREATE TRIGGER forum_post_fts_delete AFTER DELETE ON forum_post BEGIN
         DELETE FROM forum_post_fts WHERE rowid = old.id;
       END""",
    """INSERT INTO forum_post_fts(rowid, title, body)
       SELECT p.id, t.title, p.body FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id
       WHERE p.status = 'approved'""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS forum_post_fts_insert",
    "DROP TRIGGER IF EXISTS forum_post_fts_update",
    "DROP TRIGGER IF EXISTS forum_post_fts_delete",
    "DROP TABLE IF EXISTS forum_post_fts",
]
POSTGRES_FORWARD = [
    """CREATE INDEX IF NOT EXISTS forum_post_search ON forum_post
       USING GIN (to_tsvector('english', body)) WHERE status = 'approved'""",
    """CREATE INDEX IF NOT EXISTS forum_topic_search ON forum_topic
       USING GIN (to_tsvector('english', title))""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS forum_post_search",
    "DROP INDEX IF EXISTS forum_topic_search",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("forum", "0004_moderator_permissions")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
