"""The demo site's words, written for this project. Names and facts follow shared/seed/FACTS.md."""

from django.utils.translation import gettext_noop

HOME_INTRO = (
    "A shared space for survivors of modern slavery and human trafficking, experts by lived "
    "experience, practitioners, researchers and policymakers to learn from each other's practice "
    "around the seven core outcomes of survivor recovery."
)

HOME_BODY = [
    ("heading", "What this site is for"),
    (
        "paragraph",
        "<p>The Modern Slavery Core Outcome Set (MSCOS) names a small number of outcomes that "
        "support for adult survivors should aim for, measure and report. This Community of "
        "Practice is where people put those outcomes to work: sharing what helps, asking "
        "questions, and reading a regular update on one outcome at a time.</p>"
        "<p>You can read everything here without an account. In the forums you may post under a "
        "name you choose, or anonymously, and you can write informally.</p>",
    ),
]

COMMUNITY_INTRO = (
    "People who support survivors, people who have lived it, and people who study and shape the "
    "systems around them, working out together how to reach the core outcomes in practice."
)
COMMUNITY_BODY = [
    ("heading", "How the Community of Practice works"),
    (
        "paragraph",
        "<p>Each update looks closely at one core outcome, or a theme that links two of them. It "
        "brings together examples of practice, the views of practitioners, and recommendations "
        "from the Research Advisory Board, a group of survivor leaders who guided the study "
        "throughout.</p><p>Workshops, podcasts and invite-only expert forums go deeper into the "
        "same outcomes. The moderated forums are open for everyone to continue the "
        "conversation.</p>",
    ),
]

OUTCOMES_INTRO = (
    "Seven outcomes, chosen together with survivors, that every recovery and support service "
    "for adult survivors should aim for and measure."
)
OUTCOMES_BODY = [
    ("heading", "Using the outcomes as a set"),
    (
        "paragraph",
        "<p>The core outcomes came out of a year-long consensus process: three literature "
        "reviews, interviews with survivors, stakeholder workshops and a three-round "
        "international E-Delphi survey. From 398 outcomes found in the reviews and 843 raised in "
        "interviews, a long-list of 72 outcomes in 10 domains was formed, then a shortlist of 14, "
        "and finally the seven core outcomes, agreed at a consensus workshop of 46 people on 22 "
        "June 2022.</p><p>They work best together. A service can add outcomes from the long-list "
        "to fit the people it serves and the place it works, but should keep the seven as its "
        "common core.</p>",
    ),
]

# (number, title, summary, descriptor, domain name)
CORE_OUTCOMES = [
    (
        1,
        "Secure and suitable housing",
        "A safe, stable home that fits the person's needs is the ground that every other part "
        "of recovery stands on.",
        "Survivors have housing that is safe, secure and suitable for them, for as long as they "
        "need it, rather than short stays that force repeated moves.",
        "Consistency and stability",
    ),
    (
        2,
        "Safety from any trafficker or other abuser",
        "Being, and feeling, out of reach of the people who exploited or harmed you, now and "
        "over time.",
        "Survivors are protected from traffickers and other abusers, and are supported to "
        "report crime safely and with confidence if they choose to.",
        "Safety",
    ),
    (
        3,
        "Long-term, consistent support",
        "Support that lasts as long as it is needed and does not vanish at a deadline or change "
        "hands without warning.",
        "Survivors receive support that continues over the long term, from people and services "
        "they can rely on, with planned rather than abrupt transitions.",
        "Consistency and stability",
    ),
    (
        4,
        "Compassionate, trauma-informed services",
        "Services that treat people with warmth and respect, and understand how trauma shapes "
        "trust, memory and choice.",
        "Survivors meet services that are compassionate and trauma-informed in how they are "
        "designed and delivered, at every point of contact.",
        "Supportive services",
    ),
    (
        5,
        "Finding purpose in life and self-actualisation",
        "Room to make choices, grow, and build a life that has meaning to the person living it.",
        "Survivors are supported to find purpose, set their own goals and work towards them.",
        "Agency and purpose",
    ),
    (
        6,
        "Access to medical treatment",
        "Being able to reach the physical and mental health care you need, when you need it.",
        "Survivors can access medical, mental health and other healthcare services without "
        "undue barriers.",
        "Health and wellbeing",
    ),
    (
        7,
        "Access to education",
        "Learning, from language classes to qualifications, as a route to independence and "
        "confidence.",
        "Survivors can access education and training that suits their goals and circumstances.",
        "Opportunities",
    ),
]

TOPIC_PAGES = [
    (
        "Relevant frameworks for children and young people",
        "The core outcome set is for adults; this page points to the frameworks that apply to "
        "children and young people, and to the transition into adulthood.",
    ),
    (
        "Corporate responsibility and finance",
        "How businesses, investors and funders can use the outcomes when they act on modern "
        "slavery in their operations and supply chains.",
    ),
]

DOMAINS = [
    ("Consistency and stability", "Housing, support and relationships that hold steady over time."),
    (
        "Recognition, understanding and awareness",
        "Being identified, believed and understood, by services and by the public.",
    ),
    ("Opportunities", "Education, work and the chance to build skills."),
    ("Belonging and social support", "Connection with family, friends and community."),
    ("Agency and purpose", "Making one's own choices and finding meaning."),
    ("Safety", "Protection from traffickers, abusers and further exploitation."),
    ("Health and wellbeing", "Physical and mental health, and access to care."),
    ("Rights, justice and dignity", "Legal status, access to justice and respectful treatment."),
    ("Supportive services", "Services that are compassionate, trauma-informed and well run."),
    ("Creating change", "Survivors shaping policy, practice and public understanding."),
]

EVENTS_INTRO = (
    "Workshops, podcasts and invite-only expert forums, each looking closely at one core outcome."
)
EVENTS_BODY = [
    (
        "paragraph",
        "<p>Members of the Research Advisory Board share their knowledge in workshops and "
        "podcasts. Expert forums have explored purpose in life, safety for young adults "
        "(January 2024) and housing (March 2024). New dates are announced in the weekly "
        "update.</p>",
    ),
]

GET_INVOLVED_INTRO = "Ways to take part, whatever your background and however much time you have."
GET_INVOLVED_BODY = [
    (
        "paragraph",
        "<ul><li>Read the update and share it with colleagues.</li><li>Join a conversation in "
        "the forums, under a name you choose or anonymously.</li><li>Tell us about practice "
        "that has helped survivors reach one of the core outcomes.</li><li>Come to a workshop "
        "or listen to a podcast.</li></ul>",
    ),
]

STAYING_SAFE_INTRO = (
    "If someone may check what you do on your phone or computer, these steps can help you "
    "visit this site more safely."
)
STAYING_SAFE_BODY = [
    ("heading", "The Exit this page button"),
    (
        "paragraph",
        "<p>The red Exit this page button at the top of every page takes you straight to a "
        "weather website. With JavaScript on, pressing the Shift key three times does the same. "
        "The page you were reading is cleared from the screen at once, and pressing Back does "
        "not bring it back.</p><p>It also signs you out, deletes this site's cookies and any "
        "draft you had not sent, and asks your browser to forget what this site stored.</p>",
    ),
    ("heading", "What it cannot do"),
    (
        "paragraph",
        "<p>The button helps if someone walks in or looks over your shoulder. It does not "
        "protect you from someone who checks your device later or who watches it with "
        "monitoring software, or your network. Pressing Back after Exit can still show the "
        "pages you visited before the one you left, and all the pages you visited stay in "
        "your browsing history.</p>",
    ),
    ("heading", "What this site keeps on your device"),
    (
        "paragraph",
        "<ul><li>If you only read, nothing: no cookie at all.</li><li>When you open a page "
        "with a form (to post, or to write to us), one security cookie that stops other sites "
        "sending forms in your name. It is deleted when you close the browser.</li><li>When "
        "you sign in, a cookie that keeps you signed in. It ends when you sign out, after a "
        "while without activity, or when you press Exit.</li><li>While you write a post, a "
        "copy of your words in this browser tab only, so a lost connection does not lose "
        "them. It is deleted when you send, sign out, press Exit or close the tab, and after "
        '3 hours at most. Without an account, the copy is kept only if you tick "Keep a copy '
        "while I write\".</li><li>Your browser's own history of the pages you visited, "
        "which this site cannot delete.</li></ul><p>If you post without an account you get a "
        "private link to change your post. We do not keep it on your device; if you save it, "
        "anyone who finds it can change your post.</p>",
    ),
    ("heading", "Browsing more privately"),
    (
        "paragraph",
        "<ul><li>Use a private or incognito window. The browser then keeps no history of the "
        "visit once the window is closed.</li><li>If you cannot, clear your history afterwards: "
        "in most browsers press Ctrl+H (Cmd+Y on a Mac), then remove the pages of this site. "
        "Clearing all history at once can itself look unusual to someone watching.</li><li>Use a "
        "device the other person cannot reach, such as a library computer or a friend's "
        "phone.</li></ul>",
    ),
    (
        "callout",
        {
            "heading": "Help now",
            "text": "<p>In danger now: call 999. If you cannot speak, stay on the line and "
            "press 55 when asked. For confidential advice at any time, call the Modern Slavery "
            "&amp; Exploitation Helpline on 08000 121 700. It is free, open 24 hours, and you "
            "do not have to give your name.</p>",
        },
    ),
]

UPDATE = {
    "title": "Safety from any trafficker or other abuser",
    "label": "Week 22",
    "date": "2023-10-31",
    "summary": (
        "This week's focus is safety. We feature the Victim Navigator programme run by Justice "
        "and Care with police forces in England, Scotland and Romania, and recommendations from "
        "the Research Advisory Board on helping survivors report crime safely."
    ),
    "body": [
        (
            "paragraph",
            "<p>Thank you to everyone who has joined in, sent feedback and shared ideas on this "
            "site. Please keep the conversation going in the moderated forums, where you can "
            "post anonymously and informally.</p>",
        ),
        ("heading", "New this week: safety from any trafficker or other abuser"),
        (
            "paragraph",
            "<p>Justice and Care's Victim Navigator programme places independent navigators "
            "alongside police investigators. A navigator supports a victim from the start of an "
            "investigation, through court and beyond, so the investigator can concentrate on the "
            "case while the survivor has someone on their side throughout.</p><p>The programme "
            "joined the Metropolitan Police Service's Modern Slavery team in January 2021. Over "
            "that time, prosecutions rose from 33% to 83%. Justice and Care now fund 12 navigators "
            "across the UK and 2 internationally, in Romania. Police forces in England, Scotland "
            "and Romania take part, with Romanian officers seconded to Police Scotland.</p>",
        ),
        (
            "quote",
            {
                "text": "A stronger victim is a stronger witness. Always remember the person "
                "behind the evidence.",
                "attribution": "Detective Inspector Helene Miller KPM",
                "role": "Metropolitan Police Service",
            },
        ),
        ("heading", "Recommendations from the Research Advisory Board"),
        (
            "paragraph",
            "<p>Some members of the MSCOS Research Advisory Board (RAB) suggest four ways to help "
            "survivors report crime safely and with confidence:</p><ul><li><b>Police "
            "training</b> at every level and in every force, from recruitment onwards, and a "
            "wider network of Victim Navigators.</li><li><b>Employing survivor leaders</b>, "
            "properly accredited and paid, to help train police and to work with helplines and "
            "navigator teams.</li><li><b>Public awareness</b> of the crime, the National "
            "Referral Mechanism and the Modern Slavery Helpline, including through broadcast "
            "media, in plain and calm language that tells people what to do.</li><li><b>Modern "
            "slavery standards alongside health and safety standards</b>, with help posters in "
            "shops, restaurants and public toilets that ask simple questions, such as whether "
            "someone is threatened by their employer or paid the minimum wage.</li></ul>",
        ),
        ("heading", "Did you know?"),
        (
            "paragraph",
            "<p>You can reach the forums from every page: use the Forums menu at the top, or the "
            "Go to the forums button in the banner.</p>",
        ),
    ],
    "contributors": [
        ("Helene Miller KPM", "Detective Inspector", "Metropolitan Police Service", False),
        (
            "Keith Lewis",
            "Member, also works with the British Standards Institution",
            "MSCOS Research Advisory Board",
            True,
        ),
        ("Rachel Witkin", "Co-director of the Community of Practice", "", False),
        ("Queenie Sit", "Co-director of the Community of Practice", "", False),
    ],
}

GENERAL_CATEGORIES = [
    (
        "General discussion",
        "general-discussion",
        "Anything about survivor recovery and the core outcomes that does not fit elsewhere.",
    ),
    (
        "Feedback and suggestions",
        "feedback-and-suggestions",
        "Tell us what works on this site, what does not, and what you would like to see.",
    ),
]

# In the interface catalogue too, so readers see the demo's guidelines in their language (shown
# through `interface_translation`, like the helpline's name); an editor's wording shows as typed.
FORUM_GUIDELINES = gettext_noop(
    "Be kind and assume good faith. Do not share anything that could identify a survivor, "
    "including yourself, unless you are sure it is safe. Posts are read by moderators. If you are "
    "in danger now, call 999."
)

# Demo members and conversations: (display name, username) and (category slug, title, posts).
DEMO_MEMBERS = [
    ("Amara (support worker)", "demo_amara"),
    ("Jon, housing officer", "demo_jon"),
    ("Lena", "demo_lena"),
]

# Each post: (member index, or None for a guest; anonymous?; text)
DEMO_TOPICS: list[tuple[str, str, list[tuple[int | None, bool, str]]]] = [
    (
        "secure-and-suitable-housing",
        "Moving on from safe house accommodation: what has helped?",
        [
            (
                1,
                False,
                "In our area people often get a few weeks' notice before they have to leave "
                "safe house accommodation. What has helped you plan the move earlier?",
            ),
            (
                0,
                False,
                "We start the housing conversation in the first month, not the last. A named "
                "contact at the council who knows the NRM process makes a big difference.",
            ),
            (
                None,
                True,
                "When I moved, the most important thing was that someone came with me to see "
                "the flat first. I did not feel safe going alone.",
            ),
        ],
    ),
    (
        "safety-from-any-trafficker-or-other-abuser",
        "Reporting with a Victim Navigator: questions from practitioners",
        [
            (
                2,
                False,
                "Has anyone worked alongside a Victim Navigator? I would like to understand how "
                "the first meeting is arranged so it feels safe.",
            ),
            (
                0,
                True,
                "In my experience it helped that the first meeting was not at a police station. "
                "Being able to bring someone I trusted mattered too.",
            ),
        ],
    ),
    (
        "feedback-and-suggestions",
        "Ideas for the next workshop",
        [
            (
                1,
                False,
                "Could a future workshop look at long-term support after the NRM ends? It would "
                "help to hear from services that have found ways to keep contact going.",
            ),
        ],
    ),
]
