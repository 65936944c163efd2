import datetime

import pytest
from django.utils import timezone

from mscos.events.models import EventIndexPage, EventPage
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)


@pytest.fixture
def events_index(demo_site) -> EventIndexPage:
    return EventIndexPage.objects.get()


def make_event(index: EventIndexPage, slug: str, **fields) -> EventPage:
    start = fields.pop(
        "start", (timezone.now() + datetime.timedelta(days=10)).replace(second=0, microsecond=0)
    )
    event = EventPage(
        title=fields.pop("title", "Housing workshop"),
        slug=slug,
        summary=fields.pop("summary", "An afternoon on secure and suitable housing."),
        start=start,
        end=fields.pop("end", start + datetime.timedelta(hours=2)),
        joining_details=fields.pop("joining_details", "https://meet.example/room-42 passcode 1234"),
        **fields,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


@pytest.fixture
def small_event(events_index) -> EventPage:
    """An online workshop with two places."""
    return make_event(events_index, "small-workshop", capacity=2)


@pytest.fixture
def invite_only_forum(events_index) -> EventPage:
    return make_event(
        events_index,
        "expert-forum",
        title="Expert forum on safety",
        kind="expert_forum",
        invite_only=True,
        capacity=10,
    )
