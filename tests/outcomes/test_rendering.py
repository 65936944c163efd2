"""Every page type and every block renders what a reader should see."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from mscos.core.models import SiteImage
from mscos.outcomes.blocks import OutcomeStreamBlock
from mscos.outcomes.models import OutcomePage
from mscos.practice.models import PracticeExamplePage, Recommendation
from tests.outcomes.conftest import signed_in

pytestmark = pytest.mark.django_db

DEMO_PAGES = {
    "/": "recommendations from the Research Advisory Board, people with lived experience",
    "/core-outcomes/": "The seven core outcomes",
    "/core-outcomes/long-list/": "The long-list of outcomes",
    "/core-outcomes/working-with-the-outcomes-as-a-set/": "The seven together",
    "/core-outcomes/safety-from-any-trafficker-or-other-abuser/": "What the study says",
    "/core-outcomes/corporate-responsibility-and-finance/": "Corporate responsibility",
    "/practice/": "examples of practice",
    "/practice/victim-navigator-programme/": "Prosecutions rose from 33% to 83%",
    "/our-team/": "Research Advisory Board",
    "/access-to-experts/": "Contact Ada Example",
    "/the-study/": "A year of consensus",
    "/the-study/what-is-mscos/": "Modern Slavery Core Outcome Set",
    "/the-study/resources/": "How the core outcome set was made",
    "/national-referral-mechanism/": "conclusive grounds",
    "/community-of-practice/": "How the Community of Practice works",
    "/get-involved/": "Get involved",
}


def test_every_demo_page_renders_in_the_shell(client, demo_site):
    for path, expected in DEMO_PAGES.items():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert expected in html, path
        assert html.count("<h1") == 1, path
        assert 'href="/exit/"' in html, path
        assert not response.cookies, f"{path}: readers who are not signed in get no cookie"


def test_the_short_addresses_of_the_issue_lead_to_the_pages(client, demo_site):
    assert client.get("/outcomes/")["Location"] == "/core-outcomes/"
    assert client.get("/outcomes/long-list/")["Location"] == "/core-outcomes/long-list/"


def test_outcome_page_shows_banner_descriptor_blocks_and_forum_topics(client, safety_page):
    html = client.get(safety_page.url).content.decode()
    assert "Core outcome 2 of 7" in html
    assert "Other names for this outcome: Safety from any trafficker or other abusers" in html
    assert "Also known as" not in html
    assert '<p class="badge badge--focus">' in html
    assert re.search(r'class="button forum-button" href="/forums/safety-from-any-trafficker', html)
    # Featured RAB quote, perspectives (one unnamed, with the lived-experience mark).
    assert "Feeling safe was not one moment" in html
    assert "Name withheld" in html and "Lived experience" in html
    # Practice, recommendations and resources come from the library by the outcome they serve.
    assert "The Victim Navigator programme" in html
    assert "Romanian police officers seconded to Police Scotland" in html
    assert html.count('class="recommendation"') == 4
    assert "How the core outcome set was made" in html
    assert "Reporting with a Victim Navigator" in html  # the category's latest topic
    assert html.count('id="latest-topics"') == 1


def test_practice_and_recommendations_only_on_the_outcomes_they_serve(client, housing_page):
    html = client.get(housing_page.url).content.decode()
    assert "The Victim Navigator programme" not in html
    assert 'class="recommendation"' not in html
    assert "Every move meant a new doctor" in html  # its own perspective


def test_unpublished_recommendation_and_practice_stay_off_the_outcome_page(
    client, safety_page, editor
):
    draft = Recommendation(title="Draft advice nobody approved", body="<p>Not yet.</p>", live=False)
    draft.save()
    draft.outcomes.set([safety_page])
    library = Page.objects.get(slug="practice")
    example = PracticeExamplePage(title="Unpublished practice", organisation="X", summary="Y")
    library.add_child(instance=example)
    example.outcomes = [safety_page]
    example.save_revision(user=editor)  # a draft: never published
    example.unpublish()
    html = client.get(safety_page.url).content.decode()
    assert "Draft advice nobody approved" not in html
    assert "Unpublished practice" not in html


def test_every_outcome_block_renders(client, safety_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Rosa's clip")
    document.file.save("clip.mp3", ContentFile(b"ID3" + b"\0" * 64), save=False)
    document.save()
    recommendation = Recommendation.objects.get(title="Police training at every level")
    example = PracticeExamplePage.objects.get(slug="victim-navigator-programme")
    block_types = set(OutcomeStreamBlock.base_blocks)
    safety_page.body = [
        ("heading", "A section"),
        ("paragraph", RichText("<p>Plain words.</p>")),
        ("quote", {"text": "Quoted words", "attribution": "Someone", "role": "Role"}),
        ("callout", {"heading": "Help now", "text": RichText("<p>Call 999.</p>")}),
        (
            "featured_clip",
            {
                "quote": "Clip words",
                "speaker": "",
                "role": "RAB member",
                "clip": document,
                "transcript": "What was said",
            },
        ),
        (
            "perspective",
            {
                "quote": "Perspective words",
                "speaker": "Kit",
                "pseudonym": True,
                "role": "Worker",
                "organisation": "Org",
                "lived_experience": False,
            },
        ),
        ("practice_examples", {"heading": "Chosen practice", "examples": [example]}),
        ("recommendations", {"heading": "Chosen advice", "recommendations": [recommendation]}),
        ("resources", {"heading": "Reading", "resources": []}),
        ("latest_topics", None),
    ]
    # Every block an editor can add to an outcome page (the image block: see below).
    assert {child.block_type for child in safety_page.body} == block_types - {"image"}
    safety_page.save_revision().publish()
    html = client.get(safety_page.url).content.decode()
    for text in [
        "A section",
        "Plain words.",
        "Quoted words",
        "Call 999.",
        "Clip words",
        "A member who asked not to be named",
        "What was said",
        "Perspective words",
        "(pseudonym)",
        "Chosen practice",
        "Chosen advice",
        "Reading",
        "Latest in the forum",
    ]:
        assert text in html, text
    assert '<audio controls preload="none" src="/documents/' in html
    # The chosen recommendation only, not every one for the outcome.
    assert html.count('class="recommendation"') == 1


def test_image_block_needs_alt_text_from_the_image(client, demo_site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    import io

    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (20, 20), (0, 100, 0)).save(buffer, format="PNG")
    image = SiteImage.objects.create(
        title="square", description="A green square", file=ImageFile(buffer, name="square.png")
    )
    page = Page.objects.get(slug="the-study").specific
    page.body = [("image", {"image": image, "decorative": False, "alt_text": ""})]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert re.search(r'<img [^>]*alt="A green square"', html)


def test_image_upload_without_alt_text_is_refused_and_kept(editor, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PillowImage.new("RGB", (20, 20)).save(buffer, format="PNG")
    client = signed_in(editor)
    upload = SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png")
    response = client.post(
        "/admin/images/add/", {"title": "No alt", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "Alt text" in response.content.decode()
    assert not SiteImage.objects.filter(title="No alt").exists()


def test_every_stream_block_has_a_description_or_help_text():
    from mscos.core.blocks import ContentStreamBlock

    for stream in (OutcomeStreamBlock(), ContentStreamBlock()):
        for name, block in stream.child_blocks.items():
            assert block.get_description(), f"{name} has no description for editors"


def test_topic_page_has_no_number_and_no_focus_badge(client, demo_site):
    topic = OutcomePage.objects.get(slug="corporate-responsibility-and-finance")
    html = client.get(topic.url).content.decode()
    assert "of 7" not in html
    assert "badge--focus" not in html
