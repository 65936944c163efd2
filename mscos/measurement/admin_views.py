"""Workspaces in the Wagtail admin: site administrators open one for an organisation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from mscos.measurement import selectors, services
from mscos.measurement.forms import WorkspaceOpenForm


def workspaces(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = WorkspaceOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.workspace_open(**form.cleaned_data, acting_user=request.user)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                for message in field_errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(
                request,
                _("The workspace for %(name)s is open; its lead can now invite others.")
                % {"name": organisation.name},
            )
            return redirect("measurement_admin_workspaces")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "measurement/admin/workspaces.html",
        {"form": form, "workspaces": selectors.workspaces_for_administrators()},
        status=status,
    )
