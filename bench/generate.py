"""Fills a database with forum data for the benchmark: members, categories, topics and posts."""

import argparse
import datetime
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
# Raised with the data's shape, so run.py regenerates instead of reusing older data.
GENERATOR_VERSION = 3
POST_BATCH = 50_000

SENTENCES = [
    "We found that a named caseworker made the biggest difference in the first weeks.",
    "Has anyone had success getting a GP registration without a fixed address?",
    "Our service now asks people what **safety** means to them before we write a plan.",
    "The *move-on* period is still far too short for most of the people we support.",
    "I would add that interpreters need to be booked for every appointment, not only the first.",
    "There is a useful summary on [the outcomes page](/core-outcomes/) if you are new here.",
    "Peer support groups kept me going when the paperwork felt endless.",
    "We record the outcome at entry, at three months and at exit, as the set suggests.",
    "Housing officers often do not know what the NRM is, so we bring a one-page explainer.",
    "Thank you for sharing this; it matches what we see in the north-west.",
    "Does the measure work for people who are still in the asylum process?",
    "Our team meets monthly to compare notes on what recovery looks like in practice.",
]
LIST_ITEMS = [
    "a named contact",
    "a safe place to stay",
    "help with benefits",
    "legal advice early on",
    "time to rest",
    "English classes",
]


def schema_fingerprint() -> str:
    """The project's migrations: cached data is reused only while the schema is the same."""
    digest = hashlib.sha256()
    for path in sorted((REPO_DIR / "mscos").glob("*/migrations/[0-9]*.py")):
        digest.update(str(path.relative_to(REPO_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def group_word(topic_number: int) -> str:
    """A word only one topic has, in its title and its opening post (for a rare search)."""
    return f"group{topic_number}"


def rare_term(args: argparse.Namespace) -> str:
    return group_word(args.topics // 2 + 1)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--categories", type=int, default=100)
    parser.add_argument("--topics", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--big-topic-posts", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=1_000)
    parser.add_argument("--bodies", type=int, default=60, help="distinct post bodies")
    parser.add_argument("--seed", type=int, default=20260314)
    parser.add_argument(
        "--database-url",
        default=f"sqlite:///{BENCH_DIR / 'data' / 'manual' / 'db.sqlite3'}",
        help="the database to fill (it is migrated first; it should be empty)",
    )
    parser.add_argument("--var-dir", default=str(BENCH_DIR / "data" / "var"))
    parser.add_argument("--manifest", help="write a JSON summary (sizes, URLs' ids) here")
    args = parser.parse_args(argv)
    if min(args.categories, args.topics, args.posts, args.big_topic_posts, args.members) < 1:
        parser.error("every size must be at least 1")
    if args.big_topic_posts > args.posts or args.posts - args.big_topic_posts < args.topics - 1:
        parser.error("every topic needs at least one post: --posts is too small")
    return args


def configure_django(args: argparse.Namespace) -> None:
    """The settings the benchmark serves with, so the schema and data match what is measured."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "mscos.settings.dev"
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ["VAR_DIR"] = args.var_dir
    os.environ.pop("REDIS_URL", None)
    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPO_DIR))
    import django

    django.setup()


def post_counts(args: argparse.Namespace, rng: random.Random) -> list[int]:
    """Posts per topic: the first topic is the big one; the rest vary around the mean."""
    others = args.topics - 1
    counts = [args.big_topic_posts]
    if others == 0:
        return counts
    spare = args.posts - args.big_topic_posts - others  # beyond each topic's opening post
    weights = [0.25 + rng.random() * 1.5 for _ in range(others)]
    total = sum(weights)
    extra = [int(spare * w / total) for w in weights]
    cap = max(args.big_topic_posts - 2, 0)  # the big topic stays the biggest
    extra = [min(e, cap) for e in extra]
    leftover = spare - sum(extra)
    # Hand out what rounding and the cap left, one post each, in bounded passes.
    for _ in range(spare + 1):
        if leftover == 0:
            break
        for i in range(others):
            if leftover == 0:
                break
            if extra[i] < cap:
                extra[i] += 1
                leftover -= 1
    if leftover:
        raise SystemExit("cannot place every post without making another topic the biggest")
    counts.extend(1 + e for e in extra)
    return counts


def make_bodies(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Distinct Markdown bodies of realistic length, each rendered once."""
    from mscos.forum.rendering import render_markdown

    bodies = []
    for _ in range(count):
        paragraphs = [
            " ".join(rng.sample(SENTENCES, rng.randint(1, 4))) for _ in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.3:
            paragraphs.append("\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, 3)))
        if rng.random() < 0.2:
            paragraphs.insert(0, "> " + rng.choice(SENTENCES))
        body = "\n\n".join(paragraphs)
        bodies.append((body, render_markdown(body)))
    return bodies


def plain(sentence: str) -> str:
    """A sentence without its Markdown, for a title."""
    return re.sub(r"[*\[\]]|\(/[^)]*\)", "", sentence)


def batched(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def fast_writes(connection) -> None:
    """Generation only: the data can be made again, so durability is traded for speed."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-524288")  # 512 MiB: indexes stay in memory
            cursor.execute("PRAGMA temp_store=MEMORY")
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit = off")


def finish(connection) -> None:
    """Back to the production journal, and planner statistics as a live database has them."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        elif connection.vendor == "postgresql":
            # Autovacuum would do this soon after a bulk load; the benchmark should not race it.
            cursor.execute("VACUUM ANALYZE")


def generate(args: argparse.Namespace) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Site

    from mscos.accounts.models import BadgeRequest, User
    from mscos.core.models import NavigationItem, NavigationSettings
    from mscos.forum.models import ForumCategory, Post, Status, Topic
    from mscos.forum.navigation import FORUM_SUBMENU

    started = time.monotonic()
    rng = random.Random(args.seed)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    if Post.objects.exists() or Topic.objects.exists():
        raise SystemExit("the database already holds forum posts; give an empty one")
    fast_writes(connection)
    # Historical times, not "now": the services' auto_now_add would overwrite them.
    for model in (Topic, Post):
        model._meta.get_field("created_at").auto_now_add = False

    with transaction.atomic():
        # The page shell as a live site has it: a Forums drop-down listing every category.
        navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
        navigation.items = [
            NavigationItem(label="Forums", link_url="/forums/", submenu=FORUM_SUBMENU, sort_order=0)
        ]
        navigation.save()
        members = User.objects.bulk_create(
            User(
                username=f"bench-member-{i:06d}",
                display_name=f"Member {i}",
                password="!bench-unusable",  # noqa: S106 # an unusable hash: no sign-in
            )
            for i in range(1, args.members + 1)
        )
        member_ids = [m.pk for m in members]
        BadgeRequest.objects.bulk_create(
            BadgeRequest(user_id=pk, badge="practitioner", status=BadgeRequest.Status.GRANTED)
            for pk in member_ids[::10]
        )
        categories = ForumCategory.objects.bulk_create(
            ForumCategory(
                name=f"Category {i:03d}",
                slug=f"category-{i:03d}",
                description=f"Talk about practice, group {i}.",
                sort_order=i,
                premoderation=ForumCategory.Premoderation.NONE,
            )
            for i in range(1, args.categories + 1)
        )
    print(f"members and categories: {time.monotonic() - started:.1f} s", flush=True)

    now = timezone.now()
    counts = post_counts(args, rng)
    plans = []  # per topic: category, author, first post time, seconds between posts
    for index, count in enumerate(counts):
        if index == 0:
            start = now - datetime.timedelta(days=365)
            span = datetime.timedelta(days=365) - datetime.timedelta(hours=1)
        else:
            start = now - datetime.timedelta(seconds=rng.uniform(86_400, 730 * 86_400))
            span = (now - start) * rng.uniform(0.05, 0.95)
        step = span / max(count - 1, 1)
        plans.append((categories[index % len(categories)], rng.choice(member_ids), start, step))

    topic_ids: list[int] = []
    with transaction.atomic():
        for batch in batched(iter(range(len(counts))), 5_000):
            created = Topic.objects.bulk_create(
                Topic(
                    category=plans[i][0],
                    title=f"{plain(rng.choice(SENTENCES))[:90].rstrip('.?')} ({group_word(i + 1)})",
                    author_id=plans[i][1],
                    status=Status.APPROVED,
                    created_at=plans[i][2],
                    last_activity_at=plans[i][2] + plans[i][3] * (counts[i] - 1),
                    reply_count=counts[i] - 1,
                    next_position=counts[i] + 1,
                )
                for i in batch
            )
            topic_ids.extend(t.pk for t in created)
    print(f"topics: {time.monotonic() - started:.1f} s", flush=True)

    bodies = make_bodies(args.bodies, rng)
    member_count = len(member_ids)
    from mscos.forum.rendering import render_markdown

    def posts() -> Iterator[Post]:
        serial = 0
        for index, count in enumerate(counts):
            _category, opener, start, step = plans[index]
            topic_id = topic_ids[index]
            for position in range(1, count + 1):
                serial += 1
                body, html = bodies[(serial * 7919) % len(bodies)]
                if position == 1:  # the opening post names its group: one post per rare word
                    body = f"{body}\n\nWe meet as {group_word(index + 1)}."
                    html = render_markdown(body)
                yield Post(
                    topic_id=topic_id,
                    position=position,
                    author_id=opener
                    if position == 1
                    else member_ids[(serial * 2654435761) % member_count],
                    body=body,
                    body_html=html,
                    status=Status.APPROVED,
                    created_at=start + step * (position - 1),
                )

    written = 0
    for batch in batched(posts(), POST_BATCH):
        with transaction.atomic():
            Post.objects.bulk_create(batch, batch_size=10_000)
        written += len(batch)
        if written % 200_000 < POST_BATCH or written == args.posts:
            print(f"posts: {written:,} at {time.monotonic() - started:.1f} s", flush=True)

    with transaction.atomic():
        for number, category in enumerate(categories):
            mine = range(number, len(counts), len(categories))  # topics went round-robin
            ForumCategory.objects.filter(pk=category.pk).update(
                topic_count=len(mine),
                post_count=sum(counts[i] for i in mine),
                last_activity_at=max(
                    (plans[i][2] + plans[i][3] * (counts[i] - 1) for i in mine), default=None
                ),
            )
    finish(connection)
    total_posts = Post.objects.count()
    big = Topic.objects.get(pk=topic_ids[0])
    if total_posts != args.posts or big.posts.count() != args.big_topic_posts:
        raise SystemExit(f"wrote {total_posts} posts, {big.posts.count()} in the big topic")
    seconds = time.monotonic() - started
    print(f"done: {total_posts:,} posts in {seconds:.1f} s", flush=True)
    return {
        "generator_version": GENERATOR_VERSION,
        "schema": schema_fingerprint(),
        "common_term": "housing",
        "rare_term": rare_term(args),
        "categories": args.categories,
        "topics": args.topics,
        "posts": args.posts,
        "big_topic_posts": args.big_topic_posts,
        "members": args.members,
        "seed": args.seed,
        "big_topic_id": big.pk,
        "category_slug": big.category.slug,
        "generation_seconds": round(seconds, 1),
        "engine": connection.vendor,
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    configure_django(args)
    summary = generate(args)
    if args.manifest:
        Path(args.manifest).write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
