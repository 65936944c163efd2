"""Demo content for the outcome pages: the seven core outcomes' other names, quotes and picture,
the outcome-set page, the long-list page and the site's focus (our own words; names and facts from
shared/seed/FACTS.md). Loaded by outcomes.py.
"""

SAFETY = "Safety from any trafficker or other abuser"
HOUSING = "Secure and suitable housing"
SUPPORT = "Long-term, consistent support"
SERVICES = "Compassionate, trauma-informed services"
PURPOSE = "Finding purpose in life and self-actualisation"
MEDICAL = "Access to medical treatment"
EDUCATION = "Access to education"

OTHER_NAMES = {
    SAFETY: "Safety from any trafficker or other abusers",
    SERVICES: "Trauma-informed services",
    PURPOSE: "Purpose in life and self-actualisation",
    MEDICAL: "Access to medical and healthcare services",
}

SET_PAGE_INTRO = (
    "The seven core outcomes are meant to be used together. Each supports the others, and a "
    "service that aims for only one of them will find the rest pulling at it."
)
SET_PAGE_BODY = [
    ("heading", "Why a set"),
    (
        "paragraph",
        "<p>Survivors told the study that recovery does not happen one need at a time. A safe "
        "home makes it possible to keep appointments; good care makes it possible to learn; "
        "learning opens a way to purpose. So the core outcome set asks services to aim for, "
        "measure and report all seven.</p><p>It is a minimum, not a ceiling. Add outcomes from "
        "the long-list that fit the people you serve and the place you work.</p>",
    ),
]
# (from, to, how)
CONNECTIONS = [
    (
        HOUSING,
        SAFETY,
        "A secure home away from the people who caused harm is often the first "
        "step to feeling safe.",
    ),
    (
        HOUSING,
        EDUCATION,
        "Without a stable address it is hard to enrol on a course or keep attending one.",
    ),
    (
        SAFETY,
        SUPPORT,
        "Reporting a crime and going through court takes months; support that "
        "stays the same person throughout keeps people safe along the way.",
    ),
    (SUPPORT, SERVICES, "Trust builds over time, with people who understand trauma."),
    (SERVICES, MEDICAL, "Trauma-informed staff make it easier to seek and stay in treatment."),
    (
        MEDICAL,
        PURPOSE,
        "Health care, including mental health care, gives people the energy to plan a future.",
    ),
    (
        EDUCATION,
        PURPOSE,
        "Learning, from language classes to qualifications, is a route to "
        "work and to choices of one's own.",
    ),
]

LONG_LIST_INTRO = (
    "72 outcomes in 10 domains, from which the seven core outcomes were chosen. Use it to add "
    "outcomes that fit your service to the core set."
)

SAFETY_BODY = [
    (
        "featured_clip",
        {
            "quote": "Feeling safe was not one moment. It was every day that nobody came to "
            "find me, and knowing who to call if they did.",
            "speaker": "Rosa (pseudonym)",
            "role": "Member of the Research Advisory Board (demo quote)",
            "transcript": "",
        },
    ),
    (
        "perspective",
        {
            "quote": "The navigator met me in a café, not at the police station. That is why "
            "I went back for the second interview.",
            "speaker": "",
            "pseudonym": False,
            "role": "Survivor (demo quote)",
            "organisation": "",
            "lived_experience": True,
        },
    ),
    (
        "perspective",
        {
            "quote": "A stronger victim is a stronger witness. Always remember the person "
            "behind the evidence.",
            "speaker": "Detective Inspector Helene Miller KPM",
            "pseudonym": False,
            "role": "Modern Slavery team",
            "organisation": "Metropolitan Police Service",
            "lived_experience": False,
        },
    ),
]
HOUSING_PERSPECTIVE = (
    "perspective",
    {
        "quote": "Every move meant a new doctor, a new college, a new support worker. A home "
        "that lasts is what lets the rest start.",
        "speaker": "Jo Example",
        "pseudonym": False,
        "role": "Housing support worker (fictional, for the demo)",
        "organisation": "",
        "lived_experience": False,
    },
)
STANDARD_OUTCOME_BLOCKS = [
    ("practice_examples", {"heading": "Practice examples", "examples": []}),
    ("recommendations", {"heading": "Recommendations", "recommendations": []}),
    ("resources", {"heading": "Resources", "resources": []}),
    ("latest_topics", None),
]

LONG_LIST_TITLE = "The long-list of outcomes"
SET_PAGE_TITLE = "Working with the outcomes as a set"
FOCUS_NOTE = (
    "With the Victim Navigator programme and recommendations from the Research Advisory "
    "Board, people with lived experience of modern slavery who guide the study."
)

SAFETY_PICTURE_NAME = "mscos-demo-safe-home.png"
SAFETY_PICTURE_SIZE = (1600, 900)
SAFETY_PICTURE_ALT = "A drawing of a small house with a lit window under an evening sky."
SAFETY_PICTURE_TITLE = "A safe home (demo drawing)"
