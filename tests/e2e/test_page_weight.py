"""Light pages: the home page, an outcome page and a topic page each under 150 KB on first load.

Measured in Chromium with a cold cache: every response the page asked for (HTML, CSS, JS,
images), headers and body as transferred, from Playwright's network events. No request may go to
another origin.
"""

import pytest

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
