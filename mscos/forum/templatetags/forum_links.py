"""The "Go to the forums" button that page types place in their banner."""

from django import template
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from mscos.forum import selectors

register = template.Library()


@register.simple_tag
def author_label(item) -> str:
    """The public name for a post's or topic's author (never an anonymous author's)."""
    return selectors.author_label(item)


@register.simple_tag
def post_snippet(post) -> str:
    """A short plain-text extract of a post (autoescaped by the template)."""
    # From the stored HTML: rendering the Markdown again for every result is the slow part.
    return Truncator(" ".join(strip_tags(post.body_html).split())).chars(240)


@register.inclusion_tag("forum/includes/latest_topics.html")
def latest_topics(page):
    """The newest conversations in the category of an outcome page."""
    category = selectors.category_for_page(page.pk)
    topics = selectors.latest_topics_for_category(category) if category else []
    return {"category": category, "topics": topics}


@register.inclusion_tag("forum/includes/forum_button.html")
def forum_button(page=None):
    """Links to the category of the page's outcome when there is one, else to all forums."""
    category = selectors.category_for_page(page.pk) if page is not None else None
    return {
        "url": category.get_absolute_url() if category else reverse("forum:index"),
        "category": category,
    }
