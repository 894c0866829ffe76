"""The audit log read back: the hash chain verified row by row (``duty-console audit verify``)."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from typing import TextIO

from sqlalchemy import Select, select

from console.models import AuditLog
from console.security import Actor, Permission
from console.services.audit_chain import audit_hash, audit_time_text
from console.services.base import Service, write_audit
from console.validators import csv_cell

CHUNK = 5000


@dataclass(frozen=True)
class ChainCheck:
    """How the chain held: rows read, and the first row whose link or content does not match."""

    rows: int
    ok: bool
    first_bad_id: int | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log as the audit administrator reads it."""

    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    detail: str
    console: str
    outcome: str


@dataclass(frozen=True)
class AuditFilter:
    """What the audit viewer narrows by; ``None`` means any."""

    username: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


AUDIT_CSV_FIELDS = ("id", "at", "username", "action", "entity", "entity_id", "outcome", "console", "detail")


class AuditService(Service):
    def entries(
        self, actor: Actor, where: AuditFilter, *, limit: int = 500, before_id: int | None = None
    ) -> list[AuditEntry]:
        """The newest ``limit`` entries matching ``where`` (older pages with ``before_id``).

        Only the audit administrator's role reads the log; reading it is itself audited.
        """
        actor.require(Permission.READ_AUDIT)
        stmt = _filtered(where).order_by(AuditLog.id.desc()).limit(max(1, min(limit, 5000)))
        if before_id is not None:
            stmt = stmt.where(AuditLog.id < before_id)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
        with self._write() as s:
            write_audit(s, actor, "read_audit", "audit_log", None, self._clock, rows=len(rows))
        return [AuditEntry(*r) for r in rows]

    def export_csv(self, actor: Actor, where: AuditFilter, out: TextIO) -> int:
        """Every entry matching ``where``, oldest first, as CSV (cells a spreadsheet would run are
        neutralised); the export is audited before the first row. Returns the row count."""
        actor.require(Permission.READ_AUDIT)
        with self._write() as s:
            write_audit(s, actor, "export", "audit_log", None, self._clock, format="csv")
        writer = csv.writer(out)
        writer.writerow(AUDIT_CSV_FIELDS)
        count = 0
        with self._read_streamed(CHUNK) as conn:
            for part in conn.execute(_filtered(where).order_by(AuditLog.id)).partitions(CHUNK):
                for r in part:
                    e = AuditEntry(*r)
                    writer.writerow(
                        [
                            e.id,
                            e.at.isoformat(),
                            csv_cell(e.username),
                            e.action,
                            e.entity,
                            e.entity_id,
                            e.outcome,
                            csv_cell(e.console),
                            csv_cell(e.detail),
                        ]
                    )
                    count += 1
        return count

    def verify(self) -> ChainCheck:
        """Recompute every row's hash from the row before it, in id order.

        A row changed after it was written no longer matches its own hash; a row deleted breaks
        the next row's link to it; a row inserted out of order breaks its own link. The first
        such row is reported; nothing is changed.
        """
        a = AuditLog
        stmt = select(
            a.id,
            a.at,
            a.user_id,
            a.username,
            a.action,
            a.entity,
            a.entity_id,
            a.detail,
            a.console,
            a.outcome,
            a.prev_hash,
            a.row_hash,
        ).order_by(a.id)
        prev = ""
        rows = 0
        with self._read_streamed(CHUNK) as conn:
            for part in conn.execute(stmt).partitions(CHUNK):
                for r in part:
                    rows += 1
                    expected = audit_hash(
                        prev,
                        audit_time_text(r.at),
                        r.user_id,
                        r.username,
                        r.action,
                        r.entity,
                        r.entity_id,
                        r.detail,
                        r.console,
                        r.outcome,
                    )
                    if r.prev_hash != prev or r.row_hash != expected:
                        return ChainCheck(rows, False, r.id)
                    prev = r.row_hash
        return ChainCheck(rows, True)


def _filtered(where: AuditFilter) -> Select:
    a = AuditLog
    stmt = select(a.id, a.at, a.username, a.action, a.entity, a.entity_id, a.detail, a.console, a.outcome)
    if where.username:
        stmt = stmt.where(a.username == where.username)
    if where.action:
        stmt = stmt.where(a.action == where.action)
    if where.entity:
        stmt = stmt.where(a.entity == where.entity)
    if where.entity_id is not None:
        stmt = stmt.where(a.entity_id == where.entity_id)
    if where.since is not None:
        stmt = stmt.where(a.at >= where.since)
    if where.until is not None:
        stmt = stmt.where(a.at < where.until)
    return stmt
