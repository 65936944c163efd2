"""What the workspace says to people after they act, and the consent texts with their versions.

A consent text that changes gets a new version: each consent records the version its person was
shown, so a lead can tell which words someone agreed to.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_TEXT_VERSION = "2026-12-v1"
CONSENT_TEXTS = {
    "record": _(
        "We keep a record of how you are doing, under a code, without your name. Only the people "
        "who support you here can see it. You can ask us to delete it at any time."
    ),
    "pooled": _(
        "Your answers can be counted, with everyone else's and without anything that could "
        "identify you, in figures that show how well services help people recover. You can say "
        "no, or change your mind later."
    ),
    "research": _(
        "Researchers may ask us to pass on an invitation to you to take part in a study. We "
        "would never give them your details without asking you first."
    ),
}

PERSON_ADDED = _("The person's record has been added.")
NOTE_ADDED = _("The note has been saved, encrypted.")
RECORD_ERASED = _(
    "The record has been deleted, with its check-ins and notes. Only a line in the access log "
    "says that a record was erased."
)
POOLED_WITHDRAWN = _("This person is no longer counted in pooled figures.")
RESEARCH_WITHDRAWN = _("This person will not be contacted about research.")
PROGRAMME_ADDED = _("The programme has been added.")
INVITATION_SENT = _("The invitation has been sent.")
INVITATION_ACCEPTED = _("Welcome: you are now a member of this workspace.")
NEED_TWO_FACTOR = _(
    "Workspaces hold private records: please set up two-factor sign-in with an authenticator app "
    "first."
)
CHECK_IN_SAVED = _("The check-in has been saved.")
CHECK_IN_CONFLICT = _(
    "Someone else saved this check-in while you were working on it. What they saved is shown "
    "below; your answers are kept in the form. Save again to replace theirs with yours."
)
RATHER_NOT_SAY = _("I'd rather not say")
NO_ANSWER = _("No answer")
