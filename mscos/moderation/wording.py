"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _

ACTION_FAILED = _("That did not work. Please see the message below.")
REVEAL_NEEDS_A_REASON = _("Please say why you need to know who wrote this post.")
UNDONE = _("Undone.")
MEMBER_MAY_POST_AGAIN = _("The member may post again.")
SHORTCUT_SETTING_SAVED = _("Saved your shortcut setting.")
SAVED = _("Saved.")
APPROVED = _("Approved.")
REJECTED = _("Rejected. The writer sees the message you chose.")
NO_ACTION_CHOSEN = _("Nothing was done. Please press the button for an action.")
HIDDEN = _("Hidden.")
CLAIMED = _("You are working on this post; others are kept off it for %(minutes)s minutes.")
RELEASED = _("Released for others.")
