"""The self-assessment's pages: the public form and its private report, "Where services
struggle", and a workspace lead's assessments. Thin: selectors, services and permissions only.

The public form sets no cookie (docs/decisions/0017-self-assessment-without-a-cookie.md): it has
no CSRF token; the browser's `Sec-Fetch-Site` must say the form was sent from this site, and the
bot check's single-use start time and a per-address daily limit keep one client from flooding it.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mscos.core.site_address import absolute_url
from mscos.core.views import csrf_failure
from mscos.measurement import permissions
from mscos.measurement.views import workspace_view
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post
from mscos.selfassessment import pdf, selectors, services, wording
from mscos.selfassessment.forms import AssessmentForm, PublicAssessmentForm

DAY_SECONDS = 24 * 60 * 60


def _from_this_site(request) -> bool:
    # Set by the browser; another site's page cannot make it say "same-origin".
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def _start_page(request, form, *, status: int = 200, organisation=None) -> TemplateResponse:
    return TemplateResponse(
        request,
        "selfassessment/start.html",
        {
            "form": form,
            "organisation": organisation,
            "report_days": settings.SELF_ASSESSMENT_REPORT_DAYS,
            "struggle_url": reverse("selfassessment:struggle"),
        },
        status=status,
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    outcomes = selectors.core_outcomes()
    if request.method != "POST":
        return _start_page(request, PublicAssessmentForm(outcomes=outcomes))
    if not _from_this_site(request):
        return csrf_failure(request)
    form = PublicAssessmentForm(request.POST, outcomes=outcomes)
    if not form.is_valid():
        return _start_page(request, form, status=400)
    if not allow_form_post(
        request,
        action="self-assessment",
        limit=settings.SELF_ASSESSMENTS_PER_ADDRESS_PER_DAY,
        window_seconds=DAY_SECONDS,
    ):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return _start_page(request, form, status=429)
    _assessment, token = services.assessment_create(
        answers=form.answers(),
        service_kind=form.cleaned_data["service_kind"],
        size_band=form.cleaned_data["size_band"],
    )
    # See other: Back and reload show the report, and never send the answers twice.
    response = HttpResponseRedirect(reverse("selfassessment:report", kwargs={"token": token}))
    response.status_code = 303
    return response


def _public_assessment_or_404(token: str):
    assessment = selectors.assessment_for_token(token)
    if assessment is None:
        raise Http404
    return assessment


def _not_indexed(response):
    # A report is for whoever holds its link: search engines must not keep it if they find it.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _report_page(request, assessment, **extra) -> TemplateResponse:
    rows = selectors.report_rows(assessment)
    return TemplateResponse(
        request,
        "selfassessment/report.html",
        {
            "assessment": assessment,
            "rows": rows,
            "gap_count": sum(row.is_gap for row in rows),
            "pdf_url": request.path + "pdf/",
            **extra,
        },
    )


@never_cache
def report(request, token: str):
    assessment = _public_assessment_or_404(token)
    return _not_indexed(
        _report_page(request, assessment, public=True, report_link=absolute_url(request.path))
    )


def _pdf_response(assessment, rows) -> HttpResponse:
    try:
        content = pdf.report_pdf(assessment=assessment, rows=rows)
    except pdf.ReportPdfError:
        return HttpResponse(
            _("The PDF cannot be made on this server just now. Please print the page instead."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="self-assessment.pdf"'
    return response


@never_cache
def report_pdf(request, token: str):
    assessment = _public_assessment_or_404(token)
    return _not_indexed(_pdf_response(assessment, selectors.report_rows(assessment)))


def struggle(request):
    return TemplateResponse(
        request, "selfassessment/struggle.html", {"table": selectors.struggle_table()}
    )


# A workspace lead's assessments (signed in, a member, two-factor: measurement's workspace_view).


def _lead_only(membership) -> None:
    if not permissions.can_manage_workspace(membership):
        raise PermissionDenied(wording.LEADS_ONLY)


@workspace_view
def workspace_list(request, membership):
    _lead_only(membership)
    assessments = selectors.assessments_for_organisation(membership.organisation)
    return TemplateResponse(
        request,
        "selfassessment/workspace_list.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "comparison": selectors.comparison(assessments),
        },
    )


@workspace_view
@require_http_methods(["GET", "POST"])
def workspace_new(request, membership):
    _lead_only(membership)
    form = AssessmentForm(request.POST or None, outcomes=selectors.core_outcomes())
    if request.method == "POST" and form.is_valid():
        assessment, _token = services.assessment_create(
            answers=form.answers(),
            service_kind=form.cleaned_data["service_kind"],
            size_band=form.cleaned_data["size_band"],
            organisation=membership.organisation,
            acting_user=request.user,
        )
        messages.success(request, wording.ASSESSMENT_SAVED)
        return redirect(
            "selfassessment:workspace_report", slug=membership.organisation.slug, pk=assessment.pk
        )
    return _start_page(
        request, form, status=400 if form.is_bound else 200, organisation=membership.organisation
    )


def _workspace_assessment_or_404(membership, pk: int):
    assessment = selectors.assessment_for_organisation(membership.organisation, pk)
    if assessment is None:
        raise Http404
    return assessment


@workspace_view
def workspace_report(request, membership, pk: int):
    _lead_only(membership)
    assessment = _workspace_assessment_or_404(membership, pk)
    return _report_page(request, assessment, organisation=membership.organisation)


@workspace_view
def workspace_report_pdf(request, membership, pk: int):
    _lead_only(membership)
    assessment = _workspace_assessment_or_404(membership, pk)
    return _pdf_response(assessment, selectors.report_rows(assessment))
