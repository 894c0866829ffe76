"""The grid map's data: every household of the district as numpy arrays, coloured by verification.

Loading goes through a raw DB-API cursor into ``np.fromiter`` (NOTES.md: 0.2 s for 300,000 rows,
against 0.8 s for a Core select and 3.3 s for ORM objects); the days since verification are
computed by the database as epoch seconds so no datetime object is built per row. The colours
(``status``) are then computed vectorised from the days and each station's thresholds, and the
three map levels (district, one grid cell, one community) are laid out as integer cell
coordinates that a widget can paint as one image.

The snapshot and its layouts live in ``snapshot.py``. A ``GridSnapshot`` is deliberately a mutable numeric model, not a frozen dataclass: ``recolour``
updates its ``days`` and ``status`` arrays in place so a verification costs microseconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import UserError, ValidationError
from console.models import (
    Building,
    Community,
    GridCell,
    Household,
    Officer,
    Resident,
    Station,
    User,
    VerificationVisit,
)
from console.security import Actor, Permission
from console.services.base import Service, write_audit
from console.services.maps.snapshot import (
    DAY_SECONDS,
    GREEN,
    HOUSING_USES,
    NEVER,
    ORANGE,
    RED,
    STATUS_NAMES,
    Block,
    BuildingInfo,
    CommunityInfo,
    GridCellInfo,
    GridSnapshot,
    Layout,
    MapFilter,
    compute_status,
    format_address,
)
from console.services.station import community_scope, require_in_scope
from console.validators import mask_id_number, mask_phone

if TYPE_CHECKING:  # numpy is imported where it is used: not at the console's start
    import numpy as np

__all__ = [
    "GREEN",
    "HOUSING_USES",
    "NEVER",
    "ORANGE",
    "RED",
    "STATUS_NAMES",
    "Block",
    "BuildingInfo",
    "CommunityInfo",
    "GridCellInfo",
    "GridMapService",
    "GridSnapshot",
    "HouseholdDetail",
    "Layout",
    "MapFilter",
    "ResidentView",
    "VisitView",
    "compute_status",
    "format_address",
]


def _natural_key(text: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def _epoch_sql(dialect: str) -> str:
    if dialect == "sqlite":
        return "COALESCE(CAST(strftime('%s', h.last_verified_at) AS INTEGER), -1)"
    return "COALESCE(CAST(EXTRACT(EPOCH FROM h.last_verified_at) AS BIGINT), -1)"


def _plain_number_sql(column: str, dialect: str) -> str:
    """SQL true where ``column`` is a plain positive number without leading zeros (fits an int32)."""
    if dialect == "sqlite":
        return f"({column} GLOB '[1-9]*' AND NOT {column} GLOB '*[^0-9]*' AND length({column}) <= 9)"
    return f"({column} ~ '^[1-9][0-9]{{0,8}}$')"


def _household_sql(dialect: str) -> tuple[str, str]:
    """Integers only (strings cost 2-3x on the wire), and the rare rows whose unit or room is not a number."""
    unit_ok = f"(h.unit = '' OR {_plain_number_sql('h.unit', dialect)})"
    room_ok = _plain_number_sql("h.room", dialect)
    main = (
        "SELECT h.id, h.community_id, h.building_id, "  # noqa: S608 SQL fragments are our constants chosen per dialect
        f"CASE WHEN h.unit = '' THEN 0 WHEN {unit_ok} THEN CAST(h.unit AS INTEGER) ELSE -1 END, h.floor, "
        f"CASE WHEN {room_ok} THEN CAST(h.room AS INTEGER) ELSE -1 END, {_USE_CASE}, {_epoch_sql(dialect)} "
        "FROM household h"
    )
    irregular = f"SELECT h.id, h.unit, h.room FROM household h WHERE NOT ({unit_ok} AND {room_ok})"  # noqa: S608 SQL fragments are our constants chosen per dialect
    return main, irregular


_USE_CASE = (
    "CASE h.housing_use "
    + " ".join(f"WHEN '{u}' THEN {i}" for i, u in enumerate(HOUSING_USES[:-1]))
    + f" ELSE {len(HOUSING_USES) - 1} END"
)
_COLUMNS = 8  # id, community, building, unit_no, floor, room_no, use, epoch


class GridMapService(Service):
    """Loads the district's households for the grid map and answers "who lives here"."""

    def load(self, actor: Actor, filters: MapFilter | None = None) -> GridSnapshot:
        """Every household of the district (filters are applied by the view, not here)."""
        import numpy as np

        actor.require(Permission.VIEW_REGISTRY)
        with self._write() as s:
            as_of = self._now(s)  # days since verification, by the server's clock
            communities, grid_cells, officers, comm_row = self._areas(s)
            buildings, bld_row = self._buildings(s, comm_row)
            rows, irregular = self._household_rows(s)
            scope = community_scope(s, actor)
        if scope is not None:  # a community officer: only the households of their own grid cells
            rows = rows[np.isin(rows[:, 1], np.fromiter(scope, dtype=np.int64, count=len(scope)))]
        return _assemble(
            as_of, rows, irregular, communities, grid_cells, officers, comm_row, buildings, bld_row
        )

    def recolour(
        self,
        snapshot: GridSnapshot,
        household_ids: Sequence[int],
        new_verified_at: dt.datetime | Sequence[dt.datetime | None] | None,
    ) -> np.ndarray:
        """Stamp a new verification time on households already on the map; returns their indices."""
        import numpy as np

        idx = snapshot.indices_of(household_ids)
        keep = idx >= 0
        idx = idx[keep]
        if isinstance(new_verified_at, dt.datetime) or new_verified_at is None:
            stamps: list[dt.datetime | None] = [new_verified_at] * int(keep.sum())
        else:
            stamps = [t for t, k in zip(new_verified_at, keep.tolist(), strict=True) if k]
        now = snapshot.as_of.timestamp()
        days = np.array(
            [-1 if t is None else max(0, int((now - t.timestamp()) // DAY_SECONDS)) for t in stamps],
            dtype=np.int32,
        )
        snapshot.days[idx] = days
        comm = snapshot.community[idx]
        snapshot.status[idx] = compute_status(days, snapshot.orange_after[comm], snapshot.red_after[comm])
        return idx

    def verification_times(self, actor: Actor, household_ids: Iterable[int]) -> dict[int, dt.datetime | None]:
        """Current ``last_verified_at`` of a few households (for live recolouring)."""
        actor.require(Permission.VIEW_REGISTRY)
        ids = list(household_ids)
        out: dict[int, dt.datetime | None] = {}
        with self._write() as s:
            # In chunks: an import can change thousands of households in one burst.
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = s.execute(
                    select(Household.id, Household.last_verified_at).where(Household.id.in_(chunk))
                )
                out.update((int(i), t) for i, t in rows)
        return out

    def household_detail(
        self, actor: Actor, household_id: int, *, unmask_reason: str | None = None
    ) -> HouseholdDetail:
        """Address, housing use, residents and visit history; ID and phone numbers masked.

        With ``unmask_reason`` (a role that may unmask, and a stated reason) this one household's
        numbers are shown in full, and the reason goes into the audit log with the residents seen.
        """
        import numpy as np

        actor.require(Permission.VIEW_REGISTRY)
        reason = (unmask_reason or "").strip()
        if unmask_reason is not None:
            actor.require(Permission.UNMASK_PERSONAL_DATA)
            if not reason:
                raise ValidationError("reason", "unmask.reason_required")
        unmask = bool(reason)
        with self._write() as s:
            row = s.execute(
                select(Household, Community, Building, Station)
                .join(Community, Community.id == Household.community_id)
                .join(Building, Building.id == Household.building_id)
                .join(Station, Station.id == Community.station_id)
                .where(Household.id == household_id)
            ).one_or_none()
            if row is None:
                raise UserError("household.not_found", household_id=household_id)
            h, c, b, st = row
            require_in_scope(community_scope(s, actor), actor, c.id)
            residents = tuple(
                ResidentView(
                    id=r.id,
                    name=r.name,
                    relation=r.relation,
                    version=r.version,
                    id_number=(r.id_number or "") if unmask else mask_id_number(r.id_number),
                    phone=(r.phone or "") if unmask else mask_phone(r.phone),
                    moved_out_at=r.moved_out_at,
                )
                for r in s.scalars(
                    select(Resident)
                    .where(Resident.household_id == household_id)
                    .order_by(Resident.moved_out_at.is_not(None), Resident.id)
                )
            )
            visits = tuple(
                VisitView(
                    v.id,
                    v.visited_at,
                    officer or username or "",
                    v.residents_confirmed,
                    v.residents_added,
                    v.residents_moved_out,
                    v.note,
                )
                for v, officer, username in s.execute(
                    select(VerificationVisit, Officer.name, User.display_name)
                    .outerjoin(Officer, Officer.id == VerificationVisit.officer_id)
                    .outerjoin(User, User.id == VerificationVisit.user_id)
                    .where(VerificationVisit.household_id == household_id)
                    .order_by(VerificationVisit.visited_at.desc(), VerificationVisit.id.desc())
                )
            )
            if unmask and any(r.id_number or r.phone for r in residents):
                write_audit(
                    s,
                    actor,
                    "unmask",
                    "household",
                    household_id,
                    self._clock,
                    residents=[r.id for r in residents],
                    view="household_detail",
                    reason=reason,
                )
            now = self._now(s)  # compared with the stored verification date
        days = (
            -1 if h.last_verified_at is None else max(0, (now - h.last_verified_at) // dt.timedelta(days=1))
        )
        status = int(
            compute_status(np.array([days]), np.array([st.orange_after_days]), np.array([st.red_after_days]))[
                0
            ]
        )
        return HouseholdDetail(
            household_id=h.id,
            version=h.version,
            community_id=c.id,
            community=c.name,
            building=b.name,
            unit=h.unit,
            floor=h.floor,
            room=h.room,
            address=format_address(c.name, b.name, h.unit, h.room),
            housing_use=h.housing_use,
            last_verified_at=h.last_verified_at,
            days_since_verified=None if days < 0 else int(days),
            status=STATUS_NAMES[status],
            residents=residents,
            visits=visits,
            unmasked=unmask,
            property_manager=f"{c.property_manager_company} {c.property_manager_name} "
            f"{c.property_manager_phone}".strip(),
        )

    # --- loading ------------------------------------------------------------------------------
    def _areas(
        self, s: Session
    ) -> tuple[list[CommunityInfo], list[GridCellInfo], list[tuple[int, str]], dict[int, int]]:
        officers = {i: n for i, n in s.execute(select(Officer.id, Officer.name).order_by(Officer.id))}
        cells = [
            GridCellInfo(g.id, g.name, g.officer_id, officers.get(g.officer_id or -1, ""))
            for g in s.scalars(select(GridCell).order_by(GridCell.name))
        ]
        by_cell = {g.id: g for g in cells}
        communities: list[CommunityInfo] = []
        for c, orange, red in s.execute(
            select(Community, Station.orange_after_days, Station.red_after_days).join(
                Station, Station.id == Community.station_id
            )
        ):
            g = by_cell.get(c.grid_cell_id or -1)
            communities.append(
                CommunityInfo(
                    c.id,
                    c.name,
                    c.code,
                    c.grid_cell_id,
                    g.name if g else "",
                    g.officer_id if g else None,
                    g.officer_name if g else "",
                    int(orange),
                    int(red),
                )
            )
        # Grid cell first, then name: a grid cell's communities sit next to each other on the map.
        communities.sort(
            key=lambda c: (c.grid_cell_name == "", _natural_key(c.grid_cell_name), _natural_key(c.name))
        )
        comm_row = {c.id: i for i, c in enumerate(communities)}
        used = {g.officer_id for g in cells}
        return communities, cells, [(i, n) for i, n in officers.items() if i in used], comm_row

    def _buildings(self, s: Session, comm_row: dict[int, int]) -> tuple[list[BuildingInfo], dict[int, int]]:
        rows = s.execute(
            select(
                Building.id,
                Building.community_id,
                Building.name,
                Building.floors,
                Building.units,
                Building.rooms_per_floor,
            )
        ).all()
        rows = sorted(rows, key=lambda r: (comm_row.get(r[1], 1 << 30), _natural_key(r[2])))
        buildings = [BuildingInfo(r[0], comm_row.get(r[1], -1), r[2], r[3], r[4], r[5]) for r in rows]
        return buildings, {b.id: i for i, b in enumerate(buildings)}

    def _household_rows(self, s: Session) -> tuple[np.ndarray, dict[int, tuple[str, str]]]:
        """(n, 8) int64 rows straight from a DB-API cursor, and {household id: (unit, room)} irregulars."""
        import numpy as np

        conn = s.connection()
        main, irregular = _household_sql(conn.dialect.name)
        raw = conn.connection.dbapi_connection
        if raw is None:  # only a closed connection has none
            raise RuntimeError("the session's connection is closed")
        cur: Any = raw.cursor()  # DB-API cursors iterate rows; the stub type does not say so
        try:
            cur.execute(main)
            flat = np.fromiter(itertools.chain.from_iterable(cur), dtype=np.int64)
            rows = flat.reshape(-1, _COLUMNS)
            odd: dict[int, tuple[str, str]] = {}
            if len(rows) and (
                rows[:, 3].min() < 0 or rows[:, 5].min() < 0
            ):  # skip the scan when all are plain
                cur.execute(irregular)
                odd = {int(i): (u or "", r or "") for i, u, r in cur}
        finally:
            cur.close()
        return rows, odd


@dataclass(frozen=True)
class ResidentView:
    id: int
    name: str
    id_number: str  # masked unless the actor may see it
    phone: str  # masked unless the actor may see it
    relation: str
    moved_out_at: dt.datetime | None
    version: int


@dataclass(frozen=True)
class VisitView:
    id: int
    visited_at: dt.datetime
    officer: str
    residents_confirmed: int
    residents_added: int
    residents_moved_out: int
    note: str


@dataclass(frozen=True)
class HouseholdDetail:
    household_id: int
    version: int
    community_id: int
    community: str
    building: str
    unit: str
    floor: int
    room: str
    address: str
    housing_use: str
    last_verified_at: dt.datetime | None
    days_since_verified: int | None
    status: str  # green | orange | red | never
    residents: tuple[ResidentView, ...]
    visits: tuple[VisitView, ...]
    unmasked: bool
    property_manager: str = ""


def _assemble(
    as_of: dt.datetime,
    rows: np.ndarray,
    irregular_by_id: dict[int, tuple[str, str]],
    communities: list[CommunityInfo],
    grid_cells: list[GridCellInfo],
    officers: list[tuple[int, str]],
    comm_row: dict[int, int],
    buildings: list[BuildingInfo],
    bld_row: dict[int, int],
) -> GridSnapshot:
    import numpy as np

    n = len(rows)
    ids = rows[:, 0].copy()
    comm_lut = _lookup(comm_row, rows[:, 1])
    bld_lut = _lookup(bld_row, rows[:, 2])
    unit_no = rows[:, 3].astype(np.int32)
    room_no = rows[:, 5].astype(np.int32)
    floor = rows[:, 4].astype(np.int16)
    # Plain numbers sort as numbers; the few written otherwise ("A", "1203B") after them, naturally.
    unit_rank, room_rank = unit_no.astype(np.int64), room_no.astype(np.int64)
    irregular: dict[int, tuple[str, str]] = {}
    if irregular_by_id:
        pos = {int(h): i for i, h in enumerate(ids.tolist()) if int(h) in irregular_by_id}
        irregular = {pos[h]: v for h, v in irregular_by_id.items() if h in pos}
        for col, rank, no in ((0, unit_rank, unit_no), (1, room_rank, room_no)):
            odd = [i for i in irregular if no[i] < 0]
            ordered = sorted({irregular[i][col] for i in odd}, key=_natural_key)
            where = {text: k for k, text in enumerate(ordered)}
            for i in odd:
                rank[i] = (1 << 40) + where[irregular[i][col]]
    # Group by (building, unit, floor) in room order to find each room's column.
    order = np.lexsort((room_rank, floor, unit_rank, bld_lut))
    b_s, u_s, f_s = bld_lut[order], unit_rank[order], floor[order]
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = (b_s[1:] != b_s[:-1]) | (u_s[1:] != u_s[:-1]) | (f_s[1:] != f_s[:-1])
    starts = np.maximum.accumulate(np.where(new_group, np.arange(n), 0))
    room_pos = np.empty(n, dtype=np.int16)
    room_pos[order] = (np.arange(n) - starts).astype(np.int16)
    new_unit = np.ones(n, dtype=bool)
    new_unit[1:] = (b_s[1:] != b_s[:-1]) | (u_s[1:] != u_s[:-1])
    new_bld = np.ones(n, dtype=bool)
    new_bld[1:] = b_s[1:] != b_s[:-1]
    unit_seq = np.cumsum(new_unit)
    bld_first_unit = np.maximum.accumulate(np.where(new_bld, unit_seq, 0))
    unit_idx = np.empty(n, dtype=np.int16)
    unit_idx[order] = (unit_seq - bld_first_unit).astype(np.int16)

    orange = np.array([c.orange_after_days for c in communities], dtype=np.int32)
    red = np.array([c.red_after_days for c in communities], dtype=np.int32)
    now = int(as_of.timestamp())
    epoch = rows[:, 7]
    days = np.where(epoch < 0, -1, np.maximum(0, (now - epoch) // DAY_SECONDS)).astype(np.int32)
    status = compute_status(days, orange[comm_lut], red[comm_lut]) if n else np.empty(0, np.uint8)
    cell_row = {g.id: i for i, g in enumerate(grid_cells)}
    comm_officer = np.array([c.officer_id or -1 for c in communities] or [-1], dtype=np.int32)
    comm_cell = np.array([cell_row.get(c.grid_cell_id or -1, -1) for c in communities] or [0], dtype=np.int16)
    return GridSnapshot(
        as_of=as_of,
        household_id=ids,
        community=comm_lut,
        building=bld_lut,
        unit=unit_idx,
        floor=floor,
        room_pos=room_pos,
        room_no=room_no,
        unit_no=unit_no,
        housing_use=rows[:, 6].astype(np.uint8),
        days=days,
        status=status,
        grid_cell=comm_cell[comm_lut] if n else np.empty(0, np.int16),
        officer=comm_officer[comm_lut] if n else np.empty(0, np.int32),
        communities=tuple(communities),
        buildings=tuple(buildings),
        grid_cells=tuple(grid_cells),
        officers=tuple(officers),
        orange_after=orange,
        red_after=red,
        irregular=irregular,
        _by_id=np.argsort(ids, kind="stable"),
    )


def _lookup(row_of: dict[int, int], ids: np.ndarray) -> np.ndarray:
    """Map database ids to row numbers through a dense lookup table."""
    import numpy as np

    if not len(ids):
        return np.empty(0, np.int32)
    top = max(int(ids.max()), max(row_of, default=0)) + 1
    lut = np.full(top, -1, dtype=np.int32)
    for db_id, row in row_of.items():
        lut[db_id] = row
    return lut[ids]
