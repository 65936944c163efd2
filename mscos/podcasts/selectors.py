"""Reads for the podcast: the published episodes, newest first, with what the feed needs."""

from django.db.models import QuerySet

from mscos.podcasts.models import EpisodePage, PodcastIndexPage


def published_episodes(*, podcast: PodcastIndexPage) -> QuerySet[EpisodePage]:
    return (
        EpisodePage.objects.child_of(podcast)
        .live()
        .public()
        .select_related("audio")
        .prefetch_related("guests")
        .order_by("-date", "-number")
    )


def the_podcast() -> PodcastIndexPage | None:
    return PodcastIndexPage.objects.live().public().first()
