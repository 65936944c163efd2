"""Sending a newsletter never empties the readers' page cache: each delivery row is marked sent
as its mail is accepted (10,000 writes for 10,000 readers), and none of them changes a page. The
benchmark found every one of them renewing the page generation, a quarter of the worker's time."""

import pytest
from django.core.cache import caches
from django.test import Client

from mscos.core import page_cache
from mscos.newsletter import sending
from mscos.newsletter.models import Delivery, NewsletterSettings
from tests.newsletter.test_sending import make_subscribers, start


@pytest.fixture(autouse=True)
def empty_page_cache(tmp_path, settings):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"
    caches[page_cache.CACHE_ALIAS].clear()
    yield
    caches[page_cache.CACHE_ALIAS].clear()


def kept(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    return response["X-Page-Cache"]


@pytest.mark.django_db
def test_delivering_a_mailing_keeps_the_readers_pages(demo_site, consent, smtp_inbox):
    make_subscribers(consent, 5)
    NewsletterSettings.load()  # made on first use: a site that sends has it already
    mailing = start()
    assert (kept("/forums/"), kept("/forums/")) == ("miss", "hit")
    assert sending.deliver(mailing.pk) is None
    assert Delivery.objects.filter(mailing=mailing, status=Delivery.SENT).count() == 5
    assert len(smtp_inbox.messages) == 5
    assert kept("/forums/") == "hit"
