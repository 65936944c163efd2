"""The measurement app's models: workspaces (`workspace.py`), the indicator library
(`indicators.py`) and check-ins (`check_ins.py`)."""

from mscos.measurement.models.check_ins import (
    DECLINED,
    Answer,
    CheckIn,
    Observation,
    SurvivorLink,
)
from mscos.measurement.models.indicators import POINT_FIELDS, Indicator
from mscos.measurement.models.workspace import (
    AccessLogEntry,
    AccessLogQuerySet,
    AppendOnlyError,
    Consent,
    Invitation,
    Membership,
    Note,
    Organisation,
    Person,
    Programme,
)

__all__ = [
    "DECLINED",
    "POINT_FIELDS",
    "AccessLogEntry",
    "AccessLogQuerySet",
    "Answer",
    "AppendOnlyError",
    "CheckIn",
    "Consent",
    "Indicator",
    "Invitation",
    "Membership",
    "Note",
    "Observation",
    "Organisation",
    "Person",
    "Programme",
    "SurvivorLink",
]
