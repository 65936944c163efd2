"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _

RECOVERY_CODES_KEPT = _("Thank you. Keep your codes somewhere safe and private.")
YOU_ARE_STILL_SIGNED_IN = _("You are still signed in.")
DISPLAY_NAME_SAVED = _("Your display name is saved.")
RECOVERY_CODES_NO_LONGER_SHOWN = _("Those codes are no longer shown. You can make a new set.")
PASSWORD_CHANGED = _("Your password is changed. You can sign in now.")
BADGE_REQUEST_RECEIVED = _("Thank you. A moderator will look at your request.")
STAFF_NEED_TWO_FACTOR = _(
    "Staff accounts must use two-factor sign-in. Set up an authenticator app to continue."
)
MAIL_DELAYED = _(
    "We could not send the email just now. We will keep trying, and it should reach you soon: "
    "there is nothing you need to do."
)
EMAIL_SEND_WAIT = _(
    "We sent an email to that address a moment ago. Please wait a few minutes before asking "
    "for another; the first may still arrive."
)
