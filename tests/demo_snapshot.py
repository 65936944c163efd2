"""The demo content, loaded once per test run and replayed into each test that asks for it.

`load_demo` builds pages, revisions, search entries and references through Wagtail and takes
seconds; a third of the suite starts from it. It runs once, inside a transaction that is rolled
back, and what it changed, row by row in every model's table, is kept. A test then gets the same
rows written back in a few milliseconds. Where the database no longer looks as it did when the
snapshot was taken (a test made objects of its own first), the real command runs instead.
Tests served by the live server run outside a transaction, on a database emptied after each one;
they get every table written back whole.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction


@dataclass(frozen=True)
class Table:
    name: str
    primary_key: str
    columns: tuple[str, ...]


@dataclass
class Changes:
    deleted: dict[Table, list] = field(default_factory=dict)
    updated: dict[Table, list[tuple]] = field(default_factory=dict)
    inserted: dict[Table, list[tuple]] = field(default_factory=dict)
    row_counts_before: dict[Table, int] = field(default_factory=dict)
    models: list = field(default_factory=list)
    # Every row of every table with the demo in place, for tests the live server serves: their
    # database is emptied after each one, migrations' rows included.
    everything: dict[Table, list[tuple]] = field(default_factory=dict)
    all_models: list = field(default_factory=list)


class _Discard(Exception):
    """Leaves the transaction the demo was loaded in, rolling it back."""


def _trigger_kept_tables() -> set[str]:
    """SQLite's full-text tables, which triggers on their source tables keep up to date."""
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        return {name for (name,) in cursor.fetchall()}


def _models_parents_first() -> list:
    """Every model after the models its foreign keys point to (where there is no cycle), so a
    trigger that reads a parent row on insert finds it."""
    ordered, placed, visiting = [], set(), set()

    def place(model):
        if model in placed or model in visiting:
            return
        visiting.add(model)
        for f in model._meta.local_concrete_fields:
            if f.remote_field is not None:
                place(f.remote_field.model._meta.concrete_model)
        visiting.discard(model)
        placed.add(model)
        ordered.append(model)

    for model in apps.get_models(include_auto_created=True):
        place(model)
    return ordered


def model_tables() -> list[Table]:
    """One entry per table a model owns, parents first; generated columns and trigger-kept
    tables are left to the database."""
    existing = set(connection.introspection.table_names()) - _trigger_kept_tables()
    tables = {}
    for model in _models_parents_first():
        opts = model._meta
        if opts.proxy or opts.db_table not in existing or opts.db_table in tables:
            continue
        columns = tuple(
            f.column for f in opts.local_concrete_fields if not getattr(f, "generated", False)
        )
        tables[opts.db_table] = Table(opts.db_table, opts.pk.column, columns)
    return list(tables.values())


def _rows(table: Table) -> dict:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(map(quote, table.columns))} FROM {quote(table.name)}")  # noqa: S608
        key = table.columns.index(table.primary_key)
        return {row[key]: row for row in cursor.fetchall()}


def take() -> Changes:
    """Runs the demo loader in a transaction that is rolled back; returns what it changed."""
    tables = model_tables()
    before = {table: _rows(table) for table in tables}
    changes = Changes()
    try:
        with transaction.atomic():
            call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            for table in tables:
                after = _rows(table)
                changes.everything[table] = list(after.values())
                old = before[table]
                deleted = [pk for pk in old if pk not in after]
                updated = [row for pk, row in after.items() if pk in old and old[pk] != row]
                inserted = [row for pk, row in after.items() if pk not in old]
                if deleted or updated or inserted:
                    changes.row_counts_before[table] = len(old)
                if deleted:
                    changes.deleted[table] = deleted
                if updated:
                    changes.updated[table] = updated
                if inserted:
                    changes.inserted[table] = inserted
            raise _Discard
    except _Discard:
        pass
    changes.all_models = [
        m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy
    ]
    touched = {table.name for table in changes.row_counts_before}
    changes.models = [
        m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in touched
    ]
    return changes


def _looks_as_before(changes: Changes) -> bool:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, count in changes.row_counts_before.items():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table.name)}")  # noqa: S608
            if cursor.fetchone()[0] != count:
                return False
    return True


def replay(changes: Changes) -> None:
    """Writes the demo's rows into the database, or loads the demo for real where the database
    has changed since the snapshot."""
    if not connection.in_atomic_block:
        _write_everything(changes)  # a test outside a transaction: the live server's
        return
    if _looks_as_before(changes):
        try:
            _write(changes)
            return
        except IntegrityError:
            pass  # rolled back to before the attempt
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _write(changes: Changes) -> None:
    quote = connection.ops.quote_name
    # Foreign keys are deferred to the end of the transaction; unique values are checked at
    # once, hence deletions first.
    with transaction.atomic(), connection.cursor() as cursor:
        for table, keys in changes.deleted.items():
            marks = ", ".join(["%s"] * len(keys))
            cursor.execute(
                f"DELETE FROM {quote(table.name)} WHERE {quote(table.primary_key)} IN ({marks})",  # noqa: S608
                keys,
            )
        for table, rows in changes.updated.items():
            others = [c for c in table.columns if c != table.primary_key]
            key = table.columns.index(table.primary_key)
            assignments = ", ".join(f"{quote(c)} = %s" for c in others)
            where = f"{quote(table.primary_key)} = %s"
            cursor.executemany(
                f"UPDATE {quote(table.name)} SET {assignments} WHERE {where}",  # noqa: S608
                [[v for i, v in enumerate(row) if i != key] + [row[key]] for row in rows],
            )
        for table, rows in changes.inserted.items():
            _insert(cursor, table, rows)
        # PostgreSQL's sequences do not follow explicit keys; SQLite's AUTOINCREMENT does.
        for statement in connection.ops.sequence_reset_sql(no_style(), changes.models):
            cursor.execute(statement)


def _insert(cursor, table: Table, rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(table.columns))
    cursor.executemany(
        f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, table.columns))}) "  # noqa: S608
        f"VALUES ({marks})",
        rows,
    )


def _write_everything(changes: Changes) -> None:
    """Empties every table and writes the whole snapshot: migrations' rows and the demo's."""
    tables = [table.name for table in changes.everything]
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(statement)
        for table, rows in changes.everything.items():
            if rows:
                _insert(cursor, table, rows)
        for statement in connection.ops.sequence_reset_sql(no_style(), changes.all_models):
            cursor.execute(statement)
