"""Programme dashboards (#21): for an organisation's leads and viewers (its reports).

Thin like the workspace's other pages (`views.workspace_view`: signed in, a member, two-factor).
The PDF and the CSV are exports: asked for with a button (POST), each a line in the access log.
Nothing on these pages names a person or a caseworker.
"""

import csv

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mscos.core import csv_export
from mscos.measurement import dashboard, dashboard_chart, dashboard_pdf, permissions, services
from mscos.measurement.models import AccessLogEntry
from mscos.measurement.views import workspace_view


@workspace_view
def dashboards(request, membership):
    permissions.check_view_reports(membership)
    return TemplateResponse(
        request,
        "measurement/dashboards.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "programmes": dashboard.programmes_with_people(membership),
            "min_cell": dashboard.min_cell(),
        },
    )


def _context(membership, programme) -> dict:
    found = dashboard.programme_dashboard(programme)
    right_to_left = translation.get_language_bidi()
    return {
        "membership": membership,
        "organisation": membership.organisation,
        "programme": programme,
        "dashboard": found,
        "band_labels": dashboard.band_labels(),
        "charts": dashboard_chart.charts(found, right_to_left=right_to_left),
    }


@workspace_view
def programme_dashboard(request, membership, programme_id):
    programme = permissions.get_programme_for_reports_or_404(membership, programme_id)
    return TemplateResponse(request, "measurement/dashboard.html", _context(membership, programme))


def _exported(request, membership, programme, what: str) -> None:
    services.access_log_record(
        organisation=membership.organisation,
        acting_user=request.user,
        action=AccessLogEntry.Action.EXPORT,
        detail=f"{what}: {programme.name}",
    )


@workspace_view
@require_POST
def programme_dashboard_pdf(request, membership, programme_id) -> HttpResponse:
    programme = permissions.get_programme_for_reports_or_404(membership, programme_id)
    content = dashboard_pdf.dashboard_pdf(_context(membership, programme))
    _exported(request, membership, programme, "dashboard PDF")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{membership.organisation.slug}-programme-{programme.pk}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@workspace_view
@require_POST
def programme_dashboard_csv(request, membership, programme_id) -> HttpResponse:
    programme = permissions.get_programme_for_reports_or_404(membership, programme_id)
    found = dashboard.programme_dashboard(programme)
    _exported(request, membership, programme, "dashboard CSV")
    response = HttpResponse(content_type=csv_export.CONTENT_TYPE)
    response.write(csv_export.BYTE_ORDER_MARK)
    writer = csv.writer(response)
    writer.writerow(
        [_("Programme"), _("Outcome"), _("Breakdown"), _("Group"), _("Figure"), _("Value")]
    )
    for row in dashboard.csv_rows(found):
        # Figures are numbers the site worked out (written as numbers, -50 too); every text
        # cell (a programme's or an outcome's name) is made safe for a spreadsheet.
        writer.writerow(
            [cell if isinstance(cell, int) else csv_export.spreadsheet_safe(cell) for cell in row]
        )
    filename = f"{membership.organisation.slug}-programme-{programme.pk}-figures.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
