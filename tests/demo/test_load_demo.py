"""The demo content: a living site, loaded once, never overwriting an editor's work."""

from django.core.management import call_command
from wagtail.models import Page, Site

from mscos.core.models import NavigationSettings
from mscos.forum.models import ForumCategory
from mscos.outcomes.models import Domain, OutcomePage
from mscos.pages.models import HomePage
from mscos.updates.models import UpdatePage


def load_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def snapshot():
    return (
        Page.objects.count(),
        ForumCategory.objects.count(),
        Domain.objects.count(),
        NavigationSettings.objects.get().items.count(),
        Site.objects.count(),
    )


def test_demo_builds_the_site_described_in_the_fact_sheet(db):
    load_demo()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    core = OutcomePage.objects.filter(kind=OutcomePage.CORE, locale__language_code="en-gb")
    core = core.order_by("number")
    assert [page.title for page in core] == [
        "Secure and suitable housing",
        "Safety from any trafficker or other abuser",
        "Long-term, consistent support",
        "Compassionate, trauma-informed services",
        "Finding purpose in life and self-actualisation",
        "Access to medical treatment",
        "Access to education",
    ]
    assert OutcomePage.objects.filter(kind=OutcomePage.TOPIC).count() == 2
    assert Domain.objects.count() == 10
    update = UpdatePage.objects.get(label="Week 22", locale__language_code="en-gb")
    assert [o.title for o in update.focus_outcomes.all()] == [
        "Safety from any trafficker or other abuser"
    ]
    assert update.contributors.filter(is_rab_member=True).exists()
    names = list(ForumCategory.objects.order_by("sort_order").values_list("name", flat=True))
    assert names[:7] == [page.title for page in core]
    assert names[7:] == ["General discussion", "Feedback and suggestions"]
    assert all(
        category.outcome_page for category in ForumCategory.objects.filter(sort_order__lte=7)
    )
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_running_it_again_changes_nothing(db):
    load_demo()
    before = snapshot()
    load_demo()
    assert snapshot() == before


def test_editors_changes_survive_a_second_run(db):
    load_demo()
    page = OutcomePage.objects.get(slug="access-to-education")
    page.summary = "Edited by an editor."
    page.save_revision().publish()
    category = ForumCategory.objects.get(slug="general-discussion")
    category.name = "Open discussion"
    category.save()
    load_demo()
    assert OutcomePage.objects.get(slug="access-to-education").summary == "Edited by an editor."
    assert ForumCategory.objects.get(slug="general-discussion").name == "Open discussion"


def test_demo_pages_are_published_with_a_revision_editors_can_see(db):
    load_demo()
    for page in OutcomePage.objects.all():
        assert page.live
        assert page.latest_revision is not None
