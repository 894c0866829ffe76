"""The grid map view: every household one cell, coloured by how long ago it was verified.

One custom-painted widget, not one item per household (NOTES.md "Rendering limits measured"):

- zoomed out, the layout is an image of one pixel per cell, scaled onto the screen;
- zoomed in (a cell at least ``glyph`` pixels wide), a second image with ``glyph``×``glyph`` pixels
  per cell carries a gap between cells and a dark dot whose size says how overdue a household is
  (none = verified, small = orange, large = red), so the colours never have to be told apart by
  hue alone (colour-blind officers);
- community and building names, floor and room numbers are drawn in device coordinates, only for
  what is visible and only when there is room to read them.

Recolouring a household rewrites its few pixels in both images, so a verification costs
microseconds, not a rebuild.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from console.services.maps import (
    HOUSING_USES,
    NEVER,
    STATUS_NAMES,
    Block,
    GridSnapshot,
    Layout,
    MapFilter,
    aspect_bucket,
)
from console.widgets import theme
from console.widgets.common import housing_use_text
from console.widgets.grid_map_cells import CellImages

STATION_TZ = dt.timezone(dt.timedelta(hours=8))
MIN_SCALE, MAX_SCALE = 0.2, 96.0


class GridMapView(QWidget):
    """Households as coloured cells at one of three levels: district, one grid cell, one community."""

    household_clicked = Signal(int)
    """A household cell was clicked (its id)."""
    community_activated = Signal(int)
    """A community block was double-clicked (its id); the view drills into it."""
    level_changed = Signal(str, object)
    """The view now shows ``level`` ("district" | "grid_cell" | "community") for ``key``."""
    counts_changed = Signal(dict)
    """Households per colour shown at this level and passing the filter (the legend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 110)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._snap: GridSnapshot | None = None
        self._filters = MapFilter()
        self._mask = np.ones(0, dtype=bool)
        self._layout: Layout | None = None
        self._stack: list[tuple[str, int | None]] = [("district", None)]
        self._pos = np.empty(0, np.int32)  # snapshot index -> position in the layout arrays
        self._bg = QColor(self.palette().color(self.backgroundRole()))
        self._cells = CellImages(self._bg)
        self._scale, self._ox, self._oy = 1.0, 0.0, 0.0
        self._fitted = False
        # The view frames the whole level as fit() left it (no zoom or pan since): a resize, such
        # as the legend wrapping onto a second line on a small screen, frames it again.
        self._framed = False
        self._highlight = -1
        self._picked = -1  # the block PageDown / PageUp picked (Enter opens it), an index in the layout
        self._press: QPoint | None = None
        self._dragging = False
        self._text_images: dict[tuple[str, str], QImage] = {}
        self._block_labels: dict[tuple[int, int, int, int], QImage] = {}
        self._label_cells: list[int] = []
        self._label_font = QFont(self.font())
        self._small_font = QFont(self.font())
        self._small_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.8))
        self._unit_line = QFontMetrics(self._small_font).height() + 2
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(160)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._on_anim_value_changed)
        self._anim_from: tuple[float, float, float] = (1.0, 0.0, 0.0)
        self._anim_to: tuple[float, float, float] = (1.0, 0.0, 0.0)
        self._pending_click = -1
        self._click_timer = QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.timeout.connect(self._on_click_timer_timeout)

    # --- data ---------------------------------------------------------------------------------
    def set_snapshot(self, snapshot: GridSnapshot) -> None:
        """Show ``snapshot`` (keeps the current level if it still exists)."""
        previous, kept, marked = self._layout, (self._scale, self._ox, self._oy), self.highlighted()
        framed = self._framed
        self._snap = snapshot
        self._mask = snapshot.filter_mask(self._filters)
        level, key = self._stack[-1]
        if level == "community" and snapshot.community_index(key or -1) < 0:
            self._stack = [("district", None)]
        self._highlight = snapshot.index_of(marked) if marked >= 0 else -1
        self._apply_layout(fit=True)
        # A reload (F5, an import elsewhere) keeps the officer's zoom when the level looks the same.
        if (
            previous is not None
            and self._layout is not None
            and previous.level == self._layout.level
            and (previous.width, previous.height) == (self._layout.width, self._layout.height)
        ):
            self._scale, self._ox, self._oy = kept
            self._framed = framed
            self.update()

    def snapshot(self) -> GridSnapshot | None:
        return self._snap

    def set_filters(self, filters: MapFilter) -> None:
        """Dim the households that do not pass ``filters`` and recount the legend."""
        self._filters = filters
        if self._snap is not None:
            self._mask = self._snap.filter_mask(filters)
            self._repaint_all_cells()

    def filters(self) -> MapFilter:
        return self._filters

    def refresh_households(self, indices: np.ndarray) -> None:
        """Repaint the cells of snapshot ``indices`` after their status changed (≤ a few µs each)."""
        if self._snap is None or self._layout is None or not len(indices):
            return
        if self._filters.statuses is not None:
            self._mask[indices] = self._snap.filter_mask(self._filters)[indices]
        pos = self._pos[indices]
        pos = pos[pos >= 0]
        if len(pos):
            lay = self._layout
            self._cells.update(self._snap, self._mask, lay.x[pos], lay.y[pos], lay.indices[pos])
        self.counts_changed.emit(self.counts())
        self.update()

    def counts(self) -> dict[str, int]:
        """Households per colour at this level that pass the filter (what the legend shows)."""
        if self._snap is None or self._layout is None:
            return dict.fromkeys(STATUS_NAMES, 0)
        return {name: int(self._cells.counts[i]) for i, name in enumerate(STATUS_NAMES)}

    # --- levels -------------------------------------------------------------------------------
    def level(self) -> tuple[str, int | None]:
        return self._stack[-1]

    def breadcrumb(self) -> list[tuple[str, int | None, str]]:
        """(level, key, label) from the district down to the current level."""
        out = []
        for level, key in self._stack:
            out.append((level, key, self._level_label(level, key)))
        return out

    def _level_label(self, level: str, key: int | None) -> str:
        if level == "district" or self._snap is None:
            return self.tr("全区")
        if level == "grid_cell":
            names = [g.name for g in self._snap.grid_cells if g.id == key]
            return names[0] if names else self.tr("网格")
        ci = self._snap.community_index(key or -1)
        return self._snap.communities[ci].name if ci >= 0 else self.tr("小区")

    def show_level(self, level: str, key: int | None = None) -> None:
        """Go to ``level``: the district resets the path; a grid cell sits under the district."""
        if level == "district":
            self._stack = [("district", None)]
        elif level == "grid_cell":
            self._stack = [("district", None), ("grid_cell", key)]
        else:
            if self._stack[-1][0] == "community":
                self._stack.pop()
            self._stack.append(("community", key))
        self._apply_layout(fit=True)

    def show_community(self, community_id: int) -> None:
        """Open one community (its buildings floor by floor); the district map sends this."""
        self.show_level("community", community_id)

    def go_up(self) -> bool:
        """Back to the level above (Backspace / Esc); False at the district already."""
        if len(self._stack) <= 1:
            return False
        self._stack.pop()
        self._apply_layout(fit=True)
        return True

    def go_to_crumb(self, depth: int) -> None:
        if 0 <= depth < len(self._stack) - 1:
            del self._stack[depth + 1 :]
            self._apply_layout(fit=True)

    def show_household(self, household_id: int) -> bool:
        """Centre on a household (e.g. a search result) and highlight it; False if it is not on the map."""
        if self._snap is None:
            return False
        index = self._snap.index_of(household_id)
        if index < 0:
            return False
        cid = self._snap.communities[int(self._snap.community[index])].id
        if self._layout is None or self._pos[index] < 0 or self.level() != ("community", cid):
            # its own community: the officer sees the household in its building, floor and unit
            self.show_level("community", cid)
        if self._layout is None:
            return False
        p = int(self._pos[index])
        cx, cy = int(self._layout.x[p]) + 0.5, int(self._layout.y[p]) + 0.5
        scale = max(self._scale, min(24.0, MAX_SCALE))
        self._highlight = index
        self._framed = False
        self._animate_to(scale, self.width() / 2 - cx * scale, self.height() / 2 - cy * scale)
        return True

    def highlighted(self) -> int:
        """Id of the highlighted household, or -1."""
        if self._snap is None or self._highlight < 0:
            return -1
        return int(self._snap.household_id[self._highlight])

    # --- geometry -----------------------------------------------------------------------------
    def scale(self) -> float:
        """Device pixels per cell."""
        return self._scale

    def current_layout(self) -> Layout | None:
        """Where each household of the level shown sits, in cells (None before the first load)."""
        return self._layout

    def level_rect(self) -> QRectF:
        """Where the whole level (every block and its labels) lies in widget coordinates."""
        if self._layout is None:
            return QRectF()
        s = self._scale
        return QRectF(self._ox, self._oy, self._layout.width * s, self._layout.height * s)

    def cell_centre(self, household_id: int) -> QPointF | None:
        """Widget position of a household's cell centre at the current zoom, or None."""
        if self._snap is None or self._layout is None:
            return None
        index = self._snap.index_of(household_id)
        if index < 0 or self._pos[index] < 0:
            return None
        p = int(self._pos[index])
        return QPointF(
            self._ox + (self._layout.x[p] + 0.5) * self._scale,
            self._oy + (self._layout.y[p] + 0.5) * self._scale,
        )

    def household_at(self, pos: QPointF | QPoint) -> int:
        """Snapshot index under widget position ``pos``, or -1."""
        if self._layout is None:
            return -1
        cx = math.floor((pos.x() - self._ox) / self._scale)
        cy = math.floor((pos.y() - self._oy) / self._scale)
        return self._layout.household_at(cx, cy)

    def fit(self, animated: bool = False) -> None:
        """Whole level in view (Ctrl+0)."""
        if self._layout is None:
            return
        w, h = self._layout.width, self._layout.height
        top = self._names_line()
        room = max(1.0, self.height() - top)
        s = max(MIN_SCALE, min(MAX_SCALE, 0.98 * min(self.width() / w, room / h)))
        target = (s, (self.width() - w * s) / 2, top + (room - h * s) / 2)
        self._framed = True
        if animated:
            self._animate_to(*target)
        else:
            self._anim.stop()
            self._scale, self._ox, self._oy = target
            self.update()

    def _names_line(self) -> int:
        """The first row's names stand above their blocks in screen pixels, whatever the zoom:
        fit() keeps room for their line at the top so that a small view does not cut them off."""
        return QFontMetrics(self._label_font).height() + 2

    def _aspect(self) -> float:
        """The shape the district's layout is made for: this view's, below the names' line."""
        return aspect_bucket(self.width() / max(1, self.height() - self._names_line()))

    def zoom_by(self, factor: float, anchor: QPointF | None = None, animated: bool = False) -> None:
        """Zoom by ``factor`` keeping ``anchor`` (default: the centre) where it is."""
        a = anchor or QPointF(self.width() / 2, self.height() / 2)
        s0, ox0, oy0 = (
            self._anim_to
            if self._anim.state() == QVariantAnimation.State.Running
            else (self._scale, self._ox, self._oy)
        )
        s = max(MIN_SCALE, min(MAX_SCALE, s0 * factor))
        f = s / s0
        self._framed = False
        target = (s, a.x() - (a.x() - ox0) * f, a.y() - (a.y() - oy0) * f)
        if animated:
            self._animate_to(*target)
        else:
            self._anim.stop()
            self._scale, self._ox, self._oy = target
            self.update()

    def animating(self) -> bool:
        """True while a keyboard zoom, fit or "show household" glides to its target."""
        return self._anim.state() == QVariantAnimation.State.Running

    def pan_by(self, dx: float, dy: float) -> None:
        self._framed = False
        self._ox += dx
        self._oy += dy
        self.update()

    def _animate_to(self, s: float, ox: float, oy: float) -> None:
        self._anim.stop()
        self._anim_from = (self._scale, self._ox, self._oy)
        self._anim_to = (s, ox, oy)
        if not self.isVisible():
            self._scale, self._ox, self._oy = s, ox, oy
            self.update()
            return
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.start()

    def _on_anim_value_changed(self, value: Any) -> None:
        t = float(value)
        (s0, x0, y0), (s1, x1, y1) = self._anim_from, self._anim_to
        # Interpolate the scale geometrically so the zoom feels even.
        s = s0 * (s1 / s0) ** t
        # Keep the point that ends up centred moving along a straight line.
        cx0, cy0 = (self.width() / 2 - x0) / s0, (self.height() / 2 - y0) / s0
        cx1, cy1 = (self.width() / 2 - x1) / s1, (self.height() / 2 - y1) / s1
        cx, cy = cx0 + (cx1 - cx0) * t, cy0 + (cy1 - cy0) * t
        self._scale, self._ox, self._oy = s, self.width() / 2 - cx * s, self.height() / 2 - cy * s
        self.update()

    # --- building the images --------------------------------------------------------------------
    def _apply_layout(self, fit: bool, announce: bool = True) -> None:
        if self._snap is None:
            return
        level, key = self._stack[-1]
        lay = self._snap.layout(level, key, self._aspect())
        self._layout = lay
        self._pos = np.full(len(self._snap), -1, dtype=np.int32)
        self._pos[lay.indices] = np.arange(len(lay.indices), dtype=np.int32)
        self._block_labels.clear()
        if self._picked >= 0:
            QToolTip.hideText()  # the picked community's tip does not stay over another level
        self._picked = -1
        self._label_cells = [
            min([o.x - b.x - 1 for o in lay.blocks if o.y == b.y and o.x > b.x], default=lay.width - b.x)
            for b in lay.blocks
        ]
        self._repaint_all_cells()
        if fit:
            self.fit()
        if announce:
            self.level_changed.emit(level, key)

    def _repaint_all_cells(self) -> None:
        if self._layout is None or self._snap is None:
            return
        self._cells.build(self._snap, self._layout, self._mask)
        self.counts_changed.emit(self.counts())
        self.update()

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        lay = self._layout
        if lay is None:
            p.fillRect(self.rect(), self._bg)
            p.end()
            return
        covered = QRectF(self._ox, self._oy, lay.width * self._scale, lay.height * self._scale)
        if not covered.contains(QRectF(self.rect())):
            p.fillRect(self.rect(), self._bg)
        s = self._scale
        # Visible cell range, clipped to the layout.
        cx0 = max(0, math.floor(-self._ox / s))
        cy0 = max(0, math.floor(-self._oy / s))
        cx1 = min(lay.width, math.ceil((self.width() - self._ox) / s))
        cy1 = min(lay.height, math.ceil((self.height() - self._oy) / s))
        if cx1 > cx0 and cy1 > cy0:
            target = QRectF(self._ox + cx0 * s, self._oy + cy0 * s, (cx1 - cx0) * s, (cy1 - cy0) * s)
            k = self._cells.k
            if k >= 3 and s >= k * 0.95:
                p.drawImage(
                    target, self._cells.glyph_img, QRectF(cx0 * k, cy0 * k, (cx1 - cx0) * k, (cy1 - cy0) * k)
                )
            else:
                p.drawImage(target, self._cells.base_img, QRectF(cx0, cy0, cx1 - cx0, cy1 - cy0))
        self._paint_labels(p, lay)
        self._paint_highlight(p)
        self._paint_picked(p, lay)
        p.end()

    def _paint_picked(self, p: QPainter, lay: Layout) -> None:
        """The community picked by keyboard: a frame in the selection colour around its block."""
        if not 0 <= self._picked < len(lay.blocks):
            return
        b, s = lay.blocks[self._picked], self._scale
        pen = QPen(self.palette().highlight().color(), 3)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(self._ox + b.x * s - 3, self._oy + b.y * s - 3, b.width * s + 6, b.height * s + 6))

    def picked_block(self) -> Block | None:
        """The community (or building) picked with PageDown / PageUp, if any."""
        if self._layout is None or not 0 <= self._picked < len(self._layout.blocks):
            return None
        return self._layout.blocks[self._picked]

    def pick_next(self, step: int) -> None:
        """Pick the next (+1) or previous (-1) community in reading order, brought into view."""
        lay = self._layout
        if lay is None or lay.level == "community" or not lay.blocks:
            return
        order = sorted(range(len(lay.blocks)), key=lambda j: (lay.blocks[j].y, lay.blocks[j].x))
        at = order.index(self._picked) if self._picked in order else (-1 if step > 0 else 0)
        self._picked = order[(at + step) % len(order)]
        b, s = lay.blocks[self._picked], self._scale
        box = QRectF(self._ox + b.x * s, self._oy + b.y * s, b.width * s, b.height * s)
        tip = box.bottomLeft()
        if not QRectF(self.rect()).contains(box):  # bring it into view, zoom kept
            self._framed = False
            self._animate_to(s, self.width() / 2 - (b.x + b.width / 2) * s, self.height() / 2 - (b.y + b.height / 2) * s)
            tip = QPointF(self.width() / 2 - b.width * s / 2, self.height() / 2 + b.height * s / 2)
        # Its whole name (over a narrow block the label keeps one character) and what is due there.
        due = int(self._overdue_per_block()[self._picked])
        text = self.tr("%1 · 逾期 %2 户 · 回车进入").replace("%1", b.label).replace("%2", str(due))
        QToolTip.showText(self.mapToGlobal(tip.toPoint()), text, self)
        self.update()

    def _paint_labels(self, p: QPainter, lay: Layout) -> None:
        s = self._scale
        fm = QFontMetrics(self._label_font)
        line = fm.height()
        w, h = self.width(), self.height()
        overdue = self._overdue_per_block().tolist()
        for j, b in enumerate(lay.blocks):
            x0, y0 = self._ox + b.x * s, self._oy + b.y * s
            bw = b.width * s
            # The label may use the free space up to the next block; a narrow building keeps its
            # name, elided to that space, and loses it only where not even one character fits.
            room = max(bw, self._label_cells[j] * s)
            if x0 > w or y0 > h + line or x0 + bw < 0 or y0 + b.height * s < -line or room < 14:
                continue
            # A building's unit names take the line right above it; its own name goes one higher.
            lift = line + 2 + (self._unit_line if self._shows_units(b) else 0)
            # Widths in steps of 8 px so zooming reuses the rendered labels.
            avail = max(8, int(room) // 8 * 8)
            # Sticky: a block reaching past the left edge keeps its name in view.
            shift = min(max(0.0, -x0), max(0.0, bw - 120))
            label = self._block_label(lay, j, avail, int(bw) // 8 * 8, overdue[j])
            p.drawImage(QPointF(x0 + shift, y0 - lift), label)
        if lay.level == "community" and s >= 14:
            self._paint_building_numbers(p, lay, fm)

    def _shows_units(self, b: Block) -> bool:
        """Unit names are drawn over a building with several units once a unit is wide enough."""
        return (
            b.kind == "building"
            and b.unit_columns > 0
            and b.width // b.unit_columns > 1
            and b.unit_columns * self._scale >= 48
        )

    def _block_label(self, lay: Layout, j: int, width: int, block_width: int, overdue: int) -> QImage:
        """The block's name (elided to ``width``) and its count of households to visit, rendered once.

        The count is right-aligned over the block, or just after the name when the name is wider.
        """
        key = (j, width, block_width, overdue)
        img = self._block_labels.get(key)
        if img is not None:
            return img
        if len(self._block_labels) > 4000:
            self._block_labels.clear()
        b = lay.blocks[j]
        fm = QFontMetrics(self._label_font)
        name = (
            b.label
            if b.kind == "community" or not b.label.isdigit()
            else self.tr("%1号楼").replace("%1", b.label)
        )
        ratio = self.devicePixelRatioF()
        img = QImage(int(width * ratio), int(fm.height() * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(ratio)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setFont(self._label_font)
        room = width
        # The name comes first (at least a few characters of it); then, right-aligned, the count of
        # households to visit: where to go first.
        name_w = fm.horizontalAdvance(name)
        # Over a narrow block the count wins over the name, which keeps at least its first
        # character and an ellipsis (the whole name is one hover or double-click away); where
        # "逾期 353" does not fit either, the red number alone stands for it.
        least_name = min(name_w, fm.horizontalAdvance(name[:1] + "…"))
        count = self.tr("逾期 %1").replace("%1", str(overdue))
        if room - fm.horizontalAdvance(count) - 6 < least_name:
            count = str(overdue)
        cw = fm.horizontalAdvance(count)
        if overdue and room - cw - 6 >= least_name:
            right = min(width, max(block_width, name_w + 12 + cw))
            painter.setPen(QColor(theme.VERIFICATION_COLOURS["red"]))
            painter.drawText(QPointF(right - cw, fm.ascent()), count)
            room = right - cw - 6
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            QPointF(0, fm.ascent()), fm.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 8))
        )
        painter.end()
        self._block_labels[key] = img
        return img

    def _overdue_per_block(self) -> np.ndarray:
        """Red and never-verified households passing the filter, per block of the current layout."""
        return self._cells.overdue

    def _paint_building_numbers(self, p: QPainter, lay: Layout, fm: QFontMetrics) -> None:
        """Floor numbers left of each building, unit names above it, room numbers inside big cells.

        Every distinct text is rendered once into a small image and then blitted: a blit costs a few
        µs where laying out the glyphs again costs ~10 µs, and a repaint has 8 ms (NOTES.md).
        """
        s = self._scale
        w, h = self.width(), self.height()
        sfm = QFontMetrics(self._small_font)
        fg = self.palette().color(self.foregroundRole()).name()
        for b in lay.blocks:
            x0, y0 = self._ox + b.x * s, self._oy + b.y * s
            if x0 > w or x0 + b.width * s < 0 or y0 > h or y0 + b.height * s < 0:
                continue
            first = max(0, int(-y0 / s))
            last = min(b.height, int((h - y0) / s) + 1)
            for row in range(first, last):
                img = self._text_image(str(b.top_floor - row), fg)
                p.drawImage(
                    QPointF(
                        x0 - img.width() / img.devicePixelRatio() - 4, y0 + row * s + (s - sfm.height()) / 2
                    ),
                    img,
                )
            if b.unit_columns and b.width > b.unit_columns and s >= 8:
                # A wider gap between units, as between stairwells in the real building.
                p.setPen(QPen(self._bg, max(2.0, s * 0.18)))
                for u in range(1, b.width // b.unit_columns):
                    ux = x0 + u * b.unit_columns * s - s * 0.06
                    p.drawLine(QPointF(ux, y0), QPointF(ux, y0 + b.height * s))
            if self._shows_units(b):
                for u in range(b.width // b.unit_columns):
                    img = self._text_image(self.tr("%1单元").replace("%1", str(u + 1)), fg)
                    p.drawImage(QPointF(x0 + u * b.unit_columns * s, y0 - sfm.height() - 2), img)
        if s < 64 or self._snap is None:
            return
        # Room numbers: only the visible cells, a few hundred at most at this zoom.
        cx0, cy0 = max(0, int(-self._ox / s)), max(0, int(-self._oy / s))
        cx1 = min(lay.width, int((w - self._ox) / s) + 1)
        cy1 = min(lay.height, int((h - self._oy) / s) + 1)
        sub = lay.cell_index.reshape(lay.height, lay.width)[cy0:cy1, cx0:cx1]
        ys, xs = np.nonzero(sub >= 0)
        snap = self._snap
        rooms = [snap.room_label(i) for i in sub[ys, xs].tolist()]
        for x, y, room in zip((xs + cx0).tolist(), (ys + cy0).tolist(), rooms, strict=True):
            p.drawImage(
                QPointF(self._ox + x * s + 3, self._oy + y * s + 2), self._text_image(room, "#1b1f24")
            )

    def _text_image(self, text: str, colour: str) -> QImage:
        key = (text, colour)
        img = self._text_images.get(key)
        if img is None:
            fm = QFontMetrics(self._small_font)
            ratio = self.devicePixelRatioF()
            size = (int((fm.horizontalAdvance(text) + 2) * ratio), int(fm.height() * ratio))
            img = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
            img.setDevicePixelRatio(ratio)
            img.fill(Qt.GlobalColor.transparent)
            painter = QPainter(img)
            painter.setFont(self._small_font)
            painter.setPen(QColor(colour))
            painter.drawText(QPointF(1, fm.ascent()), text)
            painter.end()
            self._text_images[key] = img
        return img

    def _paint_highlight(self, p: QPainter) -> None:
        if self._highlight < 0 or self._layout is None or self._pos[self._highlight] < 0:
            return
        pos = int(self._pos[self._highlight])
        s = self._scale
        x, y = self._ox + self._layout.x[pos] * s, self._oy + self._layout.y[pos] * s
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        # A ring that stays visible when a cell is one pixel: never smaller than 18 px across.
        r = max(s * 1.1, 12.0)
        for colour, width in (("#000000", 6.0), ("#ffffff", 3.0)):
            p.setPen(QPen(QColor(colour), width))
            p.drawEllipse(QPointF(x + s / 2, y + s / 2), r, r)

    # --- interaction --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._layout is not None and (not self._fitted or self._framed):
            lay = self._layout
            reshaped = (
                lay.level != "community"
                and self._snap is not None
                and self._snap.layout(lay.level, lay.key, self._aspect()) is not lay
            )
            if reshaped:
                # Another shape of view: the communities stand in as many columns as fill it.
                self._apply_layout(fit=True, announce=False)
            else:
                self.fit()
        self._fitted = self._fitted or (self.isVisible() and self._layout is not None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._bg = QColor(self.palette().color(self.backgroundRole()))
            self._cells.set_background(self._bg)
            self._block_labels.clear()
            self._text_images.clear()
            if self._layout is not None:
                self._repaint_all_cells()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom_by(1.0015**delta, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        step = 0.15
        if key == Qt.Key.Key_0 and mods & Qt.KeyboardModifier.ControlModifier:
            self.fit(animated=True)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.5, animated=True)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.5, animated=True)
        elif key == Qt.Key.Key_Left:
            self.pan_by(self.width() * step, 0)
        elif key == Qt.Key.Key_Right:
            self.pan_by(-self.width() * step, 0)
        elif key == Qt.Key.Key_Up:
            self.pan_by(0, self.height() * step)
        elif key == Qt.Key.Key_Down:
            self.pan_by(0, -self.height() * step)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.pick_next(1 if key == Qt.Key.Key_PageDown else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (picked := self.picked_block()) is not None:
            self.community_activated.emit(picked.id)
            self.show_community(picked.id)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape):
            if not self.go_up():
                event.ignore()
                return
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._drag_from = (event.position(), self._ox, self._oy)
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, ox, oy = self._drag_from
            d = event.position() - start
            if self._dragging or abs(d.x()) + abs(d.y()) > 4:
                self._dragging = True
                self._framed = False
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._ox, self._oy = ox + d.x(), oy + d.y()
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                index = self.household_at(event.position())
                if index >= 0 and self._snap is not None:
                    self._highlight = index
                    self.update()
                    if self._layout is not None and self._layout.level == "community":
                        self._emit_click(index)
                    else:
                        # Above a community a click may be the first of a double-click that opens
                        # the community: the household's dialog waits until that cannot be.
                        self._pending_click = index
                        self._click_timer.start(QApplication.doubleClickInterval())
            self._press = None
            self._dragging = False
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    def _emit_click(self, index: int) -> None:
        if self._snap is not None and 0 <= index < len(self._snap):
            self.household_clicked.emit(int(self._snap.household_id[index]))

    def _on_click_timer_timeout(self) -> None:
        index, self._pending_click = self._pending_click, -1
        self._emit_click(index)

    def click_pending(self) -> bool:
        """A single click waits to see whether it becomes a double-click (district and grid cell levels)."""
        return self._click_timer.isActive()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._click_timer.stop()
        self._pending_click = -1
        if self._layout is not None and self._layout.level != "community":
            cx = (event.position().x() - self._ox) / self._scale
            cy = (event.position().y() - self._oy) / self._scale
            block = self._layout.block_at(cx, cy)
            if block is not None:
                self.community_activated.emit(block.id)
                self.show_community(block.id)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """Address, housing use and days since verification of the household under ``pos``."""
        index = self.household_at(pos)
        snap = self._snap
        if index < 0 or snap is None:
            return ""
        days = int(snap.days[index])
        if days < 0 or snap.status[index] == NEVER:
            when = self.tr("从未核实")
        else:
            when = self.tr("距上次核实 %1 天").replace("%1", str(days))
        use = housing_use_text(HOUSING_USES[int(snap.housing_use[index])])
        return f"{snap.address(index)}\n{use} · {when}"
