"""The audit trail's entry point for the forum. Moderation registers where entries are written.

The forum never imports moderation, so moderation registers a recorder here in its
AppConfig.ready. A service that calls other services opens a `scope`: everything recorded inside
it joins the scope's one entry, so each service call writes exactly one entry however it is built.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class AuditRecord:
    action: str
    actor: Any  # a User, or None for the system
    target: Any  # a model instance (post, topic, member) or None
    reason: str = ""
    data: dict = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)
    # Extra rows written with the entry and kept apart from it (e.g. redacted originals).
    attachments: list[Callable[[Any], None]] = field(default_factory=list)


Recorder = Callable[[AuditRecord], Any]
_recorders: list[Recorder] = []
_open_scope: ContextVar[AuditRecord | None] = ContextVar("audit_scope", default=None)


def register_recorder(recorder: Recorder) -> None:
    if recorder not in _recorders:
        _recorders.append(recorder)


def _write(record: AuditRecord) -> None:
    if not _recorders:
        raise RuntimeError("No audit recorder is registered; is the moderation app installed?")
    for recorder in _recorders:
        recorder(record)


def record(
    *, action: str, actor, target, reason: str = "", data: dict | None = None
) -> AuditRecord | None:
    """Writes one entry, or adds this step to the entry of the service that called this one."""
    scope = _open_scope.get()
    if scope is not None:
        scope.steps.append(action)
        scope.data.update({k: v for k, v in (data or {}).items() if k not in scope.data})
        return scope
    entry = AuditRecord(action=action, actor=actor, target=target, reason=reason, data=data or {})
    _write(entry)
    return None


@contextmanager
def scope(
    *, action: str, actor, target, reason: str = "", data: dict | None = None
) -> Iterator[AuditRecord]:
    """Everything recorded inside becomes part of one entry, written when the block succeeds."""
    outer = _open_scope.get()
    if outer is not None:
        # Nested: this service is a step of an outer one.
        outer.steps.append(action)
        yield outer
        return
    entry = AuditRecord(action=action, actor=actor, target=target, reason=reason, data=data or {})
    token = _open_scope.set(entry)
    try:
        yield entry
    finally:
        _open_scope.reset(token)
    _write(entry)
