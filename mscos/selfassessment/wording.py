"""What the self-assessment says to people: the tips beside each thing that gets in the way, and
the notices after an action. In one place so the wording can be reviewed together."""

from django.utils.translation import gettext_lazy as _

from mscos.selfassessment.models import Barrier

# A first step for each barrier, in plain words; the report puts it beside the barrier.
BARRIER_TIPS = {
    Barrier.TIME: _(
        "Start with one or two questions at the check-ins you already have, rather than a new "
        "meeting."
    ),
    Barrier.NO_TOOL: _(
        "Other services' practice, on the outcome's page and below where the site has it, "
        "shows how they ask; the forums are a place to ask which tools they use."
    ),
    Barrier.TRAINING: _(
        "A short session where staff practise asking the questions with each other helps them "
        "ask calmly."
    ),
    Barrier.NOT_SAFE: _(
        "Ask only when someone is ready, explain why you ask, and let them skip any question "
        "they would rather not answer."
    ),
    Barrier.SHORT_CONTACT: _(
        "A reading at the first and the last meeting is already worth having, even if there is "
        "nothing in between."
    ),
    Barrier.FUNDER: _(
        "Share the core outcome set with your funders: it was agreed with survivors and "
        "services, and funders can ask for it too."
    ),
    Barrier.RECORDS: _(
        "Until the record system has a field for it, a simple shared sheet without names keeps "
        "the readings together."
    ),
    Barrier.OUT_OF_SCOPE: _(
        "Agree with the services you refer people to who measures this outcome, so it is "
        "measured once and the answer is shared with the person's consent."
    ),
}

ASSESSMENT_SAVED = _("Your self-assessment is saved. Its report is below.")
LEADS_ONLY = _("Only the workspace's leads can make a self-assessment.")
