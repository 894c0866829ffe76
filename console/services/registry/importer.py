"""Importing the household registry (一标三实) from CSV or XLSX, per contracts/registry.md.

Rows are read, checked in Python and written in chunks of ``CHUNK`` rows: the existing
households and residents of a chunk are loaded with one query each, then inserted and updated
with Core executemany. Each chunk is its own transaction. That is a deliberate choice:

- On SQLite a transaction holds the only write lock. One transaction for a 300,000-row file
  would lock out the alert ingest for the whole import (up to a minute); per-chunk commits let
  other writers in between chunks.
- A chunk holds whole rows only (a row's household and resident are written together), so a
  cancelled or failed import keeps complete rows, never half a row. The report says how many
  rows were kept. Importing the same file again is idempotent, so re-running finishes the job.

A rejected row stores nothing. A problem with the whole file (encoding, merged header cells,
missing required column) is raised as RegistryFileError before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from console.errors import UserError
from console.messages import Message
from console.models import Building, Community, GridCell, Household, Resident, Station
from console.security import Actor, Permission
from console.services.base import Service, write_audit
from console.services.registry.file import (
    NotUtf8Error,
    RegistryFileError,
    RegistryPreview,
    SourceRow,
    open_rows,
    preview,
    read_rows,
)
from console.services.registry.rows import STATION_TZ, ParsedRow, RowRejection, building_key, parse_row

__all__ = [
    "ImportReport",
    "NotUtf8Error",
    "RegistryFileError",
    "RegistryImportService",
    "RegistryPreview",
    "RowRejection",
]

log = logging.getLogger(__name__)
CHUNK = 5000
SQLITE_CACHE_KIB = 131072  # 128 MB while a chunk is written
H: Table = Household.__table__  # type: ignore[assignment]
R: Table = Resident.__table__  # type: ignore[assignment]
B: Table = Building.__table__  # type: ignore[assignment]
C: Table = Community.__table__  # type: ignore[assignment]
G: Table = GridCell.__table__  # type: ignore[assignment]
S: Table = Station.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class ImportReport:
    """What an import did. ``rows_kept`` rows were stored (all accepted rows unless cancelled)."""

    file: str
    rows_read: int
    rows_rejected: int
    households_created: int
    households_updated: int
    residents_created: int
    residents_updated: int
    communities_created: int
    buildings_created: int
    rejections: tuple[RowRejection, ...]
    warnings: tuple[Message, ...]
    dry_run: bool = False
    cancelled: bool = False
    rows_kept: int = 0
    seconds: float = 0.0

    @property
    def rows_accepted(self) -> int:
        return self.rows_read - self.rows_rejected

    def summary(self) -> str:
        head = "试导入 (dry run, nothing stored)" if self.dry_run else "导入"
        text = (
            f"{head}: 读取 {self.rows_read} 行, 拒绝 {self.rows_rejected} 行; "
            f"户 新建 {self.households_created} / 更新 {self.households_updated}; "
            f"实有人口 新建 {self.residents_created} / 更新 {self.residents_updated} "
            f"(rows read {self.rows_read}, rejected {self.rows_rejected}; households created "
            f"{self.households_created}, updated {self.households_updated}; residents created "
            f"{self.residents_created}, updated {self.residents_updated})"
        )
        if self.cancelled:
            text += (
                f"; 已取消: 已导入的 {self.rows_kept} 行保留, 重新导入同一文件即可继续 "
                f"(cancelled: the {self.rows_kept} rows already imported are kept; "
                "import the same file again to finish)"
            )
        return text


@dataclass(slots=True)
class _Household:
    id: int
    floor: int
    housing_use: str
    last_verified: dt.datetime | None
    created: bool = False
    dirty: bool = False


class RegistryImportService(Service):
    """Reads registry files and imports them (needs Permission.IMPORT_REGISTRY)."""

    def read_rows(self, path: str | Path, encoding: str | None = None) -> Iterator[SourceRow]:
        """The data rows of ``path``; raises RegistryFileError for a file that cannot be imported."""
        return read_rows(path, encoding)

    def preview(self, path: str | Path, encoding: str | None = None, limit: int = 20) -> RegistryPreview:
        """Headers, recognised columns and the first rows, for the import dialog."""
        return preview(path, encoding, limit)

    def import_registry(
        self,
        actor: Actor,
        path: str | Path,
        encoding: str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import ``path``; ``progress(done, total)`` after each chunk, ``cancel()`` polled between chunks."""
        actor.require(Permission.IMPORT_REGISTRY)
        started = time.perf_counter()
        rows, total, warnings = open_rows(path, encoding)
        run = _Run(self, dry_run)
        cancelled = False
        if progress:
            progress(0, total)
        try:
            chunk: list[SourceRow] = []
            for src in rows:
                chunk.append(src)
                if len(chunk) >= CHUNK:
                    run.chunk(chunk)
                    chunk = []
                    if progress:
                        progress(run.rows_read, max(total, run.rows_read))
                    if cancel is not None and cancel():
                        cancelled = True
                        break
            if chunk and not cancelled:
                run.chunk(chunk)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise UserError(
                "registry.import.stopped", file=Path(path).name, rows_kept=run.rows_kept, reason=reason
            ) from exc
        finally:
            if not dry_run and run.rows_read:
                try:
                    self._audit(actor, path, run, cancelled)
                except SQLAlchemyError:
                    log.exception("could not write the audit line of a registry import")
        if progress and not cancelled:
            progress(run.rows_read, run.rows_read)
        return run.report(Path(path).name, warnings, cancelled, time.perf_counter() - started)

    def _audit(self, actor: Actor, path: str | Path, run: _Run, cancelled: bool) -> None:
        with self._write() as s:
            write_audit(
                s,
                actor,
                "import",
                "registry",
                None,
                self._clock,
                file=Path(path).name,
                rows_read=run.rows_read,
                rows_rejected=len(run.rejected_rows),
                households_created=run.households_created,
                households_updated=len(run.households_updated),
                residents_created=run.residents_created,
                residents_updated=len(run.residents_updated),
                rows_kept=run.rows_kept,
                cancelled=cancelled,
            )


def _auto_code(name: str) -> str:
    return "AUTO-" + hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:10].upper()


class _Run:
    """The state of one import across its chunks: caches of what exists and the counts."""

    def __init__(self, service: RegistryImportService, dry_run: bool) -> None:
        self.service = service
        self.dry_run = dry_run
        self.today = dt.date.min  # set from the server's clock with the small tables
        self.rows_read = 0
        self.rows_kept = 0
        self.rejections: list[RowRejection] = []
        self.rejected_rows: set[int] = set()
        self.households_created = 0
        self.households_updated: set[int] = set()
        self.residents_created = 0
        self.residents_updated: set[int] = set()
        self.communities_created = 0
        self.buildings_created = 0
        self._fake = 0
        self.seen_ids: dict[str, int] = {}
        self.households: dict[tuple[int, str, str], _Household] = {}
        self.loaded_buildings: set[int] = set()
        self.nameless: dict[tuple[int, str], int] = {}  # (household id, name) -> resident id
        self.station_id: int | None = None
        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, tuple[int, str]] = {}  # name -> (id, code)
        self.community_grid: dict[int, int | None] = {}
        self.grid_cells: dict[str, int] = {}
        self.buildings: dict[tuple[int, str], int] = {}
        self.building_community: dict[int, int] = {}
        self._load_small_tables()

    # --- set-up ------------------------------------------------------------------------------

    def _load_small_tables(self) -> None:
        with self.service._read() as conn:
            self.today = self.service._now(conn).astimezone(STATION_TZ).date()
            self.station_id = conn.execute(select(func.min(Station.id))).scalar()
            for cid, code, name, grid in conn.execute(select(C.c.id, C.c.code, C.c.name, C.c.grid_cell_id)):
                self.by_code[code] = cid
                self.by_name[name] = (cid, code)
                self.community_grid[cid] = grid
            self.grid_cells = {n: i for i, n in conn.execute(select(G.c.id, G.c.name))}
            for bid, cid, name in conn.execute(select(B.c.id, B.c.community_id, B.c.name)):
                self.buildings.setdefault((cid, building_key(name)), bid)
                self.building_community[bid] = cid

    def _new_id(self) -> int:
        self._fake -= 1
        return self._fake

    def _insert(self, conn: Connection, table: Table, **values: object) -> int:
        if self.dry_run:
            return self._new_id()
        return int(conn.execute(insert(table).values(**values).returning(table.c.id)).scalar_one())

    def _station(self, conn: Connection) -> int:
        if self.station_id is None:
            self.station_id = self._insert(conn, S, code="DEFAULT", name="派出所", district="")
        return self.station_id

    # --- one chunk ---------------------------------------------------------------------------

    def chunk(self, sources: list[SourceRow]) -> None:
        parsed: list[ParsedRow] = []
        for src in sources:
            self.rows_read += 1
            row, errors = parse_row(src, self.today)
            if row is not None and row.id_number:
                first = self.seen_ids.get(row.id_number)
                if first is not None:
                    row, errors = (
                        None,
                        [RowRejection(src.number, "id_number", "registry.row.duplicate_id", {"row": first})],
                    )
                else:
                    self.seen_ids[row.id_number] = src.number
            if row is None:
                self._reject(errors)
            else:
                parsed.append(row)
        # One transaction per chunk (a dry run writes nothing in it): a failed chunk leaves nothing.
        with self.service._write() as s:
            conn = s.connection()
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:
                # The resident indexes of a district outgrow SQLite's default 2 MB page cache; a
                # larger cache for the import's connection keeps index inserts in memory.
                conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
            try:
                placed = self._place(conn, parsed)
                self._write_households(conn, placed)
                self._write_residents(conn, placed)
                if not self.dry_run:
                    self._update_building_sizes(conn, {key[0] for _, key in placed})
            finally:
                if sqlite:
                    conn.exec_driver_sql("PRAGMA cache_size = -2000")
            self.rows_kept += len(placed)

    def _reject(self, errors: list[RowRejection]) -> None:
        self.rejections.extend(errors)
        self.rejected_rows.update(e.row for e in errors)

    def _place(self, conn: Connection, rows: list[ParsedRow]) -> list[tuple[ParsedRow, tuple[int, str, str]]]:
        """Community and building of every row (created if new); rows that conflict are rejected."""
        placed = []
        for row in rows:
            community_id = self._community(conn, row)
            if community_id is None:
                continue
            key = (community_id, row.building)
            building_id = self.buildings.get(key)
            if building_id is None:
                building_id = self._insert(
                    conn,
                    B,
                    community_id=community_id,
                    name=row.building,
                    floors=1,
                    units=1,
                    rooms_per_floor=1,
                    version=1,
                )
                self.buildings[key] = building_id
                self.building_community[building_id] = community_id
                self.buildings_created += 1
                self.loaded_buildings.add(building_id)  # new: has no households yet
            placed.append((row, (building_id, row.unit, row.room)))
        self._load_households(conn, {k[0] for _, k in placed})
        return placed

    def _community(self, conn: Connection, row: ParsedRow) -> int | None:
        cid: int | None = None
        if row.community_code:
            cid = self.by_code.get(row.community_code)
            if cid is None and row.community in self.by_name:
                cid, code = self.by_name[row.community]
                if not code.startswith("AUTO-"):
                    self._reject(
                        [
                            RowRejection(
                                row.number,
                                "community_code",
                                "registry.row.community_has_code",
                                {"community": row.community, "code": code},
                            )
                        ]
                    )
                    return None
                if not self.dry_run:
                    conn.execute(
                        update(C)
                        .where(C.c.id == cid)
                        .values(code=row.community_code, version=C.c.version + 1)
                    )
                self.by_code[row.community_code] = cid
                self.by_name[row.community] = (cid, row.community_code)
        elif row.community in self.by_name:
            cid = self.by_name[row.community][0]
        grid_id = self._grid_cell(conn, row.grid_cell) if row.grid_cell else None
        if cid is None:
            code = row.community_code or _auto_code(row.community)
            cid = self._insert(
                conn,
                C,
                station_id=self._station(conn),
                code=code,
                name=row.community,
                grid_cell_id=grid_id,
                version=1,
            )
            self.by_code[code] = cid
            self.by_name[row.community] = (cid, code)
            self.community_grid[cid] = grid_id
            self.communities_created += 1
        elif grid_id is not None and self.community_grid.get(cid) != grid_id:
            if not self.dry_run:
                conn.execute(
                    update(C).where(C.c.id == cid).values(grid_cell_id=grid_id, version=C.c.version + 1)
                )
            self.community_grid[cid] = grid_id
        return cid

    def _grid_cell(self, conn: Connection, name: str) -> int:
        gid = self.grid_cells.get(name)
        if gid is None:
            gid = self._insert(
                conn, G, station_id=self._station(conn), code=_auto_code(name), name=name, version=1
            )
            self.grid_cells[name] = gid
        return gid

    def _load_households(self, conn: Connection, building_ids: set[int]) -> None:
        todo = [b for b in building_ids if b not in self.loaded_buildings and b > 0]
        for i in range(0, len(todo), 500):
            part = todo[i : i + 500]
            for hid, bid, unit, room, floor, use, verified in conn.execute(
                select(
                    H.c.id,
                    H.c.building_id,
                    H.c.unit,
                    H.c.room,
                    H.c.floor,
                    H.c.housing_use,
                    H.c.last_verified_at,
                ).where(H.c.building_id.in_(part))
            ):
                self.households[(bid, unit, room)] = _Household(hid, floor, use, verified)
        self.loaded_buildings.update(todo)

    def _write_households(
        self, conn: Connection, placed: list[tuple[ParsedRow, tuple[int, str, str]]]
    ) -> None:
        new: dict[tuple[int, str, str], _Household] = {}
        dirty: dict[int, _Household] = {}
        for row, key in placed:
            hh = self.households.get(key)
            if hh is None:
                hh = _Household(
                    0, row.derived_floor, row.housing_use or "自住", row.last_verified, created=True
                )
                self.households[key] = hh
                new[key] = hh
                continue
            changed = False
            if row.floor is not None and row.floor != hh.floor:
                hh.floor, changed = row.floor, True
            if row.housing_use and row.housing_use != hh.housing_use:
                hh.housing_use, changed = row.housing_use, True
            # Verification never moves backwards: a visit recorded here may be newer than the file.
            if row.last_verified is not None and (
                hh.last_verified is None or row.last_verified > hh.last_verified
            ):
                hh.last_verified, changed = row.last_verified, True
            if changed and key not in new:
                dirty[hh.id] = hh
        if new:
            keys = list(new)
            if self.dry_run:
                for k in keys:
                    new[k].id = self._new_id()
            else:
                params = [
                    {
                        "community_id": self.building_community[k[0]],
                        "building_id": k[0],
                        "unit": k[1],
                        "room": k[2],
                        "floor": new[k].floor,
                        "housing_use": new[k].housing_use,
                        "last_verified_at": new[k].last_verified,
                        "note": "",
                        "version": 1,
                    }
                    for k in keys
                ]
                ids = (
                    conn.execute(insert(H).returning(H.c.id, sort_by_parameter_order=True), params)
                    .scalars()
                    .all()
                )
                for k, hid in zip(keys, ids, strict=True):
                    new[k].id = hid
            self.households_created += len(new)
        if dirty:
            if not self.dry_run:
                conn.execute(
                    update(H)
                    .where(H.c.id == bindparam("b_id"))
                    .values(
                        floor=bindparam("b_floor"),
                        housing_use=bindparam("b_use"),
                        last_verified_at=bindparam("b_verified", type_=H.c.last_verified_at.type),
                        version=H.c.version + 1,
                    ),
                    [
                        {"b_id": i, "b_floor": h.floor, "b_use": h.housing_use, "b_verified": h.last_verified}
                        for i, h in dirty.items()
                    ],
                )
            # Households created by this import and changed by a later row count as created only.
            self.households_updated.update(i for i, h in dirty.items() if not h.created)

    def _write_residents(
        self, conn: Connection, placed: list[tuple[ParsedRow, tuple[int, str, str]]]
    ) -> None:
        people = [(row, self.households[key]) for row, key in placed if row.has_resident]
        ids = [row.id_number for row, _ in people if row.id_number]
        existing: dict[str, tuple[int, int, str, str | None, str, object]] = {}
        for i in range(0, len(ids), 1000):
            for rid, idn, hid, name, phone, rel, moved in conn.execute(
                select(
                    R.c.id,
                    R.c.id_number,
                    R.c.household_id,
                    R.c.name,
                    R.c.phone,
                    R.c.relation,
                    R.c.moved_out_at,
                ).where(R.c.id_number.in_(ids[i : i + 1000]))
            ):
                existing[idn] = (rid, hid, name, phone, rel, moved)
        nameless_households = list({hh.id for row, hh in people if not row.id_number and hh.id > 0})
        for i in range(0, len(nameless_households), 1000):
            for rid, hid, name in conn.execute(
                select(R.c.id, R.c.household_id, R.c.name).where(
                    R.c.household_id.in_(nameless_households[i : i + 1000]), R.c.id_number.is_(None)
                )
            ):
                self.nameless.setdefault((hid, name), rid)
        inserts: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        for row, hh in people:
            if not row.id_number:
                if (hh.id, row.name) in self.nameless:
                    continue
                self.nameless[(hh.id, row.name)] = self._new_id()
                inserts.append(self._resident_values(row, hh.id))
                continue
            old = existing.get(row.id_number)
            if old is None:
                inserts.append(self._resident_values(row, hh.id))
                continue
            rid, hid, name, phone, rel, moved = old
            new_name = row.name or name
            new_phone = row.phone or phone
            new_rel = row.relation or rel
            if (hid, name, phone, rel, moved) != (hh.id, new_name, new_phone, new_rel, None):
                updates.append(
                    {"b_id": rid, "b_hid": hh.id, "b_name": new_name, "b_phone": new_phone, "b_rel": new_rel}
                )
                self.residents_updated.add(rid)
        if not self.dry_run:
            if inserts:
                conn.execute(insert(R), inserts)
            if updates:
                conn.execute(
                    update(R)
                    .where(R.c.id == bindparam("b_id"))
                    .values(
                        household_id=bindparam("b_hid"),
                        name=bindparam("b_name"),
                        phone=bindparam("b_phone"),
                        relation=bindparam("b_rel"),
                        moved_out_at=None,
                        version=R.c.version + 1,
                    ),
                    updates,
                )
        self.residents_created += len(inserts)

    @staticmethod
    def _resident_values(row: ParsedRow, household_id: int) -> dict[str, object]:
        return {
            "household_id": household_id,
            "name": row.name,
            "id_number": row.id_number or None,
            "phone": row.phone or None,
            "relation": row.relation,
            "criminal_record": "",
            "moved_out_at": None,
            "version": 1,
        }

    def _update_building_sizes(self, conn: Connection, building_ids: set[int]) -> None:
        """Floors, units and rooms per floor of the buildings touched, as the grid map draws them."""
        todo = [b for b in building_ids if b > 0]
        if not todo:
            return
        per_floor = (
            select(H.c.building_id, func.count().label("n"))
            .where(H.c.building_id.in_(todo))
            .group_by(H.c.building_id, H.c.unit, H.c.floor)
            .subquery()
        )
        widest = dict(
            conn.execute(
                select(per_floor.c.building_id, func.max(per_floor.c.n)).group_by(per_floor.c.building_id)
            ).all()
        )
        sizes = conn.execute(
            select(H.c.building_id, func.max(H.c.floor), func.count(func.distinct(H.c.unit)))
            .where(H.c.building_id.in_(todo))
            .group_by(H.c.building_id)
        ).all()
        current = {
            bid: (f, u, r)
            for bid, f, u, r in conn.execute(
                select(B.c.id, B.c.floors, B.c.units, B.c.rooms_per_floor).where(B.c.id.in_(todo))
            )
        }
        changes = []
        for bid, floors, units in sizes:
            want = (max(int(floors or 1), 1), max(int(units or 1), 1), max(int(widest.get(bid, 1)), 1))
            if current.get(bid) != want:
                changes.append({"b_id": bid, "b_f": want[0], "b_u": want[1], "b_r": want[2]})
        if changes:
            conn.execute(
                update(B)
                .where(B.c.id == bindparam("b_id"))
                .values(
                    floors=bindparam("b_f"),
                    units=bindparam("b_u"),
                    rooms_per_floor=bindparam("b_r"),
                    version=B.c.version + 1,
                ),
                changes,
            )

    def report(self, file: str, warnings: list[Message], cancelled: bool, seconds: float) -> ImportReport:
        return ImportReport(
            file=file,
            rows_read=self.rows_read,
            rows_rejected=len(self.rejected_rows),
            households_created=self.households_created,
            households_updated=len(self.households_updated),
            residents_created=self.residents_created,
            residents_updated=len(self.residents_updated),
            communities_created=self.communities_created,
            buildings_created=self.buildings_created,
            rejections=tuple(self.rejections),
            warnings=tuple(warnings),
            dry_run=self.dry_run,
            cancelled=cancelled,
            rows_kept=0 if self.dry_run else self.rows_kept,
            seconds=seconds,
        )
