"""Helpers for keyboard-only journeys: Tab to a control, check that focus can be seen.

Every Tab press goes through `tab_to`, which fails the test when the focused element has no
visible focus indicator (WCAG 2.4.7) or is entirely hidden under the sticky safety bar, the fixed
exit control or the session warning (WCAG 2.4.11). Journeys for other features (subscribing,
registering for an event) are written with the same helpers: see test_keyboard_journeys.py.
"""

from playwright.sync_api import Locator, Page

# Elements that stay on screen while the page scrolls, and so could cover whatever has focus.
STICKY_SELECTORS = [".safety-bar", ".exit-button", ".session-warning--urgent", ".queue__actions"]

FOCUS_STATE = """stickySelectors => {
    const element = document.activeElement;
    if (!element || element === document.body) { return {tag: 'body'}; }
    const style = getComputedStyle(element);
    const indicator = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || (style.boxShadow && style.boxShadow !== 'none');
    const box = element.getBoundingClientRect();
    const inViewport = box.bottom > 0 && box.top < innerHeight && box.right > 0
        && box.left < innerWidth;
    // Points across the element: visible if any of them is not covered by a sticky element.
    const points = [];
    for (const fx of [0.1, 0.5, 0.9]) {
        for (const fy of [0.2, 0.5, 0.8]) {
            points.push([box.left + box.width * fx, box.top + box.height * fy]);
        }
    }
    // What is drawn on top at each point (z-order included): visible if, at one point at least,
    // it is the focused element itself. Sticky elements are named in failures.
    const uncovered = points.some(([x, y]) => {
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) { return false; }
        const hit = document.elementFromPoint(x, y);
        return hit && (hit === element || element.contains(hit) || hit.contains(element)
            && !stickySelectors.some(selector => hit.matches(selector)));
    });
    return {
        tag: element.tagName.toLowerCase(),
        text: (element.innerText || element.value || element.getAttribute('aria-label') || '')
            .trim().slice(0, 60),
        indicator, inViewport, uncovered, box: [box.left, box.top, box.width, box.height],
    };
}"""


def focus_state(page: Page) -> dict:
    return page.evaluate(FOCUS_STATE, STICKY_SELECTORS)


def assert_focus_visible(page: Page) -> dict:
    state = focus_state(page)
    if state["tag"] == "body":
        return state
    where = f"{state['tag']} {state['text']!r} at {state['box']} on {page.url}"
    assert state["indicator"], f"focus indicator missing on {where}"
    assert state["inViewport"] and state["uncovered"], (
        f"focused {where} is off screen or hidden under a sticky element"
    )
    return state


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, limit: int = 80, backwards: bool = False) -> int:
    """Presses Tab until `target` has focus, checking focus visibility at every stop."""
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if is_focused(target):
            return presses
    raise AssertionError(f"{target} was not reached within {limit} presses of {key}")


def walk_focus_order(page: Page, stops: int = 60) -> list[dict]:
    """Tabs through up to `stops` controls from the top of the page, checking each one."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        state = assert_focus_visible(page)
        if seen and state.get("box") == seen[0].get("box") and state["tag"] == seen[0]["tag"]:
            break  # wrapped round to the first control
        seen.append(state)
    return seen
