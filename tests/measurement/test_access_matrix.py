"""Every workspace URL from every side, each expecting one answer.

Anonymous visitors are sent to sign in; a member without two-factor is sent to set it up and sees
nothing; another organisation's member gets 404 (nothing says the workspace exists); a viewer is
refused people's records; a caseworker sees only their own people.
"""

import pytest
from django.urls import reverse

from mscos.measurement.models import Programme, SurvivorLink
from tests.measurement.conftest import Workspace

WHO = [
    "anonymous",
    "outsider",
    "no_two_factor",
    "viewer",
    "second_caseworker",
    "caseworker",
    "lead",
]
OK, LOGIN, SET_UP_2FA, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, "login", "2fa", 403, 404, 405


def row(**statuses):
    """Anonymous → sign in, outsider → 404, no two-factor → set it up; the rest as given."""
    return {"anonymous": LOGIN, "outsider": NOT_FOUND, "no_two_factor": SET_UP_2FA, **statuses}


def paths(ws: Workspace) -> dict[str, tuple[str, dict]]:
    slug, person = ws.organisation.slug, ws.person.pk
    other_programme, _created = Programme.objects.get_or_create(
        organisation=ws.other_organisation, name="Their programme"
    )
    link, _created = SurvivorLink.objects.get_or_create(
        check_in=ws.check_in, language="en-gb", defaults={"expires_at": ws.check_in.created_at}
    )
    return {
        "home": (
            reverse("measurement:workspace", args=[slug]),
            row(viewer=OK, second_caseworker=OK, caseworker=OK, lead=OK),
        ),
        "add person": (
            reverse("measurement:person_create", args=[slug]),
            row(viewer=FORBIDDEN, second_caseworker=OK, caseworker=OK, lead=OK),
        ),
        "person": (
            reverse("measurement:person", args=[slug, person]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "withdraw consent": (
            reverse("measurement:consent_withdraw", args=[slug, person]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "add note (GET)": (
            reverse("measurement:note_add", args=[slug, person]),
            row(
                viewer=NOT_ALLOWED,
                second_caseworker=NOT_ALLOWED,
                caseworker=NOT_ALLOWED,
                lead=NOT_ALLOWED,
            ),
        ),
        "export (GET)": (
            reverse("measurement:people_export", args=[slug]),
            row(
                viewer=NOT_ALLOWED,
                second_caseworker=NOT_ALLOWED,
                caseworker=NOT_ALLOWED,
                lead=NOT_ALLOWED,
            ),
        ),
        "record a check-in": (
            reverse("measurement:check_in_create", args=[slug, person]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "check-in": (
            reverse("measurement:check_in", args=[slug, person, ws.check_in.pk]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "another person's check-in, under this person": (
            reverse("measurement:check_in", args=[slug, ws.second_person.pk, ws.check_in.pk]),
            row(
                viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=NOT_FOUND, lead=NOT_FOUND
            ),
        ),
        "journey": (
            reverse("measurement:journey", args=[slug, person]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "programmes": (
            reverse("measurement:programmes", args=[slug]),
            row(viewer=FORBIDDEN, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        # Caseworkers see their own people's check-ins in it (tests/measurement/
        # test_programme_check_ins.py); viewers are refused before any programme is looked up.
        "a programme's check-ins": (
            reverse("measurement:programme_check_ins", args=[slug, ws.programme.pk]),
            row(viewer=FORBIDDEN, second_caseworker=OK, caseworker=OK, lead=OK),
        ),
        "another organisation's programme's check-ins": (
            reverse("measurement:programme_check_ins", args=[slug, other_programme.pk]),
            row(
                viewer=FORBIDDEN, second_caseworker=NOT_FOUND, caseworker=NOT_FOUND, lead=NOT_FOUND
            ),
        ),
        "members": (
            reverse("measurement:members", args=[slug]),
            row(viewer=FORBIDDEN, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        "access log": (
            reverse("measurement:access_log", args=[slug]),
            row(viewer=FORBIDDEN, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        "reports": (
            reverse("measurement:reports", args=[slug]),
            row(viewer=OK, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        "change a programme": (
            reverse("measurement:programme_edit", args=[slug, ws.programme.pk]),
            row(viewer=FORBIDDEN, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        "programme dashboards": (
            reverse("measurement:dashboards", args=[slug]),
            row(viewer=OK, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        "programme dashboard": (
            reverse("measurement:programme_dashboard", args=[slug, ws.programme.pk]),
            row(viewer=OK, second_caseworker=FORBIDDEN, caseworker=FORBIDDEN, lead=OK),
        ),
        "another organisation's programme dashboard": (
            reverse("measurement:programme_dashboard", args=[slug, other_programme.pk]),
            row(
                viewer=NOT_FOUND,
                second_caseworker=FORBIDDEN,
                caseworker=FORBIDDEN,
                lead=NOT_FOUND,
            ),
        ),
        "programme report PDF (GET)": (
            reverse("measurement:programme_dashboard_pdf", args=[slug, ws.programme.pk]),
            row(
                viewer=NOT_ALLOWED,
                second_caseworker=NOT_ALLOWED,
                caseworker=NOT_ALLOWED,
                lead=NOT_ALLOWED,
            ),
        ),
        "programme figures CSV (GET)": (
            reverse("measurement:programme_dashboard_csv", args=[slug, ws.programme.pk]),
            row(
                viewer=NOT_ALLOWED,
                second_caseworker=NOT_ALLOWED,
                caseworker=NOT_ALLOWED,
                lead=NOT_ALLOWED,
            ),
        ),
        "make a survivor's link": (
            reverse("measurement:survivor_link_create", args=[slug, person]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "survivor's link": (
            reverse("measurement:survivor_link", args=[slug, person, link.pk]),
            row(viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=OK, lead=OK),
        ),
        "a survivor's link, under another person": (
            reverse("measurement:survivor_link", args=[slug, ws.second_person.pk, link.pk]),
            row(
                viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=NOT_FOUND, lead=NOT_FOUND
            ),
        ),
        "another organisation's person, by its id": (
            reverse("measurement:person", args=[slug, ws.outsider_person.pk]),
            row(
                viewer=NOT_FOUND, second_caseworker=NOT_FOUND, caseworker=NOT_FOUND, lead=NOT_FOUND
            ),
        ),
    }


def _answer(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("account_login")):
            return LOGIN
        if location == reverse("mfa_activate_totp"):
            return SET_UP_2FA
        return location
    return response.status_code


PAGE_NAMES = [
    "home",
    "add person",
    "person",
    "withdraw consent",
    "add note (GET)",
    "export (GET)",
    "record a check-in",
    "check-in",
    "another person's check-in, under this person",
    "journey",
    "programmes",
    "a programme's check-ins",
    "another organisation's programme's check-ins",
    "members",
    "access log",
    "reports",
    "change a programme",
    "programme dashboards",
    "programme dashboard",
    "another organisation's programme dashboard",
    "programme report PDF (GET)",
    "programme figures CSV (GET)",
    "make a survivor's link",
    "survivor's link",
    "a survivor's link, under another person",
    "another organisation's person, by its id",
]


@pytest.mark.parametrize("page", PAGE_NAMES)
@pytest.mark.parametrize("who", WHO)
def test_who_may_reach_each_workspace_page(ws, page, who):
    path, expected = paths(ws)[page]
    response = ws.client_for(who).get(path)
    assert _answer(response) == expected[who]


def test_the_matrix_covers_every_workspace_url(ws):
    from django.urls import URLResolver

    from mscos.measurement.urls import urlpatterns

    def names(patterns):
        # The dashboards' routes are included from their own module: they count too.
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from names(pattern.url_patterns)
            else:
                yield pattern.name

    named = set(names(urlpatterns))
    covered = {
        "workspace",
        "person_create",
        "person",
        "consent_withdraw",
        "note_add",
        "people_export",
        "check_in_create",
        "check_in",
        "journey",
        "programmes",
        "programme_check_ins",
        "members",
        "access_log",
        "reports",
        "programme_edit",
        "dashboards",
        "programme_dashboard",
        "programme_dashboard_pdf",
        "programme_dashboard_csv",
        "survivor_link_create",
        "survivor_link",
    }
    # The list of one's own workspaces and the invitation link are tested on their own (and
    # the survivor's own page, with no account, in tests/measurement/test_survivor_link.py).
    assert named - covered == {"workspaces", "invitation"}


@pytest.mark.parametrize("who", ["outsider", "viewer", "second_caseworker", "no_two_factor"])
def test_a_note_cannot_be_added_to_someone_elses_person(ws, who):
    response = ws.client_for(who).post(
        reverse("measurement:note_add", args=[ws.organisation.slug, ws.person.pk]),
        {"text": "slipped in"},
    )
    assert _answer(response) == (SET_UP_2FA if who == "no_two_factor" else NOT_FOUND)
    assert ws.person.notes.count() == 0


@pytest.mark.parametrize("who", ["outsider", "viewer", "second_caseworker", "no_two_factor"])
def test_consent_cannot_be_withdrawn_for_someone_elses_person(ws, who):
    response = ws.client_for(who).post(
        reverse("measurement:consent_withdraw", args=[ws.organisation.slug, ws.person.pk]),
        {"use": "record"},
    )
    assert _answer(response) == (SET_UP_2FA if who == "no_two_factor" else NOT_FOUND)
    ws.person.refresh_from_db()


@pytest.mark.parametrize("who", ["viewer", "caseworker", "outsider"])
def test_only_the_lead_exports(ws, who):
    response = ws.client_for(who).post(
        reverse("measurement:people_export", args=[ws.organisation.slug])
    )
    assert _answer(response) == (NOT_FOUND if who == "outsider" else FORBIDDEN)


def test_the_member_without_two_factor_sees_no_case_code(ws):
    response = ws.client_for("no_two_factor").get(
        reverse("measurement:workspace", args=[ws.organisation.slug]), follow=True
    )
    assert b"SH-001" not in response.content
    assert "two-factor" in response.content.decode()
