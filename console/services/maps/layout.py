"""Where each household sits on the grid map, per level, as integer cell coordinates (Qt-free).

- district / grid cell: every community is a block of cells, its households packed row by row in
  building, unit, floor (top first) and room order; the blocks stand in a grid, a grid cell's
  communities next to each other, with a gap above each block for its name.
- community: the buildings side by side (wrapped into rows when there are many), each drawn as
  in the real building: one row per floor with the highest floor on top, one column per room,
  the units side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from console.services.maps.gridmap import GridSnapshot


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
        hit = np.flatnonzero(self.indices == index)
        if not len(hit):
            return None
        return int(self.x[hit[0]]), int(self.y[hit[0]])


def compute_layout(snap: GridSnapshot, level: str, key: int | None) -> Layout:
    if level == "district":
        return _blocks_layout(snap, level, None, list(range(len(snap.communities))))
    if level == "grid_cell":
        comms = [i for i, c in enumerate(snap.communities) if c.grid_cell_id == key]
        return _blocks_layout(snap, level, key, comms)
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


def _blocks_layout(snap: GridSnapshot, level: str, key: int | None, comms: list[int]) -> Layout:
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
    cols = min(m, max(1, math.ceil(math.sqrt(m * (16 / 9) * (slot_h + gy) / (slot_w + gx)))))
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
