"""Template tags for the page shell: navigation, exit control and helpline block."""

from django import template

from mscos.core.models import NavigationSettings, SafetySettings
from mscos.core.navigation import submenu_links

register = template.Library()


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The editors' menu, with registered drop-downs (such as the forum categories) filled in."""
    request = context["request"]
    navigation = NavigationSettings.for_request(request)
    items = []
    for item in navigation.items.select_related("link_page").order_by("sort_order"):
        children = submenu_links(item.submenu, request) if item.submenu else []
        if children is None:
            continue  # e.g. the forums, for a member taking a break from them
        items.append({"label": item.label, "url": item.url, "children": children, "current": ""})
    # Only the closest section is current: on /community-of-practice/updates/x/ that is
    # "Updates", not "Community of Practice" as well.
    matches = [i for i in items if i["url"] != "/" and request.path.startswith(i["url"])]
    if matches:
        closest = max(matches, key=lambda i: len(i["url"]))
        closest["current"] = "page" if closest["url"] == request.path else "true"
    return {"items": items, "request": request}


@register.inclusion_tag("includes/safety_bar.html", takes_context=True)
def safety_bar(context):
    """The exit control and the helpline block, identical on every page."""
    request = context["request"]
    safety = SafetySettings.for_request(request)
    staying_safe_url = ""
    if safety.staying_safe_page_id and safety.staying_safe_page.live:
        staying_safe_url = safety.staying_safe_page.url
    return {"safety": safety, "staying_safe_url": staying_safe_url}
