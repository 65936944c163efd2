"""Public evidence pages, researchers' downloads, and a lead's choice to take part.

The public pages read only the stored cells (`selectors.shown_cells`): no person, no answer, no
heavy query. They set no cookie and hold no form, so the reader page cache may keep them.
"""

import csv
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mscos.accounts.selectors import has_two_factor
from mscos.core.csv_export import BYTE_ORDER_MARK, spreadsheet_safe
from mscos.evidence import dictionary, presentation, selectors, services, wording
from mscos.evidence.forms import SharingForm
from mscos.measurement import permissions
from mscos.measurement import wording as measurement_wording

# Pooled aggregates are the same for everyone: a shared cache may keep them for an hour.
PUBLIC_CACHE = "public, max-age=3600"


def _method_context() -> dict:
    return {
        "min_cell": settings.EVIDENCE_MIN_CELL,
        "min_organisations": settings.EVIDENCE_MIN_ORGANISATIONS,
        "refresh": selectors.latest_refresh(),
    }


def _outcome_title(outcome) -> str:
    page = outcome.outcome_page
    if page is None:
        return outcome.name
    localized = page.localized
    return localized.title if localized.live else page.title


@require_GET
def index(request):
    counts = selectors.shown_cell_counts()
    outcomes = [
        {
            "slug": outcome.outcome_page.slug,
            "title": _outcome_title(outcome),
            "cells": counts.get(outcome.pk, 0),
        }
        for outcome in selectors.core_outcomes()
    ]
    response = TemplateResponse(
        request, "evidence/index.html", {"outcomes": outcomes, **_method_context()}
    )
    response["Cache-Control"] = PUBLIC_CACHE
    return response


@require_GET
def outcome(request, slug):
    found = selectors.outcome_for_slug(slug)
    if found is None:
        raise Http404
    cells = presentation.shown_cells(selectors.shown_cells(found))
    chart_rows, chart_height = presentation.movement_chart(
        cells, right_to_left=translation.get_language_bidi()
    )
    response = TemplateResponse(
        request,
        "evidence/outcome.html",
        {
            "outcome": found,
            "title": _outcome_title(found),
            "outcome_page": found.outcome_page.localized if found.outcome_page else None,
            "cells": cells,
            "chart_rows": chart_rows,
            "chart_width": presentation.CHART_WIDTH,
            "chart_height": chart_height,
            "bar_height": presentation.BAR_HEIGHT,
            "band_labels": presentation.band_labels(),
            **_method_context(),
        },
    )
    response["Cache-Control"] = PUBLIC_CACHE
    return response


def _download_rows() -> list[dict]:
    return dictionary.rows_for(selectors.shown_cells())


@require_GET
def download_csv(request) -> HttpResponse:
    names = [name for name, _meaning in dictionary.columns()]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write(BYTE_ORDER_MARK)
    writer = csv.writer(response)
    writer.writerow(names)
    for row in _download_rows():
        writer.writerow([spreadsheet_safe(row[name]) for name in names])
    response["Content-Disposition"] = 'attachment; filename="mscos-pooled-evidence.csv"'
    response["Cache-Control"] = PUBLIC_CACHE
    return response


@require_GET
def download_json(request) -> HttpResponse:
    refresh = selectors.latest_refresh()
    body = {
        "title": "MSCOS pooled evidence",
        "figures_as_of": refresh.finished_at.isoformat()
        if refresh and refresh.finished_at
        else None,
        "rules": {
            "min_people_beyond_largest_organisation": settings.EVIDENCE_MIN_CELL,
            "min_organisations": settings.EVIDENCE_MIN_ORGANISATIONS,
            "counts_rounded_to": 5,
            "scale": "0 (lowest point of each question's scale) to 100 (highest)",
        },
        "dictionary": {name: str(meaning) for name, meaning in dictionary.columns()},
        "cells": _download_rows(),
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mscos-pooled-evidence.json"'
    response["Cache-Control"] = PUBLIC_CACHE
    return response


@require_GET
def data_dictionary(request):
    response = TemplateResponse(
        request,
        "evidence/dictionary.html",
        {"columns": dictionary.columns(), **_method_context()},
    )
    response["Cache-Control"] = PUBLIC_CACHE
    return response


@never_cache
@login_required
def workspace_sharing(request, slug):
    """A lead's choice whether their organisation takes part in pooled figures."""
    membership = permissions.get_membership_or_404(request.user, slug)
    if not has_two_factor(request.user):
        messages.warning(request, measurement_wording.NEED_TWO_FACTOR)
        return redirect("mfa_activate_totp")
    permissions.check_manage_workspace(membership)
    organisation = membership.organisation
    initial = {"shares": "yes" if organisation.shares_pooled_statistics else "no"}
    form = SharingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = services.pooled_sharing_set(
            organisation=organisation,
            shares=form.cleaned_data["shares"],
            acting_user=request.user,
        )
        if not changed:
            messages.info(request, wording.NOTHING_CHANGED)
        elif organisation.shares_pooled_statistics:
            messages.success(request, wording.NOW_SHARING)
        else:
            messages.success(request, wording.NO_LONGER_SHARING)
        return redirect("evidence:workspace_sharing", organisation.slug)
    return TemplateResponse(
        request,
        "evidence/workspace_sharing.html",
        {
            "form": form,
            "membership": membership,
            "organisation": organisation,
            **_method_context(),
        },
        status=400 if form.errors else 200,
    )
