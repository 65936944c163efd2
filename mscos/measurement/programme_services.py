"""Changes to a programme's settings (#21): its kind of support and its check-in interval.

Kept beside `services.py` (same rules: the lead's permission checked, one access-log line per
change, keyword-only arguments with `acting_user`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.measurement import permissions
from mscos.measurement.models import AccessLogEntry, Programme
from mscos.measurement.services import access_log_record


def programme_change(
    *, programme: Programme, kind: str, check_in_interval_days: int, acting_user: User
) -> Programme:
    """Sets the programme's kind and interval; refused (nothing saved) for a kind not offered."""
    membership = permissions.membership_for(acting_user, programme.organisation)
    if membership is None:
        raise PermissionDenied
    permissions.check_manage_workspace(membership)
    if kind not in Programme.Kind.values:
        raise ValidationError({"kind": _("Choose one of the kinds of support listed.")})
    with transaction.atomic():
        programme.kind = kind
        programme.check_in_interval_days = check_in_interval_days
        programme.save(update_fields=["kind", "check_in_interval_days"])
        access_log_record(
            organisation=programme.organisation,
            acting_user=acting_user,
            action=AccessLogEntry.Action.PROGRAMME_CHANGE,
            detail=f"{programme.name}: {kind}, every {check_in_interval_days} days",
        )
    return programme
