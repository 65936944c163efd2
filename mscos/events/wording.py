"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

DECISION_SAVED_AND_MAILED = _("Saved. The person has been sent a mail.")
INVITATIONS_SENT = ngettext_lazy(
    "%(count)d invitation sent.", "%(count)d invitations sent.", "count"
)
NOTHING_NEW_TO_SEND = _("Nothing sent: every address already had an invitation.")
EVENT_CANCELLED = ngettext_lazy(
    "The event is cancelled. %(count)d person has been told.",
    "The event is cancelled. %(count)d people have been told.",
    "count",
)
