"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _

ACTION_FAILED = _("That did not work. Please see the message below.")
REVEAL_NEEDS_A_REASON = _("Please say why you need to know who wrote this post.")
UNDONE = _("Undone.")
MEMBER_MAY_POST_AGAIN = _("The member may post again.")
PROBATION_LIFTED = _(
    "Probation lifted: their posts no longer wait for a moderator and their reports count fully."
)
SHORTCUT_SETTING_SAVED = _("Saved your shortcut setting.")
SAVED = _("Saved.")
APPROVED = _("Approved.")
REJECTED = _("Rejected. The writer sees the message you chose.")
NO_ACTION_CHOSEN = _("Nothing was done. Please press the button for an action.")
HIDDEN = _("Hidden.")
CLAIMED = _("You are working on this post; others are kept off it for %(minutes)s minutes.")
RELEASED = _("Released for others.")
URGENT_PUBLISHED = _("Published. You confirmed that it is safe; your reason is in the log.")
URGENT_NEEDS_A_STEP = _(
    "This post is urgent: someone may be in danger. It has not been published. Read it here "
    "first; publish it only if you are sure it is safe."
)
TAKEN_OVER = _("You have taken this post over. The moderator who had it can see that in the log.")
DECISION_UNDONE = _("Undone. The post is back as it was before.")
