"""Reading dispatches for the board and the alert detail: each with its response clock and crew."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, select

from console.models import Alert, Community, Dispatch, Officer, Station, dispatch_alert, dispatch_officer
from console.services.dispatch.rules import DEFAULT_RESPONSE_TARGET_S

_d = cast(Table, Dispatch.__table__).c


@dataclass(frozen=True, slots=True)
class DispatchClock:
    """One dispatch as the duty room watches it: received → acknowledged → dispatched → arrived → cleared."""

    id: int
    alert_id: int | None
    alert_summary: str
    community: str
    status: str  # en_route, on_scene, closed
    received_at: dt.datetime | None  # the raising event's time: where the response clock starts
    acknowledged_at: dt.datetime | None
    dispatched_at: dt.datetime
    arrived_at: dt.datetime | None
    cleared_at: dt.datetime | None
    officers: tuple[str, ...]  # badges
    note: str
    override_reason: str
    outcome: str
    version: int

    def overdue(self, now: dt.datetime, target_seconds: int) -> bool:
        """Not at the door although the response target has passed since the warning arose."""
        if self.arrived_at is not None or self.cleared_at is not None or self.received_at is None:
            return False
        return (now - self.received_at).total_seconds() > target_seconds


def response_target_of(conn: Connection) -> int:
    """The station's response target in seconds (the first station's; 600 s without one)."""
    target = conn.execute(select(Station.response_target_seconds).order_by(Station.id).limit(1)).scalar()
    return int(target) if target is not None else DEFAULT_RESPONSE_TARGET_S


def read_clocks(
    conn: Connection, *, open_only: bool = False, alert_id: int | None = None
) -> list[DispatchClock]:
    """Dispatches, oldest first: the open ones (board), or every one covering ``alert_id`` (detail)."""
    stmt = (
        select(
            _d.id,
            _d.alert_id,
            Alert.summary,
            Community.name,
            _d.status,
            _d.received_at,
            _d.acknowledged_at,
            _d.dispatched_at,
            _d.arrived_at,
            _d.closed_at,
            _d.note,
            _d.override_reason,
            _d.outcome,
            _d.version,
        )
        .outerjoin(Alert, Alert.id == _d.alert_id)
        .outerjoin(Community, Community.id == _d.community_id)
        .order_by(_d.id)
    )
    if open_only:
        stmt = stmt.where(_d.closed_at.is_(None))
    if alert_id is not None:
        covered = select(dispatch_alert.c.dispatch_id).where(dispatch_alert.c.alert_id == alert_id)
        stmt = stmt.where((_d.alert_id == alert_id) | _d.id.in_(covered))
    rows = conn.execute(stmt).all()
    crews = _crews(conn, [r.id for r in rows])
    return [
        DispatchClock(
            r.id,
            r.alert_id,
            r.summary or "",
            r.name or "",
            r.status,
            r.received_at,
            r.acknowledged_at,
            r.dispatched_at,
            r.arrived_at,
            r.closed_at,
            crews.get(r.id, ()),
            r.note or "",
            r.override_reason or "",
            r.outcome or "",
            r.version,
        )
        for r in rows
    ]


def _crews(conn: Connection, dispatch_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    if not dispatch_ids:
        return {}
    crews: dict[int, list[str]] = {}
    for dispatch_id, badge in conn.execute(
        select(dispatch_officer.c.dispatch_id, Officer.badge_no)
        .join(Officer, Officer.id == dispatch_officer.c.officer_id)
        .where(dispatch_officer.c.dispatch_id.in_(dispatch_ids))
        .order_by(dispatch_officer.c.dispatch_id, Officer.badge_no)
    ):
        crews.setdefault(dispatch_id, []).append(badge)
    return {k: tuple(v) for k, v in crews.items()}
