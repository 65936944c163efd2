"""Demo content for the team and the expert directory. Loaded by people.py.

Anyone who is not a public figure has a clearly fictional name and a bio that says so.
"""

from mscos.people.models import Person

TEAM_TITLE = "Our team"
TEAM_INTRO = (
    "The project team, the Research Advisory Board of experts by lived experience, and the "
    "expert steering committee. People are listed only with their agreement."
)
EXPERTS_TITLE = "Access to experts"
EXPERTS_INTRO = (
    "People who offer training, consultancy or speaking on survivor recovery and the core "
    "outcomes. Write to them through the site; their addresses stay private."
)
# (name, group, role, organisation, bio, lived experience, offers (t, c, s), expertise, email)
PEOPLE = [
    (
        "Queenie Sit",
        Person.PROJECT_TEAM,
        "Co-director of the Community of Practice content",
        "",
        "",
        False,
        (False, False, False),
        "",
        "",
    ),
    (
        "Rachel Witkin",
        Person.PROJECT_TEAM,
        "Co-director of the Community of Practice content",
        "",
        "",
        False,
        (False, False, False),
        "",
        "",
    ),
    (
        "Keith Lewis",
        Person.RESEARCH_ADVISORY_BOARD,
        "Member",
        "",
        "Also works with the British Standards Institution.",
        True,
        (False, False, False),
        "",
        "",
    ),
    (
        "Rosa",
        Person.RESEARCH_ADVISORY_BOARD,
        "Member (pseudonym)",
        "",
        "A fictional profile for the demo site.",
        True,
        (False, False, True),
        "speaking about safety after exploitation",
        "rosa.demo@example.org",
    ),
    (
        "Sam Placeholder",
        Person.STEERING_COMMITTEE,
        "Researcher (fictional)",
        "Example University",
        "A fictional profile for the demo site.",
        False,
        (True, True, False),
        "outcome measurement, service evaluation",
        "sam.demo@example.org",
    ),
    (
        "Ada Example",
        Person.OTHER,
        "Trainer (fictional)",
        "Example Training Co-operative",
        "A fictional profile for the demo site.",
        True,
        (True, False, True),
        "trauma-informed practice, police training",
        "ada.demo@example.org",
    ),
]
