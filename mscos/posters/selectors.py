"""Reads for the poster gallery and the help page."""

from django.db.models import Q, QuerySet

from mscos.posters.models import PosterIndexPage, PosterPage, PosterQuestion


def gallery_posters(
    index: PosterIndexPage, *, sector: str = "", format: str = "", language: str = ""
) -> QuerySet[PosterPage]:
    """The live posters under the gallery, filtered by whatever the reader chose."""
    posters: QuerySet[PosterPage] = (
        PosterPage.objects.live().public().child_of(index).order_by("sector", "title")
    )
    if sector:
        posters = posters.filter(sector=sector)
    if format:
        posters = posters.filter(poster_format=format)
    if language:
        posters = posters.filter(
            Q(language=language) | Q(second_language=language) | Q(third_language=language)
        )
    return posters.prefetch_related("questions__question__translations")


def general_questions() -> QuerySet[PosterQuestion]:
    """The questions for every sector, with their translations, for the help page."""
    questions: QuerySet[PosterQuestion] = PosterQuestion.objects.filter(sector="").prefetch_related(
        "translations"
    )
    return questions
