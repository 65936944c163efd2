"""The "Go to the forums" button that page types place in their banner."""

import html
import re

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from mscos.core.translated_pages import original
from mscos.forum import selectors

register = template.Library()

# Block ends become spaces, so paragraphs do not run together; other tags simply go.
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|br|hr|div|table|tr|td|th)\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")


@register.simple_tag
def author_label(item) -> str:
    """The public name for a post's or topic's author (never an anonymous author's)."""
    return selectors.author_label(item)


@register.simple_tag
def post_snippet(post) -> str:
    """A short plain-text extract of a post (autoescaped by the template)."""
    # From the stored HTML: rendering the Markdown again for every result is the slow part.
    # body_html is nh3's output, so tags are well formed and a pattern removes them (an HTML
    # parser took most of a results page's time). Entities become characters again, for the
    # template to escape once: "Tom &amp; Jerry" must read "Tom & Jerry".
    text = html.unescape(_ANY_TAG.sub("", _BLOCK_TAG.sub(" ", post.body_html)))
    # Truncator walks every character it is given; a snippet needs the first few hundred.
    return Truncator(" ".join(text[:1000].split())).chars(240)


@register.inclusion_tag("forum/includes/latest_topics.html")
def latest_topics(page):
    """The newest conversations in the category of an outcome page."""
    category = selectors.category_for_page(original(page).pk)  # a translation: its original's
    topics = selectors.latest_topics_for_category(category) if category else []
    return {"category": category, "topics": topics}


@register.inclusion_tag("forum/includes/forum_button.html")
def forum_button(page=None):
    """Links to the category of the page's outcome when there is one, else to all forums."""
    category = selectors.category_for_page(original(page).pk) if page is not None else None
    return {
        "url": category.get_absolute_url() if category else reverse("forum:index"),
        "category": category,
        # Isolated, so an English name keeps its place in an Arabic sentence (and the reverse).
        "category_name": format_html("<bdi>{}</bdi>", category.name) if category else "",
    }
