"""The long-list, practice library, resources and expert filters, as plain GET forms."""

import pytest

from mscos.outcomes.models import Domain, LongListOutcome
from mscos.practice.models import Country

pytestmark = pytest.mark.django_db


def main_of(response) -> str:
    """The page's main region: the header's Forums menu names every outcome too."""
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_long_list_shows_ten_domains_with_core_outcomes_marked_and_linked(client, demo_site):
    html = main_of(client.get("/core-outcomes/long-list/"))
    assert html.count('class="domain"') == 10
    assert html.count('class="badge badge--core">Core</span> <a href="/core-outcomes/') == 7
    assert "7 outcomes shown." in html


def test_long_list_filters_by_domain(client, demo_site):
    safety = Domain.objects.get(name="Safety")
    html = main_of(client.get("/core-outcomes/long-list/", {"domain": safety.pk}))
    assert html.count('class="domain"') == 1
    assert "Safety from any trafficker or other abuser</a>" in html
    assert "Secure and suitable housing" not in html
    assert f'<option value="{safety.pk}" selected>' in html


def test_long_list_text_filter_matches_every_word_and_keeps_what_was_typed(client, demo_site):
    domain = Domain.objects.get(name="Belonging and social support")
    LongListOutcome.objects.create(domain=domain, name="Contact with family", sort_order=1)
    html = main_of(client.get("/core-outcomes/long-list/", {"q": "FAMILY contact"}))
    assert "Contact with family" in html
    assert "1 outcome shown." in html
    assert 'value="FAMILY contact"' in html
    none = main_of(client.get("/core-outcomes/long-list/", {"q": "family housing"}))
    assert "No outcome matches" in none


def test_editors_rename_and_reorder_long_list_outcomes(client, demo_site):
    domain = Domain.objects.get(name="Opportunities")
    second = LongListOutcome.objects.create(domain=domain, name="Paid work", sort_order=2)
    LongListOutcome.objects.create(domain=domain, name="Volunteering", sort_order=1)
    second.name = "Meaningful paid work"
    second.sort_order = 0
    second.save()
    html = main_of(client.get("/core-outcomes/long-list/", {"domain": domain.pk}))
    assert html.index("Meaningful paid work") < html.index("Volunteering")
    assert "Paid work<" not in html


@pytest.mark.parametrize("bad", ["abc", "-1", "99999999999999999999", "1 OR 1=1"])
def test_malformed_filters_are_ignored_not_errors(client, demo_site, bad):
    for path, name in [
        ("/core-outcomes/long-list/", "domain"),
        ("/practice/", "outcome"),
        ("/practice/", "country"),
        ("/the-study/resources/", "outcome"),
        ("/access-to-experts/", "offer"),
    ]:
        assert client.get(path, {name: bad}).status_code == 200


def test_practice_library_filters_by_outcome_country_organisation_and_words(client, demo_site):
    from mscos.outcomes.models import OutcomePage

    support = OutcomePage.objects.get(slug="long-term-consistent-support")
    html = main_of(client.get("/practice/", {"outcome": support.pk}))
    assert "The Victim Navigator programme" in html
    assert "Romanian police officers" not in html
    england = Country.objects.get(name="England")
    html = main_of(client.get("/practice/", {"country": england.pk}))
    assert "1 example of practice." in html and "The Victim Navigator programme" in html
    html = main_of(
        client.get("/practice/", {"organisation": "Romanian Police with Police Scotland"})
    )
    assert "Romanian police officers" in html and "The Victim Navigator programme" not in html
    html = main_of(client.get("/practice/", {"q": "navigators court"}))
    assert "1 example of practice." in html
    html = main_of(client.get("/practice/", {"q": "nothing-like-this"}))
    assert "No practice matches these filters yet" in html


def test_practice_filter_choices_offer_only_what_has_practice(client, demo_site):
    html = main_of(client.get("/practice/"))
    assert ">Safety from any trafficker or other abuser</option>" in html
    assert ">Access to education</option>" not in html
    assert ">Romania</option>" in html


def test_resources_filter_by_kind(client, demo_site):
    html = main_of(client.get("/the-study/resources/", {"kind": "paper"}))
    assert "No resources match these filters." in html
    html = main_of(client.get("/the-study/resources/", {"kind": "study"}))
    assert "How the core outcome set was made" in html


def test_expert_directory_filters_by_offer(client, demo_site):
    html = main_of(client.get("/access-to-experts/", {"offer": "consultancy"}))
    assert "Sam Placeholder" in html and "Ada Example" not in html and "Rosa" not in html
