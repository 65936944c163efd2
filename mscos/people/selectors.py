"""Reads for the people pages: only people who agreed to be listed are ever returned."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mscos.people.models import Person

OFFERS = {
    "training": "offers_training",
    "consultancy": "offers_consultancy",
    "speaking": "offers_speaking",
}
OFFER_CHOICES = [
    ("training", _("Training")),
    ("consultancy", _("Consultancy")),
    ("speaking", _("Speaking")),
]


def listed_people() -> QuerySet[Person]:
    return Person.objects.filter(consent_to_list=True).select_related("photo")


def people_by_group() -> list[tuple[str | Promise, list[Person]]]:
    """(group label, people) in the groups' order, leaving out empty groups."""
    people = list(listed_people().order_by("sort_order", "name"))
    groups: list[tuple[str | Promise, list[Person]]] = []
    for key, label in Person.GROUP_CHOICES:
        members = [person for person in people if person.group == key]
        if members:
            groups.append((label, members))
    return groups


def experts(*, offer: str = "") -> list[Person]:
    """Listed people who offer training, consultancy or speaking (or the one offer asked for)."""
    people = listed_people()
    if offer in OFFERS:
        people = people.filter(**{OFFERS[offer]: True})
    else:
        from django.db.models import Q

        people = people.filter(
            Q(offers_training=True) | Q(offers_consultancy=True) | Q(offers_speaking=True)
        )
    return list(people.order_by("sort_order", "name"))


def get_contactable_expert_or_404(person_id: int) -> Person:
    """An expert who may be contacted; 404 alike for missing, unlisted or without an address."""
    person = listed_people().filter(pk=person_id).first()
    if person is None or not person.can_be_contacted:
        raise Http404
    return person
