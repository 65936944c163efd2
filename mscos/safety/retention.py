"""Keeps address hashes no longer than settings.ADDRESS_HASH_RETENTION_DAYS (30 days unless set).

An app whose model stores an address hash registers it in its AppConfig.ready(); the scheduled task
`purge_expired_address_hashes` then deletes the old rows or blanks their hash.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone


@dataclass(frozen=True, slots=True)
class AddressHashRegistration:
    model: type[models.Model]
    hash_field: str
    time_field: str
    delete_row: bool


_registrations: dict[tuple[str, str], AddressHashRegistration] = {}


def register_address_hash(
    model: type[models.Model], *, hash_field: str, time_field: str, delete_row: bool
) -> None:
    """Has rows of `model` older than the retention period deleted, or their hash blanked."""
    # Fail at start-up, not in the nightly task, when a field name is wrong.
    model._meta.get_field(hash_field)
    model._meta.get_field(time_field)
    _registrations[(model._meta.label, hash_field)] = AddressHashRegistration(
        model=model, hash_field=hash_field, time_field=time_field, delete_row=delete_row
    )


def retention_cutoff(*, now: datetime.datetime | None = None) -> datetime.datetime:
    """The moment before which address hashes must be gone."""
    days = settings.ADDRESS_HASH_RETENTION_DAYS
    return (now or timezone.now()) - datetime.timedelta(days=days)


def purge_expired(*, now: datetime.datetime | None = None) -> int:
    """Deletes or blanks every registered hash older than the cutoff; returns the rows changed."""
    cutoff = retention_cutoff(now=now)
    changed = 0
    for registration in list(_registrations.values()):
        model = registration.model
        expired = model._default_manager.filter(**{f"{registration.time_field}__lt": cutoff})
        if registration.delete_row:
            _total, by_model = expired.delete()
            changed += by_model.get(model._meta.label, 0)
        else:
            changed += expired.exclude(**{registration.hash_field: ""}).update(
                **{registration.hash_field: ""}
            )
    return changed
