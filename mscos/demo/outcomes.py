"""Loads the outcome pages' demo content (words in content_outcomes.py): the core outcomes' bodies
and picture, the long-list, the outcome-set page and the site's focus. Called by `load_demo`;
adds only what is missing and never changes an editor's work.
"""

import io

from django.core.files.images import ImageFile
from wagtail.models import Site

from mscos.core.models import SiteImage
from mscos.demo.content_outcomes import (
    CONNECTIONS,
    FOCUS_NOTE,
    HOUSING,
    HOUSING_PERSPECTIVE,
    LONG_LIST_INTRO,
    LONG_LIST_TITLE,
    OTHER_NAMES,
    SAFETY,
    SAFETY_BODY,
    SAFETY_PICTURE_ALT,
    SAFETY_PICTURE_NAME,
    SAFETY_PICTURE_SIZE,
    SAFETY_PICTURE_TITLE,
    SET_PAGE_BODY,
    SET_PAGE_INTRO,
    SET_PAGE_TITLE,
    STANDARD_OUTCOME_BLOCKS,
)
from mscos.demo.files import stored_file
from mscos.demo.tree import child_page, stream
from mscos.outcomes.models import (
    FocusSettings,
    LongListOutcome,
    LongListPage,
    OutcomeConnection,
    OutcomeIndexPage,
    OutcomePage,
    OutcomeSetPage,
)


def core_outcomes(outcome_pages: dict) -> dict[str, OutcomePage]:
    """The core outcome pages among the demo's outcome pages, by title."""
    return {title: page for title, page in outcome_pages.items() if page.kind == OutcomePage.CORE}


def load(*, outcomes_index: OutcomeIndexPage, core: dict) -> None:
    """The core outcomes' bodies, the long-list and the outcome-set page, where missing."""
    _outcome_pages(core)
    _long_list(outcomes_index, core)
    _set_page(outcomes_index, core)


def feature(*, site: Site, core: dict) -> None:
    """Safety is the site's focus, unless an editor has chosen one."""
    focus = FocusSettings.for_site(site)
    if focus.focus_page_id is None and SAFETY in core:
        focus.focus_page = core[SAFETY]
        focus.note = FOCUS_NOTE
        focus.save()


def safety_picture_png() -> bytes:
    """A calm drawing for the demo outcome page: a house with a lit window, drawn with Pillow."""
    from PIL import Image, ImageDraw

    width, height = SAFETY_PICTURE_SIZE
    image = Image.new("RGB", (width, height), (31, 77, 92))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height * 3 // 4, width, height], fill=(120, 150, 110))
    left, right, floor = width * 3 // 8, width * 5 // 8, height * 3 // 4
    draw.rectangle([left, height * 9 // 20, right, floor], fill=(236, 226, 201))
    draw.polygon(
        [(left - 60, height * 9 // 20), (width // 2, height // 5), (right + 60, height * 9 // 20)],
        fill=(176, 88, 64),
    )
    draw.rectangle([width // 2 - 50, height * 21 // 40, width // 2 + 50, height * 25 // 40],
                   fill=(250, 204, 92))  # fmt: skip
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _safety_picture():
    """The demo picture as an ImageBlock value: the image with its alt text for this place."""
    image = SiteImage.objects.filter(title=SAFETY_PICTURE_TITLE).first()
    if image is None:
        width, height = SAFETY_PICTURE_SIZE
        image = SiteImage(title=SAFETY_PICTURE_TITLE, width=width, height=height)
        image.file = stored_file(
            f"original_images/{SAFETY_PICTURE_NAME}",
            lambda: ImageFile(io.BytesIO(safety_picture_png()), SAFETY_PICTURE_NAME),
        )
        image.save()
    image.contextual_alt_text = SAFETY_PICTURE_ALT
    image.decorative = False
    return image


def _outcome_pages(core: dict) -> None:
    for title, page in core.items():
        page = OutcomePage.objects.get(pk=page.pk)
        # Only pages nobody has edited since the demo created them (one revision).
        if page.body.raw_data or page.revisions.count() > 1:
            continue
        blocks = []
        if title == SAFETY:
            blocks += [*SAFETY_BODY[:1], ("image", _safety_picture()), *SAFETY_BODY[1:]]
        if title == HOUSING:
            blocks.append(HOUSING_PERSPECTIVE)
        page.body = stream(blocks + STANDARD_OUTCOME_BLOCKS)
        page.other_names = OTHER_NAMES.get(title, "")
        page.save_revision().publish()


def _long_list(index: OutcomeIndexPage, core: dict) -> None:
    for page in core.values():
        if page.domain_id and not LongListOutcome.objects.filter(outcome_page=page).exists():
            LongListOutcome.objects.create(
                domain_id=page.domain_id,
                name=page.title,
                description=page.summary,
                outcome_page=page,
                sort_order=0,
            )
    child_page(index, LongListPage, "long-list", title=LONG_LIST_TITLE, intro=LONG_LIST_INTRO)


def _set_page(index: OutcomeIndexPage, core: dict) -> None:
    if index.get_children().filter(slug="working-with-the-outcomes-as-a-set").exists():
        return
    page = OutcomeSetPage(
        slug="working-with-the-outcomes-as-a-set",
        title=SET_PAGE_TITLE,
        intro=SET_PAGE_INTRO,
        body=stream(SET_PAGE_BODY),
    )
    page.connections = [
        OutcomeConnection(from_outcome=core[a], to_outcome=core[b], how=how, sort_order=i)
        for i, (a, b, how) in enumerate(CONNECTIONS)
        if a in core and b in core
    ]
    # First among the section's children, before the outcome pages.
    first = index.get_first_child()
    if first is not None:
        first.add_sibling(pos="left", instance=page)
    else:
        index.add_child(instance=page)
    page.save_revision().publish()
