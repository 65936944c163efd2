"""The podcast feed (/podcast/feed.xml)."""

from django.http import Http404, HttpResponse

from mscos.core.site_address import absolute_url
from mscos.podcasts import selectors
from mscos.podcasts.feed import build_feed


def feed(request):
    podcast = selectors.the_podcast()
    if podcast is None:
        raise Http404
    podcast_feed = build_feed(
        podcast=podcast,
        episodes=selectors.published_episodes(podcast=podcast),
        absolute=absolute_url,
    )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    podcast_feed.write(response, "utf-8")
    return response
