"""What the detail panel shows for one alert, and plate-read precision per device (Qt-free).

Split from ``alerts.py`` to keep both modules small; called only by ``AlertService``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, case, func, select

from console.models import Alert, CaseLink, Community, Device, Event, TheftCase, WatchlistEntry
from console.services.alerts.rows import AlertRow
from console.validators import mask_id_number, mask_phone
from console.vocabulary import CATEGORY_TITLES, LEVEL_TITLES, scheme_title

MAX_EVENTS = 50
MAX_SIGHTINGS = 20


@dataclass(frozen=True, slots=True)
class EventLine:
    """One sighting or signal that raised or was grouped into the alert."""

    id: int
    at: dt.datetime
    kind: str
    source: str
    device: str
    community_name: str
    plate: str
    id_number: str  # masked unless the detail was unmasked
    phone: str  # masked unless the detail was unmasked
    note: str  # direction, confidence, scheme, amount or the report's text


@dataclass(frozen=True, slots=True)
class WatchlistInfo:
    id: int
    kind: str  # person | vehicle
    plate: str
    id_number: str  # masked unless unmasked
    name: str
    reason: str
    severity: str
    active: bool
    expires_at: dt.datetime | None
    case_no: str
    case_title: str
    case_status: str


@dataclass(frozen=True, slots=True)
class CommunityInfo:
    id: int
    name: str
    address: str
    property_manager_company: str
    property_manager_name: str
    property_manager_phone: str  # a business line the duty officer must be able to call: not masked


@dataclass(frozen=True, slots=True)
class Sighting:
    """Where the same plate or person was seen last (a trace across communities)."""

    event_id: int
    at: dt.datetime
    community_name: str
    device: str
    alert_id: int | None


@dataclass(frozen=True, slots=True)
class AlertDetail:
    alert: AlertRow
    events: tuple[EventLine, ...]
    watchlist: WatchlistInfo | None
    community: CommunityInfo | None
    trace_subject: str  # the plate or (masked) ID number the trace follows; "" if none
    trace: tuple[Sighting, ...]
    unmasked: bool
    linked_cases: tuple[str, ...] = ()  # case numbers this alert was linked to by hand, oldest link first

    @property
    def case_no(self) -> str | None:
        """The case this alert leads to: its watchlist entry's case, else the first case it was linked to."""
        if self.watchlist is not None and self.watchlist.case_no:
            return self.watchlist.case_no
        return self.linked_cases[0] if self.linked_cases else None


@dataclass(frozen=True, slots=True)
class DevicePrecision:
    device: str
    correct: int
    misread: int

    @property
    def precision(self) -> float | None:
        total = self.correct + self.misread
        return self.correct / total if total else None


def _note(kind: str, payload: str) -> str:
    try:
        data: Any = json.loads(payload)
    except (ValueError, TypeError):
        return ""
    if not isinstance(data, dict):
        return ""
    if kind == "plate_read":
        parts = [{"in": "驶入", "out": "驶出"}.get(str(data.get("direction")), "")]
        if isinstance(data.get("confidence"), int | float):
            parts.append(f"置信度 {data['confidence']:.2f}")
        return " ".join(p for p in parts if p)
    if kind == "fraud_risk":
        parts = [
            f"{LEVEL_TITLES.get(str(data.get('level')), '')}风险" if data.get("level") else "",
            scheme_title(str(data.get("scheme", ""))),
            str(data.get("bank", "")),
        ]
        if isinstance(data.get("amount"), int | float):
            parts.append(f"¥{data['amount']:,.0f}")
        return " ".join(p for p in parts if p)
    if kind == "report":
        category = CATEGORY_TITLES.get(str(data.get("category")), str(data.get("category", "")))
        return f"[{category}] {str(data.get('text', ''))[:200]}"
    return str(data.get("name", "")) if kind == "person_entry" else ""


def _events_with_places() -> Any:
    """Events with their community and device: a device shows by its readable name (禹洲璟阅城北门
    车辆道闸), its code (GK001-north-gate-1) only when the registry of devices does not know it."""
    ev = Event.__table__.c
    return Event.__table__.outerjoin(Community.__table__, Community.id == ev.community_id).outerjoin(
        Device.__table__, Device.code == ev.device
    )


def _device_shown() -> Any:
    return func.coalesce(func.nullif(Device.name, ""), Event.__table__.c.device).label("device")


def load_detail(conn: Connection, row: AlertRow, *, unmask: bool) -> AlertDetail:
    """Events, watchlist entry with its case, community, and the trace for ``row``."""
    id_shown = (lambda v: v or "") if unmask else mask_id_number
    phone_shown = (lambda v: v or "") if unmask else mask_phone
    ev = Event.__table__.c
    events = [
        EventLine(
            r.id,
            r.at,
            r.kind,
            r.source,
            r.device or "",
            r.name or "",
            r.plate or "",
            id_shown(r.id_number),
            phone_shown(r.phone),
            _note(r.kind, r.payload),
        )
        for r in conn.execute(
            select(
                ev.id,
                ev.at,
                ev.kind,
                ev.source,
                _device_shown(),
                Community.name,
                ev.plate,
                ev.id_number,
                ev.phone,
                ev.payload,
            )
            .select_from(_events_with_places())
            .where(ev.alert_id == row.id)
            .order_by(ev.at.desc(), ev.id.desc())
            .limit(MAX_EVENTS)
        )
    ]
    watch = None
    raw_plate, raw_id = "", ""
    if row.watchlist_entry_id is not None:
        wl, tc = WatchlistEntry.__table__.c, TheftCase.__table__.c
        e = conn.execute(
            select(
                wl.id,
                wl.kind,
                wl.plate,
                wl.id_number,
                wl.name,
                wl.reason,
                wl.severity,
                wl.active,
                wl.expires_at,
                tc.case_no,
                tc.title,
                tc.status,
            )
            .select_from(WatchlistEntry.__table__.outerjoin(TheftCase.__table__, tc.id == wl.case_id))
            .where(wl.id == row.watchlist_entry_id)
        ).one_or_none()
        if e is not None:
            raw_plate, raw_id = e.plate or "", e.id_number or ""
            watch = WatchlistInfo(
                e.id,
                e.kind,
                raw_plate,
                id_shown(e.id_number),
                e.name,
                e.reason,
                e.severity,
                bool(e.active),
                e.expires_at,
                e.case_no or "",
                e.title or "",
                e.status or "",
            )
    if not raw_plate and not raw_id:
        first = conn.execute(
            select(ev.plate, ev.id_number).where(ev.alert_id == row.id).limit(1)
        ).one_or_none()
        if first is not None:
            raw_plate, raw_id = first[0] or "", first[1] or ""
    community = None
    if row.community_id is not None:
        r = conn.execute(select(Community.__table__).where(Community.id == row.community_id)).one_or_none()
        if r is not None:
            community = CommunityInfo(
                r.id,
                r.name,
                r.address,
                r.property_manager_company,
                r.property_manager_name,
                r.property_manager_phone,
            )
    trace: list[Sighting] = []
    subject = ""
    if raw_plate or raw_id:
        column, value = (ev.plate, raw_plate) if raw_plate else (ev.id_number, raw_id)
        subject = raw_plate or id_shown(raw_id)
        trace = [
            Sighting(r.id, r.at, r.name or "", r.device or "", r.alert_id)
            for r in conn.execute(
                select(ev.id, ev.at, Community.name, _device_shown(), ev.alert_id)
                .select_from(_events_with_places())
                .where(column == value)
                .order_by(ev.at.desc())
                .limit(MAX_SIGHTINGS)
            )
        ]
    linked = conn.execute(
        select(TheftCase.case_no)
        .join(CaseLink, CaseLink.case_id == TheftCase.id)
        .where(CaseLink.alert_id == row.id)
        .order_by(CaseLink.at, CaseLink.id)
    ).scalars()
    return AlertDetail(
        row, tuple(events), watch, community, subject, tuple(trace), unmask, tuple(dict.fromkeys(linked))
    )


def load_device_precision(conn: Connection) -> list[DevicePrecision]:
    a, ev = Alert.__table__.c, Event.__table__.c
    judged = (
        select(ev.device, a.id, a.read_correct)
        .select_from(Alert.__table__.join(Event.__table__, ev.alert_id == a.id))
        .where(and_(a.kind == "plate_read", a.read_correct.is_not(None)))
        .distinct()
        .subquery()
    )
    stmt = (
        select(
            func.coalesce(judged.c.device, ""),
            func.sum(case((judged.c.read_correct.is_(True), 1), else_=0)),
            func.sum(case((judged.c.read_correct.is_(False), 1), else_=0)),
        )
        .group_by(judged.c.device)
        .order_by(judged.c.device)
    )
    return [DevicePrecision(d, int(ok or 0), int(bad or 0)) for d, ok, bad in conn.execute(stmt)]
