"""How two cases are found to look like one series: the rules of proposals, written once.

``candidates`` finds the cases sharing something with one case, each lookup through an index (the
proposals for a newly opened case); ``all_pairs`` finds every such pair across the station.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select

from console.models import CaseParty, Community, PropertyItem, TheftCase, Vehicle, WatchlistEntry
from console.services.cases.common import shown_id

IDENTIFIER_COLUMNS = ("serial", "imei", "frame")


@dataclass(frozen=True)
class CaseBrief:
    """One case as a proposal or a series lists it."""

    case_no: str
    category: str
    status: str
    summary: str
    community: str | None
    community_id: int | None
    place: str
    reported_at: dt.datetime
    series_id: int | None


@dataclass(frozen=True)
class Reason:
    """Why two cases look like one series: ``rule`` (suspect, vehicle, property, place) and what they share."""

    rule: str
    value: str


@dataclass(frozen=True)
class MatchCase:
    id: int
    brief: CaseBrief
    community_text: str
    merged: bool


def all_pairs(conn: Connection, days: int, unmask: bool) -> Iterable[tuple[int, int, Reason]]:
    """Every pair of cases sharing something (the station-wide proposals; one pass per rule)."""
    yield from _place_pairs(conn, days)
    yield from _suspect_pairs(conn, unmask)
    yield from _plate_pairs(conn)
    yield from _identifier_pairs(conn)


def _place_pairs(conn: Connection, days: int) -> Iterable[tuple[int, int, Reason]]:
    t = TheftCase
    rows = conn.execute(
        select(t.id, t.category, t.community_id, t.community_text, t.place, t.reported_at, Community.name)
        .outerjoin(Community, Community.id == t.community_id)
        .where(t.merged_into_id.is_(None))
    ).all()
    groups: dict[tuple[str, str, Any], list[Any]] = defaultdict(list)
    for r in rows:
        if r.community_id is not None:
            groups[(r.category, "community", r.community_id)].append(r)
        elif r.community_text:
            groups[(r.category, "community_text", r.community_text)].append(r)
        if r.place:
            groups[(r.category, "place", r.place)].append(r)
    window = dt.timedelta(days=days)
    for (_category, how, _value), members in groups.items():
        members.sort(key=lambda r: r.reported_at)
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                if b.reported_at - a.reported_at > window:
                    break
                value = a.place if how == "place" else (a.name or a.community_text)
                yield a.id, b.id, Reason("place", value or "")


def _suspect_pairs(conn: Connection, unmask: bool) -> Iterable[tuple[int, int, Reason]]:
    p = CaseParty.__table__.alias("p")
    q = CaseParty.__table__.alias("q")
    for r in conn.execute(
        select(p.c.case_id.label("a"), q.c.case_id.label("b"), p.c.name, p.c.id_number)
        .join(q, (q.c.id_number == p.c.id_number) & (q.c.case_id > p.c.case_id))
        .where(p.c.role == "suspect", q.c.role == "suspect", p.c.id_number.is_not(None))
    ):
        yield r.a, r.b, Reason("suspect", f"{r.name} {shown_id(r.id_number, unmask)}".strip())


def _plate_pairs(conn: Connection) -> Iterable[tuple[int, int, Reason]]:
    by_plate: dict[str, set[int]] = defaultdict(set)
    v, w = Vehicle, WatchlistEntry
    for query in (
        select(v.plate, v.case_id).where(v.case_id.is_not(None)),
        select(w.plate, w.case_id).where(w.case_id.is_not(None), w.plate.is_not(None)),
    ):
        for r in conn.execute(query):
            by_plate[r.plate].add(r.case_id)
    for plate, ids in by_plate.items():
        ordered = sorted(ids)
        for n, a in enumerate(ordered):
            for b in ordered[n + 1 :]:
                yield a, b, Reason("vehicle", plate)


def _identifier_pairs(conn: Connection) -> Iterable[tuple[int, int, Reason]]:
    i = PropertyItem.__table__.alias("i")
    j = PropertyItem.__table__.alias("j")
    for name in IDENTIFIER_COLUMNS:
        for r in conn.execute(
            select(i.c.case_id.label("a"), j.c.case_id.label("b"), i.c[name].label("value"))
            .join(j, (j.c[name] == i.c[name]) & (j.c.case_id > i.c.case_id))
            .where(i.c[name].is_not(None), i.c.case_id.is_not(None))
        ):
            yield r.a, r.b, Reason("property", r.value)


def candidates(conn: Connection, me: MatchCase, days: int, unmask: bool) -> Iterable[tuple[int, Reason]]:
    """Cases sharing something with ``me``, each lookup through an index."""
    yield from _same_place(conn, me, days)
    yield from _same_suspect(conn, me, unmask)
    yield from _same_plate(conn, me)
    yield from _same_identifier(conn, me)


def _same_place(conn: Connection, me: MatchCase, days: int) -> Iterable[tuple[int, Reason]]:
    """Same category at the same community or place within the window (category+reported_at index)."""
    t = TheftCase
    same_place = []
    if me.brief.community_id is not None:
        same_place.append(t.community_id == me.brief.community_id)
    elif me.community_text:
        same_place.append(t.community_text == me.community_text)
    if me.brief.place:
        same_place.append(t.place == me.brief.place)
    if not same_place:
        return
    window = dt.timedelta(days=days)
    for r in conn.execute(
        select(t.id, t.community_id, t.community_text).where(
            t.category == me.brief.category,
            t.reported_at >= me.brief.reported_at - window,
            t.reported_at <= me.brief.reported_at + window,
            or_(*same_place),
        )
    ):
        at_community = (
            r.community_id == me.brief.community_id
            if me.brief.community_id is not None
            else bool(me.community_text) and r.community_text == me.community_text
        )
        yield r.id, Reason("place", (me.brief.community if at_community else me.brief.place) or "")


def _same_suspect(conn: Connection, me: MatchCase, unmask: bool) -> Iterable[tuple[int, Reason]]:
    """A suspect's ID number (case_party.id_number index)."""
    p = CaseParty
    numbers = list(
        conn.execute(
            select(p.id_number).where(p.case_id == me.id, p.role == "suspect", p.id_number.is_not(None))
        ).scalars()
    )
    if numbers:
        for r in conn.execute(
            select(p.case_id, p.name, p.id_number).where(p.role == "suspect", p.id_number.in_(numbers))
        ):
            yield r.case_id, Reason("suspect", f"{r.name} {shown_id(r.id_number, unmask)}".strip())


def _same_plate(conn: Connection, me: MatchCase) -> Iterable[tuple[int, Reason]]:
    """A plate of the case's vehicles or watched for it (plate and case_id indexes)."""
    v, w = Vehicle, WatchlistEntry
    plates = set(conn.execute(select(v.plate).where(v.case_id == me.id)).scalars()) | set(
        conn.execute(select(w.plate).where(w.case_id == me.id, w.plate.is_not(None))).scalars()
    )
    if not plates:
        return
    for query in (
        select(v.case_id, v.plate).where(v.plate.in_(plates), v.case_id.is_not(None)),
        select(w.case_id, w.plate).where(w.plate.in_(plates), w.case_id.is_not(None)),
    ):
        for r in conn.execute(query):
            yield r.case_id, Reason("vehicle", r.plate)


def _same_identifier(conn: Connection, me: MatchCase) -> Iterable[tuple[int, Reason]]:
    """A property item's serial, IMEI or frame number (their indexes)."""
    i = PropertyItem
    items = conn.execute(select(i.serial, i.imei, i.frame).where(i.case_id == me.id)).all()
    for name in IDENTIFIER_COLUMNS:
        values = {getattr(r, name) for r in items} - {None, ""}
        if values:
            column = getattr(i, name)
            for r in conn.execute(
                select(i.case_id, column.label("value")).where(column.in_(values), i.case_id.is_not(None))
            ):
                yield r.case_id, Reason("property", r.value)
