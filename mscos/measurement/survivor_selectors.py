"""Reads for the survivor's own link (#20): the link behind a token, and what the survivor sees.

Nothing here reveals whether a token was once good: used, expired, tampered and unknown links all
come back as None (`docs/measurement.md`, "The survivor's own link").
"""

import dataclasses

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from mscos.core.languages import NATIVE_NAMES, language_codes
from mscos.core.qr_code import qr_svg
from mscos.core.site_address import absolute_url
from mscos.measurement import selectors, tokens
from mscos.measurement.models import CheckIn, Indicator, Person, SurvivorLink
from mscos.measurement.selectors import OutcomeChange


def open_link_for_token(token: str) -> SurvivorLink | None:
    """The link behind `token` while it can still be used: not used, not past its time."""
    link_id = tokens.survivor_link_id_from_token(token)
    if link_id is None:
        return None
    return (
        SurvivorLink.objects.select_related("check_in__person__organisation")
        .filter(pk=link_id, used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def link_for_person(person: Person, link_id: int) -> SurvivorLink | None:
    """One of this person's links (the person already fetched through the permissions)."""
    return (
        SurvivorLink.objects.select_related("check_in")
        .filter(pk=link_id, check_in__person=person)
        .first()
    )


def link_is_open(link: SurvivorLink) -> bool:
    return link.used_at is None and link.expires_at > timezone.now()


def link_address(link: SurvivorLink) -> str:
    """The link's absolute address at SITE_URL, under the survivor's language prefix."""
    with translation.override(link.language):
        location = reverse("survivor:check_in", args=[tokens.survivor_link_token(link.pk)])
    return absolute_url(location)


def link_qr_svg(link: SurvivorLink, *, label: str) -> SafeString:
    """The link as a QR code, inline SVG (only numbers and the escaped label inside)."""
    return mark_safe(qr_svg(link_address(link), size="240", label=label))  # noqa: S308  # nosec B308 B703


def survivor_indicators() -> list[Indicator]:
    """The questions the survivor answers themself: the survivor-reported ones only."""
    return [i for i in selectors.indicators_for_check_in() if i.is_survivor_reported]


def site_languages() -> list[tuple[str, str]]:
    """The site's languages, each named in its own language (what a survivor recognises), as
    the language links in the header name them."""
    return [(code, NATIVE_NAMES.get(code, code)) for code in language_codes()]


@dataclasses.dataclass(frozen=True)
class OwnJourney:
    first: CheckIn | None
    latest: CheckIn | None
    changes: list[OutcomeChange]


def own_journey(person: Person) -> OwnJourney:
    """The survivor's own answers, first against latest check-in, with each outcome named in the
    reader's language where its core outcome page is translated (live), else as recorded."""
    first, latest, changes = selectors.journey(person)
    return OwnJourney(first=first, latest=latest, changes=changes)
