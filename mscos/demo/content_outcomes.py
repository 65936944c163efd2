"""Demo content for the outcome set, the practice library, recommendations, people, resources and
the standard pages; written for this project (names and facts from shared/seed/FACTS.md).

Anyone who is not a public figure has a clearly fictional name and a bio that says so.
"""

import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from mscos.core.models import SiteImage
from mscos.demo.files import stored_file
from mscos.outcomes.models import (
    FocusSettings,
    LongListOutcome,
    LongListPage,
    OutcomeConnection,
    OutcomeIndexPage,
    OutcomePage,
    OutcomeSetPage,
)
from mscos.pages.editorial import ensure_editorial_setup
from mscos.pages.models import StandardPage
from mscos.people.models import ExpertDirectoryPage, PeopleIndexPage, Person
from mscos.practice.models import Country, PracticeExamplePage, PracticeIndexPage, Recommendation
from mscos.resources.models import Resource, ResourceIndexPage

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

PRACTICE_INTRO = (
    "Practice from services, police forces and charities that helps survivors reach the core "
    "outcomes, with what each reports it has achieved."
)
COUNTRIES = ["England", "Scotland", "Romania"]
PRACTICE_EXAMPLES: list[dict[str, Any]] = [
    {
        "slug": "victim-navigator-programme",
        "title": "The Victim Navigator programme",
        "organisation": "Justice and Care",
        "countries": ["England", "Scotland", "Romania"],
        "outcomes": [SAFETY, SUPPORT, SERVICES],
        "summary": (
            "Independent Victim Navigators from the charity Justice and Care work beside police "
            "investigators. A navigator supports a survivor from the start of an investigation, "
            "through court and beyond, so the survivor has someone on their side throughout and "
            "the investigator can concentrate on the case."
        ),
        "results": (
            "Prosecutions rose from 33% to 83% in the Metropolitan Police Service's Modern "
            "Slavery team\n12 navigators funded across the UK and 2 internationally"
        ),
        "period": "In the Metropolitan Police Service since January 2021",
        "link": "https://justiceandcare.org/",
        "contact": "Through Justice and Care's website",
        "body": [
            ("heading", "How it works"),
            (
                "paragraph",
                "<p>Survivors meet their navigator away from the police station, in a place "
                "that feels safe. The navigator explains what will happen, stays in touch "
                "between interviews and court dates, and helps with needs that would otherwise "
                "stop someone from giving their account.</p>",
            ),
            (
                "quote",
                {
                    "text": "A stronger victim is a stronger witness. Always remember the "
                    "person behind the evidence.",
                    "attribution": "Detective Inspector Helene Miller KPM",
                    "role": "Metropolitan Police Service",
                },
            ),
        ],
    },
    {
        "slug": "police-cooperation-romania-scotland",
        "title": "Romanian police officers seconded to Police Scotland",
        "organisation": "Romanian Police with Police Scotland",
        "countries": ["Scotland", "Romania"],
        "outcomes": [SAFETY],
        "summary": (
            "Officers from Romania work inside Police Scotland, so that survivors from Romania "
            "can speak with police who share their language and know the routes traffickers "
            "use, and so that investigations can follow offenders across borders."
        ),
        "results": "Joint work between police forces in England, Scotland and Romania",
        "period": "",
        "link": "",
        "contact": "",
        "body": [],
    },
]

# (title, body, outcomes)
RECOMMENDATIONS = [
    (
        "Police training at every level",
        "<p>Some police are highly trained in working with survivors, but some members of the "
        "Research Advisory Board want that training to reach every force and every rank, "
        "starting at recruitment and continuing through a career. They also support a wider "
        "network of Victim Navigators across the UK and beyond.</p>",
        [SAFETY, SERVICES],
    ),
    (
        "Employ survivor leaders as professionals",
        "<p>Properly accredited and paid survivor leaders can help train police at all levels "
        "and work with helplines and Victim Navigator teams. Their welcome can make it possible "
        "for survivors who are too afraid to come forward to reach safety and report the "
        "crime.</p>",
        [SAFETY, PURPOSE],
    ),
    (
        "Raise public awareness so that survivors can come forward",
        "<p>Many people do not know the crime exists, or what the National Referral Mechanism "
        "and the Modern Slavery Helpline are. Television and other broadcast media reach many "
        "people; the language should be current and calm, not sensational, and say simply what "
        "to do when worried about someone, putting their immediate safety first.</p>",
        [SAFETY],
    ),
    (
        "Run modern slavery standards alongside health and safety standards",
        "<p>Keith Lewis, a member of the Research Advisory Board who also works with the "
        "British Standards Institution, suggests that modern slavery standards sit with health "
        "and safety standards, using what already exists. Shops, fast food chains, restaurants "
        "and public toilets could carry posters with numbers to call and simple questions, "
        "such as whether someone is threatened by their employer, has to live with them, or is "
        "paid the minimum wage, and say that advice is confidential.</p>",
        [SAFETY],
    ),
]
RECOMMENDATION_SOURCE = "Some members of the Research Advisory Board, speaking with Rachel Witkin"

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

RESOURCE_TEXT = (
    "How the Modern Slavery Core Outcome Set was made (a summary written for this demo)\n\n"
    "Three literature reviews found 398 outcomes; interviews with survivors raised 843. They were "
    "merged into a long-list of 72 outcomes in 10 domains. A three-round international E-Delphi "
    "survey narrowed these to a shortlist of 14, and a consensus workshop of 46 people on 22 June "
    "2022 chose the seven core outcomes. A Research Advisory Board of survivor leaders guided the "
    "study throughout.\n"
)

STUDY_INTRO = "How the core outcome set was made, who made it, and the documents behind it."
STUDY_BODY = [
    ("heading", "A year of consensus"),
    (
        "paragraph",
        "<p>The study combined three literature reviews, interviews with survivors, stakeholder "
        "workshops and a three-round international E-Delphi survey. A Research Advisory Board of "
        "survivor leaders, experts by lived experience, guided every stage.</p><p>It was led by "
        "King's College London with Survivor Alliance, the University of Nottingham Rights Lab, "
        "the University of East London and the Helen Bamber Foundation, funded through the "
        "Modern Slavery and Human Rights Policy and Evidence Centre (Arts and Humanities "
        "Research Council).</p>",
    ),
]
WHAT_IS_MSCOS_INTRO = (
    "A short list of outcomes that support for adult survivors of modern slavery should aim "
    "for, measure and report."
)
WHAT_IS_MSCOS_BODY = [
    (
        "paragraph",
        "<p>The Modern Slavery Core Outcome Set (MSCOS) is a minimum set of outcomes for "
        "interventions that support the recovery, well-being and reintegration of adult "
        "survivors of modern slavery and human trafficking. It also helps to frame policy, and "
        "the design and evaluation of services.</p><p>Using the same core outcomes makes it "
        "possible to compare what services achieve and to learn from each other.</p>",
    ),
]
NRM_INTRO = (
    "The National Referral Mechanism (NRM) is the UK's way of identifying people who may be "
    "victims of modern slavery and getting them support."
)
NRM_BODY = [
    ("heading", "Who can refer"),
    (
        "paragraph",
        "<p>Only designated first responders can make a referral: the police, local "
        "authorities, some charities and some Home Office units. An adult must agree to be "
        "referred. If they do not, the first responder makes an anonymous report instead, "
        "called a 'duty to notify'.</p>",
    ),
    ("heading", "Two decisions"),
    (
        "paragraph",
        "<p>First comes a 'reasonable grounds' decision: could this person be a victim? Later "
        "comes a 'conclusive grounds' decision: on the balance of probabilities, are they?</p>",
    ),
    (
        "callout",
        {
            "heading": "Help now",
            "text": "<p>In danger now: call 999. For confidential advice at any time, call the "
            "Modern Slavery &amp; Exploitation Helpline on 08000 121 700.</p>",
        },
    ),
]
TEAM_INTRO = (
    "The project team, the Research Advisory Board of experts by lived experience, and the "
    "expert steering committee. People are listed only with their agreement."
)
EXPERTS_INTRO = (
    "People who offer training, consultancy or speaking on survivor recovery and the core "
    "outcomes. Write to them through the site; their addresses stay private."
)
RESOURCES_INTRO = "Study documents, presentations and papers, tagged with the outcomes they cover."


def _stream(blocks):
    converted = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            value = RichText(value)
        converted.append((block_type, value))
    return converted


def _child(parent: Page, model, slug: str, **fields) -> Page:
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(*, home: Page, outcomes_index: OutcomeIndexPage, outcome_pages: dict, site: Site) -> None:
    """Adds this module's demo content where it is missing; never changes an editor's work."""
    ensure_editorial_setup()
    core = {title: page for title, page in outcome_pages.items() if page.kind == OutcomePage.CORE}
    _outcome_pages(core)
    _long_list(outcomes_index, core)
    _set_page(outcomes_index, core)
    _practice(home, core)
    _recommendations(core)
    study = _standard_pages(home)
    _resources(study, core)
    _people(home)
    focus = FocusSettings.for_site(site)
    if focus.focus_page_id is None and SAFETY in core:
        focus.focus_page = core[SAFETY]
        focus.note = (
            "With the Victim Navigator programme and recommendations from the Research Advisory "
            "Board, people with lived experience of modern slavery who guide the study."
        )
        focus.save()
    _redirects(outcomes_index)


SAFETY_PICTURE_NAME = "mscos-demo-safe-home.png"
SAFETY_PICTURE_SIZE = (1600, 900)
SAFETY_PICTURE_ALT = "A drawing of a small house with a lit window under an evening sky."


def safety_picture_png() -> bytes:
    """A calm drawing for the demo outcome page: a house with a lit window, drawn with Pillow."""
    from PIL import Image, ImageDraw

    width, height = SAFETY_PICTURE_SIZE
    image = Image.new("RGB", (width, height), (31, 77, 92))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height * 3 // 4, width, height], fill=(120, 150, 110))
    left, right, floor = width * 3 // 8, width * 5 // 8, height * 3 // 4
    draw.rectangle([left, height * 9 // 20, right, floor], fill=(236, 226, 201))
    draw.polygon(
        [(left - 60, height * 9 // 20), (width // 2, height // 5), (right + 60, height * 9 // 20)],
        fill=(176, 88, 64),
    )
    draw.rectangle([width // 2 - 50, height * 21 // 40, width // 2 + 50, height * 25 // 40],
                   fill=(250, 204, 92))  # fmt: skip
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _safety_picture():
    """The demo picture as an ImageBlock value: the image with its alt text for this place."""
    image = SiteImage.objects.filter(title="A safe home (demo drawing)").first()
    if image is None:
        width, height = SAFETY_PICTURE_SIZE
        image = SiteImage(title="A safe home (demo drawing)", width=width, height=height)
        image.file = stored_file(
            f"original_images/{SAFETY_PICTURE_NAME}",
            lambda: ImageFile(io.BytesIO(safety_picture_png()), SAFETY_PICTURE_NAME),
        )
        image.save()
    image.contextual_alt_text = SAFETY_PICTURE_ALT
    image.decorative = False
    return image


def _outcome_pages(core: dict) -> None:
    for title, page in core.items():
        page = OutcomePage.objects.get(pk=page.pk)
        # Only pages nobody has edited since the demo created them (one revision).
        if page.body.raw_data or page.revisions.count() > 1:
            continue
        blocks = []
        if title == SAFETY:
            blocks += [*SAFETY_BODY[:1], ("image", _safety_picture()), *SAFETY_BODY[1:]]
        if title == HOUSING:
            blocks.append(HOUSING_PERSPECTIVE)
        page.body = _stream(blocks + STANDARD_OUTCOME_BLOCKS)
        page.other_names = OTHER_NAMES.get(title, "")
        page.save_revision().publish()


def _long_list(index: OutcomeIndexPage, core: dict) -> None:
    for page in core.values():
        if page.domain_id and not LongListOutcome.objects.filter(outcome_page=page).exists():
            LongListOutcome.objects.create(
                domain_id=page.domain_id,
                name=page.title,
                description=page.summary,
                outcome_page=page,
                sort_order=0,
            )
    _child(
        index, LongListPage, "long-list", title="The long-list of outcomes", intro=LONG_LIST_INTRO
    )


def _set_page(index: OutcomeIndexPage, core: dict) -> None:
    if index.get_children().filter(slug="working-with-the-outcomes-as-a-set").exists():
        return
    page = OutcomeSetPage(
        slug="working-with-the-outcomes-as-a-set",
        title="Working with the outcomes as a set",
        intro=SET_PAGE_INTRO,
        body=_stream(SET_PAGE_BODY),
    )
    page.connections = [
        OutcomeConnection(from_outcome=core[a], to_outcome=core[b], how=how, sort_order=i)
        for i, (a, b, how) in enumerate(CONNECTIONS)
        if a in core and b in core
    ]
    # First among the section's children, before the outcome pages.
    first = index.get_first_child()
    if first is not None:
        first.add_sibling(pos="left", instance=page)
    else:
        index.add_child(instance=page)
    page.save_revision().publish()


def _practice(home: Page, core: dict) -> PracticeIndexPage:
    library = _child(
        home, PracticeIndexPage, "practice", title="Practice library", intro=PRACTICE_INTRO
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
            body=_stream(data["body"]),
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


def _standard_pages(home: Page) -> Page:
    study = _child(
        home,
        StandardPage,
        "the-study",
        title="The study",
        intro=STUDY_INTRO,
        body=_stream(STUDY_BODY),
    )
    _child(
        study,
        StandardPage,
        "what-is-mscos",
        title="What is MSCOS?",
        intro=WHAT_IS_MSCOS_INTRO,
        body=_stream(WHAT_IS_MSCOS_BODY),
    )
    _child(
        home,
        StandardPage,
        "national-referral-mechanism",
        title="The National Referral Mechanism explained",
        intro=NRM_INTRO,
        body=_stream(NRM_BODY),
    )
    return study


def _resources(study: Page, core: dict) -> Page:
    page = _child(
        study,
        ResourceIndexPage,
        "resources",
        title="Study documents, presentations and papers",
        intro=RESOURCES_INTRO,
    )
    title = "How the core outcome set was made: a summary"
    if not Resource.objects.filter(title=title).exists():
        document_model = get_document_model()
        document = document_model(title=title)
        document.file.save(
            "mscos-consensus-summary.txt", ContentFile(RESOURCE_TEXT.encode()), save=False
        )
        document.save()
        resource = Resource(
            title=title,
            kind=Resource.STUDY_DOCUMENT,
            description="The steps from 1,241 candidate outcomes to the seven core outcomes.",
            document=document,
            authors="MSCOS Community of Practice (demo)",
        )
        resource.outcomes = list(core.values())
        resource.save()
    return page


def _people(home: Page) -> tuple[Page, Page]:
    team = _child(home, PeopleIndexPage, "our-team", title="Our team", intro=TEAM_INTRO)
    experts = _child(
        home,
        ExpertDirectoryPage,
        "access-to-experts",
        title="Access to experts",
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


def _redirects(index: OutcomeIndexPage) -> None:
    """The short addresses the issue names, /outcomes/ and /outcomes/long-list/."""
    long_list = index.get_children().filter(slug="long-list").first()
    for old_path, target in [("/outcomes", index), ("/outcomes/long-list", long_list)]:
        if target is not None:
            Redirect.objects.get_or_create(
                old_path=Redirect.normalise_path(old_path),
                site=None,
                defaults={"redirect_page": target, "is_permanent": False},
            )
