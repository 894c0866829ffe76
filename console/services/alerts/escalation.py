"""Escalation of unacknowledged urgent alerts: a station job, not a pane's timer.

Critical and high alerts nobody has acknowledged within the station's limit (``Station.
escalate_after_seconds``, 60 s by default) are marked escalated: the feed pins them on top in red
and sounds again. Exactly one console per station does this at a time — a PostgreSQL advisory
lock taken for the job's transaction (the other consoles skip that round), on SQLite the writer
lock (``BEGIN IMMEDIATE``) — and only the rows its UPDATE changed are audited, so an alert is
escalated and audited once however many consoles are running. Qt-free: the console's job runner
calls ``run_once`` on a worker thread every few seconds.

An escalated alert still unacknowledged is brought back to the duty officer's attention (sound and
tray) now and then; ``ReminderLimiter`` says when, so that one alert reminds at most once per the
configured interval however often the feed re-reads it.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, select, text, update
from sqlalchemy.orm import Session

from console.models import Alert, Station
from console.security import Actor, system_actor
from console.services.alerts.rules import URGENT_RANK
from console.services.base import Service, write_audit

DEFAULT_ESCALATE_AFTER_S = 60
DEFAULT_REMIND_EVERY_S = 300.0  # an overdue alert reminds again at most every 5 minutes
# pg_try_advisory_xact_lock key: "escalate" in ASCII, unique among the console's locks.
ADVISORY_LOCK_KEY = 0x657363616C617465

_t = cast(Table, Alert.__table__)
_a = _t.c


class EscalationJob(Service):
    """Marks overdue unacknowledged critical/high alerts escalated; returns the ids it changed."""

    name = "escalation"

    def run_once(self, now: dt.datetime | None = None, actor: Actor | None = None) -> list[int]:
        """One round: the ids this console escalated (empty if another console holds the job)."""
        actor = actor or system_actor("escalation")  # the station's rule, not an officer's act
        # On SQLite the writer lock taken at BEGIN makes two consoles' rounds run one after the
        # other (the second waits up to the busy timeout, then finds nothing left to do).
        with self._write_locked() as s:
            if not self._take_lock(s):
                return []
            # "Overdue" is measured against stored receipt times: by the server's clock, not ours.
            now = now or self._now(s)
            seconds = s.execute(select(Station.escalate_after_seconds).order_by(Station.id).limit(1)).scalar()
            cutoff = now - dt.timedelta(seconds=seconds if seconds is not None else DEFAULT_ESCALATE_AFTER_S)
            # The unacknowledged alerts are few and found by status; the rest is checked here (a
            # severity condition in SQL would lead the planner through the whole history).
            candidates = s.execute(
                select(_a.id, _a.severity_rank, _a.escalated_at, _a.raised_at).where(_a.status == "new")
            ).all()
            due = sorted(
                i
                for i, rank, escalated, raised in candidates
                if rank <= URGENT_RANK and escalated is None and raised < cutoff
            )
            if not due:
                return []
            # No version bump: escalation must not turn an officer's acknowledgement into a
            # conflict. The conditions are checked again by the UPDATE itself, and only the rows it
            # changed come back: an alert acknowledged meanwhile is neither escalated nor audited.
            changed = sorted(
                s.execute(
                    update(_t)
                    .where(_a.id.in_(due), _a.status == "new", _a.escalated_at.is_(None))
                    .values(escalated_at=now)
                    .returning(_a.id)
                ).scalars()
            )
            for alert_id in changed:
                write_audit(s, actor, "escalate", "alert", alert_id, self._clock)
            return changed

    def _take_lock(self, s: Session) -> bool:
        """PostgreSQL: this round's advisory lock, or False if another console holds it."""
        if self.backend == "postgresql":
            return bool(s.execute(select(text(f"pg_try_advisory_xact_lock({ADVISORY_LOCK_KEY})"))).scalar())
        return True  # SQLite: _write_locked already holds the writer lock


class ReminderLimiter:
    """Which overdue alerts may remind now: each at most once per ``every_s`` seconds.

    The escalation itself counts as the first reminder. Alerts acknowledged meanwhile are
    forgotten (``keep_only``), so the memory holds only what is still overdue.
    """

    def __init__(self, every_s: float = DEFAULT_REMIND_EVERY_S) -> None:
        self.every_s = max(1.0, float(every_s))
        self._last: dict[int, dt.datetime] = {}

    def due(self, alert_ids: list[int], now: dt.datetime) -> list[int]:
        """Those of ``alert_ids`` not reminded within the interval; they count as reminded at ``now``."""
        wait = dt.timedelta(seconds=self.every_s)
        due = [i for i in alert_ids if i not in self._last or now - self._last[i] >= wait]
        for alert_id in due:
            self._last[alert_id] = now
        return due

    def keep_only(self, alert_ids: set[int]) -> None:
        """Forget every alert not in ``alert_ids`` (no longer overdue)."""
        for alert_id in set(self._last) - alert_ids:
            del self._last[alert_id]
