"""The nightly refresh of pooled figures (registered with the scheduler in apps.py)."""

from django.tasks import task

from mscos.evidence import services


@task
def refresh_pooled_evidence() -> int:
    """Recomputes the pooled cells; returns how many were released anew."""
    return services.refresh_pooled_evidence().cells_released
