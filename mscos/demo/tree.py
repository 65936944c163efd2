"""Building blocks of the demo's page tree, shared by load_demo and the loaders beside it."""

from wagtail.models import Page
from wagtail.rich_text import RichText


def stream(blocks):
    """Turns ("paragraph", "<p>…</p>") pairs into StreamField data, wrapping rich text."""
    converted = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            value = RichText(value)
        converted.append((block_type, value))
    return converted


def child_page(parent: Page, model, slug: str, **fields) -> Page:
    """The live child with this slug, created and published if it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
