"""What this part of the site says to people after they act, in one place so that editors and
translators can review the wording together. Short, calm, and never blaming the reader."""

from django.utils.translation import gettext_lazy as _

NO_ADDRESS_FOR_TEST = _("Your account has no email address to send a test to.")
TEST_SENT = _("A test was sent to %(address)s.")
PUBLISH_BEFORE_SENDING = _("Publish the update before sending it.")
TEST_NOT_SENT = _("The test could not be sent: %(error)s")
SENDING_HAS_STARTED = _("Sending has started.")
ALREADY_SENT = _("This update has already been sent.")
SUBJECT_HAS_LINE_BREAK = _("The subject has a line break; change the newsletter settings.")
SENDING_SCHEDULED = _("Sending is scheduled for %(when)s. You can cancel it until then.")
SCHEDULE_IN_THE_FUTURE = _("Please choose a time at least a few minutes from now.")
SCHEDULE_CANCELLED = _("The scheduled sending is cancelled. Nothing was sent.")
TOO_LATE_TO_CANCEL = _("Sending had already started, so it could not be cancelled.")
CHOOSE_A_TIME = _("Please choose a date and a time to send it.")
