"""Workspace pages: thin, through permissions, selectors and services only.

Every page needs a signed-in member of the organisation with two-factor sign-in; nothing is
cached by the browser or a proxy (`never_cache`).
"""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from mscos.accounts.selectors import has_two_factor
from mscos.core.csv_export import csv_response
from mscos.measurement import journey_chart, permissions, selectors, services, wording
from mscos.measurement.forms import (
    CheckInForm,
    InvitationForm,
    NoteForm,
    PersonForm,
    ProgrammeForm,
    WithdrawConsentForm,
)


def _two_factor_first(request):
    messages.warning(request, wording.NEED_TWO_FACTOR)
    return redirect("mfa_activate_totp")


def workspace_view(view):
    """Signed in (else the sign-in page), a member (else 404), with two-factor (else set it up)."""

    @never_cache
    @login_required
    @functools.wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        membership = permissions.get_membership_or_404(request.user, slug)
        if not has_two_factor(request.user):
            return _two_factor_first(request)
        return view(request, membership, *args, **kwargs)

    return wrapped


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@never_cache
@login_required
def workspaces(request):
    if not has_two_factor(request.user):
        return _two_factor_first(request)
    return TemplateResponse(
        request,
        "measurement/workspaces.html",
        {"memberships": selectors.memberships_for_user(request.user)},
    )


@workspace_view
def workspace_home(request, membership):
    context = {"membership": membership, "organisation": membership.organisation}
    if permissions.can_see_people(membership):
        context["people"] = selectors.people_for_member(membership)
        context["programmes"] = selectors.programmes_for(membership.organisation)
    context["can_manage"] = permissions.can_manage_workspace(membership)
    context["can_view_reports"] = permissions.can_view_reports(membership)
    context["can_add_person"] = permissions.can_add_person(membership)
    return TemplateResponse(request, "measurement/workspace_home.html", context)


@workspace_view
def person_create(request, membership):
    permissions.check_add_person(membership)
    organisation = membership.organisation
    form = PersonForm(request.POST or None, programmes=selectors.programmes_for(organisation))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.person_create(
                organisation=organisation,
                case_code=data["case_code"],
                consents=form.consents(),
                age_band=data["age_band"],
                gender=data["gender"],
                nationality=data["nationality"],
                programme=data["programme"],
                start_date=data["start_date"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, wording.PERSON_ADDED)
            return redirect("measurement:person", organisation.slug, person.pk)
    return TemplateResponse(
        request,
        "measurement/person_form.html",
        {"form": form, "organisation": organisation, "membership": membership},
        status=400 if form.errors else 200,
    )


@workspace_view
def person_detail(request, membership, person_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    return _person_page(request, membership, person, NoteForm())


def _person_page(request, membership, person, note_form, *, status: int = 200):
    services.person_viewed(person=person, acting_user=request.user)
    return TemplateResponse(
        request,
        "measurement/person_detail.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "person": person,
            "consents": selectors.person_consents(person),
            "notes": selectors.person_notes(person),
            "check_ins": selectors.check_ins_for_person(person),
            "note_form": note_form,
        },
        status=status,
    )


@workspace_view
@require_POST
def note_add(request, membership, person_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        # The record again, with what was typed kept and the error summary above the form.
        return _person_page(request, membership, person, form, status=400)
    services.note_add(person=person, text=form.cleaned_data["text"], acting_user=request.user)
    messages.success(request, wording.NOTE_ADDED)
    return redirect("measurement:person", membership.organisation.slug, person.pk)


@workspace_view
def consent_withdraw(request, membership, person_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    form = WithdrawConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        use = form.cleaned_data["use"]
        erased = services.consent_withdraw(person=person, use=use, acting_user=request.user)
        if erased:
            messages.success(request, wording.RECORD_ERASED)
            return redirect("measurement:workspace", membership.organisation.slug)
        messages.success(
            request,
            wording.POOLED_WITHDRAWN if use == "pooled" else wording.RESEARCH_WITHDRAWN,
        )
        return redirect("measurement:person", membership.organisation.slug, person.pk)
    return TemplateResponse(
        request,
        "measurement/consent_withdraw.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "person": person,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@workspace_view
def programmes(request, membership):
    permissions.check_manage_workspace(membership)
    organisation = membership.organisation
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_create(
                organisation=organisation,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                check_in_interval_days=form.cleaned_data["check_in_interval_days"],
                acting_user=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, wording.PROGRAMME_ADDED)
            return redirect("measurement:programmes", organisation.slug)
    return TemplateResponse(
        request,
        "measurement/programmes.html",
        {
            "membership": membership,
            "organisation": organisation,
            "programmes": selectors.programmes_for(organisation),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@workspace_view
def members(request, membership):
    permissions.check_manage_workspace(membership)
    organisation = membership.organisation
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_send(
            organisation=organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            acting_user=request.user,
        )
        messages.success(request, wording.INVITATION_SENT)
        return redirect("measurement:members", organisation.slug)
    return TemplateResponse(
        request,
        "measurement/members.html",
        {
            "membership": membership,
            "organisation": organisation,
            "members": selectors.members_for(organisation),
            "invitations": selectors.pending_invitations(organisation),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@workspace_view
def access_log(request, membership):
    permissions.check_manage_workspace(membership)
    return TemplateResponse(
        request,
        "measurement/access_log.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "lines": selectors.access_log(membership.organisation),
        },
    )


@workspace_view
def reports(request, membership):
    permissions.check_view_reports(membership)
    return TemplateResponse(
        request,
        "measurement/reports.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "counts": selectors.pooled_counts(membership.organisation),
        },
    )


@workspace_view
@require_POST
def people_export(request, membership) -> HttpResponse:
    permissions.check_manage_workspace(membership)
    rows = services.people_export(organisation=membership.organisation, acting_user=request.user)
    return csv_response(
        filename=f"{membership.organisation.slug}-people.csv",
        header=[
            _("Case code"),
            _("Programme"),
            _("Age band"),
            _("Gender"),
            _("Nationality"),
            _("Start date"),
        ],
        rows=rows,
    )


@never_cache
@login_required
def invitation(request, token):
    found = selectors.invitation_for_token(token)
    if request.method == "POST" and found is not None:
        membership = services.invitation_accept(token=token, acting_user=request.user)
        if membership is not None:
            messages.success(request, wording.INVITATION_ACCEPTED)
            return redirect("measurement:workspace", membership.organisation.slug)
        found = None
    return TemplateResponse(
        request,
        "measurement/invitation.html",
        {"invitation": found},
        status=200 if found is not None else 404,
    )


def _check_in_form(data=None, *, initial=None) -> CheckInForm:
    indicators = selectors.indicators_for_check_in()
    return CheckInForm(
        data,
        initial=initial,
        indicators=indicators,
        words=selectors.indicator_words(indicators),
    )


def _check_in_save(request, membership, person, form, check_in=None):
    """Saves a valid form; the response on success, None when the form now holds the errors."""
    data = form.cleaned_data
    try:
        saved = services.check_in_record(
            organisation=membership.organisation,
            person=person,
            date=data["date"],
            kind=data["kind"],
            answers=form.answers(),
            check_in=check_in,
            expected_version=data.get("version"),
            acting_user=request.user,
        )
    except ValidationError as error:
        _apply_errors(form, error)
        return None
    messages.success(request, wording.CHECK_IN_SAVED)
    return redirect("measurement:check_in", membership.organisation.slug, person.pk, saved.pk)


def _check_in_page(request, membership, person, form, *, check_in=None, conflict=None, status=200):
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "person": person,
        "form": form,
        "check_in": check_in,
    }
    if conflict is not None:
        saved_answers = selectors.check_in_answers(conflict)
        context["conflict"] = conflict
        context["conflict_rows"] = [
            (row, saved_answers.get(row["indicator"].pk, ("", ""))) for row in form.rows
        ]
    return TemplateResponse(request, "measurement/check_in_form.html", context, status=status)


@workspace_view
def check_in_create(request, membership, person_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    form = _check_in_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = _check_in_save(request, membership, person, form)
        if response is not None:
            return response
    return _check_in_page(request, membership, person, form, status=400 if form.errors else 200)


@workspace_view
def check_in_edit(request, membership, person_id, check_in_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    check_in = permissions.get_check_in_for_member_or_404(membership, person, check_in_id)
    if request.method != "POST":
        services.check_in_viewed(check_in=check_in, acting_user=request.user)
        initial = CheckInForm.initial_for(check_in, selectors.check_in_answers(check_in))
        return _check_in_page(
            request, membership, person, _check_in_form(initial=initial), check_in=check_in
        )
    form = _check_in_form(request.POST)
    if form.is_valid():
        try:
            response = _check_in_save(request, membership, person, form, check_in)
        except services.CheckInConflict as conflict:
            # Their answers are shown; the form keeps these, now based on their version, so
            # saving again replaces theirs on purpose.
            data = request.POST.copy()
            data["version"] = str(conflict.saved.version)
            return _check_in_page(
                request,
                membership,
                person,
                _check_in_form(data),
                check_in=conflict.saved,
                conflict=conflict.saved,
                status=409,
            )
        if response is not None:
            return response
    return _check_in_page(request, membership, person, form, check_in=check_in, status=400)


@workspace_view
def person_journey(request, membership, person_id):
    person = permissions.get_person_for_member_or_404(membership, person_id)
    services.journey_viewed(person=person, acting_user=request.user)
    check_ins, trajectories = selectors.trajectory(person)
    changes = selectors.first_and_latest(trajectories)
    right_to_left = translation.get_language_bidi()
    rows, height = journey_chart.chart_rows(changes, right_to_left=right_to_left)
    return TemplateResponse(
        request,
        "measurement/journey.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "person": person,
            "first": check_ins[0] if check_ins else None,
            "latest": check_ins[-1] if check_ins else None,
            "changes": changes,
            "chart_rows": rows,
            "chart_width": journey_chart.WIDTH,
            "chart_height": height,
            "bar_height": journey_chart.BAR_HEIGHT,
            # SVG text in a right-to-left page runs leftwards from its x.
            "label_x": journey_chart.WIDTH if right_to_left else 0,
            "check_ins": check_ins,
            "trajectories": trajectories,
            "panels": journey_chart.trajectory_panels(trajectories, right_to_left=right_to_left),
            "axis": journey_chart.axis(right_to_left=right_to_left),
            "panel_width": journey_chart.PANEL_WIDTH,
            "panel_height": journey_chart.PANEL_HEIGHT,
            "date_y": journey_chart.DATE_Y,
            "trajectory_rows": journey_chart.table_rows(check_ins, trajectories),
        },
    )


@workspace_view
def programme_check_ins(request, membership, programme_id):
    # Viewers see pooled reports only, never whose check-in was when.
    permissions.check_see_people(membership)
    programme = permissions.get_programme_or_404(membership, programme_id)
    page, lines = selectors.programme_check_in_page(membership, programme, request.GET.get("page"))
    services.programme_check_ins_viewed(
        programme=programme, page=page.number, acting_user=request.user
    )
    return TemplateResponse(
        request,
        "measurement/programme_check_ins.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "programme": programme,
            "page": page,
            "lines": lines,
            "questions": selectors.library_size(),
        },
    )
