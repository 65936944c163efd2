from django.db.models import QuerySet

from mscos.outcomes.models import OutcomePage


def outcome_choices() -> QuerySet[OutcomePage]:
    """The outcome pages people can say they are interested in, in the editors' order."""
    return OutcomePage.objects.live().public().order_by("path")
