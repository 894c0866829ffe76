"""Leads from a case: its suspects and vehicles on the watchlist, and where its stolen goods are sold.

Adding a suspect or vehicle to an open case offers to watch them with the case linked; solving or
closing the case offers to expire those entries. The entries themselves are the watchlist's
(WatchlistService): this module only finds who is not watched yet and links the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock
from console.errors import ValidationError
from console.models import CaseFence, CaseParty, Vehicle, WatchlistEntry
from console.security import Actor, Permission
from console.services.alerts import WatchlistRow, WatchlistService
from console.services.base import Service, server_time
from console.services.cases import rules
from console.services.cases.common import add_timeline, audit, optional_text, required_text
from console.services.cases.merge import live_case
from console.services.cases.parties import touch_case
from console.validators import mask_id_number

WATCH_KINDS = ("person", "vehicle")
PARTY_KEY = "party:"


@dataclass(frozen=True)
class WatchCandidate:
    """A suspect or vehicle of a case that no active watchlist entry covers.

    ``key`` is what ``watch_from_case`` takes: ``party:N`` for a suspect (so the full ID number
    never reaches a screen that may not show it), the plate for a vehicle.
    """

    kind: str  # person | vehicle
    key: str
    shown: str  # masked ID number unless the role may see it; the plate
    name: str


class CaseWatchService(Service):
    """Watchlist entries and places where stolen goods are sold, from a case."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None = None) -> None:
        super().__init__(sessions, clock)
        self._watchlist = WatchlistService(sessions, self._clock)

    def suspects_and_vehicles_not_watched(self, actor: Actor, case_no: str) -> list[WatchCandidate]:
        """The case's suspects (with an ID number) and vehicles that are not on the watchlist now."""
        actor.require(Permission.VIEW_CASES)
        unmask = actor.can(Permission.UNMASK_PERSONAL_DATA)
        p, v, w = CaseParty, Vehicle, WatchlistEntry
        with self._write() as s:
            case = live_case(s, case_no, "case_no")
            now = server_time(s)
            suspects = s.execute(
                select(p.id, p.name, p.id_number)
                .where(p.case_id == case.id, p.role == "suspect", p.id_number.is_not(None))
                .order_by(p.id)
            ).all()
            vehicles = s.execute(
                select(v.plate, v.owner_name).where(v.case_id == case.id).order_by(v.id)
            ).all()
            numbers = [r.id_number for r in suspects]
            plates = [r.plate for r in vehicles]
            watched = set(
                s.scalars(
                    select(w.id_number).where(
                        w.id_number.in_(numbers),
                        w.active.is_(True),
                        or_(w.expires_at.is_(None), w.expires_at > now),
                    )
                )
            ) | set(
                s.scalars(
                    select(w.plate).where(
                        w.plate.in_(plates),
                        w.active.is_(True),
                        or_(w.expires_at.is_(None), w.expires_at > now),
                    )
                )
            )
        out = [
            WatchCandidate(
                "person", f"{PARTY_KEY}{r.id}", r.id_number if unmask else mask_id_number(r.id_number), r.name
            )
            for r in suspects
            if r.id_number not in watched
        ]
        out += [
            WatchCandidate("vehicle", r.plate, r.plate, r.owner_name)
            for r in vehicles
            if r.plate not in watched
        ]
        return out

    def watch_from_case(
        self,
        actor: Actor,
        case_no: str,
        kind: str,
        key: str,
        *,
        reason: str | None = None,
        severity: str | None = None,
        expires_at: dt.datetime | str | None = None,
    ) -> int:
        """Put a suspect (``party:N`` or their ID number) or a vehicle (plate) of the case on the watchlist."""
        actor.require(Permission.MANAGE_WATCHLIST)
        if kind not in WATCH_KINDS:
            raise ValidationError("kind", "case.watch.kind", allowed="|".join(WATCH_KINDS))
        with self._write() as s:
            case = live_case(s, case_no, "case_no")
            case_id, number = case.id, case.case_no
            name, id_number, plate = self._resolve(s, case_id, number, kind, str(key or "").strip())
        default = f"案件 {number} 嫌疑人" if kind == "person" else f"案件 {number} 涉案车辆"
        entry_id = self._watchlist.add(
            actor,
            plate=plate,
            id_number=id_number,
            reason=reason or default,
            severity=severity,
            case_no=number,
            expires_at=expires_at,
            name=name[:50],
        )
        with self._write() as s:
            add_timeline(
                s,
                case_id,
                server_time(s),
                actor,
                "watch_added",
                entry_id=entry_id,
                plate=plate,
                id_number=mask_id_number(id_number) if id_number else None,
            )
            touch_case(s, case_id)
        return entry_id

    @staticmethod
    def _resolve(
        s: Session, case_id: int, case_no: str, kind: str, key: str
    ) -> tuple[str, str | None, str | None]:
        """(name, ID number, plate) of a suspect or vehicle of the case; anything else is refused."""
        if kind == "vehicle":
            found = s.execute(
                select(Vehicle.owner_name).where(Vehicle.case_id == case_id, Vehicle.plate == key.upper())
            ).first()
            if found is None:
                raise ValidationError("key", "case.watch.not_in_case", key=key, case_no=case_no)
            return found.owner_name, None, key.upper()
        p = CaseParty
        match = (
            p.id == int(key[len(PARTY_KEY) :])
            if key.startswith(PARTY_KEY) and key[len(PARTY_KEY) :].isdigit()
            else (p.id_number == key.upper())
        )
        row = s.execute(
            select(p.name, p.id_number).where(
                p.case_id == case_id, p.role == "suspect", p.id_number.is_not(None), match
            )
        ).first()
        if row is None:
            shown = key if key.startswith(PARTY_KEY) else mask_id_number(key)
            raise ValidationError("key", "case.watch.not_in_case", key=shown, case_no=case_no)
        return row.name, row.id_number, None

    def entries_to_expire(self, actor: Actor, case_no: str) -> list[WatchlistRow]:
        """Active watchlist entries linked to the case: what solving or closing it offers to expire."""
        actor.require(Permission.VIEW_CASES)
        w = WatchlistEntry
        with self._write() as s:
            case = live_case(s, case_no, "case_no")
            now = server_time(s)
            ids = list(
                s.scalars(
                    select(w.id)
                    .where(
                        w.case_id == case.id,
                        w.active.is_(True),
                        or_(w.expires_at.is_(None), w.expires_at > now),
                    )
                    .order_by(w.id)
                )
            )
        return [self._watchlist.get(actor, n) for n in ids]

    def expire_case_entries(
        self, actor: Actor, case_no: str, entry_ids: list[int] | None = None
    ) -> list[int]:
        """Expire the case's active entries (those of ``entry_ids`` only, when given); returns the ids expired."""
        actor.require(Permission.MANAGE_WATCHLIST)
        chosen = [e for e in self.entries_to_expire(actor, case_no) if entry_ids is None or e.id in entry_ids]
        for entry in chosen:
            self._watchlist.expire(actor, entry.id, entry.version)
        if chosen:
            with self._write() as s:
                case = live_case(s, case_no, "case_no")
                add_timeline(
                    s, case.id, server_time(s), actor, "watch_expired", entries=[e.id for e in chosen]
                )
                touch_case(s, case.id)
        return [e.id for e in chosen]

    def add_fence(self, actor: Actor, case_no: str, name: str, kind: str, address: str = "") -> int:
        """Record a place where the case's stolen goods are sold (a scrap-recycling station, a phone shop)."""
        actor.require(Permission.EDIT_CASES)
        text = required_text(name, "name", 100)
        where = optional_text(address, "address", 200)
        if kind not in rules.FENCE_KINDS:
            raise ValidationError("kind", "case.fence.kind", allowed="|".join(rules.FENCE_KINDS))
        with self._write() as s:
            now = server_time(s)
            case = live_case(s, case_no, "case_no")
            fence_id = s.execute(
                insert(CaseFence)
                .values(
                    case_id=case.id,
                    name=text,
                    kind=kind,
                    address=where,
                    added_at=now,
                    username=actor.username[:32],
                )
                .returning(CaseFence.id)
            ).scalar_one()
            add_timeline(s, case.id, now, actor, "fence_added", fence_id=fence_id, name=text, fence_kind=kind)
            audit(s, actor, self._clock, "case_fence_add", "case", case.id, name=text, kind=kind)
            touch_case(s, case.id)
            return fence_id
