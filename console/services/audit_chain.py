"""The audit log's hash chain: how one row's hash is made from the row before it and its fields.

Written once and never changed: every row ever stored was hashed by these two functions, and
``duty-console audit verify`` recomputes them (migration 0010 chains rows older than the chain).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any


def audit_time(value: dt.datetime) -> dt.datetime:
    """``value`` in UTC, cut to the hundredth of a second (what the log keeps)."""
    value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return value.replace(microsecond=value.microsecond // 10_000 * 10_000)


def audit_time_text(value: dt.datetime | str) -> str:
    """The instant as hashed: ``2026-03-14T13:00:00.25`` (UTC, hundredths)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    value = audit_time(value)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 10_000:02d}"


def audit_hash(
    prev_hash: str,
    at_text: str,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str | None,
    console: str,
    outcome: str,
) -> str:
    """SHA-256 (hex) over the previous row's hash and this row's fields, in a fixed order."""
    fields: list[Any] = [
        prev_hash,
        at_text,
        user_id,
        username,
        action,
        entity,
        entity_id,
        detail or "",
        console,
        outcome,
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


# The triggers that keep the log append-only on SQLite (migration 0010 creates them; a test that
# wipes a database drops and recreates them around the wipe).
SQLITE_GUARDS = {
    f"audit_log_no_{verb.lower()}": (
        f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
        f"BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: {verb} refused'); END"
    )
    for verb in ("UPDATE", "DELETE")
}
