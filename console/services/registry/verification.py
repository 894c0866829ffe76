"""Verification (核实): the overdue worklist for a visit round, and recording a visit at a household.

The worklist is ordered the way the round is walked: red before orange; within a colour the
rentals and group rentals (出租, 群租) first, because that is where people change most; then the
oldest verification first (never verified is the oldest of all).

Recording a visit stamps ``household.last_verified_at`` with an optimistic-locking check on the
household's ``version`` (a stale write raises ``ConflictError``), updates the residents and writes
``verification_visit`` and the audit log in one transaction. The ``UPDATE`` of the household is
what the change-log trigger (migration 0002) turns into a live recolour on the other consoles.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from console.errors import ConflictError, UserError, ValidationError
from console.models import (
    Building,
    Community,
    GridCell,
    Household,
    Officer,
    Resident,
    Station,
    VerificationVisit,
)
from console.security import Actor, Permission
from console.services.base import Service, guarded_update, write_audit
from console.services.maps import RENTAL_USES, format_address
from console.validators import MAX_NOTE, limit_text, validate_id_number, validate_mobile
from console.verification_status import DUE_STATUSES, colour_of, status_of

# How far in the future a visit time may be (clock skew between a tablet and the server).
_FUTURE_TOLERANCE = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class WorklistRow:
    household_id: int
    version: int
    colour: str  # "red" | "orange": console.verification_status.colour_of(status)
    community: str
    building: str
    unit: str
    room: str
    address: str
    housing_use: str
    residents: int  # residents currently living there
    last_verified_at: dt.datetime | None
    days_since_verified: int | None  # None = never verified
    days_overdue: int | None  # days past the orange threshold; None = never verified
    grid_cell: str
    officer: str

    @property
    def status(self) -> str:
        """"orange", "red" or "never" (never verified, red in colour): console.verification_status."""
        return "never" if self.last_verified_at is None else self.colour

    @property
    def is_rental(self) -> bool:
        return self.housing_use in RENTAL_USES


@dataclass(frozen=True)
class NewResident:
    """A person found living at the household who is not in the registry yet."""

    name: str
    id_number: str = ""
    phone: str = ""
    relation: str = ""


@dataclass(frozen=True)
class VisitResult:
    household_id: int
    visit_id: int
    version: int  # the household's new version
    last_verified_at: dt.datetime
    residents_confirmed: int
    residents_added: tuple[int, ...]  # resident ids created or moved in
    residents_moved_out: int


@dataclass(frozen=True)
class Assignment:
    """A grid cell and the officer who owns it (for the worklist's chooser)."""

    grid_cell_id: int
    grid_cell: str
    officer_id: int | None
    officer: str


class VerificationService(Service):
    def assignments(self, actor: Actor) -> list[Assignment]:
        """Every grid cell with its officer."""
        actor.require(Permission.VIEW_REGISTRY)
        with self._write() as s:
            rows = s.execute(
                select(GridCell.id, GridCell.name, GridCell.officer_id, Officer.name)
                .outerjoin(Officer, Officer.id == GridCell.officer_id)
                .order_by(GridCell.name)
            )
            return [Assignment(g, n, o, on or "") for g, n, o, on in rows]

    def worklist(
        self,
        actor: Actor,
        *,
        officer_id: int | None = None,
        grid_cell_id: int | None = None,
        as_of: dt.datetime | None = None,
    ) -> list[WorklistRow]:
        """Overdue households of an officer's or a grid cell's area (the whole district if neither)."""
        actor.require(Permission.VIEW_REGISTRY)
        with self._write() as s:
            now = as_of or self._now(s)  # compared with stored verification dates
            min_orange = s.scalar(select(func.min(Station.orange_after_days))) or 30
            # A coarse cut in SQL with the smallest threshold; the per-station rule is applied below.
            cutoff = now - dt.timedelta(days=min_orange)
            residents = (
                select(Resident.household_id, func.count().label("n"))
                .where(Resident.moved_out_at.is_(None))
                .group_by(Resident.household_id)
                .subquery()
            )
            q = (
                select(
                    Household.id,
                    Household.version,
                    Household.unit,
                    Household.room,
                    Household.housing_use,
                    Household.last_verified_at,
                    Community.name,
                    Building.name,
                    Station.orange_after_days,
                    Station.red_after_days,
                    GridCell.name,
                    Officer.name,
                    func.coalesce(residents.c.n, 0),
                )
                .join(Community, Community.id == Household.community_id)
                .join(Building, Building.id == Household.building_id)
                .join(Station, Station.id == Community.station_id)
                .outerjoin(GridCell, GridCell.id == Community.grid_cell_id)
                .outerjoin(Officer, Officer.id == GridCell.officer_id)
                .outerjoin(residents, residents.c.household_id == Household.id)
                .where(or_(Household.last_verified_at.is_(None), Household.last_verified_at < cutoff))
            )
            if officer_id is not None:
                q = q.where(GridCell.officer_id == officer_id)
            if grid_cell_id is not None:
                q = q.where(Community.grid_cell_id == grid_cell_id)
            rows = s.execute(q).all()
        out: list[WorklistRow] = []
        for hid, ver, unit, room, use, verified, comm, bld, orange, red, cell, officer, n in rows:
            days = None if verified is None else max(0, (now - verified) // dt.timedelta(days=1))
            status = status_of(days, orange, red)
            if status not in DUE_STATUSES:
                continue
            colour = colour_of(status)
            out.append(
                WorklistRow(
                    hid,
                    ver,
                    colour,
                    comm,
                    bld,
                    unit,
                    room,
                    format_address(comm, bld, unit, room),
                    use,
                    int(n),
                    verified,
                    days,
                    None if days is None else days - orange,
                    cell or "",
                    officer or "",
                )
            )
        out.sort(key=_worklist_order)
        return out

    def record_visit(
        self,
        actor: Actor,
        household_id: int,
        expected_version: int,
        *,
        visited_at: dt.datetime,
        officer_id: int | None,
        confirmed_resident_ids: Iterable[int] = (),
        added_residents: Sequence[NewResident] = (),
        moved_out_resident_ids: Iterable[int] = (),
        note: str = "",
    ) -> VisitResult:
        """Record a verification visit; raises ValidationError naming the field, or ConflictError."""
        actor.require(Permission.VERIFY_HOUSEHOLDS)
        if visited_at.tzinfo is None:
            raise ValidationError("visited_at", "registry.visit.no_offset")
        clean_note = limit_text(note.strip(), "note", MAX_NOTE)
        added = [_clean_new_resident(r, i) for i, r in enumerate(added_residents)]
        confirmed, moved_out = set(confirmed_resident_ids), set(moved_out_resident_ids)
        if confirmed & moved_out:
            raise ValidationError(
                "moved_out_resident_ids",
                "registry.visit.confirmed_and_moved_out",
            )
        with self._write() as s:
            if visited_at > self._now(s) + _FUTURE_TOLERANCE:  # "the future" by the server's clock
                raise ValidationError("visited_at", "registry.visit.future")
            current = s.execute(
                select(Household.version, Household.last_verified_at).where(Household.id == household_id)
            ).one_or_none()
            if current is None:
                raise UserError("household.not_found", household_id=household_id)
            living = set(
                s.scalars(
                    select(Resident.id).where(
                        Resident.household_id == household_id, Resident.moved_out_at.is_(None)
                    )
                )
            )
            for name, ids in (("confirmed_resident_ids", confirmed), ("moved_out_resident_ids", moved_out)):
                if not ids <= living:
                    raise ValidationError(
                        name, "registry.visit.not_living_here", ids=str(sorted(ids - living))
                    )
            stamp = visited_at if current[1] is None or visited_at > current[1] else current[1]
            guarded_update(
                s,
                Household,
                household_id,
                expected_version,
                f"住户 #{household_id}",
                conflict=lambda _now: ConflictError("registry.visit.household_changed"),
                missing=lambda: UserError("household.not_found", household_id=household_id),
                last_verified_at=stamp,
            )
            if moved_out:
                s.execute(
                    update(Resident)
                    .where(Resident.id.in_(moved_out))
                    .values(moved_out_at=visited_at, version=Resident.version + 1)
                )
            added_ids = tuple(self._add_residents(s, household_id, added))
            visit_id = s.execute(
                insert(VerificationVisit)
                .values(
                    household_id=household_id,
                    officer_id=officer_id,
                    user_id=actor.user_id,
                    visited_at=visited_at,
                    residents_confirmed=len(confirmed),
                    residents_added=len(added_ids),
                    residents_moved_out=len(moved_out),
                    note=clean_note,
                )
                .returning(VerificationVisit.id)
            ).scalar_one()
            write_audit(
                s,
                actor,
                "verify",
                "household",
                household_id,
                self._clock,
                visit_id=visit_id,
                confirmed=sorted(confirmed),
                added=list(added_ids),
                moved_out=sorted(moved_out),
            )
        return VisitResult(
            household_id, visit_id, expected_version + 1, stamp, len(confirmed), added_ids, len(moved_out)
        )

    @staticmethod
    def export_worklist_csv(rows: Sequence[WorklistRow], path: str | Path) -> Path:
        """See the module-level ``export_worklist_csv``."""
        return export_worklist_csv(rows, path)

    def _add_residents(self, s: Session, household_id: int, added: list[NewResident]) -> list[int]:
        ids: list[int] = []
        for r in added:
            existing = None
            if r.id_number:
                existing = s.execute(
                    select(Resident.id, Resident.household_id).where(Resident.id_number == r.id_number)
                ).one_or_none()
            if existing is not None:
                # The same person (same ID number) registered elsewhere has moved here.
                s.execute(
                    update(Resident)
                    .where(Resident.id == existing[0])
                    .values(
                        household_id=household_id,
                        name=r.name,
                        phone=r.phone or None,
                        relation=r.relation,
                        moved_out_at=None,
                        version=Resident.version + 1,
                    )
                )
                ids.append(int(existing[0]))
                continue
            rid = s.execute(
                insert(Resident)
                .values(
                    household_id=household_id,
                    name=r.name,
                    id_number=r.id_number or None,
                    phone=r.phone or None,
                    relation=r.relation,
                    criminal_record="",
                    version=1,
                )
                .returning(Resident.id)
            ).scalar_one()
            ids.append(int(rid))
        return ids


def _worklist_order(r: WorklistRow) -> tuple[int, int, float]:
    colour = 0 if r.colour == "red" else 1
    rental = 0 if r.is_rental else 1
    age = float("-inf") if r.last_verified_at is None else r.last_verified_at.timestamp()
    return colour, rental, age


def _clean_new_resident(r: NewResident, i: int) -> NewResident:
    number = i + 1
    name = r.name.strip()
    if not name:
        empty = ValidationError("name", "validation.empty")
        raise ValidationError("name", "registry.added_resident.rule", number=number, rule=empty)
    for field, value, limit in (("name", name, 50), ("relation", r.relation.strip(), 16)):  # column widths
        try:
            limit_text(value, field, limit)
        except ValidationError as exc:
            raise ValidationError(field, "registry.added_resident.rule", number=number, rule=exc) from None
    try:
        id_number = validate_id_number(r.id_number) if r.id_number.strip() else ""
    except ValidationError as exc:
        raise ValidationError("id_number", "registry.added_resident.rule", number=number, rule=exc) from None
    try:
        phone = validate_mobile(r.phone) if r.phone.strip() else ""
    except ValidationError as exc:
        raise ValidationError("phone", "registry.added_resident.rule", number=number, rule=exc) from None
    return NewResident(name, id_number, phone, r.relation.strip())


WORKLIST_CSV_HEADER = (
    "序号",
    "颜色",
    "地址",
    "房屋用途",
    "在住人数",
    "最近核实",
    "距今天数",
    "逾期天数",
    "网格",
    "责任民警",
)
COLOUR_WORDS = {"red": "红 (逾期)", "orange": "橙 (待核实)"}


def export_worklist_csv(rows: Sequence[WorklistRow], path: str | Path) -> Path:
    """Write the worklist as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(WORKLIST_CSV_HEADER)
        for i, r in enumerate(rows, 1):
            w.writerow(
                [
                    i,
                    COLOUR_WORDS.get(r.colour, r.colour),
                    r.address,
                    r.housing_use,
                    r.residents,
                    r.last_verified_at.astimezone().date().isoformat() if r.last_verified_at else "从未核实",
                    "" if r.days_since_verified is None else r.days_since_verified,
                    "" if r.days_overdue is None else r.days_overdue,
                    r.grid_cell,
                    r.officer,
                ]
            )
    return path
