"""A pool of organisations taking part in pooled figures, and a quick way to add people to it.

People are written straight to the tables (as the workspace's services would leave them) so a
test can build a few hundred answers in a moment; consent withdrawal goes through the service.
"""

import dataclasses
import datetime
import itertools
import json
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from mscos.accounts.models import User
from mscos.evidence import selectors, services
from mscos.measurement.models import (
    Answer,
    CheckIn,
    Consent,
    Indicator,
    Membership,
    Organisation,
    Person,
    Programme,
)
from mscos.outcomes.models import Domain, LongListOutcome
from tests.conftest import with_two_factor

BASELINE_DAY = datetime.date(2026, 1, 12)  # in 2026 Q1
REVIEW_DAY = datetime.date(2026, 4, 20)
KIND = Programme.Kind.SAFE_HOUSE
_codes = itertools.count(1)


@dataclasses.dataclass
class Pool:
    outcome: LongListOutcome
    questions: list[Indicator]
    organisations: list[Organisation]
    leads: list[User]

    def lead_of(self, person: Person) -> User:
        return self.leads[self.organisations.index(person.organisation)]

    def score(self, answer: int) -> float:
        """The outcome's 0-100 score of someone who answers `answer` on every question."""
        shares = [(answer - 1) / (len(q.scale_labels) - 1) * 100 for q in self.questions]
        return sum(shares) / len(shares)

    def programme(self, organisation: Organisation, kind: str = KIND) -> Programme:
        programme, _created = Programme.objects.get_or_create(
            organisation=organisation, name=f"{kind} programme", defaults={"kind": kind}
        )
        return programme

    def add(
        self,
        organisation: Organisation | int,
        *,
        first: int = 2,
        later: int | None = 4,
        practitioner: int | None = 3,
        kind: str = KIND,
        baseline: datetime.date = BASELINE_DAY,
        nationality: str = "",
        pooled: bool = True,
    ) -> Person:
        """A person with a baseline (answers `first` on every question) and, unless `later` is
        None, a review (answers `later`); the practitioner's view beside the survivor's."""
        if isinstance(organisation, int):
            organisation = self.organisations[organisation]
        person = Person.objects.create(
            organisation=organisation,
            case_code=f"P-{next(_codes):05d}",
            nationality=nationality,
            programme=self.programme(organisation, kind),
        )
        uses = ["record", "pooled"] if pooled else ["record"]
        Consent.objects.bulk_create(
            Consent(person=person, use=use, text_version="test", given_at=timezone.now())
            for use in uses
        )
        self.check_in(person, baseline, CheckIn.Kind.BASELINE, first, practitioner)
        if later is not None:
            self.check_in(person, REVIEW_DAY, CheckIn.Kind.REVIEW, later, practitioner)
        return person

    def check_in(self, person, date, kind, answer, practitioner=None) -> CheckIn:
        check_in = CheckIn.objects.create(person=person, date=date, kind=kind)
        Answer.objects.bulk_create(
            Answer(
                check_in=check_in,
                indicator=question,
                survivor_answer=str(answer),
                practitioner_answer="" if practitioner is None else str(practitioner),
            )
            for question in self.questions
        )
        return check_in

    def fill(self, per_organisation: list[int], **person) -> list[Person]:
        """`per_organisation[i]` people in organisation i, all alike."""
        return [
            self.add(index, **person)
            for index, count in enumerate(per_organisation)
            for _ in range(count)
        ]


DEMO_OUTCOME_SLUG = "safety-from-any-trafficker-or-other-abuser"


def _demo_outcome() -> tuple[LongListOutcome, list[Indicator]] | None:
    """The demo's first core outcome and its survivor-reported questions (with the demo)."""
    outcome = LongListOutcome.objects.filter(outcome_page__slug=DEMO_OUTCOME_SLUG).first()
    if outcome is None:
        return None
    questions = list(
        Indicator.objects.filter(
            outcome=outcome, locale=Locale.get_default(), kind=Indicator.Kind.SURVIVOR
        )
    )
    return (outcome, questions) if questions else None


def make_pool(organisations: int = 6) -> Pool:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    demo = _demo_outcome()
    if demo is not None:
        outcome, questions = demo
    else:
        outcome = LongListOutcome.objects.create(
            domain=Domain.objects.create(name="Safety"), name="Safety from any abuser"
        )
        questions = [
            Indicator.objects.create(
                outcome=outcome,
                text=f"Question {n}",
                point_1="Not at all",
                point_2="A little",
                point_3="Somewhat",
                point_4="Mostly",
                point_5="Completely",
                sort_order=n,
            )
            for n in (1, 2)
        ]
    orgs, leads = [], []
    for n in range(organisations):
        organisation = Organisation.objects.create(
            name=f"Service {n}", slug=f"service-{n}", shares_pooled_statistics=True
        )
        lead = with_two_factor(
            User.objects.create_user(
                username=f"lead{n}", email=f"lead{n}@example.org", password="a-long-pass-phrase"
            )
        )
        Membership.objects.create(user=lead, organisation=organisation, role="lead")
        orgs.append(organisation)
        leads.append(lead)
    return Pool(outcome=outcome, questions=questions, organisations=orgs, leads=leads)


@pytest.fixture
def pool(db) -> Pool:
    return make_pool()


@pytest.fixture
def demo_pool(demo_site) -> Pool:
    """The pool on the demo site: the outcome has its page, so the public pages show it."""
    return make_pool()


def refresh():
    return services.refresh_pooled_evidence()


def published() -> list[dict]:
    """Everything anyone outside can see: every shown cell's key and figures."""
    return [
        {
            "outcome": cell.outcome_id,
            "kind": cell.programme_kind,
            "period": cell.period,
            "figures": cell.figures,
        }
        for cell in selectors.shown_cells()
    ]


PUBLIC_PATHS = (
    "/evidence/",
    f"/evidence/{DEMO_OUTCOME_SLUG}/",
    "/evidence/pooled-evidence.csv",
    "/evidence/data-dictionary/",
)


def main_content(response) -> str:
    """A page's <main>, without the per-response CSP nonce."""
    text = response.content.decode()
    if "<main" in text:
        text = text[text.index("<main") : text.index("</main>")]
    return re.sub(r'nonce="[^"]*"', "", text)


def everything_published(client=None) -> dict[str, str]:
    """What anyone outside can read, as text: every public page's main content and both
    downloads (the JSON without its timestamp, which says only when the refresh ran)."""
    client = client or Client()
    seen = {}
    for path in PUBLIC_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = main_content(response)
    body = json.loads(client.get("/evidence/pooled-evidence.json").content)
    body.pop("figures_as_of")
    seen["json"] = json.dumps(body, sort_keys=True)
    return seen


def published_cells(client=None) -> list[dict]:
    """The JSON download's cells: every figure a researcher gets."""
    client = client or Client()
    return json.loads(client.get("/evidence/pooled-evidence.json").content)["cells"]
