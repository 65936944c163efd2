from django.db.models import QuerySet

from mscos.core.translated_pages import default_language_only
from mscos.outcomes.models import OutcomePage


def outcome_choices() -> QuerySet[OutcomePage]:
    """The outcome pages people can say they are interested in, in the editors' order."""
    outcomes: QuerySet[OutcomePage] = default_language_only(OutcomePage.objects.live().public())
    return outcomes.order_by("path")
