"""The page a poster's QR code opens is the lightest on the site: under 30 KB on first load in
Chromium (every response, headers and body as transferred), with JavaScript off it still shows
the helpline as a tap-to-call link and the exit control, and it asks no other origin."""

import pytest

BUDGET_BYTES = 30 * 1024


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar", "ti"])
def test_the_help_page_weighs_under_30_kb_without_javascript(
    new_context, site_url, offsite_requests, language
):
    context = new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(f"/posters/help/{language}/", wait_until="networkidle")
    transferred = {}
    for request in finished:
        sizes = request.sizes()
        transferred[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    total = sum(transferred.values())
    assert any(url.endswith(".css") for url in transferred), "the style sheet was not measured"
    assert total < BUDGET_BYTES, f"{total} bytes: {transferred}"
    assert page.locator("a[href^='tel:']").first.is_visible()
    assert page.locator("a.exit").is_visible()
    assert context.cookies() == []
    assert offsite_requests == []
    print(f"poster help page weight {language}: {total} bytes")


@pytest.mark.browser
def test_the_gallery_filters_without_javascript_and_sets_no_cookie(
    new_context, site_url, offsite_requests
):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    # The previews are made on first request (a second or so each). Every one is asked for at
    # once without JavaScript; the test server shares one in-memory database connection between
    # its threads, so let them all finish before the filtered page asks for its own again.
    page.goto("/posters/", wait_until="load", timeout=60_000)
    cards = page.locator(".poster-list > li.card")
    assert cards.count() >= 8
    page.select_option("#poster-sector", "toilets")
    page.select_option("#poster-language", "ar")
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("button", name="Show posters").click()
    assert page.url.endswith("/posters/?sector=toilets&format=&language=ar")
    titles = [text.strip() for text in cards.locator("h2").all_inner_texts()]
    assert titles == ["Public toilets (A3, Tigrinya, Arabic and English)"]
    assert page.locator("#poster-sector").input_value() == "toilets"
    preview = cards.first.locator("img")
    page.wait_for_load_state("load", timeout=60_000)
    assert preview.evaluate("image => image.complete && image.naturalWidth > 0")
    assert context.cookies() == []
    assert offsite_requests == []
