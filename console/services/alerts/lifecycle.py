"""The triage lifecycle of an alert: new → acknowledged → dispatched → resolved.

Every step is stamped with the database server's clock and the acting user, written to the
audit log, and guarded by the alert's version (optimistic locking through ``guarded_update``).
AlertService hands its callers these steps; other domains (dispatch, cases) may run them inside
their own transaction with ``in_session``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from console.clock import Clock
from console.errors import ConflictError, UserError, ValidationError
from console.models import Alert
from console.models.alerts import OUTCOMES
from console.security import Actor, Permission
from console.services.alerts.rows import AlertRow, load_rows
from console.services.base import Service, guarded_update, server_now, write_audit

MAX_NOTE = 2000

_t = cast(Table, Alert.__table__)
_a = _t.c

# Which status an action leaves from, and the refusal for every other status.
_ALLOWED = {
    "acknowledge": ("new",),
    "dispatch": ("new", "acknowledged"),
    "resolve": ("acknowledged", "dispatched"),
}
_REFUSALS = {
    ("acknowledge", "acknowledged"): "alert.acknowledge.already",
    ("acknowledge", "dispatched"): "alert.acknowledge.dispatched",
    ("dispatch", "dispatched"): "alert.dispatch.already",
    ("resolve", "new"): "alert.resolve.acknowledge_first",
}


class AlertLifecycle(Service):
    """Moving one alert at a time through its states."""

    _joined: Session | None = None

    @classmethod
    def in_session(cls, session: Session, clock: Clock) -> AlertLifecycle:
        """The lifecycle inside the caller's transaction: its steps commit (or roll back) with it."""
        lifecycle = cls.__new__(cls)
        lifecycle._clock, lifecycle._joined = clock, session
        return lifecycle

    def acknowledge(self, actor: Actor, alert_id: int, expected_version: int | None = None) -> AlertRow:
        """new → acknowledged (someone is looking at it; it stops sounding)."""
        actor.require(Permission.TRIAGE_ALERTS)
        with self._step() as s:
            now = server_now(s)
            values = {"acknowledged_at": now, "acknowledged_by": actor.user_id}
            return _move(
                s, self._clock, actor, alert_id, expected_version, "acknowledge", "acknowledged", values
            )

    def mark_dispatched(self, actor: Actor, alert_id: int, expected_version: int | None = None) -> AlertRow:
        """(new or) acknowledged → dispatched; dispatching a new alert also acknowledges it."""
        actor.require(Permission.DISPATCH)
        with self._step() as s:
            now = server_now(s)
            values = {
                "dispatched_at": now,
                "dispatched_by": actor.user_id,
                "acknowledged_at": func.coalesce(_a.acknowledged_at, now),
                "acknowledged_by": func.coalesce(_a.acknowledged_by, actor.user_id),
            }
            return _move(s, self._clock, actor, alert_id, expected_version, "dispatch", "dispatched", values)

    def resolve(
        self,
        actor: Actor,
        alert_id: int,
        outcome: str,
        read_correct: bool | None = None,
        note: str = "",
        *,
        expected_version: int | None = None,
        amount_saved: float | None = None,
    ) -> AlertRow:
        """acknowledged/dispatched → resolved with an outcome; plate reads say if the read was right."""
        actor.require(Permission.TRIAGE_ALERTS)
        if outcome not in OUTCOMES:
            raise ValidationError("outcome", "validation.one_of", choices=", ".join(OUTCOMES))
        if len(note) > MAX_NOTE:
            raise ValidationError("note", "validation.too_long", limit=MAX_NOTE)
        if amount_saved is not None and amount_saved < 0:
            raise ValidationError("amount_saved", "validation.not_negative")
        with self._step() as s:
            kind = s.execute(select(_a.kind).where(_a.id == alert_id)).scalar()
            if kind == "plate_read":
                if read_correct is None:
                    raise ValidationError("read_correct", "alert.read_correct.required")
                if outcome == "misread" and read_correct:
                    raise ValidationError("read_correct", "alert.read_correct.misread")
            else:
                read_correct = None
            values = {
                "resolved_at": server_now(s),
                "resolved_by": actor.user_id,
                "outcome": outcome,
                "read_correct": read_correct,
                "resolution_note": note,
                "fraud_amount_saved": amount_saved,
            }
            # "resolution", not "outcome": that is the audit row's own column (ok, refused, failed, locked)
            audit = {"resolution": outcome, "read_correct": read_correct, "note": note}
            return _move(
                s, self._clock, actor, alert_id, expected_version, "resolve", "resolved", values, audit
            )

    def _step(self) -> AbstractContextManager[Session]:
        return nullcontext(self._joined) if self._joined is not None else self._write()


def _move(
    s: Session,
    clock: Clock,
    actor: Actor,
    alert_id: int,
    expected_version: int | None,
    action: str,
    target: str,
    values: dict[str, Any],
    audit: dict[str, Any] | None = None,
) -> AlertRow:
    current = s.execute(select(_a.status, _a.version).where(_a.id == alert_id)).one_or_none()
    if current is None:
        raise UserError("alert.not_found", alert_id=alert_id)
    status, version = current
    if expected_version is not None and version != expected_version:
        raise ConflictError("alert.changed_elsewhere", alert_id=alert_id)
    if status not in _ALLOWED[action]:
        raise UserError(_REFUSALS.get((action, status), f"alert.{action}.resolved"), alert_id=alert_id)
    # The version changes with every step: a row still at the version read above is still in
    # the status read above, so the status checked is the status moved from.
    guarded_update(
        s,
        _t,
        alert_id,
        version,
        f"预警 #{alert_id}",
        conflict=lambda _now: ConflictError("alert.changed_elsewhere", alert_id=alert_id),
        missing=lambda: UserError("alert.not_found", alert_id=alert_id),
        status=target,
        updated_at=server_now(s),
        **values,
    )
    write_audit(
        s, actor, action, "alert", alert_id, clock, status_from=status, status_to=target, **(audit or {})
    )
    return load_rows(s.connection(), [alert_id])[0]
