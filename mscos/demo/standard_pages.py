"""Loads the study's pages and the National Referral Mechanism page (words in
content_standard_pages.py). Called by `load_demo`; adds only what is missing.
"""

from wagtail.models import Page

from mscos.demo.content_standard_pages import (
    NRM_BODY,
    NRM_INTRO,
    NRM_TITLE,
    STUDY_BODY,
    STUDY_INTRO,
    STUDY_TITLE,
    WHAT_IS_MSCOS_BODY,
    WHAT_IS_MSCOS_INTRO,
    WHAT_IS_MSCOS_TITLE,
)
from mscos.demo.tree import child_page, stream
from mscos.pages.models import StandardPage


def load(*, home: Page) -> Page:
    """The study page (with "What is MSCOS?" under it) and the NRM page; returns the study."""
    study = child_page(
        home,
        StandardPage,
        "the-study",
        title=STUDY_TITLE,
        intro=STUDY_INTRO,
        body=stream(STUDY_BODY),
    )
    child_page(
        study,
        StandardPage,
        "what-is-mscos",
        title=WHAT_IS_MSCOS_TITLE,
        intro=WHAT_IS_MSCOS_INTRO,
        body=stream(WHAT_IS_MSCOS_BODY),
    )
    child_page(
        home,
        StandardPage,
        "national-referral-mechanism",
        title=NRM_TITLE,
        intro=NRM_INTRO,
        body=stream(NRM_BODY),
    )
    return study
