"""Instant search (Ctrl+F): residents, households and vehicles by name, ID, phone, plate or address;
cases by case number, property identifier (serial / IMEI / frame) or suspect's name (search_cases.py).

The query is classified first (full or partial ID number, full or partial phone number, plate,
name, address fragment) and each class runs one or more queries that an index serves (see
migrations/versions/0003_search.py for why they are B-tree expression indexes and not only
trigrams). Results are masked unless the actor may see personal data; an unmasked result list
writes one audit line naming the residents shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    Text,
    and_,
    cast,
    func,
    literal_column,
    select,
    text,
)

from console.models import Building, Community, Household, Resident, Vehicle
from console.security import Actor, Permission
from console.services.base import Service, write_audit
from console.services.registry.search_cases import CaseFinder, looks_like_case_no, looks_like_identifier
from console.services.station import community_scope
from console.validators import MAX_QUERY, PROVINCES, limit_text, mask_id_number, mask_phone, normalise_plate

__all__ = [
    "SEARCH_INDEXES",
    "HouseholdLocation",
    "SearchHit",
    "SearchService",
    "classify",
    "drop_search_indexes",
    "rebuild_search_index",
]

R: Table = Resident.__table__  # type: ignore[assignment]
H: Table = Household.__table__  # type: ignore[assignment]
B: Table = Building.__table__  # type: ignore[assignment]
C: Table = Community.__table__  # type: ignore[assignment]
V: Table = Vehicle.__table__  # type: ignore[assignment]

# Same list as migration 0003 (a migration is a snapshot and does not import the application).
SEARCH_INDEXES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "common": (
        ("ix_resident_id_last4", "resident", "substr(id_number, 15)"),
        ("ix_resident_phone_last4", "resident", "substr(phone, 8)"),
        ("ix_resident_birth_date", "resident", "substr(id_number, 7, 8)"),
        ("ix_resident_name_last1", "resident", "substr(name, length(name))"),
        ("ix_resident_name_last2", "resident", "substr(name, length(name) - 1)"),
        ("ix_household_room", "household", "room"),
        ("ix_vehicle_owner_id_number", "vehicle", "owner_id_number"),
        ("ix_vehicle_owner_phone", "vehicle", "owner_phone"),
        ("ix_vehicle_resident_id", "vehicle", "resident_id"),
        ("ix_vehicle_owner_name", "vehicle", "owner_name"),
        ("ix_vehicle_owner_name", "vehicle", "owner_name"),
    ),
    "postgresql": (
        ("ix_resident_name_c", "resident", '(name::text) COLLATE "C"'),
        ("ix_resident_id_number_c", "resident", '(id_number::text) COLLATE "C"'),
        ("ix_resident_phone_c", "resident", '(phone::text) COLLATE "C"'),
        ("ix_vehicle_plate_c", "vehicle", '(plate::text) COLLATE "C"'),
        ("ix_resident_name_trgm", "resident", "USING gin ((name::text) gin_trgm_ops)"),
        ("ix_resident_id_number_trgm", "resident", "USING gin ((id_number::text) gin_trgm_ops)"),
        ("ix_resident_phone_trgm", "resident", "USING gin ((phone::text) gin_trgm_ops)"),
        ("ix_vehicle_plate_trgm", "vehicle", "USING gin ((plate::text) gin_trgm_ops)"),
        # migration 0012_case_search: cases by a suspect's name or the start of a case number
        ("ix_case_party_name_c", "case_party", '(name::text) COLLATE "C"'),
        ("ix_theft_case_case_no_c", "theft_case", '(case_no::text) COLLATE "C"'),
    ),
}
_TOP = "\U0010ffff"
_DIGITS = re.compile(r"\d+[Xx]?")
_ADDRESS = re.compile(
    r"(?P<community>.*?)\s*(?P<building>\d+)\s*(?:号楼|栋|幢|座|#|号)\s*(?:(?P<unit>\d+)\s*单元)?\s*"
    r"(?:(?P<room>\d+)\s*室?)?"
)
_DASHED = re.compile(r"(?P<community>.*?)\s*(?P<building>\d+)-(?P<unit>\d+)-(?P<room>\d+)")
_COMMUNITY_ROOM = re.compile(r"(?P<community>\D+?)\s+(?P<room>\d{3,5})")
_PLATE_PART = re.compile(r"[A-Z0-9]{3,7}")


# The three result shapes, built once (building a select with its joins costs more than running it).
# Where a hit lives: household, building and community (the same columns for every kind of hit).
_WHERE_COLUMNS = (H.c.id, H.c.unit, H.c.floor, H.c.room, H.c.housing_use, B.c.id, B.c.name, C.c.id, C.c.name)
_RESIDENTS = select(
    R.c.id,
    R.c.name,
    R.c.id_number,
    R.c.phone,
    R.c.relation,
    R.c.moved_out_at,
    *_WHERE_COLUMNS,
).select_from(
    R.join(H, H.c.id == R.c.household_id)
    .join(B, B.c.id == H.c.building_id)
    .join(C, C.c.id == H.c.community_id)
)
_HOUSEHOLDS = select(*_WHERE_COLUMNS).select_from(
    H.join(B, B.c.id == H.c.building_id).join(C, C.c.id == H.c.community_id)
)
_VEHICLES = select(
    V.c.id,
    V.c.plate,
    V.c.owner_name,
    V.c.owner_id_number,
    V.c.owner_phone,
    V.c.brand,
    V.c.colour,
    *_WHERE_COLUMNS,
).select_from(
    V.outerjoin(R, R.c.id == V.c.resident_id)
    .outerjoin(H, H.c.id == R.c.household_id)
    .outerjoin(B, B.c.id == H.c.building_id)
    .outerjoin(C, C.c.id == H.c.community_id)
)


@dataclass(frozen=True)
class SearchHit:
    """One result: a resident, a household or a vehicle, with its address."""

    kind: str  # "resident" | "household" | "vehicle" | "case"
    id: int
    title: str  # the resident's name, the address, or the plate
    matched: str  # what matched, e.g. "身份证号后4位"
    id_number: str = ""  # masked unless the actor may see it
    phone: str = ""  # masked unless the actor may see it
    household_id: int | None = None
    building_id: int | None = None
    community_id: int | None = None
    community: str = ""
    building: str = ""
    unit: str = ""
    floor: int | None = None
    room: str = ""
    housing_use: str = ""
    detail: str = ""  # vehicle owner / brand, resident relation, a case's summary
    case_no: str = ""  # a case hit: the dossier to open

    @property
    def address(self) -> str:
        if self.household_id is None:
            return ""
        b = f"{self.building}号楼" if self.building.isdigit() else self.building
        u = f"{self.unit}单元" if self.unit.isdigit() else self.unit
        return " ".join(p for p in (self.community, b, u, self.room) if p)


@dataclass(frozen=True)
class HouseholdLocation:
    """Where a hit lives, for the grid map: enough to open the community and select the cell."""

    household_id: int
    building_id: int
    community_id: int
    community: str
    building: str
    unit: str
    floor: int | None
    room: str


@dataclass(frozen=True)
class _Plan:
    kind: str
    label: str


def classify(query: str) -> list[str]:
    """What ``query`` may be, most specific first (for the hint line and for tests)."""
    q = query.strip()
    compact = re.sub(r"[\s\-]", "", q)
    kinds: list[str] = []
    if not q:
        return kinds
    if _DASHED.fullmatch(q):
        return ["address"]
    upper = compact.upper()
    if _DIGITS.fullmatch(compact):
        return _number_kinds(upper)
    if looks_like_case_no(upper):
        kinds.append("case_no")
    plate = normalise_plate(q)
    if plate and (
        (plate[0] in PROVINCES and len(plate) >= 2 and plate[1:2].isascii())
        or (_PLATE_PART.fullmatch(plate) and any(c.isalpha() for c in plate))
    ):
        kinds.append("plate")
    if _ADDRESS.fullmatch(q) or _DASHED.fullmatch(q) or _COMMUNITY_ROOM.fullmatch(q):
        kinds.append("address")
    if not any(c.isdigit() for c in q) and "plate" not in kinds:
        kinds.extend(("name", "community"))
    if looks_like_identifier(upper) and "address" not in kinds:
        kinds.append("identifier")
    return kinds


def _number_kinds(compact: str) -> list[str]:
    """What a run of digits (perhaps ending in X) may be."""
    if len(compact) == 18:
        kinds = ["id_number"]
    elif len(compact) == 11 and compact[0] == "1":
        kinds = ["phone"]
    else:
        kinds = ["partial_number"]
        if 3 <= len(compact) <= 5 and compact.isdigit():
            kinds.append("room")
        if looks_like_identifier(compact):
            # An IMEI or a serial number of stolen property; first when it is IMEI-long, so an
            # exact item match spares the scan for the digits inside ID numbers (by_partial_number).
            kinds.insert(0 if len(compact) == 15 else len(kinds), "identifier")
    return kinds


class SearchService(Service):
    """Finds residents, households and vehicles (needs Permission.VIEW_REGISTRY), and cases for a
    user who may see them (Permission.VIEW_CASES)."""

    def search(self, actor: Actor, query: str, limit: int = 50) -> list[SearchHit]:
        """Residents, then households, then vehicles matching ``query``; at most ``limit`` of each kind."""
        actor.require(Permission.VIEW_REGISTRY)
        limit_text(query.strip(), "query", MAX_QUERY)
        kinds = classify(query)
        if not kinds:
            return []
        q = query.strip()
        compact = re.sub(r"[\s\-]", "", q).upper()
        with self._read() as conn:
            run = _Query(conn, self.backend == "postgresql", limit, actor.can(Permission.VIEW_CASES))
            for kind in kinds:
                getattr(run, f"by_{kind}")(compact if kind not in ("address", "name", "community") else q)
            hits = run.hits()
            scope = community_scope(conn, actor)
        if scope is not None:  # a community officer finds only the households of their own grid cells
            hits = [h for h in hits if h.community_id is None or h.community_id in scope]
        unmask = actor.can(Permission.UNMASK_PERSONAL_DATA)
        shown = [h.id for h in hits if h.kind == "resident" and (h.id_number or h.phone)]
        owners = [h.id for h in hits if h.kind == "vehicle" and (h.id_number or h.phone)]
        suspects = [h.case_no for h in hits if h.kind == "case" and h.id_number]
        if unmask and (shown or owners or suspects):
            with self._write() as s:
                write_audit(
                    s,
                    actor,
                    "view_personal_data",
                    "resident",
                    shown[0] if len(shown) == 1 else None,
                    self._clock,
                    via="search",
                    query=q,
                    residents=shown,
                    vehicles=owners,
                    case_suspects=suspects,
                )
        if not unmask:
            hits = [
                replace(
                    h,
                    id_number=mask_id_number(h.id_number) if h.id_number else "",
                    phone=mask_phone(h.phone) if h.phone else "",
                )
                for h in hits
            ]
        return hits

    @staticmethod
    def household_of(hit: SearchHit) -> HouseholdLocation | None:
        """The household a hit belongs to (a vehicle's owner's household), or None."""
        if hit.household_id is None or hit.building_id is None or hit.community_id is None:
            return None
        return HouseholdLocation(
            hit.household_id,
            hit.building_id,
            hit.community_id,
            hit.community,
            hit.building,
            hit.unit,
            hit.floor,
            hit.room,
        )


class _Query:
    """The queries of one search, collected per kind in the order found, without duplicates."""

    def __init__(self, conn: Connection, postgresql: bool, limit: int, cases: bool = False) -> None:
        self.s = conn
        self.pg = postgresql
        self.limit = limit
        self.found: dict[str, dict[int, SearchHit]] = {"resident": {}, "household": {}, "vehicle": {}}
        self.cases = CaseFinder(conn, limit, self._prefix) if cases else None

    def hits(self) -> list[SearchHit]:
        found = [h for kind in ("resident", "household", "vehicle") for h in self.found[kind].values()]
        if self.cases is None:
            return found
        return found + [
            SearchHit(
                "case",
                m.case_id,
                case_no,
                f"{m.matched} {m.name}".strip(),
                id_number=m.id_number,
                detail=summary,
                case_no=case_no,
            )
            for m, case_no, summary, _status in self.cases.cases()
        ]

    # --- cases ---------------------------------------------------------------------------------

    def by_case_no(self, q: str) -> None:
        if self.cases is not None:
            self.cases.by_case_no(q)

    def by_identifier(self, q: str) -> None:
        if self.cases is not None:
            self.cases.by_identifier(q)

    def _room_left(self, kind: str) -> int:
        return self.limit - len(self.found[kind])

    # --- expressions ---------------------------------------------------------------------------

    def _t(self, col: ColumnElement[str]) -> ColumnElement[str]:
        """The column as the PostgreSQL search indexes are built on (``CAST(col AS TEXT)``)."""
        return cast(col, Text) if self.pg else col

    def _c(self, col: ColumnElement[str]) -> ColumnElement[str]:
        """The column in code-point order, for prefix ranges (SQLite's BINARY already is)."""
        return cast(col, Text).collate("C") if self.pg else col

    def _prefix(self, col: ColumnElement[str], prefix: str) -> ColumnElement[bool]:
        c = self._c(col)
        return and_(c >= prefix, c < prefix + _TOP)

    # --- residents -----------------------------------------------------------------------------

    def _residents(self, where: ColumnElement[bool], label: str) -> None:
        left = self._room_left("resident")
        if left <= 0:
            return
        stmt = _RESIDENTS.where(where).limit(left + len(self.found["resident"]))
        for (
            rid,
            name,
            idn,
            phone,
            rel,
            moved,
            hid,
            unit,
            floor,
            room,
            use,
            bid,
            bname,
            cid,
            cname,
        ) in self.s.execute(stmt):
            if rid in self.found["resident"] or len(self.found["resident"]) >= self.limit:
                continue
            detail = rel + (" 已迁出" if moved is not None else "")
            self.found["resident"][rid] = SearchHit(
                "resident",
                rid,
                name,
                label,
                idn or "",
                phone or "",
                hid,
                bid,
                cid,
                cname,
                bname,
                unit,
                floor,
                room,
                use,
                detail.strip(),
            )

    def by_id_number(self, q: str) -> None:
        self._residents(R.c.id_number == q, "身份证号")
        self._vehicles(V.c.owner_id_number == q, "车主身份证号")

    def by_phone(self, q: str) -> None:
        self._residents(R.c.phone == q, "手机号")
        self._vehicles(V.c.owner_phone == q, "车主手机号")

    def by_partial_number(self, q: str) -> None:
        n = len(q)
        if n >= 4:
            last4 = q[-4:]
            self._residents(
                and_(func.substr(R.c.id_number, literal_column("15")) == last4, R.c.id_number.like(f"%{q}")),
                f"身份证号后{n}位",
            )
            if q.isdigit() and n <= 10:
                self._residents(
                    and_(func.substr(R.c.phone, literal_column("8")) == last4, R.c.phone.like(f"%{q}")),
                    f"手机号后{n}位",
                )
        if q.isdigit() and n >= 3 and q[0] == "1":
            self._residents(self._prefix(R.c.phone, q), "手机号前几位")
        if n >= 6:
            self._residents(self._prefix(R.c.id_number, q), "身份证号前几位")
        if n == 8 and q.isdigit() and _is_date(q):
            self._residents(
                func.substr(R.c.id_number, literal_column("7"), literal_column("8")) == q, "出生日期"
            )
        if n >= 6 and not self.found["resident"] and not (self.cases and self.cases.found):
            # Anywhere in the number: pg_trgm serves it on PostgreSQL; SQLite scans (bounded by the limit).
            self._residents(self._t(R.c.id_number).like(f"%{q}%"), "身份证号包含")
            if q.isdigit():
                self._residents(self._t(R.c.phone).like(f"%{q}%"), "手机号包含")

    def by_name(self, q: str) -> None:
        name = re.sub(r"\s+", "", q)
        self._residents(R.c.name == name, "姓名")
        self._residents(self._prefix(R.c.name, name), "姓名")
        if len(name) == 1:
            self._residents(func.substr(R.c.name, func.length(R.c.name)) == name, "名")
        elif len(name) == 2:
            self._residents(func.substr(R.c.name, func.length(R.c.name) - literal_column("1")) == name, "名")
        elif not self.found["resident"]:
            # Inside a longer name: pg_trgm serves it on PostgreSQL; SQLite scans (bounded by the limit).
            self._residents(self._t(R.c.name).like(f"%{_escape(name)}%", escape="\\"), "姓名包含")
        self._vehicles(V.c.owner_name == name, "车主姓名")
        if self.cases is not None:
            self.cases.by_suspect_name(name)

    # --- households ----------------------------------------------------------------------------

    def _households(self, where: ColumnElement[bool], label: str) -> None:
        left = self._room_left("household")
        if left <= 0:
            return
        stmt = _HOUSEHOLDS.where(where).order_by(C.c.name, B.c.name, H.c.unit, H.c.room).limit(self.limit)
        for hid, unit, floor, room, use, bid, bname, cid, cname in self.s.execute(stmt):
            if hid in self.found["household"] or len(self.found["household"]) >= self.limit:
                continue
            hit = SearchHit(
                "household",
                hid,
                "",
                label,
                household_id=hid,
                building_id=bid,
                community_id=cid,
                community=cname,
                building=bname,
                unit=unit,
                floor=floor,
                room=room,
                housing_use=use,
            )
            self.found["household"][hid] = replace(hit, title=f"{room}室 {use}".strip())

    def _community_ids(self, fragment: str) -> list[int]:
        fragment = fragment.strip()
        if not fragment:
            return []
        return list(
            self.s.scalars(select(C.c.id).where(C.c.name.like(f"%{_escape(fragment)}%", escape="\\")))
        )

    def by_room(self, q: str) -> None:
        self._households(H.c.room == q, "户室")

    def by_address(self, q: str) -> None:
        m = _DASHED.fullmatch(q) or _ADDRESS.fullmatch(q) or _COMMUNITY_ROOM.fullmatch(q)
        if m is None:
            return
        parts = m.groupdict()
        conds: list[ColumnElement[bool]] = []
        if (parts.get("community") or "").strip():
            ids = self._community_ids(parts["community"])
            if not ids:
                return
            conds.append(H.c.community_id.in_(ids))
        if parts.get("building"):
            k = str(int(parts["building"]))
            conds.append(B.c.name.in_([k, f"{k}号楼", f"{k}栋", f"{k}幢", f"{k}座", f"{k}#", f"{k}号"]))
        if parts.get("unit"):
            u = str(int(parts["unit"]))
            conds.append(H.c.unit.in_([u, f"{u}单元"]))
        if parts.get("room"):
            conds.append(H.c.room == parts["room"])
        self._households(and_(*conds), "地址")

    def by_community(self, q: str) -> None:
        ids = self._community_ids(q)
        if ids:
            self._households(H.c.community_id.in_(ids), "小区")

    # --- vehicles ------------------------------------------------------------------------------

    def _vehicles(self, where: ColumnElement[bool], label: str) -> None:
        left = self._room_left("vehicle")
        if left <= 0:
            return
        stmt = _VEHICLES.where(where).limit(self.limit)
        for (
            vid,
            plate,
            owner,
            idn,
            phone,
            brand,
            colour,
            hid,
            unit,
            floor,
            room,
            use,
            bid,
            bname,
            cid,
            cname,
        ) in self.s.execute(stmt):
            if vid in self.found["vehicle"] or len(self.found["vehicle"]) >= self.limit:
                continue
            detail = " ".join(p for p in (owner, colour, brand) if p)
            self.found["vehicle"][vid] = SearchHit(
                "vehicle",
                vid,
                plate,
                label,
                idn or "",
                phone or "",
                hid,
                bid,
                cid,
                cname or "",
                bname or "",
                unit or "",
                floor,
                room or "",
                use or "",
                detail,
            )

    def by_plate(self, q: str) -> None:
        plate = normalise_plate(q)
        self._vehicles(V.c.plate == plate, "号牌")
        self._vehicles(self._prefix(V.c.plate, plate), "号牌")
        if not self.found["vehicle"]:
            self._vehicles(self._t(V.c.plate).like(f"%{_escape(plate)}%", escape="\\"), "号牌包含")


def _escape(text_: str) -> str:
    return text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_date(digits: str) -> bool:
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return 1900 <= int(digits[:4]) <= 2100


def _index_ddl(dialect: str) -> Iterable[tuple[str, str]]:
    rows = SEARCH_INDEXES["common"] + (SEARCH_INDEXES["postgresql"] if dialect == "postgresql" else ())
    for name, table, expr in rows:
        body = expr if expr.startswith("USING") else f"({expr})"
        yield name, f"CREATE INDEX IF NOT EXISTS {name} ON {table} {body}"


def drop_search_indexes(engine: Engine) -> None:
    """Drop the search indexes before a bulk load (creating them afterwards is about twice as fast)."""
    with engine.begin() as conn:
        for name, _ddl in _index_ddl(engine.dialect.name):
            conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def rebuild_search_index(engine: Engine) -> None:
    """Create any missing search index and refresh the planner's statistics; call after bulk loads."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        for _name, ddl in _index_ddl(engine.dialect.name):
            conn.execute(text(ddl))
        for table in (
            "resident",
            "household",
            "vehicle",
            "community",
            "building",
            "theft_case",
            "case_party",
        ):
            conn.execute(text(f"ANALYZE {table}"))
