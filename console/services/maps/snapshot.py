"""The grid map's snapshot (every household as numpy arrays) and where each household sits on the
map, per level, as integer cell coordinates (Qt-free).

- district / grid cell: every community is a block of cells, its households packed row by row in
  building, unit, floor (top first) and room order; the blocks stand in a grid, a grid cell's
  communities next to each other, with a gap above each block for its name.
- community: the buildings side by side (wrapped into rows when there are many), each drawn as
  in the real building: one row per floor with the highest floor on top, one column per room,
  the units side by side.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from console.verification_status import GREEN, NEVER, ORANGE, RED, STATUS_NAMES

if TYPE_CHECKING:  # numpy is imported where it is used: not at the console's start
    import numpy as np

HOUSING_USES = ("自住", "出租", "群租", "空置", "商用", "其他")
RENTAL_USES = frozenset({"出租", "群租"})
DAY_SECONDS = 86_400


WIDE = 16 / 9  # the aspect a layout is made for unless told otherwise
ASPECTS = (1.0, WIDE, 3.0, 5.0, 8.0)


@dataclass(frozen=True)
class CommunityInfo:
    id: int
    name: str
    code: str
    grid_cell_id: int | None
    grid_cell_name: str
    officer_id: int | None
    officer_name: str
    orange_after_days: int
    red_after_days: int


@dataclass(frozen=True)
class BuildingInfo:
    id: int
    community_index: int
    name: str
    floors: int
    units: int
    rooms_per_floor: int


@dataclass(frozen=True)
class GridCellInfo:
    id: int
    name: str
    officer_id: int | None
    officer_name: str


@dataclass(frozen=True)
class MapFilter:
    """What the filter bar narrows the map to; ``None`` means "any"."""

    grid_cell_id: int | None = None
    officer_id: int | None = None
    housing_uses: frozenset[str] | None = None
    statuses: frozenset[int] | None = None


def _no_ids() -> np.ndarray:
    import numpy as np

    return np.empty(0, np.int64)


@dataclass(eq=False)
class GridSnapshot:
    """All households of the district as parallel numpy arrays (one entry per household)."""

    as_of: dt.datetime
    household_id: np.ndarray  # int64
    community: np.ndarray  # int32 index into communities
    building: np.ndarray  # int32 index into buildings
    unit: np.ndarray  # int16 unit index within its building (0-based)
    floor: np.ndarray  # int16
    room_pos: np.ndarray  # int16 column of the room within its unit and floor
    room_no: np.ndarray  # int32 the room number as written ("1203" -> 1203), -1 if not a plain number
    unit_no: np.ndarray  # int32 the unit number ("" -> 0), -1 if not a plain number
    housing_use: np.ndarray  # uint8 index into HOUSING_USES
    days: np.ndarray  # int32 days since last verification, -1 = never
    status: np.ndarray  # uint8 GREEN/ORANGE/RED/NEVER
    grid_cell: np.ndarray  # int16 index into grid_cells, -1 = none
    officer: np.ndarray  # int32 id of the grid cell's officer, -1 = none
    communities: tuple[CommunityInfo, ...]
    buildings: tuple[BuildingInfo, ...]
    grid_cells: tuple[GridCellInfo, ...]
    officers: tuple[tuple[int, str], ...]
    orange_after: np.ndarray  # int32 per community
    red_after: np.ndarray  # int32 per community
    irregular: dict[int, tuple[str, str]] = field(repr=False, default_factory=dict)  # index -> (unit, room)
    _by_id: np.ndarray = field(repr=False, default_factory=_no_ids)
    _layouts: dict[tuple[str, int | None, float], Layout] = field(repr=False, default_factory=dict)

    def __len__(self) -> int:
        return int(self.household_id.shape[0])

    def index_of(self, household_id: int) -> int:
        """Snapshot index of ``household_id``, or -1 if it is not on the map."""
        import numpy as np

        if not len(self):
            return -1
        pos = int(np.searchsorted(self.household_id, household_id, sorter=self._by_id))
        if pos < len(self._by_id) and self.household_id[self._by_id[pos]] == household_id:
            return int(self._by_id[pos])
        return -1

    def indices_of(self, household_ids: Sequence[int] | np.ndarray) -> np.ndarray:
        import numpy as np

        ids = np.asarray(household_ids, dtype=np.int64)
        pos = np.searchsorted(self.household_id, ids, sorter=self._by_id)
        pos = np.minimum(pos, max(len(self._by_id) - 1, 0))
        idx = self._by_id[pos] if len(self) else np.full(ids.shape, -1, np.int64)
        return np.where(self.household_id[idx] == ids, idx, -1) if len(self) else idx

    def community_index(self, community_id: int) -> int:
        for i, c in enumerate(self.communities):
            if c.id == community_id:
                return i
        return -1

    def room_label(self, index: int) -> str:
        """The room as written in the registry ("1203")."""
        if index in self.irregular:
            return self.irregular[index][1]
        return str(int(self.room_no[index]))

    def unit_label(self, index: int) -> str:
        """The unit as written in the registry ("1", or "" for buildings without units)."""
        if index in self.irregular:
            return self.irregular[index][0]
        unit = int(self.unit_no[index])
        return "" if unit == 0 else str(unit)

    def address(self, index: int) -> str:
        c = self.communities[int(self.community[index])]
        b = self.buildings[int(self.building[index])]
        return format_address(c.name, b.name, self.unit_label(index), self.room_label(index))

    def filter_mask(self, filters: MapFilter | None) -> np.ndarray:
        """Boolean mask of the households that pass ``filters``."""
        import numpy as np

        mask = np.ones(len(self), dtype=bool)
        if filters is None:
            return mask
        if filters.grid_cell_id is not None:
            wanted = [i for i, g in enumerate(self.grid_cells) if g.id == filters.grid_cell_id]
            mask &= np.isin(self.grid_cell, wanted)
        if filters.officer_id is not None:
            mask &= self.officer == filters.officer_id
        if filters.housing_uses is not None:
            codes = [HOUSING_USES.index(u) for u in filters.housing_uses if u in HOUSING_USES]
            mask &= np.isin(self.housing_use, codes)
        if filters.statuses is not None:
            mask &= np.isin(self.status, list(filters.statuses))
        return mask

    def counts(self, mask: np.ndarray | None = None) -> dict[str, int]:
        """Households per colour (the legend), over ``mask`` if given."""
        import numpy as np

        status = self.status if mask is None else self.status[mask]
        n = np.bincount(status, minlength=4)
        return {name: int(n[i]) for i, name in enumerate(STATUS_NAMES)}

    def layout(self, level: str = "district", key: int | None = None, aspect: float = WIDE) -> Layout:
        """Layout of ``level`` (``key`` = grid cell id or community id); cached per level.

        ``aspect`` is the width / height of the view it is for: the communities of a district or
        grid cell stand in as many columns as fill it (a short, wide map on a small screen has
        them in one row). Pass ``aspect_bucket(w / h)`` so that a few sizes share each layout.
        """
        cached = self._layouts.get((level, key, aspect))
        if cached is None:
            cached = compute_layout(self, level, key, aspect)
            self._layouts[(level, key, aspect)] = cached
        return cached


def format_address(community: str, building: str, unit: str, room: str) -> str:
    b = building if not building.isdigit() else f"{building}号楼"
    u = f"{unit}单元" if unit and unit.isdigit() else unit
    return f"{community} {b}{u}{room}室"


def compute_status(days: np.ndarray, orange_after: np.ndarray, red_after: np.ndarray) -> np.ndarray:
    """GREEN up to ``orange_after`` days, ORANGE up to ``red_after``, RED beyond, NEVER for never (-1)."""
    import numpy as np

    status = np.where(days <= orange_after, GREEN, np.where(days <= red_after, ORANGE, RED))
    return np.where(days < 0, NEVER, status).astype(np.uint8)


@dataclass(frozen=True)
class Block:
    """A labelled rectangle of a layout (a community at district level, a building in a community)."""

    kind: str  # "community" | "building"
    id: int
    label: str
    x: int
    y: int
    width: int
    height: int
    top_floor: int = 0  # building blocks: the floor of the first row
    unit_columns: int = 0  # building blocks: columns per unit (draw a separator between units)


@dataclass(eq=False)
class Layout:
    """Cell coordinates of the households shown at one level (``indices`` into the snapshot)."""

    level: str  # "district" | "grid_cell" | "community"
    key: int | None  # grid cell id or community id
    indices: np.ndarray  # int64 snapshot indices of the households shown
    x: np.ndarray  # int32 cell column of each shown household
    y: np.ndarray  # int32 cell row
    width: int
    height: int
    blocks: tuple[Block, ...]
    cell_index: np.ndarray = field(repr=False)  # int32 width*height: snapshot index or -1

    def household_at(self, cx: int, cy: int) -> int:
        """Snapshot index of the household at cell (cx, cy), or -1."""
        if 0 <= cx < self.width and 0 <= cy < self.height:
            return int(self.cell_index[cy * self.width + cx])
        return -1

    def block_at(self, cx: float, cy: float) -> Block | None:
        for b in self.blocks:
            if b.x <= cx < b.x + b.width and b.y <= cy < b.y + b.height:
                return b
        return None

    def position_of(self, index: int) -> tuple[int, int] | None:
        """Cell (x, y) of snapshot index ``index`` at this level, or None if it is not shown."""
        import numpy as np

        hit = np.flatnonzero(self.indices == index)
        if not len(hit):
            return None
        return int(self.x[hit[0]]), int(self.y[hit[0]])


def aspect_bucket(ratio: float) -> float:
    """The one of ASPECTS nearest to a view's width / height (nearest as a ratio, not a difference)."""
    if not ratio > 0 or math.isinf(ratio):
        return WIDE
    return min(ASPECTS, key=lambda a: abs(math.log(ratio / a)))


def compute_layout(snap: GridSnapshot, level: str, key: int | None, aspect: float = WIDE) -> Layout:
    if level == "district":
        return _blocks_layout(snap, level, None, list(range(len(snap.communities))), aspect)
    if level == "grid_cell":
        comms = [i for i, c in enumerate(snap.communities) if c.grid_cell_id == key]
        return _blocks_layout(snap, level, key, comms, aspect)
    if level == "community":
        ci = snap.community_index(key if key is not None else -1)
        if ci < 0:
            raise KeyError(f"community {key} is not on the map")
        return _community_layout(snap, ci)
    raise ValueError(f"unknown map level {level!r}")


def _finish(
    level: str,
    key: int | None,
    idx: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    width: int,
    height: int,
    blocks: list[Block],
) -> Layout:
    import numpy as np

    width, height = max(width, 1), max(height, 1)
    cells = np.full(width * height, -1, dtype=np.int32)
    cells[y.astype(np.int64) * width + x] = idx
    return Layout(
        level,
        key,
        idx.astype(np.int64),
        x.astype(np.int32),
        y.astype(np.int32),
        width,
        height,
        tuple(blocks),
        cells,
    )


def _blocks_layout(snap: GridSnapshot, level: str, key: int | None, comms: list[int], aspect: float) -> Layout:
    import numpy as np

    if not comms:
        return _finish(
            level, key, np.empty(0, np.int64), np.empty(0, np.int32), np.empty(0, np.int32), 1, 1, []
        )
    rank_of = np.full(len(snap.communities), -1, dtype=np.int64)
    rank_of[comms] = np.arange(len(comms))
    crank = rank_of[snap.community]
    idx = np.flatnonzero(crank >= 0)
    # Households of a community: building, unit, highest floor first, room.
    order = np.lexsort(
        (
            snap.room_pos[idx],
            -snap.floor[idx].astype(np.int32),
            snap.unit[idx],
            snap.building[idx],
            crank[idx],
        )
    )
    idx = idx[order]
    cr = crank[idx]
    counts = np.bincount(cr, minlength=len(comms))
    widths = np.maximum(1, np.ceil(np.sqrt(counts)).astype(np.int64))
    heights = np.maximum(1, -(-counts // widths))
    slot_w, slot_h = int(widths.max()), int(heights.max())
    gx = max(2, round(slot_w * 0.12))
    gy = max(3, round(slot_h * 0.25))  # room above each block for the community's name
    m = len(comms)
    cols = min(m, max(1, math.ceil(math.sqrt(m * aspect * (slot_h + gy) / (slot_w + gx)))))
    rows = -(-m // cols)
    k = np.arange(m)
    x0 = 1 + (k % cols) * (slot_w + gx)
    y0 = gy + (k // cols) * (slot_h + gy)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    r = np.arange(len(idx)) - starts[cr]
    x = x0[cr] + r % widths[cr]
    y = y0[cr] + r // widths[cr]
    blocks = [
        Block(
            "community",
            snap.communities[ci].id,
            snap.communities[ci].name,
            int(x0[j]),
            int(y0[j]),
            int(widths[j]),
            int(heights[j]),
        )
        for j, ci in enumerate(comms)
    ]
    return _finish(level, key, idx, x, y, 1 + cols * (slot_w + gx), rows * (slot_h + gy) + 1, blocks)


def _community_layout(snap: GridSnapshot, ci: int) -> Layout:
    import numpy as np

    idx = np.flatnonzero(snap.community == ci)
    blds = [i for i, b in enumerate(snap.buildings) if b.community_index == ci]
    b_of = snap.building[idx]
    shapes: list[tuple[int, int, int, int]] = []  # top floor, rows, units, columns per unit
    for bi in blds:
        mine = b_of == bi
        meta = snap.buildings[bi]
        if mine.any():
            floors = snap.floor[idx[mine]]
            top, bottom = max(int(floors.max()), meta.floors), min(int(floors.min()), 1)
            units = int(snap.unit[idx[mine]].max()) + 1
            per_unit = int(snap.room_pos[idx[mine]].max()) + 1
        else:
            top, bottom = max(meta.floors, 1), 1
            units, per_unit = max(meta.units, 1), max(meta.rooms_per_floor, 1)
        shapes.append((top, top - bottom + 1, units, per_unit))
    gx, gy = 3, 3
    area = sum((u * c + gx) * (rows + gy) for _, rows, u, c in shapes) or 1
    widest = max((u * c for _, _, u, c in shapes), default=1)
    target = max(widest, math.ceil(math.sqrt(area * 2.2)))
    blocks: list[Block] = []
    bx, by, row_h, width = gx, gy, 0, 0
    origin: dict[int, tuple[int, int, int, int]] = {}
    for bi, (top, rows, units, per_unit) in zip(blds, shapes, strict=True):
        bw = units * per_unit
        if bx > gx and bx + bw > target:
            bx, by, row_h = gx, by + row_h + gy, 0
        origin[bi] = (bx, by, top, per_unit)
        blocks.append(
            Block(
                "building",
                snap.buildings[bi].id,
                snap.buildings[bi].name,
                bx,
                by,
                bw,
                rows,
                top_floor=top,
                unit_columns=per_unit,
            )
        )
        width = max(width, bx + bw + gx)
        bx += bw + gx
        row_h = max(row_h, rows)
    lut = np.zeros((len(snap.buildings) or 1, 4), dtype=np.int64)
    for bi, o in origin.items():
        lut[bi] = o
    o = lut[b_of]
    x = o[:, 0] + snap.unit[idx].astype(np.int64) * o[:, 3] + snap.room_pos[idx]
    y = o[:, 1] + (o[:, 2] - snap.floor[idx])
    return _finish("community", snap.communities[ci].id, idx, x, y, width, by + row_h + 1, blocks)
