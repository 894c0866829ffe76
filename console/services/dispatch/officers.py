"""The officers' board: who is on duty, where, and on which dispatch; status history kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import Dispatch, GridCell, Officer, OfficerStatusChange, Station, dispatch_officer
from console.security import Actor, Permission
from console.services.base import Service, guarded_update, server_time
from console.services.dispatch.common import audit, locked
from console.services.dispatch.rules import BUSY_STATUSES, MANUAL_STATUSES, check_note

DEFAULT_ROLE = "值班民警"

_o = cast(Table, Officer.__table__).c


@dataclass(frozen=True, slots=True)
class OfficerRow:
    """One line of the board."""

    id: int
    badge: str
    name: str
    team: str
    role: str
    status: str
    status_since: dt.datetime | None
    grid_cell_id: int | None
    grid_cell: str | None  # the cell's code
    dispatch_id: int | None  # the open dispatch the officer is on
    version: int


def record_status(
    session: Session,
    actor: Actor,
    officer_id: int,
    status: str,
    at: dt.datetime,
    *,
    dispatch_id: int | None = None,
    reason: str = "",
) -> None:
    """Append one line to the officer's status history (the caller has changed the officer row)."""
    session.execute(
        insert(OfficerStatusChange).values(
            officer_id=officer_id,
            status=status,
            at=at,
            dispatch_id=dispatch_id,
            changed_by=actor.user_id,
            reason=reason,
        )
    )


def open_dispatch_of(session: Session | Connection, officer_ids: list[int]) -> dict[int, int]:
    """officer id -> the newest open (not cleared) dispatch they are on."""
    if not officer_ids:
        return {}
    rows = session.execute(
        select(dispatch_officer.c.officer_id, Dispatch.id)
        .join(Dispatch, Dispatch.id == dispatch_officer.c.dispatch_id)
        .where(dispatch_officer.c.officer_id.in_(officer_ids), Dispatch.closed_at.is_(None))
        .order_by(Dispatch.id)
    )
    return {officer: dispatch for officer, dispatch in rows}


class OfficerService(Service):
    """Adding officers, putting them on or off duty, and the board's list."""

    def add(
        self,
        actor: Actor,
        *,
        badge: str,
        name: str,
        team: str = "",
        grid: str | None = None,
        role: str = DEFAULT_ROLE,
    ) -> OfficerRow:
        """A new officer, available; ``grid`` is a grid cell's code (or its name)."""
        actor.require(Permission.MANAGE_OFFICERS)
        badge, name, team = badge.strip(), name.strip(), team.strip()
        if not badge or len(badge) > 16:
            raise ValidationError("badge", "dispatch.badge_invalid", badge=badge)
        if not name or len(name) > 50:
            raise ValidationError("name", "dispatch.name_invalid")
        if len(team) > 32:
            raise ValidationError("team", "dispatch.team_too_long", limit=32)
        with self._write() as s:
            station_id = s.execute(select(Station.id).order_by(Station.id).limit(1)).scalar()
            if station_id is None:
                raise ValidationError(None, "dispatch.no_station")
            cell_id = None
            if grid is not None and grid.strip():
                cell_id = s.execute(
                    select(GridCell.id).where(
                        (GridCell.code == grid.strip()) | (GridCell.name == grid.strip())
                    )
                ).scalar()
                if cell_id is None:
                    raise ValidationError("grid", "dispatch.grid_unknown", grid=grid)
            if s.execute(select(Officer.id).where(Officer.badge_no == badge)).scalar() is not None:
                raise ValidationError("badge", "dispatch.badge_taken", badge=badge)
            now = server_time(s.connection())
            officer_id = int(
                s.execute(
                    insert(Officer)
                    .values(
                        station_id=station_id,
                        badge_no=badge,
                        name=name,
                        role=role,
                        team=team,
                        status="available",
                        status_since=now,
                        grid_cell_id=cell_id,
                        version=1,
                    )
                    .returning(Officer.id)
                ).scalar_one()
            )
            record_status(s, actor, officer_id, "available", now, reason="added")
            audit(s, actor, "create", "officer", officer_id, self._clock, badge=badge, team=team, grid=grid)
            return self._rows(s, [officer_id])[0]

    def set_status(self, actor: Actor, badge: str, status: str, reason: str = "") -> OfficerRow:
        """On duty (available) or off duty; an officer on an open dispatch is cleared with it, not here."""
        actor.require(Permission.MANAGE_OFFICERS)
        if status not in MANUAL_STATUSES:
            raise ValidationError("status", "dispatch.status_manual", allowed=", ".join(MANUAL_STATUSES))
        check_note("reason", reason)
        with self._write() as s:
            row = s.execute(
                locked(s, select(_o.id, _o.status, _o.version).where(_o.badge_no == badge.strip()))
            ).one_or_none()
            if row is None:
                raise ValidationError("badge", "dispatch.officer_unknown", badge=badge)
            if row.status in BUSY_STATUSES or open_dispatch_of(s, [row.id]):
                raise ValidationError(
                    "status",
                    "dispatch.officer_on_dispatch",
                    badge=badge,
                    dispatch_id=open_dispatch_of(s, [row.id]).get(row.id),
                )
            if row.status != status:
                now = server_time(s.connection())
                guarded_update(
                    s, Officer, row.id, row.version, f"警员 {badge}", status=status, status_since=now
                )
                record_status(s, actor, row.id, status, now, reason=reason)
                audit(
                    s,
                    actor,
                    "update",
                    "officer",
                    row.id,
                    self._clock,
                    status_from=row.status,
                    status_to=status,
                    reason=reason,
                )
            return self._rows(s, [row.id])[0]

    def board(self, actor: Actor) -> list[OfficerRow]:
        """Every officer, by team then badge, with the open dispatch each is on."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            ids = list(conn.execute(select(_o.id).order_by(_o.team, _o.badge_no)).scalars())
            return self._rows(conn, ids)

    def history(self, actor: Actor, badge: str) -> list[tuple[dt.datetime, str, int | None, str]]:
        """(at, status, dispatch id, reason) of one officer, oldest first."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            officer_id = conn.execute(select(_o.id).where(_o.badge_no == badge)).scalar()
            if officer_id is None:
                raise ValidationError("badge", "dispatch.officer_unknown", badge=badge)
            h = OfficerStatusChange
            return [
                (at, status, dispatch_id, reason)
                for at, status, dispatch_id, reason in conn.execute(
                    select(h.at, h.status, h.dispatch_id, h.reason)
                    .where(h.officer_id == officer_id)
                    .order_by(h.id)
                )
            ]

    @staticmethod
    def _rows(s: Session | Connection, ids: list[int]) -> list[OfficerRow]:
        if not ids:
            return []
        found = {
            r.id: r
            for r in s.execute(
                select(
                    _o.id,
                    _o.badge_no,
                    _o.name,
                    _o.team,
                    _o.role,
                    _o.status,
                    _o.status_since,
                    _o.grid_cell_id,
                    GridCell.code,
                    _o.version,
                )
                .outerjoin(GridCell, GridCell.id == _o.grid_cell_id)
                .where(_o.id.in_(ids))
            )
        }
        jobs = open_dispatch_of(s, ids)
        return [
            OfficerRow(
                r.id,
                r.badge_no,
                r.name,
                r.team,
                r.role,
                r.status,
                r.status_since,
                r.grid_cell_id,
                r.code,
                jobs.get(r.id),
                r.version,
            )
            for r in (found[i] for i in ids if i in found)
        ]
