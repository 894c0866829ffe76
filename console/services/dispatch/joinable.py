"""Other open alerts one dispatch may also cover: the same community, not resolved.

The dispatch dialog offers them (a car at the north gate and a fraud warning for a resident of
the same compound: one crew goes); ``DispatchService.dispatch`` checks the same rule again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from console.errors import ValidationError
from console.models import Alert

_a = cast(Table, Alert.__table__).c

# The dialog lists at most this many; an older one is still reachable by typing its number.
JOINABLE_LIMIT = 20


@dataclass(frozen=True, slots=True)
class JoinableAlert:
    """An open alert of the dispatch's community, as the dialog lists it."""

    id: int
    kind: str
    severity: str
    status: str
    summary: str
    raised_at: dt.datetime


def check_joinable(alert: Any, alert_id: int, first_community: int | None) -> None:
    """Refuse a missing or resolved alert, or one in another community (field ``alert_id``)."""
    if alert is None:
        raise ValidationError("alert_id", "dispatch.alert_unknown", alert_id=alert_id)
    if alert.status == "resolved":
        raise ValidationError("alert_id", "dispatch.alert_resolved", alert_id=alert_id)
    if alert.community_id != first_community:
        raise ValidationError("alert_id", "dispatch.alerts_other_community", alert_id=alert_id)


def joinable_alerts(conn: Connection, alert_id: int, limit: int = JOINABLE_LIMIT) -> list[JoinableAlert]:
    """The other open alerts of ``alert_id``'s community, newest first."""
    community = conn.execute(select(_a.community_id).where(_a.id == alert_id)).scalar()
    if community is None:
        return []
    rows = conn.execute(
        select(_a.id, _a.kind, _a.severity, _a.status, _a.summary, _a.raised_at)
        .where(_a.community_id == community, _a.status != "resolved", _a.id != alert_id)
        .order_by(_a.id.desc())
        .limit(limit)
    )
    return [JoinableAlert(r.id, r.kind, r.severity, r.status, r.summary or "", r.raised_at) for r in rows]


def joinable_alert(conn: Connection, alert_id: int, other_id: int) -> JoinableAlert:
    """``other_id`` if one dispatch for ``alert_id`` may also cover it; refused otherwise."""
    first: Any = conn.execute(select(_a.community_id).where(_a.id == alert_id)).one_or_none()
    if first is None:
        raise ValidationError("alert_id", "dispatch.alert_unknown", alert_id=alert_id)
    other: Any = conn.execute(
        select(_a.id, _a.kind, _a.severity, _a.status, _a.summary, _a.raised_at, _a.community_id).where(
            _a.id == other_id
        )
    ).one_or_none()
    check_joinable(other, other_id, first.community_id)  # a missing one is refused here
    return JoinableAlert(
        other.id, other.kind, other.severity, other.status, other.summary or "", other.raised_at
    )
