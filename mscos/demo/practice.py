"""Loads the practice library and the recommendations (words in content_practice.py). Called by
`load_demo`; adds only what is missing.
"""

from wagtail.models import Page

from mscos.demo.content_practice import (
    COUNTRIES,
    PRACTICE_EXAMPLES,
    PRACTICE_INTRO,
    PRACTICE_TITLE,
    RECOMMENDATION_SOURCE,
    RECOMMENDATIONS,
)
from mscos.demo.tree import child_page, stream
from mscos.practice.models import Country, PracticeExamplePage, PracticeIndexPage, Recommendation


def load(*, home: Page, core: dict) -> PracticeIndexPage:
    """The practice library with its examples, then the recommendations, tagged with outcomes."""
    library = _practice(home, core)
    _recommendations(core)
    return library


def _practice(home: Page, core: dict) -> PracticeIndexPage:
    library = child_page(
        home, PracticeIndexPage, "practice", title=PRACTICE_TITLE, intro=PRACTICE_INTRO
    )
    countries = {name: Country.objects.get_or_create(name=name)[0] for name in COUNTRIES}
    for data in PRACTICE_EXAMPLES:
        if library.get_children().filter(slug=data["slug"]).exists():
            continue
        example = PracticeExamplePage(
            slug=data["slug"],
            title=data["title"],
            organisation=data["organisation"],
            summary=data["summary"],
            results=data["results"],
            period=data["period"],
            link=data["link"],
            contact=data["contact"],
            body=stream(data["body"]),
        )
        example.countries = [countries[name] for name in data["countries"]]
        example.outcomes = [core[title] for title in data["outcomes"] if title in core]
        library.add_child(instance=example)
        example.save_revision().publish()
    return library


def _recommendations(core: dict) -> None:
    for order, (title, body, outcomes) in enumerate(RECOMMENDATIONS, start=1):
        if Recommendation.objects.filter(title=title).exists():
            continue
        recommendation = Recommendation(
            title=title,
            body=body,
            source=Recommendation.RESEARCH_ADVISORY_BOARD,
            source_detail=RECOMMENDATION_SOURCE,
            sort_order=order,
        )
        recommendation.outcomes = [core[name] for name in outcomes if name in core]
        recommendation.save()
        recommendation.save_revision().publish()
