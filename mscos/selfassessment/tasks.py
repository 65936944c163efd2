"""Background work of the self-assessment."""

from django.tasks import task

from mscos.selfassessment import services


@task
def erase_expired_assessments() -> int:
    """Ends expired public report links and erases their free text (see services)."""
    return services.expired_assessments_erase()
