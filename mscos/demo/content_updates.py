"""Demo content for the updates: Week 22 as a full example of every block (our own words)."""

import datetime
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from mscos.newsletter.defaults import FIRST_CONSENT_TEXT, FIRST_CONSENT_VERSION
from mscos.newsletter.models import ConsentText
from mscos.updates.models import UpdateContributor, UpdatePage

FOCUS_OUTCOME = "Safety from any trafficker or other abuser"

WEEK_22 = {
    "title": "Safety from any trafficker or other abuser",
    "label": "Week 22",
    "greeting": (
        "Hello, and thank you to everyone who has joined in, sent feedback or shared an idea on "
        "this site over the past weeks.\n"
        "Please keep the conversations going in the moderated forums, where you can post "
        "anonymously and informally."
    ),
    "summary": (
        "This week's focus is safety. We feature the Victim Navigator programme run by Justice "
        "and Care with police forces in England, Scotland and Romania, and recommendations from "
        "the Research Advisory Board on helping survivors report crime safely."
    ),
    "editors_credit": (
        "The content of this update was directed by Rachel Witkin and Queenie Sit, "
        "co-directors of the Community of Practice."
    ),
}


def body(forum_path: str) -> list[tuple[str, Any]]:
    return [
        (
            "feature",
            {
                "heading": "New this week: safety from any trafficker or other abuser",
                "text": (
                    "<p>Reporting a crime can feel like stepping back into danger. This week we "
                    "look at one way police forces have made that step safer: putting someone "
                    "beside the survivor who is not part of the investigation.</p>"
                ),
                "image": None,
                "image_description": "",
                "page": None,
            },
        ),
        (
            "practice_example",
            {
                "title": "The Victim Navigator programme",
                "organisation": "Justice and Care, with police forces",
                "place": "England, Scotland and Romania",
                "description": (
                    "<p>An independent navigator works next to the police investigator from the "
                    "first contact, through court and afterwards. The investigator can "
                    "concentrate on the evidence; the survivor has one steady person on their "
                    "side, and a calmer place to talk than a police station.</p>"
                    "<p>The Metropolitan Police Service's Modern Slavery team took the programme "
                    "on in January 2021. In that time the share of cases reaching prosecution "
                    "went from 33% to 83%. Justice and Care now fund 12 navigators in the UK and "
                    "2 in Romania, where seconded Romanian officers also work with Police "
                    "Scotland.</p>"
                ),
                "link": "",
            },
        ),
        (
            "speaker_quote",
            {
                "text": "A stronger victim is a stronger witness. Always remember the person "
                "behind the evidence.",
                "speaker": "Helene Miller KPM",
                "role": "Detective Inspector",
                "organisation": "Metropolitan Police Service",
            },
        ),
        (
            "recommendations",
            {
                "heading": "Helping survivors report crime safely",
                "source": "Members of the MSCOS Research Advisory Board, speaking with Rachel "
                "Witkin",
                "intro": "Four suggestions the Board would like the Community of Practice to "
                "discuss:",
                "items": [
                    {
                        "title": "Train police everywhere, at every level.",
                        "text": "From recruitment onwards, in every force, with navigators "
                        "available in every area.",
                    },
                    {
                        "title": "Employ survivor leaders.",
                        "text": "Accredited and paid, to help train police and to work with "
                        "helplines and navigator teams.",
                    },
                    {
                        "title": "Raise public awareness, calmly.",
                        "text": "Of the crime, the National Referral Mechanism and the Modern "
                        "Slavery Helpline, in plain words that say what to do.",
                    },
                    {
                        "title": "Put modern slavery standards beside health and safety.",
                        "text": "Help posters in shops, restaurants and public toilets with "
                        "simple questions: are you threatened at work, are you paid the "
                        "minimum wage?",
                    },
                ],
            },
        ),
        (
            "teaser",
            {
                "kind": "workshop",
                "title": "Reporting crime safely: what survivors and police told us",
                "when": "Coming soon: the date will be in the next update",
                "description": "Members of the Research Advisory Board take the four "
                "recommendations further, with time for your questions.",
                "page": None,
            },
        ),
        (
            "teaser",
            {
                "kind": "podcast",
                "title": "A navigator's first week on a case",
                "when": "Coming soon",
                "description": "What a navigator does before, during and after a survivor "
                "gives their account.",
                "page": None,
            },
        ),
        (
            "did_you_know",
            {
                "text": (
                    "<p>The forums are one click away on every page: open the Forums menu at "
                    "the top, or press the button in the page banner.</p>"
                )
            },
        ),
        (
            "forum_call",
            {
                "heading": "What makes reporting feel safe?",
                "text": "Tell us what helped, or what got in the way. You can post without "
                "your name.",
                "link_text": "Join the safety forum",
                "link": forum_path,
            },
        ),
    ]


CONTRIBUTORS = [
    ("Helene Miller KPM", "Detective Inspector", "Metropolitan Police Service", False),
    (
        "Keith Lewis",
        "Member, also works with the British Standards Institution",
        "MSCOS Research Advisory Board",
        True,
    ),
    ("Rachel Witkin", "Co-director of the Community of Practice", "", False),
    ("Queenie Sit", "Co-director of the Community of Practice", "", False),
]


# The weeks before Week 22, newest first: (label, title, focus outcome, summary, feature text).
EARLIER_WEEKS = [
    (
        "Week 21",
        "Long-term, consistent support",
        "Long-term, consistent support",
        "Support that does not end at a deadline: how two services plan the move from one "
        "support worker to the next with the survivor, not around them.",
        "<p>A change of support worker can undo months of trust. This week two services tell us "
        "how they plan each handover together with the person they support.</p>",
    ),
    (
        "Week 20",
        "Access to medical treatment",
        "Access to medical treatment",
        "Registering with a doctor without a fixed address, and what practitioners can do when "
        "a survivor is turned away.",
        "<p>Anyone in England can register with a GP practice without proof of address. This "
        "week: what helps when that is not what happens at the desk.</p>",
    ),
    (
        "Week 19",
        "Access to education",
        "Access to education",
        "Language classes as a first step: members share what helped them, or the people they "
        "support, start learning again.",
        "<p>For many survivors, a language class is the first place they choose to go. This week "
        "we look at classes that make that first step easier.</p>",
    ),
    (
        "Week 18",
        "Compassionate, trauma-informed services",
        "Compassionate, trauma-informed services",
        "What trauma-informed means at a reception desk, on the phone and in a letter, with "
        "examples sent in by members.",
        "<p>Trauma-informed care starts before the first appointment: in the words on a letter "
        "and the tone on the phone. Members sent us examples.</p>",
    ),
    (
        "Week 17",
        "Secure and suitable housing",
        "Secure and suitable housing",
        "Why repeated moves set recovery back, and how one council keeps survivors in the same "
        "area when they have to move.",
        "<p>Every move means a new doctor, a new college and a new support worker. This week: "
        "keeping people close to what they have built.</p>",
    ),
    (
        "Week 16",
        "Finding purpose in life and self-actualisation",
        "Finding purpose in life and self-actualisation",
        "Goals a person sets for themselves: volunteering, work and study, and how support "
        "plans can follow them.",
        "<p>Purpose is personal. This week survivor leaders describe support plans that start "
        "from the goals a person names, not from a form.</p>",
    ),
]


def week_start(today: datetime.date) -> datetime.date:
    """The Monday of the week the demo is loaded in: this week's update is dated then."""
    return today - datetime.timedelta(days=today.weekday())


def load_updates(updates_index, outcome_pages) -> UpdatePage:
    """Week 22, created once; an existing page is left as editors have it."""
    # The migration adds it too; a flushed database (the browser tests) needs it back.
    if not ConsentText.objects.exists():
        ConsentText.objects.create(version=FIRST_CONSENT_VERSION, text=FIRST_CONSENT_TEXT)
    this_week = week_start(timezone.localdate())
    _earlier_weeks(updates_index, outcome_pages, this_week)
    slug = slugify(f"{WEEK_22['label']} {WEEK_22['title']}")
    existing = updates_index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = UpdatePage(
        slug=slug,
        title=WEEK_22["title"],
        label=WEEK_22["label"],
        date=this_week,
        greeting=WEEK_22["greeting"],
        summary=WEEK_22["summary"],
        editors_credit=WEEK_22["editors_credit"],
        body=body(f"/forums/{slugify(FOCUS_OUTCOME)}/"),
    )
    page.contributors = [
        UpdateContributor(name=name, role=role, organisation=organisation, is_rab_member=rab)
        for name, role, organisation, rab in CONTRIBUTORS
    ]
    page.focus_outcomes = [outcome_pages[FOCUS_OUTCOME]]
    updates_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _earlier_weeks(updates_index, outcome_pages, this_week: datetime.date) -> None:
    """Six earlier weekly updates for the archive, a week apart before this week's; each made
    once (an existing one is left as editors have it)."""
    for weeks_back, (label, title, focus, summary, text) in enumerate(EARLIER_WEEKS, start=1):
        slug = slugify(f"{label} {title}")
        if updates_index.get_children().filter(slug=slug).exists():
            continue
        page = UpdatePage(
            slug=slug,
            title=title,
            label=label,
            date=this_week - datetime.timedelta(weeks=weeks_back),
            summary=summary,
            editors_credit=WEEK_22["editors_credit"],
            body=[
                (
                    "feature",
                    {
                        "heading": title,
                        "text": text,
                        "image": None,
                        "image_description": "",
                        "page": None,
                    },
                ),
                (
                    "forum_call",
                    {
                        "heading": "Tell us what you think",
                        "text": "You can post without your name.",
                        "link_text": "Go to the forum",
                        "link": f"/forums/{slugify(focus)}/",
                    },
                ),
            ],
        )
        if focus in outcome_pages:
            page.focus_outcomes = [outcome_pages[focus]]
        updates_index.add_child(instance=page)
        page.save_revision().publish()


SIGNUP_CALLOUT = (
    "callout",
    {
        "heading": "Get the update by email",
        "text": "<p>One email for each new update, with no tracking and a link to stop at once. "
        '<a href="/newsletter/subscribe/?from=get-involved">Subscribe to the update</a>.</p>',
    },
)


def add_signup(get_involved) -> None:
    """Gives the Get involved page a way to subscribe, once; editors may move or remove it."""
    if "/newsletter/subscribe/" in str(get_involved.body.raw_data):
        return
    get_involved.body.append(SIGNUP_CALLOUT)
    get_involved.save_revision().publish()
