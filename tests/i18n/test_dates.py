"""Every date a reader sees reads in the page's language: month and day names translated, lower
case where Romanian and Albanian write them so, never a fixed English format."""

import datetime
import html
import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import formats, translation

from mscos.core.formats import weekday_date, weekday_datetime
from mscos.core.languages import path_in_language
from mscos.forum.models import Topic
from mscos.updates.models import UpdatePage

MSCOS = Path(__file__).resolve().parents[2] / "mscos"
NAMED = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
    "TIME_FORMAT",
}
# Format letters that write words (month, day, am/pm): these would read in English, or in one
# casing, whatever the language.
WORDY = re.compile(r"(?<!\\)[FMNbEDlaAP]")
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
ENGLISH_DAYS = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")

DAY = datetime.datetime(2023, 10, 31, 14, 5, tzinfo=datetime.UTC)
EXPECTED = {
    "en-gb": ("31 October 2023", "Tuesday 31 October 2023", "October 2023"),
    "ro": ("31 octombrie 2023", "marți, 31 octombrie 2023", "octombrie 2023"),
    "sq": ("31 tetor 2023", "e martë, 31 tetor 2023", "tetor 2023"),
    "ar": ("31 أكتوبر 2023", "الثلاثاء، 31 أكتوبر 2023", "أكتوبر 2023"),
}


def sources(*patterns: str):
    for pattern in patterns:
        for path in MSCOS.rglob(pattern):
            if "migrations" not in path.parts and "locale" not in path.parts:
                yield path


def test_no_template_or_module_uses_a_fixed_date_format_with_words():
    fixed = []
    for path in sources("*.html", "*.txt"):
        for match in re.finditer(r"\|date:[\"']([^\"']*)[\"']", path.read_text()):
            if match.group(1) not in NAMED and WORDY.search(match.group(1)):
                fixed.append(f"{path.relative_to(MSCOS)}: {match.group(0)}")
    for path in sources("*.py"):
        text = path.read_text()
        for match in re.finditer(r"strftime\(\s*[\"']([^\"']*)[\"']", text):
            if re.search(r"%[aAbBcpx]", match.group(1)):
                fixed.append(f"{path.relative_to(MSCOS)}: {match.group(0)}")
        for match in re.finditer(r"date_format\([^,()]+(?:\([^()]*\))?,\s*[\"']([^\"']*)", text):
            if match.group(1) not in NAMED and WORDY.search(match.group(1)):
                fixed.append(f"{path.relative_to(MSCOS)}: {match.group(0)}")
    assert fixed == [], "use DATE_FORMAT, DATETIME_FORMAT or mscos.core.formats:\n" + "\n".join(
        fixed
    )


@pytest.mark.parametrize("language", EXPECTED)
def test_dates_read_as_the_language_writes_them(language):
    date_text, weekday_text, month_text = EXPECTED[language]
    with translation.override(language):
        assert formats.date_format(DAY, "DATE_FORMAT") == date_text
        assert weekday_date(DAY) == weekday_text
        assert formats.date_format(DAY, "YEAR_MONTH_FORMAT") == month_text
        assert weekday_datetime(DAY).endswith("14:05")


def visible_text(content: str) -> str:
    """The page's words a reader sees in the interface's language: without markup, scripts, and
    the parts marked as English (content not translated yet, shown with its own lang)."""
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S)
    content = re.sub(r'<(\w+)[^>]*\blang="en[^"]*"[^>]*>.*?</\1>', " ", content, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", content))


@pytest.mark.parametrize("language", ["ro", "sq", "ar"])
def test_pages_with_dates_show_no_english_month_or_day_names(demo_site, language):
    client = Client(HTTP_HOST="127.0.0.1")
    update = UpdatePage.objects.filter(locale__language_code="en-gb").order_by("-date")[0]
    topic = Topic.objects.order_by("-last_activity_at").first()
    for english in ["/", update.url, "/forums/", f"/forums/t/{topic.pk}/"]:
        response = client.get(path_in_language(english, language), follow=True)
        assert response.status_code == 200, english
        text = visible_text(response.content.decode())
        assert not ENGLISH_MONTHS.search(text), (english, ENGLISH_MONTHS.search(text))
        assert not ENGLISH_DAYS.search(text), (english, ENGLISH_DAYS.search(text))
    with translation.override(language):
        expected = formats.date_format(update.date, "DATE_FORMAT")
    page = client.get(path_in_language(update.url, language), follow=True).content.decode()
    assert expected in html.unescape(page)
    if language != "ar":
        assert expected.split()[1].islower(), "Romanian and Albanian months are lower case"
