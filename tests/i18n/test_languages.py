"""The language comes from the URL alone; every language has the exit control, the helpline block
and the staying-safe page in its own words; untranslated pages fall back to English, saying so."""

import re

import pytest
from django.conf import settings
from django.test import Client

from mscos.accounts import roles

HOST = {"HTTP_HOST": "127.0.0.1"}
EXIT_LABEL = {
    "en-gb": "Exit this page",
    "ro": "Ieșiți de pe pagină",
    "sq": "Dilni nga faqja",
    "ar": "اخرج من هذه الصفحة",
}
HELPLINE_NAME = {
    "en-gb": "Modern Slavery &amp; Exploitation Helpline",
    "ro": "Linia de ajutor pentru sclavie modernă și exploatare",
    "sq": "Linja e ndihmës për skllavërinë moderne dhe shfrytëzimin",
    "ar": "خط المساعدة للعبودية الحديثة والاستغلال",
}
STAYING_SAFE = {
    "en-gb": ("/staying-safe-online/", "Staying safe online"),
    "ro": ("/ro/siguranta-online/", "Siguranța online"),
    "sq": ("/sq/siguria-ne-internet/", "Të qëndroni të sigurt në internet"),
    "ar": ("/ar/staying-safe-online/", "البقاء آمنًا على الإنترنت"),
}
PREFIX = {"en-gb": "", "ro": "/ro", "sq": "/sq", "ar": "/ar"}


def html_tag(content: str) -> str:
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.fixture
def client():
    return Client(**HOST)


@pytest.mark.parametrize("language", list(PREFIX))
def test_exit_control_helpline_and_staying_safe_page_in_every_language(client, demo_site, language):
    path, title = STAYING_SAFE[language]
    home = client.get(f"{PREFIX[language]}/")
    content = home.content.decode()
    assert f'lang="{language}"' in html_tag(content)
    assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in html_tag(content)
    assert f">{EXIT_LABEL[language]}</a>" in content
    assert f'href="{PREFIX[language]}/exit/"' in content
    assert HELPLINE_NAME[language] in content
    assert f'href="{path}">{title}</a>' in content, "the safety bar links to the translation"

    page = client.get(path)
    assert page.status_code == 200
    page_content = page.content.decode()
    assert f"<h1>{title}</h1>" in page_content
    assert "language-notice" not in page_content, "a translated page needs no fallback notice"


@pytest.mark.parametrize("language", ["ro", "sq", "ar"])
def test_untranslated_page_falls_back_to_english_with_a_notice(client, demo_site, language):
    # Get involved is not translated in the demo (the core outcomes are).
    response = client.get(f"/{language}/get-involved/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Get involved</h1>" in content
    assert 'class="language-notice"' in content
    assert 'class="main" lang="en-gb" dir="ltr"' in content, "English words are marked English"
    assert f'lang="{language}"' in html_tag(content), "the interface stays in the chosen language"


def test_english_page_has_no_notice(client, demo_site):
    assert "language-notice" not in client.get("/core-outcomes/").content.decode()


def test_neither_accept_language_nor_a_language_cookie_chooses_the_language(client, demo_site):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,ro;q=0.9")
    assert 'lang="en-gb"' in html_tag(response.content.decode())
    assert response.status_code == 200, "no redirect to a guessed language"
    assert "Accept-Language" not in response.headers.get("Vary", "")
    assert response.headers["Content-Language"] == "en-gb"


def test_reading_in_another_language_sets_no_cookie(demo_site):
    client = Client(**HOST)
    for path in ["/ro/", "/ar/get-involved/", "/sq/forums/", "/ar/staying-safe-online/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.cookies == {}, f"{path} set {list(response.cookies)}"


def test_switcher_links_to_the_same_page_in_each_language(client, demo_site):
    content = client.get("/staying-safe-online/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    for language, (path, _title) in STAYING_SAFE.items():
        assert f'href="{path}" lang="{language}"' in switcher
    assert "<script" not in switcher and "<form" not in switcher

    content = client.get("/ar/forums/search/?q=housing").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    assert 'href="/forums/search/?q=housing" lang="en-gb"' in switcher
    assert 'href="/ro/forums/search/?q=housing" lang="ro"' in switcher
    assert 'aria-current="true"' in switcher


def test_forms_and_links_keep_the_language(client, demo_site):
    content = client.get("/ro/forums/").content.decode()
    assert 'href="/ro/account/login/"' in content
    assert 'href="/ro/rezultate-principale/"' in content, "menu items lead to the translation"
    assert 'href="/ro/get-involved/"' in content, "and stay in Romanian where there is none"


def test_unknown_language_prefix_is_not_found(client, demo_site):
    assert client.get("/de/").status_code == 404
    assert client.get("/en-gb/").status_code == 404


def test_staff_pages_need_two_factor_under_every_language_prefix(demo_site, django_user_model):
    """/ar/moderation/ is the moderation queue too: the two-factor rule must not be bypassed."""
    from django.contrib.auth.models import Group

    staff = django_user_model.objects.create_user(username="modnomfa", password="x" * 20)
    staff.groups.add(Group.objects.get(name=roles.MODERATOR))
    client = Client(**HOST)
    client.force_login(staff)
    for prefix in PREFIX.values():
        response = client.get(f"{prefix}/moderation/")
        assert response.status_code == 302, prefix
        assert "/2fa/totp/activate/" in response["Location"], prefix


def test_still_here_refuses_requests_from_other_sites(demo_site, member):
    client = Client(**HOST)
    client.force_login(member)
    cross_site = client.post(
        "/account/still-here/", {"next": "/"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert cross_site.status_code == 403
    missing = client.post("/account/still-here/", {"next": "/"})
    assert missing.status_code == 403
    same = client.post(
        "/account/still-here/", {"next": "https://evil.example/"}, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert same.status_code == 302 and same["Location"] == "/"


NOT_PAGES = ("/static/", "/media/", "/documents/", "/admin/", "/django-admin/")


@pytest.mark.parametrize("language", ["ro", "sq", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        "/core-outcomes/",
        "/core-outcomes/safety-from-any-trafficker-or-other-abuser/",
        "/practice/",
        "/the-study/",
        "/updates/latest/",
    ],
)
def test_links_on_an_untranslated_page_keep_the_language(client, demo_site, language, path):
    """A page nobody has translated is read in English under /ro/…; following its links (cards,
    links in its text, practice examples) keeps the reader in their language."""
    response = client.get(f"/{language}{path}", follow=True)
    assert response.status_code == 200
    main = re.search(r"<main\b.*?</main>", response.content.decode(), re.S).group(0)
    links = [
        href for href in re.findall(r'href="(/[^"]*)"', main) if not href.startswith(NOT_PAGES)
    ]
    assert links, f"{path} has no links to check"
    english = [href for href in links if not href.startswith(f"/{language}/")]
    assert english == [], f"{path} sends a reader in {language} to English pages"
