"""Everything the platform holds about a member, gathered from each app that holds some.

Apps register a source in their AppConfig.ready(); export and erasure then cover it without the
accounts app importing them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mscos.accounts.models import User

# export(user) returns JSON-ready data (dicts, lists, strings, numbers).
Exporter = Callable[[User], Any]
# erase(user, keep_contributions) removes or detaches what names the member.
Eraser = Callable[[User, bool], None]


@dataclass(frozen=True)
class PersonalDataSource:
    name: str
    export: Exporter
    erase: Eraser


_sources: dict[str, PersonalDataSource] = {}


def register_personal_data(name: str, *, export: Exporter, erase: Eraser) -> None:
    """Adds an app's data to the member's export and to account erasure."""
    _sources[name] = PersonalDataSource(name=name, export=export, erase=erase)


def personal_data_sources() -> list[PersonalDataSource]:
    return [_sources[name] for name in sorted(_sources)]
