"""A programme's settings page (#21): the lead sets its kind of support and its interval.

Routed from `urls_dashboard.py` (the dashboards read the interval; pooled figures the kind).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from mscos.measurement import permissions, programme_services
from mscos.measurement.forms import ProgrammeChangeForm
from mscos.measurement.views import workspace_view


@workspace_view
def programme_edit(request, membership, programme_id):
    permissions.check_manage_workspace(membership)
    programme = permissions.get_programme_for_reports_or_404(membership, programme_id)
    form = ProgrammeChangeForm(
        request.POST or None,
        initial={
            "kind": programme.kind,
            "check_in_interval_days": programme.check_in_interval_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            programme_services.programme_change(
                programme=programme,
                kind=form.cleaned_data["kind"],
                check_in_interval_days=form.cleaned_data["check_in_interval_days"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme is saved."))
            return redirect("measurement:programmes", membership.organisation.slug)
    return TemplateResponse(
        request,
        "measurement/programme_form.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "programme": programme,
            "form": form,
        },
        status=400 if form.errors else 200,
    )
