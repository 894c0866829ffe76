"""The duty room's alert feed: keyset-paged and filtered in SQL, triage lifecycle, escalation.

Feed order (``rows.feed_sort_key``): escalated alerts nobody has acknowledged yet are pinned on
top, by severity and then the longest overdue first (a critical alert never sits under a high one),
then every other alert newest first; there severity is shown by colour and icon, not by position. Each page is found
by index: one small query per selected value of the most selective filter ("legs"), each ordered
by ``id DESC`` with a limit, merged in Python — never a scan of the whole history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import ColumnElement, Connection, Table, and_, func, not_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock
from console.errors import UserError, ValidationError
from console.models import Alert, Community, Event, WatchlistEntry
from console.models.alerts import ALERT_STATUSES, EVENT_KINDS, OUTCOMES, SEVERITIES
from console.security import Actor, Permission
from console.services.alerts.details import AlertDetail, DevicePrecision, load_detail, load_device_precision
from console.services.alerts.lifecycle import AlertLifecycle
from console.services.alerts.rows import AlertRow, Cursor, feed_sort_key, load_rows
from console.services.alerts.rules import SEVERITY_RANK, URGENT_RANK
from console.services.base import Service, write_audit
from console.validators import normalise_plate

SUMMARY_WINDOW = 100_000  # free text over summaries looks at the newest this many alerts
MAX_TEXT_CANDIDATES = 2_000
MAX_ENTRY_LEGS = 50
MAX_PINNED = 1_000  # escalated and unacknowledged alerts pinned on top (a bad night has dozens)

__all__ = [
    "ALERT_STATUSES",
    "EVENT_KINDS",
    "OUTCOMES",
    "SEVERITIES",
    "AlertDetail",
    "AlertRow",
    "AlertService",
    "Cursor",
    "DevicePrecision",
    "FeedFilter",
    "UrgentCounts",
]

_t = cast(Table, Alert.__table__)
_a = _t.c


@dataclass(frozen=True, slots=True)
class FeedFilter:
    """What the duty officer narrowed the feed to; empty sets mean "all"."""

    severities: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    community_ids: frozenset[int] = frozenset()
    statuses: frozenset[str] = frozenset()
    text: str = ""


@dataclass(frozen=True, slots=True)
class UrgentCounts:
    """What the feed's banner says: unacknowledged critical and high alerts, and the overdue ones."""

    critical: int = 0
    high: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.critical + self.high


def _pinned_condition() -> ColumnElement[bool]:
    return and_(_a.status == "new", _a.escalated_at.is_not(None))


def _validate_filter(f: FeedFilter) -> None:
    for name, values, allowed in (
        ("severity", f.severities, SEVERITIES),
        ("kind", f.kinds, EVENT_KINDS),
        ("status", f.statuses, ALERT_STATUSES),
    ):
        unknown = set(values) - set(allowed)
        if unknown:
            raise ValidationError(
                name, "validation.unknown_values", values=sorted(unknown), choices=", ".join(allowed)
            )


class AlertService(Service):
    """Reading the feed and moving alerts through new → acknowledged → dispatched → resolved."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        super().__init__(sessions, clock)
        self.lifecycle = AlertLifecycle(sessions, self._clock)
        # The triage steps, as the feed and the command line call them.
        self.acknowledge = self.lifecycle.acknowledge
        self.mark_dispatched = self.lifecycle.mark_dispatched
        self.resolve = self.lifecycle.resolve

    # ------------------------------------------------------------------ reading the feed
    def feed_page(
        self, actor: Actor, filters: FeedFilter = FeedFilter(), after: Cursor | None = None, limit: int = 200
    ) -> list[AlertRow]:
        """The next ``limit`` alerts in feed order after ``after`` (None: from the top)."""
        actor.require(Permission.VIEW_ALERTS)
        _validate_filter(filters)
        with self._read() as conn:
            text_legs = self._text_legs(conn, filters.text)
            ids: list[int] = []
            if after is None or after.pinned:
                ids = self._pinned_segment(conn, filters, text_legs, after, limit)
            if len(ids) < limit:
                below = None if after is None or after.pinned else after.alert_id
                ids += self._segment(conn, filters, text_legs, below, limit - len(ids))
            return load_rows(conn, ids)

    def alerts_by_ids(
        self, actor: Actor, ids: Iterable[int], filters: FeedFilter | None = None
    ) -> list[AlertRow]:
        """The alerts ``ids`` (those still matching ``filters``, if given), for live updates."""
        actor.require(Permission.VIEW_ALERTS)
        wanted = sorted(set(ids), reverse=True)
        if not wanted:
            return []
        with self._read() as conn:
            if filters is not None and filters != FeedFilter():
                _validate_filter(filters)
                text_legs = self._text_legs(conn, filters.text)
                conds = [_a.id.in_(wanted), *self._conditions(filters, skip=None)]
                if text_legs is not None:
                    conds.append(or_(*text_legs) if text_legs else _a.id.is_(None))
                wanted = list(conn.execute(select(_a.id).where(*conds).order_by(_a.id.desc())).scalars())
            return load_rows(conn, wanted)

    def communities(self, actor: Actor) -> list[tuple[int, str]]:
        """(id, name) of every community, for the feed's filter."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            return [
                (i, n) for i, n in conn.execute(select(Community.id, Community.name).order_by(Community.name))
            ]

    def urgent_open_counts(self, actor: Actor) -> UrgentCounts:
        """Critical and high alerts nobody has acknowledged yet, and how many of them are overdue."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            # One range of ix_alert_status_rank: counts only the urgent new alerts, however many
            # new low-severity ones or old critical ones the history holds.
            counts = {
                (rank, escalated): n
                for rank, escalated, n in conn.execute(
                    select(_a.severity_rank, _a.escalated_at.is_not(None), func.count())
                    .where(_a.status == "new", _a.severity_rank <= URGENT_RANK)
                    .group_by(_a.severity_rank, _a.escalated_at.is_not(None))
                )
            }
        critical, high = SEVERITY_RANK["critical"], SEVERITY_RANK["high"]
        return UrgentCounts(
            critical=sum(n for (rank, _e), n in counts.items() if rank == critical),
            high=sum(n for (rank, _e), n in counts.items() if rank == high),
            overdue=sum(n for (_rank, escalated), n in counts.items() if escalated),
        )

    def _pinned_segment(
        self,
        conn: Connection,
        f: FeedFilter,
        text_legs: list[ColumnElement[bool]] | None,
        after: Cursor | None,
        limit: int,
    ) -> list[int]:
        """The escalated, unacknowledged alerts after ``after``, by severity then longest overdue."""
        # Few rows, found by ix_alert_status_escalated; filtered in a second step so that the
        # planner cannot prefer a filter's index and walk a whole severity or community.
        pinned = conn.execute(
            select(_a.id, _a.severity_rank).where(_pinned_condition()).order_by(_a.id.desc()).limit(MAX_PINNED)
        ).all()
        if not pinned or limit <= 0:
            return []
        conds = [_a.id.in_([i for i, _rank in pinned]), *self._conditions(f, skip=None)]
        if text_legs is not None:
            conds.append(or_(*text_legs) if text_legs else _a.id.is_(None))
        wanted = set(conn.execute(select(_a.id).where(*conds)).scalars())
        keys = sorted(feed_sort_key(True, rank, i) for i, rank in pinned if i in wanted)
        if after is not None:
            start = feed_sort_key(True, after.severity_rank, after.alert_id)
            keys = [k for k in keys if k > start]
        return [k[2] for k in keys[:limit]]

    def _segment(
        self,
        conn: Connection,
        f: FeedFilter,
        text_legs: list[ColumnElement[bool]] | None,
        below: int | None,
        limit: int,
    ) -> list[int]:
        """The alerts that are not pinned, newest first, below id ``below``."""
        if limit <= 0:
            return []
        common = [not_(_pinned_condition()), *self._conditions(f, skip=None)]
        legs = [] if text_legs is None else text_legs
        if text_legs is None:
            dim, legs = self._driving_legs(f)
            if dim is not None:
                common = [not_(_pinned_condition()), *self._conditions(f, skip=dim)]
        if below is not None:
            common.append(_a.id < below)
        found: set[int] = set()
        for leg in legs or [_a.id.is_not(None)]:
            conds = [leg, *common]
            stmt = select(_a.id).where(*conds).order_by(_a.id.desc()).limit(limit)
            found.update(conn.execute(stmt).scalars())
        return sorted(found, reverse=True)[:limit]

    @staticmethod
    def _driving_legs(f: FeedFilter) -> tuple[str | None, list[ColumnElement[bool]]]:
        """One equality per selected value of the most selective filter given, each led by its index."""
        if f.community_ids:
            return "community_ids", [_a.community_id == v for v in sorted(f.community_ids)]
        if f.statuses:
            return "statuses", [_a.status == v for v in sorted(f.statuses)]
        if f.kinds:
            return "kinds", [_a.kind == v for v in sorted(f.kinds)]
        if f.severities:
            return "severities", [_a.severity_rank == SEVERITY_RANK[v] for v in sorted(f.severities)]
        return None, []

    @staticmethod
    def _conditions(f: FeedFilter, skip: str | None) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = []
        if f.community_ids and skip != "community_ids":
            conds.append(_a.community_id.in_(sorted(f.community_ids)))
        if f.statuses and skip != "statuses":
            conds.append(_a.status.in_(sorted(f.statuses)))
        if f.kinds and skip != "kinds":
            conds.append(_a.kind.in_(sorted(f.kinds)))
        if f.severities and skip != "severities":
            conds.append(_a.severity_rank.in_(sorted(SEVERITY_RANK[s] for s in f.severities)))
        return conds

    def _text_legs(self, conn: Connection, raw: str) -> list[ColumnElement[bool]] | None:
        """Index-backed conditions for free text (None: no text filter; []: nothing can match).

        A plate or ID-number fragment is looked up by prefix in the watchlist and in the events
        (indexed ranges); other text is matched in the summaries of the newest SUMMARY_WINDOW
        alerts (a bounded scan: older alerts are found by plate or ID number).
        """
        q = raw.strip()
        if not q:
            return None
        legs: list[ColumnElement[bool]] = []
        key = normalise_plate(q)
        # A plate ("闽D12", province + authority letter + serial) or an ID-number prefix (6+ digits)
        # is found through the indexes alone: summaries show such plates in full and ID numbers masked.
        plate_like = re.fullmatch(r"[\u4e00-\u9fff][A-Z][0-9A-Z]{0,6}", key) is not None
        id_like = re.fullmatch(r"[0-9]{6,17}[0-9X]?", key) is not None
        if plate_like or id_like or re.fullmatch(r"[0-9A-Z]{4,8}", key):
            entry_ids: set[int] = set()
            alert_ids: set[int] = set()
            for wl_col, ev_col in (
                (WatchlistEntry.plate, Event.plate),
                (WatchlistEntry.id_number, Event.id_number),
            ):
                hi = key + "\U0010ffff"
                entry_ids.update(
                    conn.execute(
                        select(WatchlistEntry.id).where(wl_col >= key, wl_col < hi).limit(MAX_TEXT_CANDIDATES)
                    ).scalars()
                )
                alert_ids.update(
                    i
                    for i in conn.execute(
                        select(Event.alert_id)
                        .where(ev_col >= key, ev_col < hi, Event.alert_id.is_not(None))
                        .limit(MAX_TEXT_CANDIDATES)
                    ).scalars()
                    if i is not None
                )
            if len(entry_ids) <= MAX_ENTRY_LEGS:  # one leg per entry: each walks (entry, id) backwards
                legs.extend(_a.watchlist_entry_id == e for e in sorted(entry_ids))
            else:
                legs.append(_a.watchlist_entry_id.in_(sorted(entry_ids)))
            if alert_ids:
                legs.append(_a.id.in_(sorted(alert_ids)))
        if plate_like or id_like:
            return legs
        top = conn.execute(select(func.max(_a.id))).scalar() or 0
        # SQLite's LIKE ignores ASCII case already; on PostgreSQL ILIKE costs ~4× LIKE, and only
        # Latin letters have a case (Chinese text does not): pay for it only when needed.
        ascii_letters = re.search(r"[A-Za-z]", q) is not None
        if conn.dialect.name == "postgresql" and ascii_letters:
            like = _a.summary.icontains(q, autoescape=True)
        else:
            like = _a.summary.contains(q, autoescape=True)
        legs.append(and_(_a.id > top - SUMMARY_WINDOW, like))
        return legs

    # ------------------------------------------------------------------ detail
    def detail(self, actor: Actor, alert_id: int, *, unmask: bool = False, reason: str = "") -> AlertDetail:
        """Everything the detail panel shows; ``unmask`` needs UNMASK_PERSONAL_DATA and a stated
        ``reason``, which the audit log keeps beside the numbers seen (this alert's only)."""
        actor.require(Permission.VIEW_ALERTS)
        reason = reason.strip()
        if unmask:
            actor.require(Permission.UNMASK_PERSONAL_DATA)
            if not reason:
                raise ValidationError("reason", "unmask.reason_required")
        with self._write() as s:
            rows = load_rows(s.connection(), [alert_id])
            if not rows:
                raise UserError("alert.not_found", alert_id=alert_id)
            detail = load_detail(s.connection(), rows[0], unmask=unmask)
            if unmask:
                write_audit(
                    s,
                    actor,
                    "view_personal_data",
                    "alert",
                    alert_id,
                    self._clock,
                    fields=["id_number", "phone"],
                    subject=detail.trace_subject,
                    reason=reason,
                )
            return detail

    def device_precision(self, actor: Actor) -> list[DevicePrecision]:
        """Plate reads judged correct / misread at resolution, per device."""
        actor.require(Permission.VIEW_ALERTS)
        with self._read() as conn:
            return load_device_precision(conn)
