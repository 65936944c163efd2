"""The demo looks current whatever day it is loaded: this week's update is this week's, six earlier
weekly updates fill the archive, events are in the coming weeks and forum posts are recent."""

import datetime
import itertools

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from mscos.events.models import EventPage
from mscos.forum.models import Post
from mscos.podcasts.models import EpisodePage
from mscos.updates.models import UpdatePage


def english_updates():
    return list(UpdatePage.objects.filter(locale__language_code="en-gb").order_by("-date"))


def test_this_weeks_update_is_from_this_week_with_six_earlier_weeks(demo_site):
    today = timezone.localdate()
    updates = english_updates()
    latest = updates[0]
    assert today - datetime.timedelta(days=6) <= latest.date <= today
    assert latest.date.weekday() == 0, "dated the Monday of the week the demo was loaded"
    assert len(updates) >= 7
    for newer, older in itertools.pairwise(updates[:7]):
        assert newer.date - older.date == datetime.timedelta(weeks=1)


def test_home_page_shows_this_weeks_update_not_an_old_one(demo_site):
    content = Client(HTTP_HOST="127.0.0.1").get("/").content.decode()
    latest = english_updates()[0]
    assert latest.title in content
    assert "2023" not in content


def test_events_are_in_the_coming_weeks_and_posts_are_recent(demo_site):
    now = timezone.now()
    upcoming = EventPage.objects.filter(start__gt=now, start__lt=now + datetime.timedelta(weeks=8))
    assert upcoming.exists()
    newest_post = Post.objects.order_by("-created_at").first()
    assert now - newest_post.created_at < datetime.timedelta(days=7)
    episode = EpisodePage.objects.get()
    assert timezone.localdate() - episode.date <= datetime.timedelta(days=30)


def test_a_second_run_changes_no_date(demo_site):
    before = [(u.pk, u.date) for u in english_updates()]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [(u.pk, u.date) for u in english_updates()] == before
