"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _

POST_DELETED = _("Your post is deleted.")
WATCHING_STARTED = _("You will get an email when there is something new here.")
WATCHING_STOPPED = _("You will no longer get emails about this.")
# For a member with no email address, or who stopped forum emails: say where news will be.
WATCHING_STARTED_ON_PAGE = _(
    'You are watching this. New posts will be listed on your <a href="%(url)s">Following '
    "page</a>; no email is sent."
)
WATCHING_STOPPED_ON_PAGE = _("You stopped watching this.")
BREAK_ENDED = _("Welcome back. The forums are in your menu again.")
POST_CHANGES_SAVED = _("Your changes are saved.")
BREAK_STARTED = _("Your break has started. No forum emails until %(date)s.")
READING_PREFERENCES_SAVED = _("Your reading preferences are saved.")
ANONYMOUS_AUTHOR_REVEALED = _(
    "This anonymous post was written by %(name)s (account %(id)s). This look is logged."
)
FORMER_MEMBER = _("Former member")
