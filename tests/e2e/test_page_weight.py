"""Light pages: the home page, an outcome page and a topic page each under 150 KB on first load.

Measured in Chromium with a cold cache: every response the page asked for (HTML, CSS, JS,
images), headers and body as transferred, from Playwright's network events. No request may go to
another origin.
"""

import pytest

from mscos.demo.content_outcomes import SAFETY_PICTURE_ALT
from mscos.forum.models import Post, Status

BUDGET_BYTES = 150 * 1024


def topic_path() -> str:
    return (
        f"/forums/t/{Post.objects.filter(status=Status.APPROVED).order_by('pk').first().topic_id}/"
    )


PAGES = {
    "home": lambda: "/",
    "outcome": lambda: "/core-outcomes/safety-from-any-trafficker-or-other-abuser/",
    "topic": topic_path,
}


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en-gb", "ar"])
@pytest.mark.parametrize("name", list(PAGES))
def test_first_load_stays_under_the_budget(new_context, site_url, offsite_requests, name, language):
    context = new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    path = PAGES[name]()
    if language != "en-gb":
        path = f"/{language}{path}"
    page.goto(path, wait_until="networkidle")
    transferred = {}
    for request in finished:
        sizes = request.sizes()
        transferred[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    total = sum(transferred.values())
    assert transferred, "no response was measured"
    assert any(url.endswith(".css") for url in transferred), "the style sheet was not measured"
    assert total < BUDGET_BYTES, (
        f"{path} weighs {total / 1024:.1f} KB on first load (budget 150 KB): "
        + ", ".join(f"{url} {size} B" for url, size in sorted(transferred.items()))
    )
    assert offsite_requests == []
    print(f"page weight {name} {language}: {total} bytes")


@pytest.mark.browser
@pytest.mark.parametrize(("width", "expected_rendition"), [(320, "width-320"), (1280, "width-960")])
def test_pictures_come_in_the_size_the_screen_needs(
    new_context, site_url, width, expected_rendition
):
    """A phone gets the 320-pixel rendition of a picture, a desktop a larger one, both as WebP,
    and only that one is fetched."""
    context = new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    pictures = []
    page.on(
        "requestfinished",
        lambda request: pictures.append(request.url) if "/images/" in request.url else None,
    )
    page.goto(PAGES["outcome"](), wait_until="networkidle")
    picture = page.locator("figure.figure img")
    assert picture.get_attribute("alt") == SAFETY_PICTURE_ALT
    picture.scroll_into_view_if_needed()
    # The first request for a size makes it (Wagtail renders it on demand): on a busy machine
    # that can take longer than the default 10 seconds; this test is about which size, not speed.
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0",
        arg=picture.element_handle(),
        timeout=30_000,
    )
    current = picture.evaluate("img => img.currentSrc")
    assert expected_rendition in current and current.endswith(".webp"), current
    assert len(pictures) == 1 and expected_rendition in pictures[0], pictures
