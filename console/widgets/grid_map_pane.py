"""The grid map pane: filter bar, breadcrumb, the map view and a legend with counts per colour.

Loading the district's households runs off the GUI thread with a progress indicator; an empty
registry shows what to do instead of a blank map. Live changes (a verification recorded on this
or another console) arrive as household ids from a ``LiveBridge``-like object; their new
verification time is fetched off the GUI thread and only those cells are repainted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QMargins, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.services.maps import HOUSING_USES, STATUS_NAMES, GridSnapshot, MapFilter
from console.widgets.common import (
    EmptyState,
    FlowLayout,
    error_text,
    housing_use_text,
    keyboard_to_page,
    labelled,
    shrinkable_combo,
    wrapped_minimum_height,
)
from console.widgets.grid_map import GridMapView
from console.widgets.grid_map_cells import glyph_pattern, status_colours
from console.widgets.household_dialog import HouseholdDialog

if TYPE_CHECKING:
    from console.clock import Clock
    from console.security import Actor
    from console.services.maps import GridMapService
    from console.services.registry import VerificationService, VisitResult
    from console.widgets.worker import DatabaseWorker

LIVE_BATCH_MS = 30  # several changes in one burst are fetched together


class LegendSwatch(QWidget):
    """One legend entry: the cell glyph as drawn on the map, the meaning and the count."""

    def __init__(self, status: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self.setFixedSize(QSize(18, 18))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pat = glyph_pattern(8)[self._status]
        colour = status_colours()[self._status]
        cell = self.width() / 8
        for y in range(8):
            for x in range(8):
                if pat[y, x]:
                    p.fillRect(
                        QRectF(x * cell, y * cell, cell, cell),
                        colour if pat[y, x] == 1 else QColor("#1b1f24"),
                    )
        p.end()


class Legend(QWidget):
    """Counts per colour for what the map shows (level and filters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self, spacing=14)  # wraps in a narrow pane rather than widening the window
        row.setContentsMargins(4, 2, 4, 2)
        self.count_labels: dict[str, QLabel] = {}
        words = {
            "green": self.tr("已核实 (1个月内)"),
            "orange": self.tr("超1个月未核实"),
            "red": self.tr("超3个月未核实"),
            "never": self.tr("从未核实"),
        }
        for i, name in enumerate(STATUS_NAMES):
            entry = QWidget(self)
            pair = QHBoxLayout(entry)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(4)
            pair.addWidget(LegendSwatch(i, entry))
            label = QLabel(entry)
            label.setObjectName(f"legend_{name}")
            self.count_labels[name] = label
            label.setProperty("word", words[name])
            pair.addWidget(label)
            row.addWidget(entry)
        self.total_label = QLabel(self)
        row.addWidget(self.total_label)
        self.set_counts(dict.fromkeys(STATUS_NAMES, 0))

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        for name, label in self.count_labels.items():
            label.setText(f"{label.property('word')}  <b>{counts.get(name, 0):,}</b>")
        self.total_label.setText(self.tr("共 %1 户").replace("%1", f"{sum(counts.values()):,}"))


class GridMapPane(QWidget):
    """Filter bar + breadcrumb + grid map view + legend; loads the district off the GUI thread."""

    household_clicked = Signal(int)
    """A household was clicked on the map (its id)."""
    loaded = Signal(int)
    """The district's households are on the map (how many)."""
    load_failed = Signal(str)
    """Loading failed (a one-line reason)."""
    household_recoloured = Signal(int)
    """A household's colour was updated from a live change or a visit recorded here."""

    def __init__(
        self,
        gridmap: GridMapService,
        verification: VerificationService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gridmap = gridmap
        self._verification = verification  # for the household dialog's "record visit"
        self._clock = clock
        self._actor = actor
        self._worker = worker
        self._runner = worker.lane(self)
        self._pending_live: set[int] = set()
        self._pending_show: tuple[str, int] | None = None
        self.open_dialog_on_click = True
        self._dialogs: list[HouseholdDialog] = []
        self.hint = ""
        self._crumbs = ("", "")  # the breadcrumb as rich text and as plain text

        self.view = GridMapView(self)
        self.legend = Legend(self)
        self.breadcrumb = QLabel(self)
        self.breadcrumb.setObjectName("gridMapBreadcrumb")
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.setWordWrap(True)  # its hint is long in English: wrap rather than widen the window
        self.breadcrumb.linkActivated.connect(self._on_breadcrumb_link_activated)

        self.grid_cell_box = QComboBox(self)
        self.officer_box = QComboBox(self)
        self.use_box = QComboBox(self)
        self.colour_box = QComboBox(self)
        for box in (self.grid_cell_box, self.officer_box, self.use_box, self.colour_box):
            shrinkable_combo(box)
        self.reload_button = QPushButton(self.tr("刷新"), self)
        # The filters wrap onto a second line in a narrow pane (1366×768, English) instead of
        # widening the window past the screen.
        bar = FlowLayout(spacing=8)
        for text, box in (
            (self.tr("网格"), self.grid_cell_box),
            (self.tr("民警"), self.officer_box),
            (self.tr("房屋用途"), self.use_box),
            (self.tr("颜色"), self.colour_box),
        ):
            bar.addWidget(labelled(text, box, self))
        bar.addWidget(self.reload_button)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator: the load is one query
        self.progress.setMaximumWidth(320)
        loading = QWidget(self)
        lay = QVBoxLayout(loading)
        lay.addStretch(1)
        self.loading_label = QLabel(self.tr("正在载入实有房屋…"), loading)
        lay.addWidget(self.loading_label, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.empty = EmptyState(
            self.tr("尚无户籍数据 — 请先导入实有人口"),
            self.tr("在“文件 → 导入实有人口”中选择网格系统导出的 CSV 或 XLSX 文件。"),
            "",
            self,
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(loading)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)

        self._fill_static_boxes()
        keyboard_to_page(self, self.stack, self.view)  # Ctrl+2: + / - zoom, the arrows pan
        self.view.counts_changed.connect(self.legend.set_counts)
        self.view.level_changed.connect(self._on_view_level_changed)
        self.view.household_clicked.connect(self._on_view_household_clicked)
        for box in (self.officer_box, self.use_box, self.colour_box):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.grid_cell_box.currentIndexChanged.connect(self._on_grid_cell_changed)
        self.reload_button.clicked.connect(self.load)
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_BATCH_MS)
        self._live_timer.timeout.connect(self._fetch_live_changes)
        self.load()

    # --- loading ------------------------------------------------------------------------------
    def key_heading(self) -> str:
        """The F1 list's heading over key_rows()."""
        return self.tr("网格地图: 按 Ctrl+2 后")

    def key_rows(self) -> list[tuple[str, str]]:
        """(key, what it does) of the map's own keys, for the F1 list."""
        return [
            ("+ / -", self.tr("放大 / 缩小")),
            ("← → ↑ ↓", self.tr("平移地图")),
            ("Ctrl+0", self.tr("显示整个层级")),
            (self.tr("PgDn / PgUp"), self.tr("选中下一个 / 上一个小区")),
            (QKeySequence(Qt.Key.Key_Return).toString(QKeySequence.SequenceFormat.NativeText), self.tr("打开选中的小区")),
            (self.tr("退格 / Esc"), self.tr("返回上一级 (小区 → 网格 → 全区)")),
        ]

    def minimumSizeHint(self) -> QSize:
        """At least the map's own minimum under the filter bar and legend as wrapped at this width."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and self.width() > 0:
            hint.setHeight(max(hint.height(), wrapped_minimum_height(layout, self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._place_hint()
            self.updateGeometry()  # the wrapped bar and legend take another height: tell the dock

    def load(self) -> None:
        """(Re)load every household of the district off the GUI thread."""
        if self.view.snapshot() is None:
            self.loading_label.setText(self.tr("正在载入实有房屋…"))
            self.progress.setVisible(True)
            self.stack.setCurrentIndex(0)
        self.reload_button.setEnabled(False)
        gridmap, actor = self._gridmap, self._actor
        self._runner.submit(lambda: gridmap.load(actor), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, snapshot: GridSnapshot) -> None:
        self.reload_button.setEnabled(True)
        self._fill_area_boxes(snapshot)
        if not len(snapshot):
            self.stack.setCurrentWidget(self.empty)
            self.loaded.emit(0)
            return
        self.view.set_snapshot(snapshot)
        self.stack.setCurrentWidget(self.view)
        if self._pending_show is not None:
            kind, key = self._pending_show
            self._pending_show = None
            (self.view.show_household if kind == "household" else self.view.show_community)(key)
        self.loaded.emit(len(snapshot))

    def _on_load_failed(self, exc: BaseException) -> None:
        self.reload_button.setEnabled(True)
        self.load_failed.emit(error_text(exc))
        if self.view.snapshot() is not None:
            return  # the map shown stays readable (the window says the database is away)
        self.loading_label.setText(self.tr("载入失败：%1").replace("%1", error_text(exc)))
        self.progress.setVisible(False)  # nothing is loading any more
        self.stack.setCurrentIndex(0)

    def wait(self) -> None:
        """Wait for background calls (tests, window close)."""
        self._runner.wait()

    # --- filters ------------------------------------------------------------------------------
    def _fill_static_boxes(self) -> None:
        self.use_box.addItem(self.tr("全部用途"), None)
        for use in HOUSING_USES[:-1]:
            self.use_box.addItem(housing_use_text(use), use)
        self.use_box.addItem(self.tr("出租+群租"), "rental")
        self.colour_box.addItem(self.tr("全部颜色"), None)
        self.colour_box.addItem(self.tr("需核实 (橙+红+从未)"), "due")
        for i, word in enumerate(
            (self.tr("绿 已核实"), self.tr("橙 超1个月"), self.tr("红 超3个月"), self.tr("红 从未核实"))
        ):
            self.colour_box.addItem(word, i)

    def _fill_area_boxes(self, snap: GridSnapshot) -> None:
        for box, items, everything in (
            (self.grid_cell_box, [(g.id, g.name) for g in snap.grid_cells], self.tr("全部网格")),
            (self.officer_box, list(snap.officers), self.tr("全部民警")),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for key, name in items:
                box.addItem(name, key)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def current_filters(self) -> MapFilter:
        use = self.use_box.currentData()
        uses = None if use is None else frozenset({"出租", "群租"} if use == "rental" else {use})
        colour = self.colour_box.currentData()
        statuses = None if colour is None else frozenset({1, 2, 3} if colour == "due" else {int(colour)})
        return MapFilter(officer_id=self.officer_box.currentData(), housing_uses=uses, statuses=statuses)

    def set_filters(
        self,
        *,
        grid_cell_id: int | None = None,
        officer_id: int | None = None,
        housing_use: str | None = None,
        colour: int | str | None = None,
    ) -> None:
        """Set the filter bar programmatically (as a user would choose in the boxes)."""
        for box, value in (
            (self.officer_box, officer_id),
            (self.use_box, housing_use),
            (self.colour_box, colour),
            (self.grid_cell_box, grid_cell_id),
        ):
            box.setCurrentIndex(max(0, box.findData(value)))

    def _on_filter_changed(self, _index: int) -> None:
        self.view.set_filters(self.current_filters())

    def _on_grid_cell_changed(self, _index: int) -> None:
        cell = self.grid_cell_box.currentData()
        self.view.show_level("district" if cell is None else "grid_cell", cell)

    # --- navigation ---------------------------------------------------------------------------
    def show_household(self, household_id: int) -> None:
        """Centre the map on a household and highlight it (a search result)."""
        if self.view.snapshot() is None:
            self._pending_show = ("household", household_id)
        else:
            self.view.show_household(household_id)

    def show_community(self, community_id: int) -> None:
        """Open one community on the map (the district map sends this)."""
        if self.view.snapshot() is None:
            self._pending_show = ("community", community_id)
        else:
            self.view.show_community(community_id)

    def _on_view_level_changed(self, level: str, key: Any) -> None:
        crumbs = self.view.breadcrumb()
        parts = []
        for depth, (_lvl, _key, label) in enumerate(crumbs):
            if depth == len(crumbs) - 1:
                parts.append(f"<b>{label}</b>")
            else:
                parts.append(f'<a href="{depth}">{label}</a>')
        self.hint = (
            self.tr("单击住户查看详情 · 退格键返回上一级 · 滚轮缩放 · 拖动平移")
            if level == "community"
            else self.tr("双击小区进入 · 单击住户查看详情 · 滚轮缩放 · 拖动平移")
        )
        self._crumbs = (" › ".join(parts), " › ".join(label for _l, _k, label in crumbs))
        self._place_hint()
        box = self.grid_cell_box
        wanted = key if level == "grid_cell" else (None if level == "district" else box.currentData())
        if box.currentData() != wanted:
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(wanted)))
            box.blockSignals(False)

    def _place_hint(self) -> None:
        """The hint follows the breadcrumb where both fit on one line; in a narrow pane (1366×768,
        English) it moves to the breadcrumb's tooltip so the map keeps the line."""
        html, plain = self._crumbs
        italic = QFont(self.breadcrumb.font())
        italic.setItalic(True)
        needed = (
            QFontMetrics(self.breadcrumb.font()).horizontalAdvance(plain + "    ")
            + QFontMetrics(italic).horizontalAdvance(self.hint)
        )
        layout = self.layout()
        m = layout.contentsMargins() if layout is not None else QMargins()
        fits = needed <= self.width() - m.left() - m.right() or not self.isVisible()
        self.breadcrumb.setText(html + (f"&nbsp;&nbsp;&nbsp;<i>{self.hint}</i>" if fits else ""))
        self.breadcrumb.setToolTip("" if fits else self.hint)

    def _on_breadcrumb_link_activated(self, link: str) -> None:
        self.view.go_to_crumb(int(link))

    # --- households ---------------------------------------------------------------------------
    def _on_view_household_clicked(self, household_id: int) -> None:
        self.household_clicked.emit(household_id)
        if self.open_dialog_on_click:
            self.open_household(household_id)

    def open_household(self, household_id: int) -> HouseholdDialog:
        dialog = HouseholdDialog(
            self._gridmap, self._verification, self._clock, self._actor, self._worker, household_id, self
        )
        dialog.visit_recorded.connect(self._on_dialog_visit_recorded)
        dialog.finished.connect(lambda _r, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return dialog

    def _on_dialog_visit_recorded(self, result: VisitResult) -> None:
        self.apply_verification({result.household_id: result.last_verified_at})

    def apply_verification(self, times: dict[int, Any]) -> None:
        """Recolour households whose verification time is known (≤ 10 ms for a few)."""
        snap = self.view.snapshot()
        if snap is None or not times:
            return
        ids = list(times)
        if (snap.indices_of(ids) < 0).any():
            # A household the map has not seen (an import on another console): reload it all.
            self.load()
        idx = self._gridmap.recolour(snap, ids, [times[i] for i in ids])
        self.view.refresh_households(np.asarray(idx))
        for hid in ids:
            self.household_recoloured.emit(hid)

    # --- live ---------------------------------------------------------------------------------
    @Slot(bool)
    def _on_bridge_connection_changed(self, connected: bool) -> None:
        if connected and self.view.snapshot() is None and self.reload_button.isEnabled():
            self.load()

    def connect_live(self, bridge: Any) -> None:
        """Follow ``bridge.household_changed(int)`` (a LiveBridge or anything with that signal)."""
        bridge.household_changed.connect(self._on_live_household_changed)
        if hasattr(bridge, "connection_changed"):  # a map that never loaded loads once it can
            bridge.connection_changed.connect(self._on_bridge_connection_changed)

    def _on_live_household_changed(self, household_id: int) -> None:
        self._pending_live.add(int(household_id))
        if not self._live_timer.isActive():
            self._live_timer.start()

    def _fetch_live_changes(self) -> None:
        ids, self._pending_live = sorted(self._pending_live), set()
        if not ids or self.view.snapshot() is None:
            return
        gridmap, actor = self._gridmap, self._actor
        self._runner.submit(lambda: gridmap.verification_times(actor, ids), self.apply_verification)

    def closeEvent(self, event: Any) -> None:
        self._runner.wait()
        super().closeEvent(event)
