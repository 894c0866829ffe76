"""One bar chart of the statistics pane (pyqtgraph): grouped or stacked bars over named categories,
an optional target line, a click (or arrow keys and Enter) on a bar, PNG export.

The chart knows nothing of cases or dispatches: the pane hands it a ``ChartData`` built from the
figures service's numbers and answers ``bar_activated`` by listing what is behind the bar.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

BAR_WIDTH = 0.8  # of one category's slot


@dataclass(frozen=True)
class ChartSeries:
    """One series of bars: its name (legend, CSV header), one value per category, its colour."""

    name: str
    values: tuple[float, ...]
    colour: str
    key: str = ""  # what the pane asks the service for when a bar of this series is clicked


@dataclass(frozen=True)
class ChartData:
    """Everything one chart shows, already in the UI language."""

    title: str
    categories: tuple[str, ...]  # the x axis labels
    series: tuple[ChartSeries, ...]
    stacked: bool = False
    unit: str = ""  # the x axis label, where the categories need one (minutes)
    target_x: float | None = None  # a vertical target line, in category positions (0 = first)
    target_label: str = ""
    note: str = ""  # a line under the title (year-on-year change, rates)
    category_keys: tuple[str, ...] = field(default=())  # what each category means to the service


@dataclass(frozen=True)
class Bar:
    """One drawn bar: where it is and what it counts."""

    category: int
    series: int
    x0: float
    x1: float
    y0: float
    y1: float


def layout_bars(data: ChartData) -> list[Bar]:
    """Where each bar goes: side by side within a category's slot, or stacked in one column."""
    bars: list[Bar] = []
    count = max(1, len(data.series))
    for c in range(len(data.categories)):
        base = 0.0
        for s, series in enumerate(data.series):
            value = float(series.values[c]) if c < len(series.values) else 0.0
            if data.stacked:
                x0 = c - BAR_WIDTH / 2
                bars.append(Bar(c, s, x0, x0 + BAR_WIDTH, base, base + value))
                base += value
            else:
                width = BAR_WIDTH / count
                x0 = c - BAR_WIDTH / 2 + s * width
                bars.append(Bar(c, s, x0, x0 + width, 0.0, value))
    return bars


def bar_at(bars: list[Bar], x: float, y: float) -> Bar | None:
    """The bar under the point (x, y) in data coordinates; in a bar's column above a short bar, that bar."""
    in_column = [b for b in bars if b.x0 <= x <= b.x1]
    for bar in in_column:
        if bar.y0 <= y <= bar.y1 and bar.y1 > bar.y0:
            return bar
    # A click just above a short (or zero) bar still means that bar: the column is the target.
    drawn = [b for b in in_column if b.y1 > b.y0]
    if drawn and y > max(b.y1 for b in drawn):
        return max(drawn, key=lambda b: b.y1)
    return None


class FigureChart(QWidget):
    """A titled bar chart with a legend; click a bar, or move with ←/→ (↑/↓ between series) and press Enter."""

    bar_activated = Signal(int, int)
    """The user chose a bar: (category index, series index)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.data: ChartData | None = None
        self.bars: list[Bar] = []
        self.current: tuple[int, int] | None = None  # the keyboard's bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # Above the plot: the title and what it adds up to, then the legend (never over a bar).
        header = QHBoxLayout()
        header.setSpacing(12)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("chartTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        header.addWidget(self.title_label)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("chartNote")
        self.note_label.setWordWrap(True)  # wraps rather than widen the pane (English is longer)
        header.addWidget(self.note_label, 1)
        self.legend_label = QLabel(self)
        self.legend_label.setObjectName("chartLegend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        # Its own line under the title; it never sets the pane's minimum width.
        self.legend_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addLayout(header)
        layout.addWidget(self.legend_label)
        # No zooming, panning or context menu: a click or a key chooses a bar, nothing else.
        self.plot = pg.PlotWidget(self, enableMenu=False)
        self._released = False
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        layout.addWidget(self.plot, 1)
        self._items: list[pg.GraphicsObject] = []
        self._cursor: pg.GraphicsObject | None = None
        self._apply_palette()

    # -- drawing -------------------------------------------------------------------------------

    def release(self) -> None:
        """Detach the text items pyqtgraph creates with a parent item but PySide leaves owned by
        Python (axis labels, the title): otherwise the scene deletes them with their parent and
        the garbage collector deletes them again later, which crashes the process. Called while
        the chart is alive (the pane's shutdown); afterwards Python alone owns them."""
        if self._released:
            return
        self._released = True
        item = self.plot.getPlotItem()
        scene = self.plot.scene()
        texts = [axis["item"].label for axis in item.axes.values()] + [item.titleLabel.item]
        for text in texts:
            text.setParentItem(None)
            if text.scene() is scene:
                scene.removeItem(text)

    def set_data(self, data: ChartData) -> None:
        """Draw ``data`` (replacing what was drawn); the keyboard's bar stays where it was if it still exists."""
        self.data = data
        self.bars = layout_bars(data)
        self.title_label.setText(data.title)
        self.note_label.setText(data.note)
        self.note_label.setVisible(bool(data.note))
        plot = self.plot.getPlotItem()
        for item in self._items:
            plot.removeItem(item)
        self._items = []
        for s, series in enumerate(data.series):
            mine = [b for b in self.bars if b.series == s]
            if not mine:
                continue
            item = pg.BarGraphItem(
                x0=[b.x0 for b in mine],
                x1=[b.x1 for b in mine],
                y0=[b.y0 for b in mine],
                y1=[b.y1 for b in mine],
                brush=pg.mkBrush(series.colour),
                pen=pg.mkPen(None),
            )
            plot.addItem(item)
            self._items.append(item)
        if data.target_x is not None:
            line = pg.InfiniteLine(
                pos=data.target_x,
                angle=90,
                pen=pg.mkPen("#ff4d4f", width=2, style=Qt.PenStyle.DashLine),
                label=data.target_label,
                labelOpts={"position": 0.92, "color": "#ff4d4f"},
            )
            plot.addItem(line)
            self._items.append(line)
        self.legend_label.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{s.colour}">■</span> {html.escape(s.name)}' for s in data.series
            )
        )
        self.legend_label.setVisible(len(data.series) > 1)
        axis = plot.getAxis("bottom")
        axis.setTicks([list(enumerate(data.categories))])
        if axis.labelText != data.unit:  # setting a label re-lays out HTML: only when it changes
            axis.setLabel(data.unit)
            axis.showLabel(bool(data.unit))
        top = max((b.y1 for b in self.bars), default=0.0)
        plot.setXRange(-0.6, max(0, len(data.categories) - 1) + 0.6, padding=0)
        plot.setYRange(0, top * 1.15 if top > 0 else 1, padding=0)
        if self.current is not None and self._bar(*self.current) is None:
            self.current = None
        self._draw_cursor()

    def bar_height(self, category: int, series: int) -> float:
        """The drawn height of one bar (what a reader of the chart sees)."""
        bar = self._bar(category, series)
        return 0.0 if bar is None else bar.y1 - bar.y0

    def _bar(self, category: int, series: int) -> Bar | None:
        return next((b for b in self.bars if b.category == category and b.series == series), None)

    def _draw_cursor(self) -> None:
        plot = self.plot.getPlotItem()
        if self._cursor is not None:
            plot.removeItem(self._cursor)
            self._cursor = None
        bar = self._bar(*self.current) if self.current is not None else None
        if bar is None:
            return
        top = max(bar.y1, bar.y0)
        outline = pg.BarGraphItem(
            x0=[bar.x0],
            x1=[bar.x1],
            y0=[bar.y0],
            y1=[top],
            brush=pg.mkBrush(None),
            pen=pg.mkPen(self.palette().color(QPalette.ColorRole.Highlight), width=3),
        )
        plot.addItem(outline)
        self._cursor = outline

    def _apply_palette(self) -> None:
        pal = self.palette()
        background = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        self.plot.setBackground(background)
        for name in ("left", "bottom"):
            axis = self.plot.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(pal.color(QPalette.ColorRole.Mid)))
            axis.setTextPen(pg.mkPen(text))
            axis.setTickFont(self.font())
        self._draw_cursor()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_palette()
        super().changeEvent(event)

    # -- choosing a bar ------------------------------------------------------------------------
    def _on_scene_clicked(self, event: object) -> None:
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        point: QPointF = view.mapSceneToView(scene_pos)
        bar = bar_at(self.bars, point.x(), point.y())
        if bar is not None:
            self.activate(bar.category, bar.series)

    def activate(self, category: int, series: int) -> None:
        """Choose one bar (as a click or Enter does): it is outlined and ``bar_activated`` follows."""
        self.current = (category, series)
        self._draw_cursor()
        self.bar_activated.emit(category, series)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.data is None or not self.data.categories:
            super().keyPressEvent(event)
            return
        category, series = self.current if self.current is not None else (0, 0)
        key = event.key()
        last_c, last_s = len(self.data.categories) - 1, max(0, len(self.data.series) - 1)
        if key == Qt.Key.Key_Right:
            category = min(last_c, category + 1) if self.current is not None else 0
        elif key == Qt.Key.Key_Left:
            category = max(0, category - 1) if self.current is not None else 0
        elif key == Qt.Key.Key_Up:
            series = min(last_s, series + 1)
        elif key == Qt.Key.Key_Down:
            series = max(0, series - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(category, series)
            return
        else:
            super().keyPressEvent(event)
            return
        self.current = (category, series)
        self._draw_cursor()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current is None and self.data is not None and self.data.categories:
            self.current = (0, 0)
            self._draw_cursor()
        super().focusInEvent(event)

    # -- export --------------------------------------------------------------------------------
    def save_png(self, path: str | Path) -> bool:
        """The chart as the user sees it (title, note, bars) in a PNG file."""
        return bool(self.grab().save(str(path), "PNG"))
