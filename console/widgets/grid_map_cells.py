"""The grid map's pixels: one layout turned into two images, kept current cell by cell.

- ``base``: one pixel per cell, for zoomed-out views;
- ``glyph``: k×k pixels per cell (k up to 8, within a pixel budget) with a gap between cells and a
  dark dot whose size says how overdue the household is (none = verified, small = orange, large =
  red), so the colours never have to be told apart by hue alone (colour-blind officers).

Both are opaque (empty cells and gaps in the background colour) so Qt copies them when scaling
instead of blending. The legend counts and the per-block overdue counts are kept here too, and
updated incrementally when a few households change colour.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor, QImage

from console.services.maps import NEVER, RED, STATUS_NAMES, GridSnapshot, Layout
from console.verification_status import status_hex

EMPTY = 8  # colour index of a cell without a household (0-3 status, 4-7 status filtered out)
GLYPH_BUDGET = 8_000_000  # pixels of the zoomed-in image (32 MB at most)
DOT = "#1b1f24"


def rgb(hex_colour: str) -> int:
    return 0xFF000000 | int(hex_colour.lstrip("#"), 16)


def blend(a: int, b: int, t: float) -> int:
    """``a`` mixed with ``b`` (t = share of b), opaque."""
    out = 0xFF000000
    for shift in (16, 8, 0):
        ca, cb = (a >> shift) & 0xFF, (b >> shift) & 0xFF
        out |= round(ca * (1 - t) + cb * t) << shift
    return out


def status_colours() -> list[QColor]:
    """The colour of each status, green orange red never (console.verification_status: never is red)."""
    return [QColor(status_hex(name)) for name in STATUS_NAMES]


def glyph_pattern(k: int) -> np.ndarray:
    """Per status a k×k mask: 0 gap, 1 fill, 2 dot. Dot size grows with how overdue the household is;
    a household never verified (red like an overdue one) carries a hollow square instead of the dot."""
    pat = np.zeros((4, k, k), dtype=np.uint8)
    gap = 1 if k >= 4 else 0
    pat[:, : k - gap, : k - gap] = 1
    inner = k - gap
    for status, share in ((1, 0.3), (2, 0.6)):
        d = max(1, round(inner * share))
        # Towards the lower right, so a room number in the upper left stays readable.
        o = inner - d - (inner - d) // 3
        pat[status, o : o + d, o : o + d] = 2
    # Never verified: red like an overdue household, its mark a hollow square where the red one's is
    # solid, so the legend's two red entries are told apart on the map as well.
    pat[NEVER] = pat[RED]
    d = max(1, round(inner * 0.6))
    o = inner - d - (inner - d) // 3
    if d >= 4:
        pat[NEVER, o + 1 : o + d - 1, o + 1 : o + d - 1] = 1
    return pat


class CellImages:
    """The images, legend counts and per-block overdue counts of one layout."""

    def __init__(self, background: QColor) -> None:
        self.k = 1
        self.base_img = QImage()
        self.glyph_img = QImage()
        self.counts = np.zeros(4, dtype=np.int64)  # per status, households passing the filter
        self.overdue = np.zeros(0, dtype=np.int64)  # per block: red or never verified, passing the filter
        self._cidx = np.full((1, 1), EMPTY, np.uint8)
        self._base = np.zeros((1, 1), np.uint32)
        self._glyph = np.zeros((1, 1), np.uint32)
        self._block_lut = np.zeros(1, dtype=np.int64)
        self._block_keys = np.zeros(0, dtype=np.int32)
        self.set_background(background)

    def set_background(self, background: QColor) -> None:
        bg = rgb(background.name())
        base = [rgb(c.name()) for c in status_colours()]
        dimmed = [blend(c, bg, 0.78) for c in base]
        self._lut = np.array([*base, *dimmed, bg], dtype=np.uint32)
        self._bg = bg
        self._glyph_lut = self._make_glyph_lut(self.k)

    def _make_glyph_lut(self, k: int) -> np.ndarray:
        pat = glyph_pattern(k)
        dot, dot_dim = rgb(DOT), blend(rgb(DOT), self._bg, 0.6)
        lut = np.full((EMPTY + 1, k, k), self._bg, dtype=np.uint32)
        for c in range(EMPTY):
            status = c % 4
            lut[c] = np.where(
                pat[status] == 1,
                self._lut[c],
                np.where(pat[status] == 2, dot if c < 4 else dot_dim, self._bg),
            )
        return lut

    def build(self, snap: GridSnapshot, lay: Layout, mask: np.ndarray) -> None:
        """Everything for ``lay`` from scratch (a level change, a filter change, a reload)."""
        k = max(1, min(8, int(math.sqrt(GLYPH_BUDGET / (lay.width * lay.height)))))
        if k != self.k:
            self.k = k
            self._glyph_lut = self._make_glyph_lut(k)
        self._cidx = np.full((lay.height, lay.width), EMPTY, dtype=np.uint8)
        idx = lay.indices
        cidx = snap.status[idx] + np.where(mask[idx], 0, 4).astype(np.uint8)
        self._cidx[lay.y, lay.x] = cidx
        self._base = np.ascontiguousarray(self._lut[self._cidx])
        self.base_img = QImage(
            self._base.data, lay.width, lay.height, lay.width * 4, QImage.Format.Format_RGB32
        )
        if k >= 3:
            tiles = self._glyph_lut[self._cidx]  # (h, w, k, k)
            self._glyph = np.ascontiguousarray(
                tiles.transpose(0, 2, 1, 3).reshape(lay.height * k, lay.width * k)
            )
            self.glyph_img = QImage(
                self._glyph.data, lay.width * k, lay.height * k, lay.width * k * 4, QImage.Format.Format_RGB32
            )
        self.counts = np.bincount(cidx, minlength=EMPTY + 1)[:4].astype(np.int64)
        if lay.level == "community":
            keys, ids = snap.building, [b.id for b in snap.buildings]
        else:
            keys, ids = snap.community, [c.id for c in snap.communities]
        row_of = {db_id: j for j, db_id in enumerate(ids)}
        self._block_lut = np.full(max(len(ids), 1), -1, dtype=np.int64)
        for j, b in enumerate(lay.blocks):
            self._block_lut[row_of[b.id]] = j
        self._block_keys = keys
        # "Overdue" counts red and never verified: DOMAIN.md calls both red.
        due = idx[(cidx == RED) | (cidx == NEVER)]
        self.overdue = np.bincount(self._block_lut[keys[due]], minlength=len(lay.blocks)).astype(np.int64)

    def update(
        self, snap: GridSnapshot, mask: np.ndarray, xs: np.ndarray, ys: np.ndarray, indices: np.ndarray
    ) -> None:
        """Repaint a few cells after their households changed colour (microseconds each)."""
        c = snap.status[indices] + np.where(mask[indices], 0, 4).astype(np.uint8)
        old = self._cidx[ys, xs]
        blocks = self._block_lut[self._block_keys[indices]]
        for o, n, j in zip(old.tolist(), c.tolist(), blocks.tolist(), strict=True):
            if o < 4:
                self.counts[o] -= 1
            if n < 4:
                self.counts[n] += 1
            self.overdue[j] += (n in (RED, NEVER)) - (o in (RED, NEVER))
        self._cidx[ys, xs] = c
        self._base[ys, xs] = self._lut[c]
        k = self.k
        if k >= 3:
            for x, y, ci in zip(xs.tolist(), ys.tolist(), c.tolist(), strict=True):
                self._glyph[y * k : (y + 1) * k, x * k : (x + 1) * k] = self._glyph_lut[ci]
