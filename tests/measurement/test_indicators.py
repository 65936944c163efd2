"""The indicator library in the admin: editors write questions, approvers mark them reviewed,
and every question keeps words on every scale point, in every language."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Locale

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.measurement.models import Indicator
from mscos.outcomes.models import Domain, LongListOutcome
from tests.conftest import with_role, with_two_factor

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/measurement/indicator/add/"


@pytest.fixture
def outcome() -> LongListOutcome:
    domain = Domain.objects.create(name="Safety")
    return LongListOutcome.objects.create(domain=domain, name="Safety from any abuser")


@pytest.fixture
def approver() -> User:
    user = User.objects.create_user(
        username="appr", password="a-long-pass-phrase", display_name="Approver Ann", is_staff=True
    )
    return with_two_factor(with_role(user, roles.APPROVER))


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form(outcome, **changes) -> dict:
    data = {
        "outcome": outcome.pk,
        "kind": Indicator.Kind.SURVIVOR,
        "text": "How safe do you feel where you sleep?",
        "point_1": "Not safe at all",
        "point_2": "A little safe",
        "point_3": "Quite safe",
        "point_4": "Very safe",
        "point_5": "",
        "review_status": Indicator.Review.REVIEWED,
        "review_note": "",
        "sort_order": 1,
    }
    return {**data, **changes}


def test_an_editor_adds_a_question_but_cannot_mark_it_reviewed(editor, outcome):
    response = signed_in(editor).post(f"{ADD_URL}?locale=en-gb", _form(outcome))
    assert response.status_code == 302
    indicator = Indicator.objects.get(locale=Locale.get_default())
    assert indicator.scale_labels == ["Not safe at all", "A little safe", "Quite safe", "Very safe"]
    assert indicator.locale == Locale.get_default()
    # The posted "reviewed" is ignored: only approvers (experts by lived experience) mark it.
    assert indicator.review_status == Indicator.Review.DRAFT


def test_an_approver_marks_a_question_reviewed(approver, outcome):
    response = signed_in(approver).post(f"{ADD_URL}?locale=en-gb", _form(outcome))
    assert response.status_code == 302
    assert Indicator.objects.get(locale=Locale.get_default()).review_status == "reviewed"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"point_3": "", "point_4": ""}, "three to five points"),
        ({"point_2": ""}, "no gaps"),
        ({"kind": Indicator.Kind.PRACTITIONER}, "has no scale"),
    ],
)
def test_a_scale_without_words_on_every_point_is_refused(editor, outcome, changes, message):
    response = signed_in(editor).post(f"{ADD_URL}?locale=en-gb", _form(outcome, **changes))
    assert response.status_code == 200  # the form again, with the reason
    assert message in response.content.decode()
    assert not Indicator.objects.exists()


def test_a_translation_keeps_the_number_of_scale_points(outcome):
    source = Indicator.objects.create(
        outcome=outcome,
        text="How safe do you feel?",
        point_1="Not safe",
        point_2="Somewhat safe",
        point_3="Safe",
        point_4="Very safe",
    )
    copy = source.copy_for_translation(Locale.objects.get(language_code="ro"))
    copy.text = "Cât de în siguranță vă simțiți?"
    copy.point_1, copy.point_2, copy.point_3 = "Deloc", "Puțin", "În siguranță"
    copy.point_4 = "Foarte în siguranță"
    copy.full_clean()
    copy.save()
    assert copy.source() == source
    copy.point_4 = ""
    with pytest.raises(ValidationError, match="as many scale points"):
        copy.full_clean()


def test_editors_find_the_library_in_the_admin(editor, outcome):
    Indicator.objects.create(
        outcome=outcome, kind=Indicator.Kind.PRACTITIONER, text="Has a secure tenancy"
    )
    page = signed_in(editor).get("/admin/snippets/measurement/indicator/")
    assert page.status_code == 200
    assert "Has a secure tenancy" in page.content.decode()


def test_a_new_question_exists_in_every_site_language_marked_to_translate(editor, outcome):
    assert signed_in(editor).post(f"{ADD_URL}?locale=en-gb", _form(outcome)).status_code == 302
    copies = Indicator.objects.order_by("locale__language_code")
    assert sorted(c.locale.language_code for c in copies) == ["ar", "en-gb", "ro", "sq"]
    for copy in copies.exclude(locale=Locale.get_default()):
        assert copy.text == "How safe do you feel where you sleep?"
        assert "Not translated yet" in copy.review_note
        assert copy.source().locale == Locale.get_default()
