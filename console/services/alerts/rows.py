"""An alert as the feed shows it (AlertRow), where a page starts (Cursor), and loading rows by id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, select

from console.models import Alert, Community, WatchlistEntry
from console.services.alerts.rules import SEVERITY_RANK, URGENT_RANK
from console.validators import mask_id_number

_t = cast(Table, Alert.__table__)
_a = _t.c


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: after this row of the feed order."""

    pinned: bool
    alert_id: int
    severity_rank: int = 0  # pinned rows are ordered by severity first


@dataclass(frozen=True, slots=True)
class AlertRow:
    """One line of the feed (ID numbers always masked here)."""

    id: int
    kind: str
    severity: str
    status: str
    community_id: int | None
    community_name: str
    watchlist_entry_id: int | None
    matched: str  # what matched: the plate, or the person (masked ID number and name)
    summary: str
    count: int
    raised_at: dt.datetime
    last_event_at: dt.datetime
    acknowledged_at: dt.datetime | None
    dispatched_at: dt.datetime | None
    resolved_at: dt.datetime | None
    escalated_at: dt.datetime | None
    outcome: str | None
    read_correct: bool | None
    version: int

    @property
    def severity_rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 3)

    @property
    def urgent(self) -> bool:
        """Critical or high: sounds, flashes, escalates."""
        return self.severity_rank <= URGENT_RANK

    @property
    def pinned(self) -> bool:
        """Escalated and still unacknowledged: on top of the feed, red."""
        return self.escalated_at is not None and self.status == "new"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Ascending in feed order: see ``feed_sort_key``."""
        return feed_sort_key(self.pinned, self.severity_rank, self.id)

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.pinned, self.id, self.severity_rank)


def feed_sort_key(pinned: bool, severity_rank: int, alert_id: int) -> tuple[int, int, int]:
    """The feed order, ascending: escalated unacknowledged alerts first, by severity (a critical one
    never sits under a high one), the longest overdue first within a severity; then every other
    alert, newest first (severity shown by colour and icon there)."""
    if pinned:
        return (0, severity_rank, alert_id)
    return (1, 0, -alert_id)


def load_rows(conn: Connection, ids: Sequence[int]) -> list[AlertRow]:
    """The feed lines of ``ids``, in feed order (missing ids left out)."""
    if not ids:
        return []
    wl = WatchlistEntry.__table__.c
    stmt = (
        select(
            _a.id,
            _a.kind,
            _a.severity,
            _a.status,
            _a.community_id,
            Community.name,
            _a.watchlist_entry_id,
            wl.plate,
            wl.id_number,
            wl.name,
            _a.summary,
            _a.count,
            _a.raised_at,
            _a.last_event_at,
            _a.acknowledged_at,
            _a.dispatched_at,
            _a.resolved_at,
            _a.escalated_at,
            _a.outcome,
            _a.read_correct,
            _a.version,
        )
        .select_from(
            Alert.__table__.outerjoin(Community.__table__, Community.id == _a.community_id).outerjoin(
                WatchlistEntry.__table__, wl.id == _a.watchlist_entry_id
            )
        )
        .where(_a.id.in_(list(ids)))
    )
    by_id = {}
    for (
        aid,
        kind,
        severity,
        status,
        community_id,
        community,
        entry_id,
        plate,
        id_number,
        name,
        summary,
        count,
        raised,
        last,
        acked,
        dispatched,
        resolved,
        escalated,
        outcome,
        read_correct,
        version,
    ) in conn.execute(stmt):
        matched = plate or " ".join(x for x in (name, mask_id_number(id_number)) if x)
        by_id[aid] = AlertRow(
            aid,
            kind,
            severity,
            status,
            community_id,
            community or "",
            entry_id,
            matched,
            summary,
            count,
            raised,
            last,
            acked,
            dispatched,
            resolved,
            escalated,
            outcome,
            read_correct,
            version,
        )
    return sorted((by_id[i] for i in ids if i in by_id), key=lambda row: row.sort_key)
