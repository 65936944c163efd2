"""SQL queries per page type, on a warm second request with the full-page cache off, in-process
against an existing database (no web server):

    .venv/bin/python bench/page_queries.py                 # var/db.sqlite3, after `make run`
    DATABASE_URL=postgres://... .venv/bin/python bench/page_queries.py --member river

The budget is 12 for a reader and 19 for a member (tests/core/test_query_budget.py holds every
page type to it on the demo content); this reports the same on any data, e.g. bench/generate.py's.
Reading pages writes nothing; --member signs that member in, which writes a session row.
"""

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscos.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.models import Page  # noqa: E402

_CONTROL = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b")
READER_BUDGET = 12
MEMBER_BUDGET = 19


def addresses() -> dict[str, str]:
    """One address of each page type the database has."""
    from mscos.forum.models import ForumCategory, Topic
    from mscos.outcomes.models import OutcomePage

    found: dict[str, str] = {"home": "/"}
    outcome = OutcomePage.objects.live().filter(locale__language_code="en-gb").first()
    if outcome is not None:
        found["outcome"] = outcome.url
        arabic = outcome.get_translations().live().filter(locale__language_code="ar").first()
        if arabic is not None:
            found["outcome (Arabic)"] = arabic.url
    found["forum index"] = "/forums/"
    category = ForumCategory.objects.filter(read_access="everyone").order_by("-topic_count").first()
    if category is not None:
        found["category"] = category.get_absolute_url()
        topic = (
            Topic.objects.filter(category=category, status="approved")
            .order_by("-reply_count")
            .first()
        )
        if topic is not None:
            found["topic, first page"] = topic.get_absolute_url()
            found["topic, last page"] = topic.get_absolute_url() + "?last"
    for name, model in [
        ("updates index", "updateindexpage"),
        ("update", "updatepage"),
        ("events index", "eventindexpage"),
        ("practice index", "practiceindexpage"),
        ("people", "peopleindexpage"),
        ("resources", "resourceindexpage"),
    ]:
        page = (
            Page.objects.live()
            .filter(content_type__model=model, locale__language_code="en-gb")
            .order_by("path")
            .first()
        )
        if page is not None and page.url:
            found[name] = page.url
    found["search"] = "/search/?q=housing"
    return found


def queries(client: Client, path: str) -> int | str:
    if client.get(path).status_code != 200:
        return "not 200"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        return f"answered {response.status_code}"
    # Transaction control (BEGIN, COMMIT, savepoints) is not a query the database plans and runs.
    return sum(1 for query in captured.captured_queries if not _CONTROL.match(query["sql"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--member", help="also count for this member (username), signed in")
    args = parser.parse_args()
    setup_test_environment()  # the test client, outside a test run
    host = urlsplit(settings.SITE_URL).netloc or "localhost"
    # Static files by name: no collectstatic manifest needed to draw a page.
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": plain_static}
    # A generation stamp of its own: other processes on the machine (test runs with databases of
    # their own) move the shared one, which would empty the memo between requests.
    stamp = Path(tempfile.mkdtemp(prefix="mscos-page-queries-")) / "page-cache-generation"
    with override_settings(
        PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"], STORAGES=storages, PAGE_CACHE_STAMP_FILE=stamp
    ):
        reader = Client(HTTP_HOST=host)
        member = None
        if args.member:
            from mscos.accounts.models import User

            member = Client(HTTP_HOST=host)
            member.force_login(User.objects.get(username=args.member))
        print(
            f"{'page':<20} {'reader':>7} {'member':>7}   (budget {READER_BUDGET} / {MEMBER_BUDGET})"
        )
        over = False
        for name, path in addresses().items():
            counted = queries(reader, path)
            as_member = queries(member, path) if member is not None else "-"
            over |= isinstance(counted, int) and counted > READER_BUDGET
            over |= isinstance(as_member, int) and as_member > MEMBER_BUDGET
            print(f"{name:<20} {counted!s:>7} {as_member!s:>7}   {path}")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
