"""Reads for the podcast: the published episodes, newest first, with what the feed needs."""

from django.db.models import QuerySet

from mscos.podcasts.models import EpisodePage, PodcastIndexPage


def published_episodes(*, podcast: PodcastIndexPage) -> QuerySet[EpisodePage]:
    episodes: QuerySet[EpisodePage] = (
        EpisodePage.objects.child_of(podcast)
        .live()
        .public()
        .select_related("audio")
        .prefetch_related("guests")
        .order_by("-date", "-number")
    )
    return episodes


def the_podcast() -> PodcastIndexPage | None:
    podcast: PodcastIndexPage | None = PodcastIndexPage.objects.live().public().first()
    return podcast
