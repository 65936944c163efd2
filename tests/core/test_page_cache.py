"""Whole pages kept for readers without a cookie (mscos/core/page_cache.py): served again at once,
never anything personal, and never out of date after a change readers should see."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client

from mscos.core import page_cache
from mscos.forum import services as forum_services
from mscos.forum.models import ForumCategory, Post, Status
from mscos.outcomes.models import OutcomePage

REPO = Path(__file__).resolve().parents[2]
SIGN_OUT = "data-signed-in"  # set on a signed-in member's page (base.html)
READER_PAGES = ["/", "/core-outcomes/", "/forums/", "/ar/", "/search/?q=housing"]


@pytest.fixture(autouse=True)
def empty_page_cache(tmp_path, settings):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"
    caches[page_cache.CACHE_ALIAS].clear()
    yield
    caches[page_cache.CACHE_ALIAS].clear()


@pytest.fixture
def category(demo_site) -> ForumCategory:
    return ForumCategory.objects.create(
        name="Open talk", slug="open-talk", premoderation="none", guests_may_post=True
    )


def read(path: str) -> tuple[str, str]:
    """A reader with no cookie, as a browser on a first visit: the page and how it was served."""
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode(), response.get("X-Page-Cache", "")


@pytest.mark.parametrize("path", READER_PAGES)
def test_a_readers_page_is_served_again_from_the_cache_as_it_was(demo_site, path):
    first, how_first = read(path)
    second, how_second = read(path)
    assert (how_first, how_second) == ("miss", "hit")
    assert second == first


def test_reading_pages_writes_nothing_that_empties_the_cache(demo_site):
    for path in READER_PAGES:
        read(path)
    before = page_cache.generation()
    for path in READER_PAGES:
        read(path)
    assert page_cache.generation() == before


def test_a_members_pages_are_never_kept_nor_is_a_kept_page_shown_to_them(
    demo_site, category, member
):
    read("/forums/")  # kept for readers
    signed_in = Client()
    signed_in.force_login(member)
    for path in ["/", "/forums/", "/core-outcomes/"]:
        response = signed_in.get(path)
        assert response.get("X-Page-Cache") is None  # neither served from nor stored in the cache
        assert SIGN_OUT in response.content.decode()
    signed_in.post("/account/logout/")
    for path in ["/", "/forums/", "/core-outcomes/"]:
        page, _how = read(path)
        assert SIGN_OUT not in page


def test_a_page_that_sets_a_cookie_is_never_kept(demo_site):
    first = Client().get("/feedback/")  # a form: it sets the CSRF cookie
    assert "csrftoken" in first.cookies
    second = Client().get("/feedback/")
    assert second.get("X-Page-Cache") is None
    assert "csrftoken" in second.cookies


def test_publishing_a_page_shows_the_new_version_to_the_next_reader(outcome_page):
    read(outcome_page.url)
    page = OutcomePage.objects.get(pk=outcome_page.pk)
    page.title = "Safety, in the words of the community"
    page.save_revision().publish()
    shown, how = read(outcome_page.url)
    assert how == "miss"
    assert "Safety, in the words of the community" in shown


def test_a_new_post_and_a_hidden_post_show_at_once(category, member, moderator):
    topic, _post, _token = forum_services.topic_create(
        category=category, title="Finding a GP", body="Which surgeries register", acting_user=member
    )
    topic_path = f"/forums/t/{topic.pk}/"
    read(topic_path)
    forum_services.post_create(topic=topic, body="The one on Mill Lane did", acting_user=member)
    shown, _how = read(topic_path)
    assert "The one on Mill Lane did" in shown
    # A queryset update, no model signal: hiding a post must still reach readers at once.
    Post.objects.filter(body="The one on Mill Lane did").update(status=Status.HIDDEN)
    shown, how = read(topic_path)
    assert how == "miss"
    assert "The one on Mill Lane did" not in shown


def test_a_write_that_is_rolled_back_changes_nothing_readers_see(demo_site):
    from django.db import transaction

    read("/forums/")
    with pytest.raises(RuntimeError), transaction.atomic():
        ForumCategory.objects.create(name="Never saved", slug="never-saved")
        raise RuntimeError("rolled back")
    shown, _how = read("/forums/")
    assert "Never saved" not in shown


def test_a_change_made_by_another_process_empties_this_processs_cache(demo_site):
    read("/core-outcomes/")
    assert read("/core-outcomes/")[1] == "hit"
    # Another gunicorn worker, a task worker or manage.py: it shares only the stamp file.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from mscos.core import page_cache; "
            "page_cache.new_generation()",
        ],
        cwd=REPO,
        env={
            **os.environ,  # the same Redis database, when there is one
            "DJANGO_SETTINGS_MODULE": "mscos.settings.test",
            "PAGE_CACHE_STAMP_FILE": str(settings.PAGE_CACHE_STAMP_FILE),
        },
        check=True,
    )
    assert read("/core-outcomes/")[1] == "miss"


def test_the_cache_can_be_turned_off(demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    read("/")
    assert read("/")[1] == ""
