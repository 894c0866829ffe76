"""The dossier of one case as the window and `case show` present it: every tab's data in one read."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select

from console.models import (
    Alert,
    CaseFence,
    CaseLink,
    CaseParty,
    CaseSeriesMember,
    CaseTimeline,
    Community,
    CustodyEvent,
    Event,
    Officer,
    PropertyItem,
    Resident,
    TheftCase,
    Vehicle,
    WatchlistEntry,
)
from console.services.cases import rules
from console.services.cases.common import iso, shown_id, shown_phone

ALERTS_SHOWN = 200
SIGHTINGS_SHOWN = 200


@dataclass(frozen=True)
class Dossier:
    """One case: its fields and each tab's rows, as plain JSON-ready values."""

    case: dict[str, Any]
    parties: tuple[dict[str, Any], ...]
    vehicles: tuple[dict[str, Any], ...]
    property: tuple[dict[str, Any], ...]
    alerts: tuple[dict[str, Any], ...]
    linked_cases: tuple[dict[str, Any], ...]
    timeline: tuple[dict[str, Any], ...]
    fences: tuple[dict[str, Any], ...] = ()  # places where the stolen goods are sold
    # Events (感知事件) of the linked alerts and of the case's vehicles, newest first: the window's
    # 预警与轨迹 tab. Not part of `case show` (cases.md fixes its keys).
    sightings: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The `case show` object: the case's fields, then the tabs."""
        return {
            **self.case,
            "parties": list(self.parties),
            "vehicles": list(self.vehicles),
            "property": list(self.property),
            "alerts": list(self.alerts),
            "linked_cases": list(self.linked_cases),
            "timeline": list(self.timeline),
            "fences": list(self.fences),
        }


def money(value: Any) -> float | None:
    """Exact yuan as a JSON number (two places of a NUMERIC(12,2) survive a float's repr)."""
    return None if value is None else float(value)


def load_dossier(conn: Connection, case_id: int, unmask: bool, now: dt.datetime) -> Dossier:
    t = TheftCase
    row = conn.execute(
        select(
            t, Community.name.label("registered_community"), Officer.badge_no, Officer.name.label("officer")
        )
        .outerjoin(Community, Community.id == t.community_id)
        .outerjoin(Officer, Officer.id == t.lead_officer_id)
        .where(t.id == case_id)
    ).one()
    case = {
        "id": row.id,
        "case_no": row.case_no,
        "category": row.category,
        "category_name": rules.CATEGORIES.get(row.category, row.category),
        "status": row.status,
        "summary": row.title,
        "narrative": row.description,
        "community": row.registered_community or row.community_text or None,
        "place": row.place,
        "occurred_at": iso(row.occurred_at),
        "reported_at": iso(row.reported_at),
        "solved_at": iso(row.solved_at),
        "hours_to_solve": rules.hours_to_solve(row.reported_at, row.solved_at),
        "lead_officer": {"badge": row.badge_no, "name": row.officer} if row.badge_no else None,
        "version": row.version,
        "merged_into": _case_no(conn, row.merged_into_id),
        "merged_from": list(
            conn.execute(select(t.case_no).where(t.merged_into_id == case_id).order_by(t.id)).scalars()
        ),
        "series_id": conn.execute(
            select(CaseSeriesMember.series_id).where(CaseSeriesMember.case_id == case_id)
        ).scalar(),
    }
    parties = _parties(conn, case_id, unmask)
    by_party = {p["id"]: p for p in parties}
    vehicles = _vehicles(conn, case_id, unmask)
    alerts = _alerts(conn, case_id)
    return Dossier(
        case=case,
        parties=tuple(parties),
        vehicles=tuple(vehicles),
        property=tuple(property_of_case(conn, case_id, by_party, unmask, now)),
        alerts=tuple(alerts),
        linked_cases=tuple(_linked_cases(conn, case_id)),
        timeline=tuple(_timeline(conn, case_id)),
        fences=tuple(_fences(conn, case_id)),
        sightings=tuple(_sightings(conn, [a["id"] for a in alerts], [v["plate"] for v in vehicles], unmask)),
    )


def _parties(conn: Connection, case_id: int, unmask: bool) -> list[dict[str, Any]]:
    p = CaseParty
    rows = conn.execute(
        select(p.id, p.role, p.name, p.id_number, p.phone, p.resident_id, p.note, Resident.household_id)
        .outerjoin(Resident, Resident.id == p.resident_id)
        .where(p.case_id == case_id)
        .order_by(p.id)
    )
    return [
        {
            "id": r.id,
            "role": r.role,
            "name": r.name,
            "id_number": shown_id(r.id_number, unmask),
            "phone": shown_phone(r.phone, unmask),
            "resident_id": r.resident_id,
            "household_id": r.household_id,
            "note": r.note,
        }
        for r in rows
    ]


def _vehicles(conn: Connection, case_id: int, unmask: bool) -> list[dict[str, Any]]:
    v = Vehicle
    rows = conn.execute(
        select(v.id, v.plate, v.kind, v.brand, v.colour, v.owner_name, v.owner_id_number)
        .where(v.case_id == case_id)
        .order_by(v.id)
    )
    return [
        {
            "id": r.id,
            "plate": r.plate,
            "kind": r.kind,
            "brand": r.brand,
            "colour": r.colour,
            "owner_name": r.owner_name,
            "owner_id_number": shown_id(r.owner_id_number, unmask),
        }
        for r in rows
    ]


def property_of_case(
    conn: Connection, case_id: int, parties: dict[int, dict[str, Any]], unmask: bool, now: dt.datetime
) -> list[dict[str, Any]]:
    i = PropertyItem
    items = conn.execute(select(i).where(i.case_id == case_id).order_by(i.id)).all()
    trails: dict[int, list[dict[str, Any]]] = {}
    if items:
        c = CustodyEvent
        for e in conn.execute(
            select(c.property_item_id, c.kind, c.at, c.holder, c.location, c.username, c.note)
            .where(c.property_item_id.in_([r.id for r in items]))
            .order_by(c.at, c.id)
        ):
            trails.setdefault(e.property_item_id, []).append(
                {
                    "kind": e.kind,
                    "at": iso(e.at),
                    "holder": e.holder,
                    "location": e.location,
                    "by": e.username,
                    "note": e.note,
                }
            )
    out = []
    for r in items:
        owner = parties.get(r.owner_party_id) if r.owner_party_id else None
        out.append(
            {
                "id": r.id,
                "description": r.description,
                "category": r.category,
                "quantity": r.quantity,
                "serial": r.serial,
                "imei": r.imei,
                "frame": r.frame,
                "value": money(r.value_yuan),
                "status": r.status,
                "owner": (
                    {"name": owner["name"], "id_number": owner["id_number"], "phone": owner["phone"]}
                    if owner
                    else None
                ),
                "recovered_at": iso(r.recovered_at),
                "recovered_place": r.recovered_place,
                "recovered_by": r.recovered_by,
                "notified_at": iso(r.notified_at),
                "returned_at": iso(r.returned_at),
                "returned_to_id": shown_id(r.returned_to_id_number, unmask),
                "days_unclaimed": rules.days_unclaimed(r.recovered_at, now)
                if r.status == "recovered"
                else None,
                "custody": trails.get(r.id, []),
            }
        )
    return out


def _alerts(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    """Alerts linked by hand and alerts raised by the case's watchlist entries, newest first."""
    a, link = Alert, CaseLink
    # Two indexed lookups, merged here: one query with "id IN (...) OR watchlist_entry_id IN (...)"
    # reads the whole alert history on both backends (bench/bench_cases.py showed it).
    linked = conn.execute(
        select(link.alert_id).where(link.case_id == case_id, link.alert_id.is_not(None))
    ).scalars()
    watched = select(WatchlistEntry.id).where(WatchlistEntry.case_id == case_id)
    raised = conn.execute(
        select(a.id).where(a.watchlist_entry_id.in_(watched)).order_by(a.id.desc()).limit(ALERTS_SHOWN)
    ).scalars()
    ids = sorted({*linked, *raised}, reverse=True)[:ALERTS_SHOWN]
    if not ids:
        return []
    rows = conn.execute(
        select(a.id, a.kind, a.severity, a.status, a.raised_at, a.summary, Community.name.label("community"))
        .outerjoin(Community, Community.id == a.community_id)
        .where(a.id.in_(ids))
        .order_by(a.id.desc())
    )
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "severity": r.severity,
            "status": r.status,
            "community": r.community,
            "raised_at": iso(r.raised_at),
            "summary": r.summary,
        }
        for r in rows
    ]


def _sightings(
    conn: Connection, alert_ids: list[int], plates: list[str], unmask: bool
) -> list[dict[str, Any]]:
    """Where the case's alerts and vehicles were seen: device events, newest first."""
    if not alert_ids and not plates:
        return []
    e = Event
    wheres = []
    if alert_ids:
        wheres.append(e.alert_id.in_(alert_ids))
    if plates:
        wheres.append(e.plate.in_(plates))
    rows = conn.execute(
        select(
            e.id, e.kind, e.at, e.device, e.plate, e.id_number, e.alert_id, Community.name.label("community")
        )
        .outerjoin(Community, Community.id == e.community_id)
        .where(or_(*wheres))
        .order_by(e.at.desc(), e.id.desc())
        .limit(SIGHTINGS_SHOWN)
    )
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "at": iso(r.at),
            "community": r.community,
            "device": r.device,
            "plate": r.plate,
            "id_number": shown_id(r.id_number, unmask),
            "alert_id": r.alert_id,
        }
        for r in rows
    ]


def _linked_cases(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    link, t = CaseLink, TheftCase
    forward = select(link.other_case_id.label("cid"), link.at).where(
        link.case_id == case_id, link.other_case_id.is_not(None)
    )
    backward = select(link.case_id.label("cid"), link.at).where(link.other_case_id == case_id)
    found = {r.cid: r.at for r in conn.execute(forward.union_all(backward))}
    if not found:
        return []
    rows = conn.execute(
        select(t.id, t.case_no, t.category, t.status, t.title, t.reported_at).where(t.id.in_(list(found)))
    )
    return [
        {
            "case_no": r.case_no,
            "category": r.category,
            "status": r.status,
            "summary": r.title,
            "reported_at": iso(r.reported_at),
            "linked_at": iso(found[r.id]),
        }
        for r in sorted(rows, key=lambda r: (found[r.id], r.id))
    ]


def _timeline(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    """The case's entries and those of dossiers merged into it (marked ``from_case``), in time order."""
    tl, t = CaseTimeline, TheftCase
    merged = select(t.id).where(t.merged_into_id == case_id)
    rows = conn.execute(
        select(tl.at, tl.kind, tl.username, tl.actor_name, tl.detail, tl.case_id, t.case_no)
        .join(t, t.id == tl.case_id)
        .where(or_(tl.case_id == case_id, tl.case_id.in_(merged)))
        .order_by(tl.at, tl.id)
    )
    out = []
    for r in rows:
        entry = {
            "at": iso(r.at),
            "kind": r.kind,
            "user": r.username,
            "by": r.actor_name,
            "detail": json.loads(r.detail) if r.detail else {},
        }
        if r.case_id != case_id:
            entry["from_case"] = r.case_no
        out.append(entry)
    return out


def _fences(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    f = CaseFence
    rows = conn.execute(
        select(f.id, f.name, f.kind, f.address, f.added_at, f.username)
        .where(f.case_id == case_id)
        .order_by(f.id)
    )
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "kind_name": rules.FENCE_KINDS.get(r.kind, r.kind),
            "address": r.address,
            "added_at": iso(r.added_at),
            "by": r.username,
        }
        for r in rows
    ]


def _case_no(conn: Connection, case_id: int | None) -> str | None:
    if case_id is None:
        return None
    return conn.execute(select(TheftCase.case_no).where(TheftCase.id == case_id)).scalar()
