"""Dispatching officers to alerts: one dispatch, its officers and alerts, and its response clock.

A dispatch is stamped received (the time of the event that raised its alert: the alert's
first_event_at, not when the console stored it) → acknowledged → dispatched → arrived →
cleared, with the database server's clock. Officers follow it: dispatched when sent, on scene on
arrival, available again when it is cleared. Two consoles sending the same officer at the same
moment: the officer rows are locked (PostgreSQL ``FOR UPDATE``; SQLite takes its one write lock
up front), so the second console waits, then finds the officer busy and is told.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import Alert, Dispatch, Officer, Station, dispatch_alert, dispatch_officer
from console.security import Actor, Permission
from console.services.alerts import AlertLifecycle
from console.services.base import Service, guarded_update, server_time
from console.services.dispatch.clocks import DispatchClock, read_clocks, response_target_of
from console.services.dispatch.common import audit, locked
from console.services.dispatch.contacts import ManagerContactRow, contacts_of, log_contact
from console.services.dispatch.joinable import JoinableAlert, check_joinable, joinable_alert, joinable_alerts
from console.services.dispatch.officers import open_dispatch_of, record_status
from console.services.dispatch.recommend import Recommendation, recommend_officers
from console.services.dispatch.rules import (
    BUSY_STATUSES,
    DEFAULT_RESPONSE_TARGET_S,
    check_note,
    response_seconds,
    within_target,
)

_o = cast(Table, Officer.__table__).c
_a = cast(Table, Alert.__table__).c
_d = cast(Table, Dispatch.__table__).c


@dataclass(frozen=True, slots=True)
class DispatchSent:
    dispatch_id: int
    alert_ids: tuple[int, ...]
    officers: tuple[str, ...]  # badges, in the order given
    dispatched_at: dt.datetime
    overridden: tuple[str, ...]  # badges sent although off duty or busy


@dataclass(frozen=True, slots=True)
class Arrival:
    dispatch_id: int
    arrived_at: dt.datetime
    response_seconds: int | None
    within_target: bool | None


@dataclass(frozen=True, slots=True)
class Cleared:
    dispatch_id: int
    cleared_at: dt.datetime


def response_target(session: Session) -> int:
    target = session.execute(select(Station.response_target_seconds).order_by(Station.id).limit(1)).scalar()
    return int(target) if target is not None else DEFAULT_RESPONSE_TARGET_S


class DispatchService(Service):
    """Sending officers, their arrival, and clearing the dispatch."""

    def dispatch(
        self,
        actor: Actor,
        alert_id: int,
        badges: Sequence[str],
        *,
        note: str = "",
        override: str | None = None,
        also_alerts: Sequence[int] = (),
    ) -> DispatchSent:
        """Send ``badges`` to ``alert_id`` (and ``also_alerts`` in the same community).

        Refused, with nothing stored: a missing or resolved alert (``alert_id``), no officer, an
        unknown, off-duty or busy officer without ``override`` (``officer``). The override reason
        is stored on the dispatch and in the audit log.
        """
        actor.require(Permission.DISPATCH)
        wanted = list(dict.fromkeys(b.strip() for b in badges if b and b.strip()))
        if not wanted:
            raise ValidationError("officer", "dispatch.officer_required")
        check_note("note", note)
        override = _override_reason(override)
        alert_ids = list(dict.fromkeys([alert_id, *also_alerts]))
        with self._write_locked() as s:
            alerts = {
                r.id: r
                for r in s.execute(
                    locked(
                        s,
                        select(
                            _a.id,
                            _a.status,
                            _a.first_event_at,
                            _a.acknowledged_at,
                            _a.community_id,
                            _a.version,
                        )
                        .where(_a.id.in_(alert_ids))
                        .order_by(_a.id),
                    )
                )
            }
            _check_alerts(alerts, alert_id, alert_ids)
            officers = {
                r.badge_no: r
                for r in s.execute(
                    locked(
                        s,
                        select(_o.id, _o.badge_no, _o.status, _o.version)
                        .where(_o.badge_no.in_(wanted))
                        .order_by(_o.id),
                    )
                )
            }
            jobs = open_dispatch_of(s, [r.id for r in officers.values()])
            overridden = _check_officers(officers, jobs, wanted, override)
            now = server_time(s.connection())
            lifecycle = AlertLifecycle.in_session(s, self._clock)
            first = alerts[alert_id]
            dispatched_at = now
            for aid in alert_ids:
                if alerts[aid].status in ("new", "acknowledged"):
                    moved = lifecycle.mark_dispatched(actor, aid, alerts[aid].version)
                    if aid == alert_id and moved.dispatched_at is not None:
                        dispatched_at = moved.dispatched_at
            acknowledged = first.acknowledged_at or dispatched_at
            dispatch_id = int(
                s.execute(
                    insert(Dispatch)
                    .values(
                        alert_id=alert_id,
                        community_id=first.community_id,
                        status="en_route",
                        # cases.md: the response clock starts at "the time of the event that
                        # raised it" — the event's own time, not the console's receipt of it.
                        received_at=first.first_event_at,
                        acknowledged_at=acknowledged,
                        dispatched_at=dispatched_at,
                        dispatched_by=actor.user_id,
                        note=note,
                        override_reason=override or "",
                        outcome="",
                        version=1,
                    )
                    .returning(Dispatch.id)
                ).scalar_one()
            )
            s.execute(
                insert(dispatch_alert), [{"dispatch_id": dispatch_id, "alert_id": a} for a in alert_ids]
            )
            s.execute(
                insert(dispatch_officer),
                [{"dispatch_id": dispatch_id, "officer_id": officers[b].id} for b in wanted],
            )
            for badge in wanted:
                row = officers[badge]
                guarded_update(
                    s,
                    Officer,
                    row.id,
                    row.version,
                    f"警员 {badge}",
                    status="dispatched",
                    status_since=dispatched_at,
                )
                record_status(
                    s,
                    actor,
                    row.id,
                    "dispatched",
                    dispatched_at,
                    dispatch_id=dispatch_id,
                    reason=f"override: {override}" if badge in overridden else "",
                )
            audit(
                s,
                actor,
                "dispatch",
                "dispatch",
                dispatch_id,
                self._clock,
                alert_ids=alert_ids,
                officers=wanted,
                note=note,
                **({"override": override, "overridden": overridden} if override is not None else {}),
            )
        return DispatchSent(dispatch_id, tuple(alert_ids), tuple(wanted), dispatched_at, tuple(overridden))

    def recommendations(self, actor: Actor, alert_id: int, limit: int | None = None) -> list[Recommendation]:
        """Available officers for the dispatch dialog: same grid cell first, then the nearest."""
        actor.require(Permission.DISPATCH)
        with self._read() as conn:
            return recommend_officers(conn, alert_id, limit)

    def joinable_alerts(self, actor: Actor, alert_id: int) -> list[JoinableAlert]:
        """Other open alerts of ``alert_id``'s community that the same dispatch may cover, newest first."""
        actor.require(Permission.DISPATCH)
        with self._read() as conn:
            return joinable_alerts(conn, alert_id)

    def joinable_alert(self, actor: Actor, alert_id: int, other_id: int) -> JoinableAlert:
        """``other_id`` as the dialog adds it by number; refused (``alert_id``) as ``dispatch`` would."""
        actor.require(Permission.DISPATCH)
        with self._read() as conn:
            return joinable_alert(conn, alert_id, other_id)

    def open_clocks(self, actor: Actor) -> tuple[list[DispatchClock], int]:
        """Every open dispatch with its clock and crew, and the station's response target (s)."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            return read_clocks(conn, open_only=True), response_target_of(conn)

    def clocks_of_alert(self, actor: Actor, alert_id: int) -> tuple[list[DispatchClock], int]:
        """Every dispatch covering ``alert_id`` (open or cleared), and the response target (s)."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            return read_clocks(conn, alert_id=alert_id), response_target_of(conn)

    def notify_manager(self, actor: Actor, alert_id: int, how: str, note: str = "") -> ManagerContactRow:
        """Log that the property manager was told about ``alert_id``: by ``actor``, now (server), ``how``."""
        actor.require(Permission.TRIAGE_ALERTS)
        with self._write() as s:
            row = log_contact(s, actor, alert_id, how, note)
            audit(s, actor, "notify_manager", "alert", alert_id, self._clock, how=how, note=row.note)
        return row

    def manager_contacts(self, actor: Actor, alert_id: int) -> list[ManagerContactRow]:
        """Every notification of the property manager about ``alert_id``, oldest first."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            return contacts_of(conn, alert_id)

    def arrive(self, actor: Actor, dispatch_id: int, at: dt.datetime | None = None) -> Arrival:
        """The officers are at the door: now, or ``at`` as reported over the radio (field ``at``)."""
        actor.require(Permission.DISPATCH)
        if at is not None and at.tzinfo is None:
            raise ValidationError("at", "dispatch.time_without_offset")
        with self._write_locked() as s:
            row = self._open_dispatch(s, dispatch_id)
            if row.arrived_at is not None:
                raise ValidationError("dispatch_id", "dispatch.already_arrived", dispatch_id=dispatch_id)
            now = server_time(s.connection())
            arrived = now if at is None else at.astimezone(dt.UTC)
            if arrived < row.dispatched_at:
                raise ValidationError(
                    "at", "dispatch.arrival_before_dispatch", dispatched_at=row.dispatched_at.isoformat()
                )
            if arrived > now:
                raise ValidationError("at", "dispatch.arrival_in_future", now=now.isoformat())
            guarded_update(
                s,
                Dispatch,
                dispatch_id,
                row.version,
                f"派警 #{dispatch_id}",
                arrived_at=arrived,
                status="on_scene",
            )
            self._move_officers(s, actor, dispatch_id, ("dispatched", "en_route"), "on_scene", arrived)
            raised = row.received_at
            if raised is None and row.alert_id is not None:
                raised = s.execute(select(_a.first_event_at).where(_a.id == row.alert_id)).scalar()
            seconds = response_seconds(raised, arrived)
            target = response_target(s)
            audit(
                s,
                actor,
                "arrive",
                "dispatch",
                dispatch_id,
                self._clock,
                arrived_at=arrived.isoformat(),
                reported=at is not None,
                response_seconds=seconds,
            )
        return Arrival(dispatch_id, arrived, seconds, within_target(seconds, target))

    def clear(self, actor: Actor, dispatch_id: int, outcome: str) -> Cleared:
        """The job is done: the dispatch closes with ``outcome``; its officers are available again."""
        actor.require(Permission.DISPATCH)
        outcome = outcome.strip()
        if not outcome:
            raise ValidationError("outcome", "dispatch.outcome_required")
        check_note("outcome", outcome)
        with self._write_locked() as s:
            row = self._open_dispatch(s, dispatch_id)
            now = server_time(s.connection())
            guarded_update(
                s,
                Dispatch,
                dispatch_id,
                row.version,
                f"派警 #{dispatch_id}",
                closed_at=now,
                status="closed",
                outcome=outcome,
            )
            self._move_officers(
                s, actor, dispatch_id, ("dispatched", "en_route", "on_scene"), "available", now
            )
            audit(s, actor, "clear", "dispatch", dispatch_id, self._clock, outcome=outcome)
        return Cleared(dispatch_id, now)

    def _open_dispatch(self, s: Session, dispatch_id: int) -> Any:
        row = s.execute(
            locked(
                s,
                select(
                    _d.id,
                    _d.alert_id,
                    _d.received_at,
                    _d.dispatched_at,
                    _d.arrived_at,
                    _d.closed_at,
                    _d.version,
                ).where(_d.id == dispatch_id),
            )
        ).one_or_none()
        if row is None:
            raise ValidationError("dispatch_id", "dispatch.unknown", dispatch_id=dispatch_id)
        if row.closed_at is not None:
            raise ValidationError("dispatch_id", "dispatch.already_cleared", dispatch_id=dispatch_id)
        return row

    def _move_officers(
        self, s: Session, actor: Actor, dispatch_id: int, from_: tuple[str, ...], to: str, at: dt.datetime
    ) -> None:
        """Officers of this dispatch follow it, unless they have since been sent on another one."""
        crew = list(
            s.execute(
                locked(
                    s,
                    select(_o.id, _o.badge_no, _o.status, _o.version)
                    .join(dispatch_officer, dispatch_officer.c.officer_id == _o.id)
                    .where(dispatch_officer.c.dispatch_id == dispatch_id)
                    .order_by(_o.id),
                )
            )
        )
        newest = open_dispatch_of(s, [r.id for r in crew])
        for r in crew:
            if newest.get(r.id) not in (None, dispatch_id) or r.status not in from_:
                continue  # sent on another open dispatch since: that one moves them
            guarded_update(s, Officer, r.id, r.version, f"警员 {r.badge_no}", status=to, status_since=at)
            record_status(s, actor, r.id, to, at, dispatch_id=dispatch_id)


def _override_reason(override: str | None) -> str | None:
    if override is None:
        return None
    override = override.strip()
    if not override:
        raise ValidationError("override", "dispatch.override_reason_required")
    check_note("override", override)
    return override


def _check_alerts(alerts: dict[int, Any], alert_id: int, alert_ids: Sequence[int]) -> None:
    """Every alert exists, is not resolved, and lies in the first one's community."""
    first = alerts.get(alert_id)
    community = first.community_id if first is not None else None
    for aid in alert_ids:
        check_joinable(alerts.get(aid), aid, community)


def _check_officers(
    officers: dict[str, Any], jobs: dict[int, int], wanted: Sequence[str], override: str | None
) -> list[str]:
    """Every officer exists and is free, or the override says why not; the badges overridden."""
    overridden: list[str] = []
    for badge in wanted:
        row = officers.get(badge)
        if row is None:
            raise ValidationError("officer", "dispatch.officer_unknown", badge=badge)
        busy = row.status in BUSY_STATUSES or row.id in jobs
        if row.status != "off_duty" and not busy:
            continue
        if override is None:
            if row.status == "off_duty":
                raise ValidationError("officer", "dispatch.officer_off_duty", badge=badge)
            raise ValidationError(
                "officer", "dispatch.officer_busy", badge=badge, dispatch_id=jobs.get(row.id, "?")
            )
        overridden.append(badge)
    return overridden
