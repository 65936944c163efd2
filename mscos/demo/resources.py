"""Loads the study's resources (words in content_resources.py): the list page and one study
document. Called by `load_demo`; adds only what is missing.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from mscos.demo.content_resources import (
    RESOURCES_INTRO,
    RESOURCES_TITLE,
    SUMMARY_AUTHORS,
    SUMMARY_DESCRIPTION,
    SUMMARY_FILE_NAME,
    SUMMARY_TEXT,
    SUMMARY_TITLE,
)
from mscos.demo.tree import child_page
from mscos.resources.models import Resource, ResourceIndexPage


def load(*, study: Page, core: dict) -> Page:
    """The resources page under the study, and the summary document tagged with every core
    outcome; returns the resources page."""
    page = child_page(
        study,
        ResourceIndexPage,
        "resources",
        title=RESOURCES_TITLE,
        intro=RESOURCES_INTRO,
    )
    if not Resource.objects.filter(title=SUMMARY_TITLE).exists():
        document_model = get_document_model()
        document = document_model(title=SUMMARY_TITLE)
        document.file.save(SUMMARY_FILE_NAME, ContentFile(SUMMARY_TEXT.encode()), save=False)
        document.save()
        resource = Resource(
            title=SUMMARY_TITLE,
            kind=Resource.STUDY_DOCUMENT,
            description=SUMMARY_DESCRIPTION,
            document=document,
            authors=SUMMARY_AUTHORS,
        )
        resource.outcomes = list(core.values())
        resource.save()
    return page
