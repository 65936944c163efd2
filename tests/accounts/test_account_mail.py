"""Account mails leave the request: a mail server that refuses never breaks sign-up, and the mail
follows when it is back; subjects, senders and the pages' words are the site's own."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django_tasks_db.models import DBTaskResult

from mscos.accounts import roles
from mscos.accounts.models import User
from tests.accounts.test_membership import codes_on, sign_up
from tests.mail_server import body_of, free_port
from tests.task_worker import database_tasks, run_worker, time_passes  # noqa: F401 (a fixture)

CALM = "We could not send the email just now. We will keep trying"
ADDRESS = "heron@example.org"


@pytest.fixture(autouse=True)
def fresh_rate_limits(fresh_cache):
    """Rate-limit counters and the note of a late mail start empty (tests/conftest.py)."""


@pytest.mark.usefixtures("database_tasks")
def test_a_refusing_mail_server_never_breaks_sign_up_and_the_mail_follows(client, db, smtp_server):
    smtp_server.refuse[ADDRESS] = "451 4.3.0 Mail server busy, try again later"
    response = sign_up(client, email=ADDRESS)
    # The page answers at once: the mail is only queued (this was a 500 page, signed out).
    assert response.status_code == 302 and response["Location"] == "/account/recovery-codes/"
    run_worker()  # the worker's first attempt: refused
    assert smtp_server.messages == []
    page = client.get("/account/recovery-codes/").content.decode()
    # Signed in, with recovery codes (the address is not proved yet) and a calm word.
    assert len(codes_on(page)) == 10
    assert CALM in page
    assert CALM in client.get("/account/email/").content.decode()

    run_worker()  # nothing is due before the wait
    assert smtp_server.messages == []
    smtp_server.refuse.clear()  # the server is back
    time_passes()
    run_worker()
    [message] = smtp_server.wait_for(1)
    assert message["X-Envelope-To"] == ADDRESS
    assert message["Subject"] == "Please confirm your email address"
    assert CALM not in client.get("/account/").content.decode()

    # The link in the late mail still confirms the address.
    link = re.search(r"https?://\S+/account/confirm-email/\S+", body_of(message)).group(0)
    client.post(urlsplit(link).path)
    assert EmailAddress.objects.get(email=ADDRESS).verified is True


def test_a_mail_server_that_is_down_gives_a_calm_notice_not_an_error(client, db, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    response = sign_up(client, email=ADDRESS)
    assert response.status_code == 302
    user = User.objects.get(username="heron42")
    page = client.get(response["Location"]).content.decode()
    assert response.wsgi_request.user == user
    assert CALM in page and len(codes_on(page)) == 10


@pytest.mark.usefixtures("database_tasks")
def test_a_task_row_keeps_no_name_or_sign_in_name(client, db):
    sign_up(client, email=ADDRESS)
    [row] = DBTaskResult.objects.all()
    stored = str(row.args_kwargs)
    assert ADDRESS in stored and "/account/confirm-email/" in stored
    assert "heron42" not in stored and "Quiet Heron" not in stored


def test_verification_and_reset_mails_have_plain_subjects_and_the_sites_sender(
    client, member, smtp_server, settings
):
    settings.DEFAULT_FROM_EMAIL = "MSCOS Community of Practice <noreply@mscos.example.org>"
    client.force_login(member)
    client.post("/account/email/", {"action_add": "", "email": "river@example.org"})
    [verification] = smtp_server.wait_for(1)
    assert verification["Subject"] == "Please confirm your email address"
    assert verification["From"] == "MSCOS Community of Practice <noreply@mscos.example.org>"
    assert verification["Reply-To"] is None  # nobody reads replies to it
    assert "[" not in verification["Subject"]

    EmailAddress.objects.filter(user=member).update(verified=True)
    client.logout()
    smtp_server.clear()
    client.post("/account/password/reset/", {"email": "river@example.org"})
    [reset] = smtp_server.wait_for(1)
    assert reset["Subject"] == "Setting a new password"
    assert reset["From"] == "MSCOS Community of Practice <noreply@mscos.example.org>"
    assert "/account/password/reset/key/" in body_of(reset)


def test_the_default_sender_is_at_the_sites_own_host():
    from mscos.settings.environment import mail_domain_of

    assert mail_domain_of("https://mscos.example.org") == "mscos.example.org"
    assert mail_domain_of("http://127.0.0.1:8020") == "localhost"


def test_a_sender_at_localhost_fails_the_deployment_check(settings):
    from mscos.accounts.checks import sender_address_is_real

    settings.DEFAULT_FROM_EMAIL = "MSCOS Community of Practice <noreply@localhost>"
    assert [w.id for w in sender_address_is_real(None)] == ["mscos.W101"]
    settings.DEFAULT_FROM_EMAIL = "MSCOS <noreply@mscos.example.org>"
    assert sender_address_is_real(None) == []


def test_sending_again_too_soon_says_so(client, member, mailoutbox):
    client.force_login(member)
    client.post("/account/email/", {"action_add": "", "email": "river@example.org"})
    assert len(mailoutbox) == 1
    response = client.post(
        "/account/email/", {"action_send": "", "email": "river@example.org"}, follow=True
    )
    assert len(mailoutbox) == 1  # the rate limit holds...
    assert "Please wait a few minutes before asking for another" in response.content.decode()


def test_the_sign_in_name_has_one_name_on_every_page(client, db):
    for path in ["/account/login/", "/account/signup/", "/account/recover/"]:
        html = client.get(path).content.decode()
        assert re.search(r"<label[^>]*>Sign-in name", html), path
        assert "Username" not in html, path


@pytest.mark.parametrize(
    "path",
    ["/account/login/", "/account/signup/", "/account/password/reset/"],
)
def test_account_pages_are_in_the_shell_and_in_sentence_case(client, db, path):
    html = client.get(path).content.decode()
    assert 'class="safety-bar' in html or "Exit this page" in html
    for title_case in [
        "Sign In",
        "Sign Up",
        "Password Reset",
        "Reset My Password",
        "Email Address",
    ]:
        assert title_case not in html, (path, title_case)


def test_the_email_page_is_in_sentence_case(client, member):
    EmailAddress.objects.create(
        user=member, email="river@example.org", verified=False, primary=True
    )
    client.force_login(member)
    html = client.get("/account/email/").content.decode()
    assert "Send the email again" in html
    for title_case in ["Re-send Verification", "Change Email", "Email Address", "Current email:"]:
        assert title_case not in html


def test_staff_are_not_asked_for_their_password_right_after_signing_in(client, db):
    from django.contrib.auth.models import Group

    editor = User.objects.create_user(
        username="ed2", password="a-long-pass-phrase", display_name="Ed", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.post("/account/login/", {"login": "ed2", "password": "a-long-pass-phrase"})
    # Sent to set up two-factor sign-in, the page opens (no "enter your password again").
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/account/2fa/totp/activate/"
    assert response.status_code == 200
    assert "reauthenticate" not in response.redirect_chain[-1][0]


def test_a_long_signed_in_staff_member_is_asked_again(client, db, settings):
    from django.contrib.auth.models import Group

    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    editor = User.objects.create_user(
        username="ed3", password="a-long-pass-phrase", display_name="Ed", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.post("/account/login/", {"login": "ed3", "password": "a-long-pass-phrase"})
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 302 and "/account/reauthenticate/" in response["Location"]


def test_the_admin_draws_no_gravatar(admin_user, client, demo_site):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()


def test_a_verification_mail_in_arabic_has_an_unbroken_subject(client, db, smtp_server):
    data = {"email": ADDRESS}
    from tests.bot_check import human

    client.post(
        "/ar/account/signup/",
        human(
            {
                "display_name": "Quiet Heron",
                "username": "heron42",
                "password1": "plain-but-long-enough-7",
                "password2": "plain-but-long-enough-7",
                **data,
            }
        ),
    )
    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == "يُرجى تأكيد عنوان بريدك الإلكتروني"
    assert message["Auto-Submitted"] == "auto-generated"
