"""A link to a document in an editor's text says what it is and how big, inside the link."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Annual report")
    document.file.save("annual-report.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 245_000), save=False)
    document.save()
    return document


def link_to(html: str, href: str) -> str:
    (found,) = re.findall(rf'<a href="{re.escape(href)}"[^>]*>.*?</a>', html, re.DOTALL)
    return found


def test_a_document_link_in_an_outcome_page_gives_type_and_size(client, safety_page, report):
    safety_page.body = [
        (
            "paragraph",
            RichText(f'<p>Read <a linktype="document" id="{report.pk}">the annual report</a>.</p>'),
        )
    ]
    safety_page.save_revision().publish()
    html = client.get(safety_page.url).content.decode()
    link = link_to(html, report.url)
    assert re.sub(r"[ \n]+", " ", link) == (
        f'<a href="{report.url}">the annual report '
        '<span class="file-details">(PDF file, 239.3\xa0KB)</span></a>'
    )
    assert "data-document-details" not in html


def test_the_details_are_in_the_readers_language(report):
    text = RichText(f'<p><a linktype="document" id="{report.pk}">التقرير</a></p>')
    with translation.override("ar"):
        html = str(text)
    assert '<span class="file-details">(ملف PDF، 239,3\xa0ك.ب)</span></a>' in html


def test_a_link_to_a_deleted_document_stays_plain_text_without_details(client, report):
    text = RichText(f'<p><a linktype="document" id="{report.pk}">gone</a></p>')
    report.delete()
    assert str(text).strip() == "<p><a>gone</a></p>"
