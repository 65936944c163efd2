"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _

POST_DELETED = _("Your post is deleted.")
POST_WAITING_FOR_MODERATOR = _("Thank you. Your post is waiting for a moderator.")
WATCHING_STARTED = _("You will get an email when there is something new here.")
WATCHING_STOPPED = _("You will no longer get emails about this.")
BREAK_ENDED = _("Welcome back. The forums are in your menu again.")
POST_CHANGES_SAVED = _("Your changes are saved.")
GUEST_POST_SAVED_FOR_REVIEW = _("Saved. A moderator will look at it again before it appears.")
BREAK_STARTED = _("Your break has started. No forum emails until %(date)s.")
READING_PREFERENCES_SAVED = _("Your reading preferences are saved.")
ANONYMOUS_AUTHOR_REVEALED = _(
    "This anonymous post was written by %(name)s (account %(id)s). This look is logged."
)
FORMER_MEMBER = _("Former member")
