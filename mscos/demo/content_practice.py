"""Demo content for the practice library and the recommendations (our own words; facts from
shared/seed/FACTS.md). Loaded by practice.py.
"""

from typing import Any

from mscos.demo.content_outcomes import PURPOSE, SAFETY, SERVICES, SUPPORT

PRACTICE_TITLE = "Practice library"
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
