"""Demo content for the study's pages and the National Referral Mechanism page (our own words;
facts from shared/seed/FACTS.md). Loaded by standard_pages.py.
"""

STUDY_TITLE = "The study"
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
WHAT_IS_MSCOS_TITLE = "What is MSCOS?"
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
NRM_TITLE = "The National Referral Mechanism explained"
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
