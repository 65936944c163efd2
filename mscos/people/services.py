"""Writes for the people pages: delivering a message to an expert."""

from mscos.people.models import Person
from mscos.people.tasks import deliver_expert_message


def expert_message_send(
    *, person: Person, sender_name: str, sender_email: str, organisation: str, message: str
) -> None:
    """Queues the message for delivery; the expert's address is looked up only by the worker."""
    deliver_expert_message.enqueue(
        person_id=person.pk,
        sender_name=sender_name,
        sender_email=sender_email,
        organisation=organisation,
        message=message,
    )
