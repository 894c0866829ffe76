"""The audit log read back: the hash chain verified row by row (``duty-console audit verify``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from console.models import AuditLog
from console.services.audit_chain import audit_hash, audit_time_text
from console.services.base import Service

CHUNK = 5000


@dataclass(frozen=True)
class ChainCheck:
    """How the chain held: rows read, and the first row whose link or content does not match."""

    rows: int
    ok: bool
    first_bad_id: int | None = None


class AuditService(Service):
    def verify(self) -> ChainCheck:
        """Recompute every row's hash from the row before it, in id order.

        A row changed after it was written no longer matches its own hash; a row deleted breaks
        the next row's link to it; a row inserted out of order breaks its own link. The first
        such row is reported; nothing is changed.
        """
        a = AuditLog
        stmt = select(
            a.id, a.at, a.user_id, a.username, a.action, a.entity, a.entity_id, a.detail, a.console, a.outcome,
            a.prev_hash, a.row_hash,
        ).order_by(a.id)
        prev = ""
        rows = 0
        with self._read_streamed(CHUNK) as conn:
            for part in conn.execute(stmt).partitions(CHUNK):
                for r in part:
                    rows += 1
                    expected = audit_hash(
                        prev, audit_time_text(r.at), r.user_id, r.username, r.action, r.entity, r.entity_id,
                        r.detail, r.console, r.outcome,
                    )
                    if r.prev_hash != prev or r.row_hash != expected:
                        return ChainCheck(rows, False, r.id)
                    prev = r.row_hash
        return ChainCheck(rows, True)
