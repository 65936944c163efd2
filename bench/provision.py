"""The benchmark's data: the sizes, and a database of that size for each engine, generated once
by bench/generate.py and cached under bench/data/ (SQLite: the file; PostgreSQL: a dump restored
into a database made for the run and dropped after it)."""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from generate import GENERATOR_VERSION, schema_fingerprint
from server import BENCH_DIR, DATA_DIR, REPO_DIR, VAR_DIR, log, run_checked, server_env


class EngineUnavailable(Exception):
    """The engine cannot be reached here; the run goes on without it."""


@dataclass(frozen=True)
class Sizes:
    categories: int
    topics: int
    posts: int
    big_topic_posts: int
    members: int = 1_000

    @property
    def label(self) -> str:
        return (
            f"{self.categories:,} categories x {self.topics:,} topics x {self.posts:,} posts "
            f"(biggest topic {self.big_topic_posts:,} posts, {self.members:,} members)"
        )

    @property
    def key(self) -> str:
        return (
            f"c{self.categories}-t{self.topics}-p{self.posts}-b{self.big_topic_posts}"
            f"-m{self.members}-v{GENERATOR_VERSION}"
        )

    def generator_args(self) -> list[str]:
        return [
            f"--categories={self.categories}",
            f"--topics={self.topics}",
            f"--posts={self.posts}",
            f"--big-topic-posts={self.big_topic_posts}",
            f"--members={self.members}",
        ]

    def matches(self, manifest: dict) -> bool:
        same_code = (manifest.get("generator_version"), manifest.get("schema")) == (
            GENERATOR_VERSION,
            schema_fingerprint(),
        )
        return same_code and all(
            manifest.get(name) == getattr(self, name)
            for name in ("categories", "topics", "posts", "big_topic_posts", "members")
        )


FULL = Sizes(categories=100, topics=10_000, posts=1_000_000, big_topic_posts=10_000)
QUICK = Sizes(categories=2, topics=200, posts=20_000, big_topic_posts=2_000)


def generate(database_url: str, sizes: Sizes, manifest: Path) -> None:
    log(f"generating {sizes.label} into {redact(database_url)}")
    command = [
        sys.executable,
        str(BENCH_DIR / "generate.py"),
        *sizes.generator_args(),
        f"--database-url={database_url}",
        f"--var-dir={VAR_DIR}",
        f"--manifest={manifest}",
    ]
    # Progress goes straight to the terminal; a full run takes a few minutes.
    result = subprocess.run(
        command, env=server_env(database_url), cwd=REPO_DIR, timeout=2 * 3600, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"generation failed ({result.returncode})")


def redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


def read_manifest(path: Path, sizes: Sizes) -> dict | None:
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return manifest if sizes.matches(manifest) else None


@contextlib.contextmanager
def sqlite_database(args: argparse.Namespace) -> Iterator[tuple[str, dict]]:
    """A database file under bench/data/, made once per size and reused afterwards."""
    folder = DATA_DIR / f"sqlite-{args.sizes.key}"
    database = folder / "db.sqlite3"
    manifest_path = folder / "manifest.json"
    manifest = None if args.regenerate else read_manifest(manifest_path, args.sizes)
    if manifest is None or not database.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        generate(f"sqlite:///{database}", args.sizes, manifest_path)
        manifest = json.loads(manifest_path.read_text())
        manifest["reused"] = False
    else:
        log(f"reusing {database}")
        manifest["reused"] = True
    manifest["database_size"] = database.stat().st_size
    yield f"sqlite:///{database}", manifest


def postgres_params(server_url: str) -> dict:
    parts = urlsplit(server_url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": unquote(parts.username or "postgres"),
        "password": unquote(parts.password or "") or None,
    }


def postgres_url(params: dict, name: str) -> str:
    login = quote(params["user"], safe="")
    if params["password"]:
        login += ":" + quote(params["password"], safe="")
    return f"postgres://{login}@{params['host']}:{params['port']}/{name}"


@contextlib.contextmanager
def postgres_database(args: argparse.Namespace) -> Iterator[tuple[str, dict]]:
    """A database created for this run and dropped after it; the data is cached as a dump."""
    import psycopg
    from psycopg import sql

    params = postgres_params(args.postgres_url)
    try:
        admin = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **params)
    except psycopg.OperationalError as error:
        where = f"{params['host']}:{params['port']}"
        raise EngineUnavailable(f"no PostgreSQL at {where}: {error}") from error
    name = f"mscos_bench_{secrets.token_hex(4)}"
    url = postgres_url(params, name)
    folder = DATA_DIR / f"postgres-{args.sizes.key}"
    dump = folder / "forum.dump"
    manifest_path = folder / "manifest.json"
    manifest = None if args.regenerate else read_manifest(manifest_path, args.sizes)
    tools_env = {**os.environ, "PGPASSWORD": params["password"] or ""}
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        if manifest is not None and dump.exists():
            log(f"restoring {dump} into {name}")
            started = time.monotonic()
            run_checked(
                ["pg_restore", "--no-owner", "--no-privileges", "--jobs=2", f"--dbname={url}",
                 str(dump)],
                env=tools_env,
                timeout=3600,
                what="pg_restore",
            )  # fmt: skip
            # pg_restore leaves no planner statistics; a live database has them.
            with psycopg.connect(url, autocommit=True) as db:
                db.execute("VACUUM ANALYZE")
            manifest["reused"] = True
            manifest["restore_seconds"] = round(time.monotonic() - started, 1)
        else:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            fresh_manifest = folder / "manifest.json.new"
            generate(url, args.sizes, fresh_manifest)
            log(f"saving the data to {dump} for the next run")
            run_checked(
                ["pg_dump", "--format=custom", "--compress=1", f"--file={dump}", f"--dbname={url}"],
                env=tools_env,
                timeout=3600,
                what="pg_dump",
            )
            fresh_manifest.replace(manifest_path)  # only a complete dump is ever reused
            manifest = json.loads(manifest_path.read_text())
            manifest["reused"] = False
        with psycopg.connect(url) as db:
            manifest["database_size"] = db.execute(
                "SELECT pg_database_size(current_database())"
            ).fetchone()[0]
        yield url, manifest
    finally:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.close()
        log(f"dropped {name}")
