"""Merging two dossiers of the same crime (reported twice, or found to be one theft).

The kept case takes the merged one's parties, vehicles, property, links, watchlist entries and
places where goods are sold; a person already in the kept case is not added twice (their items
point at the party already there), and an item whose identifier the kept case already holds stays
with the merged case (its custody trail intact). No text is copied: the merged case keeps its own
summary and narrative, is closed and points at the kept one (``merged_into_id``). Timelines are
append-only, so the merged case's entries are not rewritten: the kept case's dossier and its
series read them through that pointer, and a ``merged`` entry on both says what happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from console.clock import Clock
from console.errors import ValidationError
from console.models import (
    CaseFence,
    CaseLink,
    CaseParty,
    CaseSeries,
    CaseSeriesMember,
    PropertyItem,
    SeriesDismissal,
    TheftCase,
    Vehicle,
    WatchlistEntry,
)
from console.security import Actor
from console.services.base import guarded_update, server_time
from console.services.cases.common import add_timeline, audit, case_row

IDENTIFIERS = ("serial", "imei", "frame")


@dataclass(frozen=True)
class MergeResult:
    keep_case_no: str
    merged_case_no: str
    parties_moved: int
    parties_already_there: int
    vehicles_moved: int
    items_moved: int
    items_left: int  # the kept case already holds an item with the same identifier
    links_moved: int


def live_case(s: Session, case_no: str, field: str) -> TheftCase:
    """The case ``case_no``; one merged into another is refused, naming the case it went into."""
    case = case_row(s, case_no, field)
    if case.merged_into_id is not None:
        into = s.scalar(select(TheftCase.case_no).where(TheftCase.id == case.merged_into_id))
        raise ValidationError(field, "series.case.merged", case_no=case.case_no, into=into)
    return case


def merge_cases(
    s: Session, actor: Actor, clock: Clock, keep_case_no: str, merged_case_no: str
) -> MergeResult:
    now = server_time(s)
    keep = live_case(s, keep_case_no, "keep_case_no")
    gone = live_case(s, merged_case_no, "merged_case_no")
    if keep.id == gone.id:
        raise ValidationError("merged_case_no", "series.merge.self")
    moved, already = _parties(s, keep.id, gone.id)
    vehicles = _move(s, Vehicle, gone.id, keep.id)
    items_moved, items_left = _items(s, keep.id, gone.id)
    links = _links(s, keep.id, gone.id)
    s.execute(update(WatchlistEntry).where(WatchlistEntry.case_id == gone.id).values(case_id=keep.id))
    s.execute(update(CaseFence).where(CaseFence.case_id == gone.id).values(case_id=keep.id))
    _series(s, keep.id, gone.id, actor, now)
    _dismissals(s, keep.id, gone.id, actor, now)
    guarded_update(s, TheftCase, gone.id, None, gone.case_no, status="closed", merged_into_id=keep.id)
    result = MergeResult(keep.case_no, gone.case_no, moved, already, vehicles, items_moved, items_left, links)
    add_timeline(s, gone.id, now, actor, "merged", into=keep.case_no)
    add_timeline(
        s,
        keep.id,
        now,
        actor,
        "merged",
        case_no=gone.case_no,
        parties=moved + already,
        vehicles=vehicles,
        items=items_moved,
        links=links,
    )
    audit(s, actor, clock, "case_merge", "case", keep.id, merged=gone.case_no)
    return result


def _move(s: Session, table: type[Vehicle], gone_id: int, keep_id: int) -> int:
    ids = list(s.scalars(select(table.id).where(table.case_id == gone_id)))
    if ids:
        s.execute(update(table).where(table.id.in_(ids)).values(case_id=keep_id, version=table.version + 1))
    return len(ids)


def _parties(s: Session, keep_id: int, gone_id: int) -> tuple[int, int]:
    """Move the parties; a person the kept case has (same role and ID number, or same name and phone
    when there is no number) stays once, and the merged case's items point at that one."""
    p = CaseParty
    kept = s.execute(
        select(p.id, p.role, p.name, p.id_number, p.phone, p.note).where(p.case_id == keep_id)
    ).all()
    moved = already = 0
    for party in s.execute(
        select(p.id, p.role, p.name, p.id_number, p.phone, p.note).where(p.case_id == gone_id)
    ).all():
        same = next(
            (
                k
                for k in kept
                if k.role == party.role
                and (
                    (party.id_number and k.id_number == party.id_number)
                    or (
                        not party.id_number
                        and not k.id_number
                        and (k.name, k.phone) == (party.name, party.phone)
                    )
                )
            ),
            None,
        )
        if same is None:
            s.execute(update(p).where(p.id == party.id).values(case_id=keep_id, version=p.version + 1))
            moved += 1
            continue
        s.execute(
            update(PropertyItem)
            .where(PropertyItem.owner_party_id == party.id)
            .values(owner_party_id=same.id, version=PropertyItem.version + 1)
        )
        if party.note and not same.note:  # the note moves; it is not written twice
            s.execute(update(p).where(p.id == same.id).values(note=party.note, version=p.version + 1))
        s.execute(delete(p).where(p.id == party.id))
        already += 1
    return moved, already


def _items(s: Session, keep_id: int, gone_id: int) -> tuple[int, int]:
    i = PropertyItem
    held = {
        (name, value)
        for row in s.execute(select(i.serial, i.imei, i.frame).where(i.case_id == keep_id))
        for name, value in zip(IDENTIFIERS, row, strict=True)
        if value
    }
    moved, left = [], 0
    for row in s.execute(select(i.id, i.serial, i.imei, i.frame).where(i.case_id == gone_id)):
        if any((name, value) in held for name, value in zip(IDENTIFIERS, row[1:], strict=True) if value):
            left += 1
        else:
            moved.append(row.id)
    if moved:
        s.execute(update(i).where(i.id.in_(moved)).values(case_id=keep_id, version=i.version + 1))
    return len(moved), left


def _links(s: Session, keep_id: int, gone_id: int) -> int:
    """Alerts and other cases linked to the merged case become the kept case's (each once)."""
    link = CaseLink
    # A link between the two is now a link of the case to itself.
    s.execute(
        delete(link).where(
            or_(
                (link.case_id == gone_id) & (link.other_case_id == keep_id),
                (link.case_id == keep_id) & (link.other_case_id == gone_id),
            )
        )
    )
    alerts = set(s.scalars(select(link.alert_id).where(link.case_id == keep_id, link.alert_id.is_not(None))))
    others = set(s.scalars(select(link.other_case_id).where(link.case_id == keep_id))) | set(
        s.scalars(select(link.case_id).where(link.other_case_id == keep_id))
    )
    moved = 0
    for r in s.execute(
        select(link.id, link.case_id, link.alert_id, link.other_case_id).where(
            or_(link.case_id == gone_id, link.other_case_id == gone_id)
        )
    ).all():
        if r.alert_id is not None:
            duplicate = r.alert_id in alerts
            values = {"case_id": keep_id}
        else:
            other = r.other_case_id if r.case_id == gone_id else r.case_id
            duplicate = other in others
            values = {"case_id": keep_id} if r.case_id == gone_id else {"other_case_id": keep_id}
            others.add(other)
        if duplicate:
            s.execute(delete(link).where(link.id == r.id))
        else:
            s.execute(update(link).where(link.id == r.id).values(**values))
            moved += 1
    return moved


def _series(s: Session, keep_id: int, gone_id: int, actor: Actor, now: object) -> None:
    """The kept case takes the merged one's place in a series (two series become one)."""
    m = CaseSeriesMember
    gone_series = s.scalar(select(m.series_id).where(m.case_id == gone_id))
    if gone_series is None:
        return
    keep_series = s.scalar(select(m.series_id).where(m.case_id == keep_id))
    s.execute(delete(m).where(m.case_id == gone_id))
    if keep_series is None:
        s.execute(
            insert(m).values(
                case_id=keep_id, series_id=gone_series, added_at=now, added_by=actor.username[:32]
            )
        )
    elif keep_series != gone_series:
        s.execute(update(m).where(m.series_id == gone_series).values(series_id=keep_series))
        s.execute(delete(CaseSeries).where(CaseSeries.id == gone_series))


def _dismissals(s: Session, keep_id: int, gone_id: int, actor: Actor, now: object) -> None:
    """A pair dismissed for the merged case stays dismissed for the kept one."""
    d = SeriesDismissal
    pairs = {
        (r.case_id, r.other_case_id)
        for r in s.execute(
            select(d.case_id, d.other_case_id).where(or_(d.case_id == keep_id, d.other_case_id == keep_id))
        )
    }
    for r in s.execute(
        select(d.case_id, d.other_case_id).where(or_(d.case_id == gone_id, d.other_case_id == gone_id))
    ).all():
        other = r.other_case_id if r.case_id == gone_id else r.case_id
        pair = (min(keep_id, other), max(keep_id, other))
        if other != keep_id and pair not in pairs:
            s.execute(
                insert(d).values(case_id=pair[0], other_case_id=pair[1], at=now, username=actor.username[:32])
            )
            pairs.add(pair)
