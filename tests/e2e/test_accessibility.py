"""axe-core finds nothing serious or critical on the main page types, forms included."""

import pytest
from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
PAGES = [
    pytest.param("/", id="home"),
    pytest.param("/core-outcomes/safety-from-any-trafficker-or-other-abuser/", id="outcome"),
    pytest.param("/forums/", id="forums"),
    pytest.param("/forums/secure-and-suitable-housing/", id="category"),
    pytest.param("/forums/search/?q=housing", id="search"),
    pytest.param("/forums/secure-and-suitable-housing/new/", id="guest-post-form"),
    pytest.param("/account/signup/", id="sign-up"),
    pytest.param("/account/login/", id="sign-in"),
    pytest.param("/privacy/", id="privacy"),
]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(map(str, node['target']))}: {node['html']}")
            if node.get("failureSummary"):
                lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(new_context, site_url, path, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(path)
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], (
        f"{len(blocking)} serious or critical axe violation(s) on {path} at {width}px:\n"
        + describe(blocking)
        + "\n\nFull report:\n"
        + results.generate_report()
    )
