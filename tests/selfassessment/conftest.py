"""Self-assessment helpers: the answers a person would send, and a browser for journeys."""

import pytest

from mscos.selfassessment import selectors
from tests.bot_check import human

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def answers_for(outcomes, **per_outcome) -> dict:
    """Form data: every outcome measured with a tool and nothing in the way, unless `per_outcome`
    (keyed by outcome number, e.g. o2={"measured": "none", "barriers": ["time"]}) says otherwise."""
    data: dict = {"service_kind": "", "size_band": ""}
    for outcome in outcomes:
        key = f"outcome{outcome.pk}"
        fields = {"measured": "tool", "tool": "A short questionnaire"}
        fields.update(per_outcome.get(f"o{outcome.number}", {}))
        for name, value in fields.items():
            data[f"{key}_{name}"] = value
    return data


@pytest.fixture
def outcomes(demo_site):
    return selectors.core_outcomes()


@pytest.fixture
def send(client, outcomes):
    """Posts the public form as a person on this site would; returns the response."""

    def post(data=None, *, headers=SAME_ORIGIN, bot_checked=True, **per_outcome):
        data = answers_for(outcomes, **per_outcome) if data is None else data
        if bot_checked:
            data = human(data)
        return client.post("/self-assessment/", data, **headers)

    return post
