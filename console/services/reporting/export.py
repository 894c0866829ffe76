"""Exports of alerts, events, households and cases as JSON Lines or CSV, streamed row by row.

ID numbers and phone numbers are masked (350211********1234, 138****1234) unless the actor may
see them and asks to; every export is written to the audit log, unmasked ones as
``export_unmasked``. Rows are read with a streaming cursor in chunks, so a million alerts never
sit in memory at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from sqlalchemy import Select, select

from console.errors import ValidationError
from console.models import (
    Alert,
    Building,
    CaseParty,
    Community,
    Dispatch,
    Event,
    Household,
    Officer,
    Resident,
    Station,
    TheftCase,
    dispatch_officer,
)
from console.security import Actor, Permission
from console.services.base import Service, write_audit
from console.services.dispatch import DEFAULT_RESPONSE_TARGET_S, response_seconds, within_target
from console.validators import (
    csv_cell,
    mask_id_number,
    mask_personal_data,
    mask_personal_text,
    mask_phone,
    pii_int_as_text,
)

KINDS = ("alerts", "events", "households", "cases", "dispatches")
CHUNK = 1000

FIELDS = {
    "alerts": [
        "id",
        "kind",
        "severity",
        "status",
        "community",
        "raised_at",
        "count",
        "watchlist_entry_id",
        "event_ids",
        "summary",
        "first_event_at",
        "last_event_at",
        "updated_at",
        "acknowledged_at",
        "dispatched_at",
        "resolved_at",
        "outcome",
    ],
    "events": [
        "id",
        "source",
        "external_id",
        "kind",
        "at",
        "received_at",
        "community",
        "device",
        "plate",
        "id_number",
        "phone",
        "alert_id",
        "payload",
    ],
    "households": [
        "id",
        "community",
        "building",
        "unit",
        "floor",
        "room",
        "housing_use",
        "last_verified_at",
        "residents",
    ],
    "cases": [
        "id",
        "case_no",
        "kind",
        "title",
        "status",
        "community",
        "occurred_at",
        "reported_at",
        "solved_at",
        "victim_notified_at",
        "parties",
    ],
    "dispatches": [
        "id",
        "alert_id",
        "community",
        "officers",
        "raised_at",
        "dispatched_at",
        "arrived_at",
        "cleared_at",
        "response_seconds",
        "within_target",
    ],
}


def iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class ExportService(Service):
    def export(
        self,
        actor: Actor,
        what: str,
        out: TextIO,
        *,
        since: dt.datetime | None = None,
        fmt: str = "jsonl",
        unmask: bool = False,
    ) -> int:
        """Write ``what`` to ``out`` (jsonl or csv); returns the number of records written."""
        actor.require(Permission.EXPORT)
        if unmask:
            actor.require(Permission.UNMASK_PERSONAL_DATA)
        if what not in KINDS:
            raise ValidationError("what", "validation.one_of", choices=" | ".join(KINDS))
        if fmt not in ("jsonl", "csv"):
            raise ValidationError("format", "validation.one_of", choices="jsonl | csv")
        if since is not None and since.tzinfo is None:
            raise ValidationError("since", "validation.time.no_offset")
        # The audit row is committed before the first record leaves: an export cut short (a
        # closed pipe, a crash) is still on record. A second row says how many records went out.
        action = "export_unmasked" if unmask else "export"
        with self._write() as s:
            write_audit(s, actor, action, what, None, self._clock, format=fmt, since=iso(since))
        rows = getattr(self, f"_{what}")(since, unmask)
        if not unmask:
            rows = (mask_personal_data(row) for row in rows)
        count = _write(rows, out, fmt, FIELDS[what])
        with self._write() as s:
            write_audit(s, actor, f"{action}_finished", what, None, self._clock, records=count, format=fmt)
        return count

    # ------------------------------------------------------------------ streaming readers

    def _stream(self, stmt: Select) -> Iterator[list[Any]]:
        """Chunks of rows from a server-side cursor (PostgreSQL) / a lazily stepped cursor (SQLite)."""
        with self._read_streamed(CHUNK) as conn:
            result = conn.execute(stmt)
            for part in result.partitions(CHUNK):
                yield list(part)

    def _alerts(self, since: dt.datetime | None, unmask: bool) -> Iterator[dict[str, Any]]:
        a = Alert
        stmt = (
            select(*a.__table__.c, Community.name.label("community_name"))
            .outerjoin(Community, Community.id == a.community_id)
            .order_by(a.id)
        )
        if since is not None:
            stmt = stmt.where(a.raised_at >= since)
        for chunk in self._stream(stmt):
            events = self._event_ids([r.id for r in chunk])
            for r in chunk:
                yield {
                    "id": r.id,
                    "kind": r.kind,
                    "severity": r.severity,
                    "status": r.status,
                    "community": r.community_name,
                    "raised_at": iso(r.raised_at),
                    "count": r.count,
                    "watchlist_entry_id": r.watchlist_entry_id,
                    "event_ids": events.get(r.id, []),
                    "summary": r.summary,
                    "first_event_at": iso(r.first_event_at),
                    "last_event_at": iso(r.last_event_at),
                    "updated_at": iso(r.updated_at),
                    "acknowledged_at": iso(r.acknowledged_at),
                    "dispatched_at": iso(r.dispatched_at),
                    "resolved_at": iso(r.resolved_at),
                    "outcome": r.outcome,
                }

    def _event_ids(self, alert_ids: list[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        if not alert_ids:
            return found
        with self._read() as conn:
            for start in range(0, len(alert_ids), 500):
                part = alert_ids[start : start + 500]
                for aid, eid in conn.execute(
                    select(Event.alert_id, Event.id).where(Event.alert_id.in_(part)).order_by(Event.id)
                ):
                    if aid is not None:
                        found.setdefault(aid, []).append(eid)
        return found

    def _events(self, since: dt.datetime | None, unmask: bool) -> Iterator[dict[str, Any]]:
        e = Event
        stmt = (
            select(*e.__table__.c, Community.name.label("community_name"))
            .outerjoin(Community, Community.id == e.community_id)
            .order_by(e.id)
        )
        if since is not None:
            stmt = stmt.where(e.at >= since)
        for chunk in self._stream(stmt):
            for r in chunk:
                yield {
                    "id": r.id,
                    "source": r.source,
                    "external_id": r.external_id,
                    "kind": r.kind,
                    "at": iso(r.at),
                    "received_at": iso(r.received_at),
                    "community": r.community_name,
                    "device": r.device,
                    "plate": r.plate,
                    "id_number": r.id_number if unmask else (mask_id_number(r.id_number) or None),
                    "phone": r.phone if unmask else (mask_phone(r.phone) or None),
                    "alert_id": r.alert_id,
                    "payload": _loads(r.payload, masked=not unmask),
                }

    def _households(self, since: dt.datetime | None, unmask: bool) -> Iterator[dict[str, Any]]:
        h = Household
        stmt = (
            select(
                h.id,
                Community.name.label("community_name"),
                Building.name.label("building_name"),
                h.unit,
                h.floor,
                h.room,
                h.housing_use,
                h.last_verified_at,
            )
            .join(Community, Community.id == h.community_id)
            .join(Building, Building.id == h.building_id)
            .order_by(h.id)
        )
        if since is not None:
            stmt = stmt.where(h.last_verified_at >= since)
        for chunk in self._stream(stmt):
            people = self._children(
                select(
                    Resident.household_id,
                    Resident.name,
                    Resident.id_number,
                    Resident.phone,
                    Resident.relation,
                    Resident.moved_out_at,
                ).order_by(Resident.id),
                Resident.household_id,
                [r.id for r in chunk],
                lambda p: {
                    "name": p.name,
                    "id_number": _id(p.id_number, unmask),
                    "phone": _phone(p.phone, unmask),
                    "relation": p.relation,
                    "moved_out_at": iso(p.moved_out_at),
                },
            )
            for r in chunk:
                yield {
                    "id": r.id,
                    "community": r.community_name,
                    "building": r.building_name,
                    "unit": r.unit,
                    "floor": r.floor,
                    "room": r.room,
                    "housing_use": r.housing_use,
                    "last_verified_at": iso(r.last_verified_at),
                    "residents": people.get(r.id, []),
                }

    def _cases(self, since: dt.datetime | None, unmask: bool) -> Iterator[dict[str, Any]]:
        c = TheftCase
        stmt = (
            select(*c.__table__.c, Community.name.label("community_name"))
            .outerjoin(Community, Community.id == c.community_id)
            .order_by(c.id)
        )
        if since is not None:
            stmt = stmt.where(c.reported_at >= since)
        for chunk in self._stream(stmt):
            parties = self._children(
                select(
                    CaseParty.case_id, CaseParty.role, CaseParty.name, CaseParty.id_number, CaseParty.phone
                ).order_by(CaseParty.id),
                CaseParty.case_id,
                [r.id for r in chunk],
                lambda p: {
                    "role": p.role,
                    "name": p.name,
                    "id_number": _id(p.id_number, unmask),
                    "phone": _phone(p.phone, unmask),
                },
            )
            for r in chunk:
                yield {
                    "id": r.id,
                    "case_no": r.case_no,
                    "kind": r.kind,
                    "title": r.title,
                    "status": r.status,
                    "community": r.community_name,
                    "occurred_at": iso(r.occurred_at),
                    "reported_at": iso(r.reported_at),
                    "solved_at": iso(r.solved_at),
                    "victim_notified_at": iso(r.victim_notified_at),
                    "parties": parties.get(r.id, []),
                }

    def _dispatches(self, since: dt.datetime | None, unmask: bool) -> Iterator[dict[str, Any]]:
        d = Dispatch
        with self._read() as conn:
            target = conn.execute(
                select(Station.response_target_seconds).order_by(Station.id).limit(1)
            ).scalar()
        target = DEFAULT_RESPONSE_TARGET_S if target is None else int(target)
        stmt = (
            select(
                d.id,
                d.alert_id,
                Community.name.label("community_name"),
                d.received_at,
                Alert.first_event_at,
                d.dispatched_at,
                d.arrived_at,
                d.closed_at,
            )
            .outerjoin(Community, Community.id == d.community_id)
            .outerjoin(Alert, Alert.id == d.alert_id)
            .order_by(d.id)
        )
        if since is not None:
            stmt = stmt.where(d.dispatched_at >= since)
        for chunk in self._stream(stmt):
            crews = self._children(
                select(dispatch_officer.c.dispatch_id, Officer.badge_no)
                .join(Officer, Officer.id == dispatch_officer.c.officer_id)
                .order_by(Officer.badge_no),
                dispatch_officer.c.dispatch_id,
                [r.id for r in chunk],
                lambda o: o.badge_no,
            )
            for r in chunk:
                # The clock starts at the event that raised the alert (cases.md), as stored on the dispatch.
                raised = r.received_at or r.first_event_at
                seconds = response_seconds(raised, r.arrived_at)
                yield {
                    "id": r.id,
                    "alert_id": r.alert_id,
                    "community": r.community_name,
                    "officers": crews.get(r.id, []),
                    "raised_at": iso(raised),
                    "dispatched_at": iso(r.dispatched_at),
                    "arrived_at": iso(r.arrived_at),
                    "cleared_at": iso(r.closed_at),
                    "response_seconds": seconds,
                    "within_target": within_target(seconds, target),
                }

    def _children(
        self, stmt: Select, parent: Any, ids: list[int], shape: Callable[[Any], Any]
    ) -> dict[int, list[Any]]:
        found: dict[int, list[Any]] = {}
        with self._read() as conn:
            for start in range(0, len(ids), 500):
                for row in conn.execute(stmt.where(parent.in_(ids[start : start + 500]))):
                    found.setdefault(row[0], []).append(shape(row))
        return found


def _id(value: str | None, unmask: bool) -> str | None:
    return value if unmask or not value else mask_id_number(value)


def _phone(value: str | None, unmask: bool) -> str | None:
    return value if unmask or not value else mask_phone(value)


def _loads(payload: str, *, masked: bool = False) -> Any:
    try:
        return json.loads(payload, parse_int=pii_int_as_text) if masked else json.loads(payload)
    except ValueError:
        return None
    except RecursionError:  # stored before ingest refused deep nesting: exported as the text received
        return mask_personal_text(payload) if masked else payload


def _json(value: Any) -> str:
    """JSON text that is valid UTF-8 whatever a stored payload holds.

    Payloads are stored as they arrived; one may carry an escaped lone surrogate (``"\\ud800"``)
    that no UTF-8 output can hold as a character. Such a value is written with every non-ASCII
    character escaped, which reads back to exactly the same value.
    """
    try:
        text = json.dumps(value, ensure_ascii=False)
    except RecursionError:  # a payload nested almost as deep as Python can read: say so, not crash
        if not (isinstance(value, dict) and "payload" in value):
            raise
        return _json({**value, "payload": "nested too deeply to export"})
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text


def _write(rows: Iterator[dict[str, Any]], out: TextIO, fmt: str, fields: list[str]) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(_json(row) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: csv_cell(_json(v) if isinstance(v, list | dict | bool) else v) for k, v in row.items()}
        )
        count += 1
    return count
