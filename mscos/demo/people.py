"""Loads the team page, the expert directory and the people on them (words in content_people.py).
Called by `load_demo`; adds only what is missing.
"""

from wagtail.models import Page

from mscos.demo.content_people import (
    EXPERTS_INTRO,
    EXPERTS_TITLE,
    PEOPLE,
    TEAM_INTRO,
    TEAM_TITLE,
)
from mscos.demo.tree import child_page
from mscos.people.models import ExpertDirectoryPage, PeopleIndexPage, Person


def load(*, home: Page) -> tuple[Page, Page]:
    """The team page and the expert directory, and the people; returns both pages."""
    team = child_page(home, PeopleIndexPage, "our-team", title=TEAM_TITLE, intro=TEAM_INTRO)
    experts = child_page(
        home,
        ExpertDirectoryPage,
        "access-to-experts",
        title=EXPERTS_TITLE,
        intro=EXPERTS_INTRO,
    )
    for order, (name, group, role, organisation, bio, lived, offers, expertise, email) in enumerate(
        PEOPLE, start=1
    ):
        Person.objects.get_or_create(
            name=name,
            group=group,
            defaults={
                "role": role,
                "organisation": organisation,
                "bio": bio,
                "lived_experience": lived,
                "offers_training": offers[0],
                "offers_consultancy": offers[1],
                "offers_speaking": offers[2],
                "expertise": expertise,
                "contact_email": email,
                "consent_to_list": True,
                "sort_order": order,
            },
        )
    return team, experts
