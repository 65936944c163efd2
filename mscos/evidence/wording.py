"""What the evidence pages say to people after they act (reviewable in one place)."""

from django.utils.translation import gettext_lazy as _

NOW_SHARING = _(
    "Your organisation now takes part in pooled figures. People who agreed are counted from the "
    "next nightly refresh."
)
NO_LONGER_SHARING = _(
    "Your organisation no longer takes part in pooled figures. Its people leave them at the next "
    "nightly refresh."
)
NOTHING_CHANGED = _("Nothing changed: that was already your choice.")
