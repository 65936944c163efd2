"""Every "thank you, a moderator will read it" page carries help, in the reader's language.

New topic, reply and edit, for members and guests, in English, Romanian, Albanian and Arabic:
the helpline, 999 and "press 55", the staying-safe page, and when a moderator will read the post
(on duty now, or within so many hours from the moderators' hours on duty).
"""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from mscos.forum import services
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation.models import ModeratorSettings
from tests.forum.conftest import form_data

LANGUAGES = ["en", "ro", "sq", "ar"]
PREFIX = {"en": "", "ro": "/ro", "sq": "/sq", "ar": "/ar"}
STAYING_SAFE_PATH = {
    "en": "/staying-safe-online/",
    "ro": "/ro/siguranta-online/",
    "sq": "/sq/siguria-ne-internet/",
    "ar": "/ar/staying-safe-online/",
}
ON_DUTY = "A moderator is on duty now, so it will usually be read soon."
WITHIN = (
    "A moderator will usually read it within %(hours)s hour.",
    "A moderator will usually read it within %(hours)s hours.",
)
NO_HOURS = "A moderator will read it as soon as they can."
HELP_WORDS = [
    "If you need help before then",
    "You do not have to give your name.",
    "If you are in danger now, call",
    "If you cannot speak, stay on the line and press 55 when asked; the police will know it is "
    "an emergency.",
    "How to stay safe when you use this site",
]
LINK_ADVICE = [
    "On a phone or computer that someone else uses or checks, saving the link leaves a trace: "
    "whoever finds it in your notes, messages, bookmarks or browser history can see what you "
    "wrote and change it.",
    "You do not have to keep it. A moderator still reads your post and looks after it; you "
    "just cannot change or delete it yourself.",
]


@pytest.fixture
def checked_everything(demo_site) -> ForumCategory:
    """Every post waits for a moderator; guests may post too."""
    return ForumCategory.objects.create(
        name="All checked", slug="all-checked", premoderation="all", guests_may_post=True
    )


@pytest.fixture
def open_topic(checked_everything, moderator):
    topic, post, _token = services.topic_create(
        category=checked_everything,
        title="Somewhere to live",
        body="Opening",
        acting_user=moderator,
    )
    services.post_approve(post=post, acting_user=moderator)
    return topic


def on_duty_hours(moderator, *, starts_in: datetime.timedelta, lasts: datetime.timedelta):
    """The moderator's hours, every day, starting `starts_in` from now (negative: already on)."""
    ModeratorSettings.objects.all().delete()
    now = timezone.localtime()
    ModeratorSettings.objects.create(
        moderator=moderator,
        duty_days=list(range(7)),
        duty_start=(now + starts_in).time(),
        duty_end=(now + starts_in + lasts).time(),
    )


@pytest.fixture(params=["on-duty", "off-duty"])
def duty(request, moderator):
    """(the sentence expected in English, with the hours) for moderators on duty or not."""
    if request.param == "on-duty":
        on_duty_hours(
            moderator,
            starts_in=-datetime.timedelta(hours=1),
            lasts=datetime.timedelta(hours=2),
        )
        return ON_DUTY, None
    on_duty_hours(
        moderator,
        starts_in=datetime.timedelta(hours=4, minutes=30),
        lasts=datetime.timedelta(hours=1),
    )
    return WITHIN, 5


def expected(words, language: str, hours=None) -> str:
    with translation.override(language):
        if isinstance(words, tuple):
            return ngettext(*words, hours) % {"hours": hours}
        return gettext(words)


def assert_help(html: str, language: str, duty_words, hours) -> None:
    main = html[html.index('<main id="main"') :]
    assert "08000 121 700" in main and 'href="tel:08000121700"' in main
    assert 'href="tel:999"' in main
    assert f'href="{STAYING_SAFE_PATH[language]}"' in main
    for words in HELP_WORDS:
        translated = expected(words, language)
        assert translated in main, f"{language}: missing {words!r}"
        if language != "en":
            assert translated != words, f"{language}: {words!r} is not translated"
    when = expected(duty_words, language, hours)
    assert when in main, f"{language}: missing {when!r}"
    if language != "en":
        assert when != expected(duty_words, "en", hours), f"{language}: not translated"


def member_client(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_new_topic_reply_and_edit_pages_carry_help(
    language, duty, member, checked_everything, open_topic
):
    client = member_client(member)
    prefix = PREFIX[language]
    new = client.post(
        f"{prefix}/forums/{checked_everything.slug}/new/",
        form_data(title="Finding a flat", body="Where do people look?", understood="on"),
        follow=True,
    )
    started = Post.objects.get(author=member, position=1)
    assert started.status == Status.PENDING
    assert new.redirect_chain[-1][0] == f"{prefix}/forums/p/{started.pk}/waiting/"
    assert_help(new.content.decode(), language, *duty)

    replied = client.post(
        f"{prefix}/forums/t/{open_topic.pk}/reply/",
        form_data(body="Try the council first.", understood="on"),
        follow=True,
    )
    reply = Post.objects.get(author=member, topic=open_topic)
    assert reply.status == Status.PENDING
    assert replied.redirect_chain[-1][0] == f"{prefix}/forums/p/{reply.pk}/waiting/"
    assert_help(replied.content.decode(), language, *duty)

    edited = client.post(
        f"{prefix}/forums/p/{reply.pk}/edit/",
        {"body": "Try the council first, then a charity.", "content_note": ""},
        follow=True,
    )
    html = edited.content.decode()
    assert expected("Thank you: your changes are waiting for a moderator", language) in html
    assert_help(html, language, *duty)


@pytest.mark.parametrize("language", LANGUAGES)
def test_guest_new_topic_reply_and_edit_pages_carry_help_and_explain_the_link(
    language, duty, checked_everything, open_topic
):
    client = Client()
    prefix = PREFIX[language]
    new = client.post(
        f"{prefix}/forums/{checked_everything.slug}/new/",
        form_data(title="From a guest", body="Is anyone here?", guest_name="", understood="on"),
    )
    html = new.content.decode()
    assert new.status_code == 200 and "no-store" in new["Cache-Control"]
    assert_help(html, language, *duty)
    for words in LINK_ADVICE:
        assert expected(words, language) in html
    # The help comes before the link, so nobody has to read past the link to find it.
    assert html.index('href="tel:999"') < html.index('class="guest-link"')

    replied = client.post(
        f"{prefix}/forums/t/{open_topic.pk}/reply/",
        form_data(body="A guest's reply.", guest_name="", understood="on"),
    )
    html = replied.content.decode()
    assert_help(html, language, *duty)
    link = re.search(r'<code class="guest-link">(http[^<]+)</code>', html).group(1)

    path = "/" + link.split("/", 3)[3]
    edited = client.post(path, {"body": "A guest's reply, changed.", "content_note": ""})
    html = edited.content.decode()
    assert edited.status_code == 200 and "no-store" in edited["Cache-Control"]
    assert expected("Thank you: your changes are waiting for a moderator", language) in html
    assert_help(html, language, *duty)
    assert Post.objects.get(body="A guest's reply, changed.").status == Status.PENDING
    assert client.cookies == {}, "a guest who edits must not be given a session cookie"


def test_without_hours_on_duty_the_page_still_says_a_moderator_will_read_it(
    member, checked_everything
):
    ModeratorSettings.objects.all().delete()
    client = member_client(member)
    page = client.post(
        f"/forums/{checked_everything.slug}/new/",
        form_data(title="Finding a flat", body="Where do people look?", understood="on"),
        follow=True,
    )
    assert_help(page.content.decode(), "en", NO_HOURS, None)


def test_the_waiting_page_is_the_authors_alone(member, other_member, checked_everything):
    _topic, post, _token = services.topic_create(
        category=checked_everything, title="Mine", body="My words", acting_user=member
    )
    assert member_client(member).get(f"/forums/p/{post.pk}/waiting/").status_code == 200
    assert member_client(other_member).get(f"/forums/p/{post.pk}/waiting/").status_code == 404
    assert Client().get(f"/forums/p/{post.pk}/waiting/").status_code == 302  # sign in first


def test_an_approved_post_no_longer_shows_the_waiting_page(member, moderator, checked_everything):
    _topic, post, _token = services.topic_create(
        category=checked_everything, title="Mine", body="My words", acting_user=member
    )
    services.post_approve(post=post, acting_user=moderator)
    response = member_client(member).get(f"/forums/p/{post.pk}/waiting/")
    assert response.status_code == 302 and "/waiting/" not in response["Location"]
