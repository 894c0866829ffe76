"""The triage lifecycle of an alert: new → acknowledged → dispatched → resolved, and escalation.

Every step is stamped with the database server's clock and the acting user, written to the
audit log, and guarded by the alert's version (optimistic locking). Mixed into AlertService.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Table, func, select, update

from console.errors import ConflictError, UserError, ValidationError
from console.models import Alert, Station
from console.models.alerts import OUTCOMES
from console.security import Actor, Permission
from console.services.base import Service, write_audit

if TYPE_CHECKING:
    from console.services.alerts.service import AlertRow

URGENT_RANK = 1  # severity_rank of "high": critical and high sound, flash and escalate
DEFAULT_ESCALATE_AFTER_S = 60
STATUS_TITLES = {"new": "待确认", "acknowledged": "已确认", "dispatched": "已派警", "resolved": "已处置"}

_t = cast(Table, Alert.__table__)
_a = _t.c


class AlertLifecycle(Service):
    """Moving alerts through their states; ``_rows`` comes from AlertService."""

    def _rows(self, conn: Connection, ids: Sequence[int]) -> list[AlertRow]:
        raise NotImplementedError

    def acknowledge(self, actor: Actor, alert_id: int, expected_version: int | None = None) -> AlertRow:
        """new → acknowledged (someone is looking at it; it stops sounding)."""
        actor.require(Permission.TRIAGE_ALERTS)
        return self._move(
            actor,
            alert_id,
            expected_version,
            "acknowledge",
            ("new",),
            "acknowledged",
            {"acknowledged_at": self._server_now(), "acknowledged_by": actor.user_id},
        )

    def mark_dispatched(self, actor: Actor, alert_id: int, expected_version: int | None = None) -> AlertRow:
        """(new or) acknowledged → dispatched; dispatching a new alert also acknowledges it."""
        actor.require(Permission.DISPATCH)
        now = self._server_now()
        return self._move(
            actor,
            alert_id,
            expected_version,
            "dispatch",
            ("new", "acknowledged"),
            "dispatched",
            {
                "dispatched_at": now,
                "dispatched_by": actor.user_id,
                "acknowledged_at": func.coalesce(_a.acknowledged_at, now),
                "acknowledged_by": func.coalesce(_a.acknowledged_by, actor.user_id),
            },
        )

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
            raise ValidationError("outcome", f"须为 {', '.join(OUTCOMES)} 之一 (required)")
        if len(note) > 2000:
            raise ValidationError("note", "不超过2000字 (at most 2000 characters)")
        if amount_saved is not None and amount_saved < 0:
            raise ValidationError("amount_saved", "不能为负数 (must not be negative)")
        with self._sessions() as s:
            kind = s.execute(select(_a.kind).where(_a.id == alert_id)).scalar()
        if kind == "plate_read":
            if read_correct is None:
                raise ValidationError(
                    "read_correct",
                    "车牌识别预警须标明识别是否正确 (say whether the plate was read correctly)",
                )
            if outcome == "misread" and read_correct:
                raise ValidationError(
                    "read_correct", "结论为误识别时识别结果不能标为正确 (a misread cannot be a correct read)"
                )
        else:
            read_correct = None
        return self._move(
            actor,
            alert_id,
            expected_version,
            "resolve",
            ("acknowledged", "dispatched"),
            "resolved",
            {
                "resolved_at": self._server_now(),
                "resolved_by": actor.user_id,
                "outcome": outcome,
                "read_correct": read_correct,
                "resolution_note": note,
                "fraud_amount_saved": amount_saved,
            },
            outcome=outcome,
            read_correct=read_correct,
            note=note,
        )

    def escalate_overdue(self, actor: Actor, now: dt.datetime | None = None) -> list[int]:
        """Mark critical/high alerts unacknowledged longer than the station allows; their ids."""
        actor.require(Permission.VIEW_ALERTS)
        now = now or self._clock.now()
        with self._write() as s:
            seconds = s.execute(select(Station.escalate_after_seconds).order_by(Station.id).limit(1)).scalar()
            cutoff = now - dt.timedelta(seconds=seconds if seconds is not None else DEFAULT_ESCALATE_AFTER_S)
            # The unacknowledged alerts are few and found by status; the rest is checked here (a
            # severity condition in SQL would lead the planner through the whole history).
            candidates = s.execute(
                select(_a.id, _a.severity_rank, _a.escalated_at, _a.raised_at).where(_a.status == "new")
            ).all()
            ids = sorted(
                i
                for i, rank, escalated, raised in candidates
                if rank <= URGENT_RANK and escalated is None and raised < cutoff
            )
            due = [_a.status == "new", _a.escalated_at.is_(None)]
            if ids:
                # No version bump: escalation must not turn an officer's acknowledgement into a conflict.
                s.execute(update(_t).where(_a.id.in_(ids), *due).values(escalated_at=now))
                for alert_id in ids:
                    write_audit(s, actor, "escalate", "alert", alert_id, self._clock)
            return ids

    def _server_now(self) -> Any:
        """The database server's clock, so that every console stamps the same time."""
        if self.backend == "postgresql":
            return func.now()
        return func.strftime("%Y-%m-%d %H:%M:%f000", "now")

    def _move(
        self,
        actor: Actor,
        alert_id: int,
        expected_version: int | None,
        action: str,
        allowed: tuple[str, ...],
        target: str,
        values: dict[str, Any],
        **audit: Any,
    ) -> AlertRow:
        with self._write() as s:
            cur = s.execute(select(_a.status, _a.version).where(_a.id == alert_id)).one_or_none()
            if cur is None:
                raise UserError(f"预警 #{alert_id} 不存在 (no such alert)")
            if expected_version is not None and cur.version != expected_version:
                raise ConflictError(self._conflict_message(alert_id, cur.status))
            if cur.status not in allowed:
                raise UserError(_transition_message(alert_id, cur.status, action))
            done = s.connection().execute(
                update(_t)
                .where(_a.id == alert_id, _a.version == cur.version, _a.status == cur.status)
                .values(status=target, version=cur.version + 1, updated_at=self._server_now(), **values)
            )
            if done.rowcount != 1:
                raise ConflictError(self._conflict_message(alert_id, None))
            write_audit(
                s,
                actor,
                action,
                "alert",
                alert_id,
                self._clock,
                status_from=cur.status,
                status_to=target,
                **audit,
            )
            rows = self._rows(s.connection(), [alert_id])
        return rows[0]

    @staticmethod
    def _conflict_message(alert_id: int, status: str | None) -> str:
        now = f", 现为「{STATUS_TITLES.get(status, status)}」" if status else ""
        return (
            f"预警 #{alert_id} 已被另一台值班台更新{now}; 已刷新, 请核对后重试 "
            "(another console changed this alert first)"
        )


_ACTION_TITLES = {
    "acknowledge": ("确认", "acknowledge"),
    "dispatch": ("派警", "dispatch"),
    "resolve": ("处置完毕", "resolve"),
}


def _transition_message(alert_id: int, status: str, action: str) -> str:
    zh, en = _ACTION_TITLES[action]
    if status == "resolved":
        hint = "预警已处置完毕"
    elif action == "resolve" and status == "new":
        hint = "请先确认预警 (acknowledge first)"
    else:
        hint = f"当前状态为「{STATUS_TITLES.get(status, status)}」"
    return f"预警 #{alert_id} 不能{zh}: {hint} (cannot {en} an alert that is {status})"
