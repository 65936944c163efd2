"""The outcome set's page leads practitioners to the pooled evidence and the self-assessment."""

import pytest

from mscos.outcomes.models import OutcomeIndexPage
from tests.outcomes.test_filters import main_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en-gb", "ar"])
def test_the_outcome_set_page_links_to_evidence_and_the_self_assessment(
    demo_site, client, language
):
    index = OutcomeIndexPage.objects.live().filter(locale__language_code=language).first()
    assert index is not None
    html = main_of(client.get(index.url))
    prefix = "" if language == "en-gb" else f"/{language}"
    assert f'href="{prefix}/evidence/"' in html
    assert f'href="{prefix}/self-assessment/"' in html
    for link in (f"{prefix}/evidence/", f"{prefix}/self-assessment/"):
        assert client.get(link).status_code == 200
