"""Background tasks of the safety app."""

from django.tasks import task

from mscos.safety.retention import purge_expired


@task
def purge_expired_address_hashes() -> int:
    """Deletes or blanks address hashes past the retention period; returns the rows changed."""
    return purge_expired()
