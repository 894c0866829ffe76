"""The statistics pane (统计): the station's figures for a period, one chart per tab, the cases or
dispatches behind a clicked bar, PNG / CSV export of each chart and the monthly PDF brief.

Every number comes from ``FiguresService`` (the same objects ``stats`` prints and the brief
prints), read on the console's DatabaseWorker in the pane's lane; a change on any console
(a case solved, an item returned, a dispatch arriving, a household verified) reloads the charts.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.clock import STATION_TZ
from console.errors import UserError
from console.security import Permission
from console.services.figures import Bar, DrillDown, DrillRow, Figures, MonthlyBrief, Period, write_csv
from console.widgets.cases_pane import local_time
from console.widgets.common import EmptyState, error_text
from console.widgets.figure_chart import ChartData, FigureChart
from console.widgets.figure_period import FigurePeriodBar
from console.widgets.figures_charts import BUILDERS, CHART_TITLES, chart_title
from console.widgets.monthly_report import save_monthly_report

if TYPE_CHECKING:
    from console.clock import Clock
    from console.security import Actor
    from console.services.figures import FiguresService
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.worker import DatabaseWorker

# What moves a figure: cases, their property, dispatches, alerts (an intervention closing resolves
# its alert) and households (coverage).
LIVE_TOPICS = frozenset({"case", "property", "dispatch", "alert", "household"})
# A burst of changes (an import, a verification round) reloads once; a steady stream of them
# reloads at most every two seconds (a year's figures are a few hundred ms of database work).
LIVE_DELAY_MS = 2000


class ChartPage(QStackedWidget):
    """One tab: the chart, or a calm empty state when the period has nothing to count."""

    def __init__(self, key: str, on_bar: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._on_bar = on_bar
        self._chart: FigureChart | None = None  # made when first drawn: pyqtgraph only where it is seen
        self.empty = EmptyState(chart_title(key), self.tr("本期没有可统计的数据"), "", self)
        self.addWidget(self.empty)
        self.setFocusProxy(self.empty)
        self.stale = True  # figures arrived since this chart was drawn

    @property
    def chart(self) -> FigureChart:
        if self._chart is None:
            self._chart = FigureChart(self)
            self._chart.bar_activated.connect(self._on_bar)
            self.insertWidget(0, self._chart)
        return self._chart

    def release(self) -> None:
        if self._chart is not None:
            self._chart.release()

    def show_data(self, data: ChartData) -> None:
        self.chart.set_data(data)
        has_any = any(v for s in data.series for v in s.values)
        self.setCurrentWidget(self.chart if has_any else self.empty)
        self.setFocusProxy(self.chart if has_any else self.empty)


class FiguresPane(QWidget):
    """Period bar, headline figures, one chart per tab and the list behind the chosen bar."""

    case_open_requested = Signal(str)
    """The user asked to open the dossier of this case number (double-click or Enter in the list)."""
    brief_written = Signal(str)
    """The monthly brief was written to this PDF file."""
    figures_shown = Signal(object)
    """The charts now show these Figures (a period change or a live change has been painted)."""

    def __init__(
        self,
        figures: FiguresService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        bridge: LiveBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = figures
        self._actor = actor
        self._runner = worker.lane(self, "figures")
        self._generation = 0
        self._drill_generation = 0
        self._stale = False
        self.figures: Figures | None = None
        self.drill: DrillDown | None = None
        self.last_load_ms: float | None = None  # period change to painted, for the bench
        today = clock.now().astimezone(STATION_TZ).date()

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.period_bar = FigurePeriodBar(today, self)
        self.period_bar.period_changed.connect(self._on_period_bar_period_changed)
        top.addWidget(self.period_bar)
        top.addStretch(1)
        self.png_button = QPushButton(self.tr("导出图片"), self)
        self.png_button.setToolTip(self.tr("把当前图表存为 PNG 图片"))
        self.csv_button = QPushButton(self.tr("导出数据"), self)
        self.csv_button.setToolTip(self.tr("把当前图表的数据存为 CSV (Excel 可直接打开)"))
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.pdf_button = QPushButton(self.tr("月度简报"), self)
        self.pdf_button.setToolTip(self.tr("所选周期最后一个月的月度工作简报 (A4 PDF)"))
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        layout.addLayout(top)
        # The headline wraps beside the export buttons, so the pane fits the bottom dock of a
        # 1366-pixel screen in either language.
        second = QHBoxLayout()
        self.headline = QLabel(self)
        self.headline.setObjectName("figuresHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        second.addWidget(self.headline, 1)
        second.addWidget(self.png_button)
        second.addWidget(self.csv_button)
        second.addWidget(self.pdf_button)
        layout.addLayout(second)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#d32f2f")
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.tabs = QTabWidget(self)
        self.pages: dict[str, ChartPage] = {}
        for key, _title in CHART_TITLES:
            page = ChartPage(key, self._on_chart_bar_activated, self.tabs)
            self.pages[key] = page
            self.tabs.addTab(page, chart_title(key))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.drill_title = QLabel(self.tr("点击柱形查看对应的案件或派警"), self)
        self.drill_title.setWordWrap(True)
        self.drill_list = QTableWidget(0, 3, self)
        self.drill_list.setHorizontalHeaderLabels([self.tr("编号"), self.tr("时间"), self.tr("说明")])
        self.drill_list.setAccessibleName(self.tr("柱形对应的记录"))
        self.drill_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.drill_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.drill_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.drill_list.verticalHeader().setVisible(False)
        header = self.drill_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.drill_list.doubleClicked.connect(self._on_drill_list_double_clicked)
        self.drill_list.installEventFilter(self)
        drill = QWidget(self)
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(drill)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([650, 350])
        self.body = QStackedWidget(self)
        self.body.addWidget(self.splitter)
        self.denied = EmptyState(self.tr("当前角色不能查看统计"), "", "", self)
        self.body.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self.setFocusProxy(self.tabs)

        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_DELAY_MS)
        self._live_timer.timeout.connect(self._on_live_timer_timeout)
        if bridge is not None:
            bridge.changed.connect(self._on_bridge_changed)
        self._allowed = actor.can(Permission.VIEW_STATISTICS)
        if not actor.can(Permission.EXPORT):
            for button in (self.png_button, self.csv_button, self.pdf_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("当前角色不能导出"))
        if self._allowed:
            self._stale = True  # read when first shown: a pane never opened costs no query nor chart
        else:
            self.period_bar.setEnabled(False)
            for button in (self.png_button, self.csv_button, self.pdf_button):
                button.setEnabled(False)
            self.body.setCurrentWidget(self.denied)
            self.setFocusProxy(self.denied)

    # -- loading -------------------------------------------------------------------------------
    @property
    def period(self) -> Period:
        start, end = self.period_bar.period
        return Period(start, end)

    def busy(self) -> bool:
        return self._runner.busy()

    @Slot()
    def reload(self) -> None:
        """Read every chart of the shown period again (on the worker) and paint them when they come."""
        if not self._allowed:
            return
        self._generation += 1
        generation, period, service, actor = self._generation, self.period, self._service, self._actor

        def done(figures: Figures) -> None:
            if generation == self._generation:
                self.show_figures(figures)

        self._runner.submit(lambda: service.figures(actor, period), done, self._on_failed)

    def show_figures(self, figures: Figures) -> None:
        """Paint ``figures``: the headline and the chart shown; the other tabs draw when opened."""
        self.figures = figures
        self.message.setVisible(False)
        self.headline.setText(self._headline_text(figures))
        for page in self.pages.values():
            page.stale = True
        current = self.current_page()
        self._draw_page(current)
        current.repaint()  # painted now, so the time measured is the time a user waits
        self.last_load_ms = (time.perf_counter() - self._started) * 1000
        if self.drill is not None:
            self._load_drill(self.drill.bar)  # the same bar, with the new numbers
        self.figures_shown.emit(figures)

    def _draw_page(self, page: ChartPage) -> None:
        if self.figures is not None and page.stale:
            page.show_data(BUILDERS[page.key](self.figures))
            page.stale = False

    def chart_data(self, key: str) -> ChartData | None:
        """What chart ``key`` shows (drawn now if its tab has not been opened since the last load)."""
        self._draw_page(self.pages[key])
        return self.pages[key].chart.data

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, ChartPage):
            self._draw_page(page)

    def _headline_text(self, f: Figures) -> str:
        s = f.summary
        yoy = "—" if s.yoy_change is None else f"{s.yoy_change * 100:+.0f}%"
        arrived = s.dispatch.arrived
        return self.tr(
            "刑事警情 {0} 起 (同比 {1}) · 24小时内破案 {2} 起, 24–72小时 {3} 起 · "
            "出警目标内到场 {4}/{5} · 财物追回 {6}/{7}, 返还 {8} · 反诈止付 {9} 次"
        ).format(
            s.cases,
            yoy,
            s.solved_24h,
            s.solved_24_72h,
            s.dispatch.within_target,
            arrived,
            s.property.recovered,
            s.property.stolen,
            s.property.returned,
            s.fraud.stopped,
        )

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.message.setText(error_text(exc))
        self.message.setVisible(True)

    @Slot(object, object)
    def _on_period_bar_period_changed(self, _start: dt.date, _end: dt.date) -> None:
        self._started = time.perf_counter()
        self.drill = None
        self._show_drill(None)
        self.reload()

    # -- live ----------------------------------------------------------------------------------
    @Slot(str, int)
    def _on_bridge_changed(self, topic: str, _entity_id: int) -> None:
        if topic not in LIVE_TOPICS or not self._allowed:
            return
        if self.isVisible():
            if not self._live_timer.isActive():  # not restarted: a steady stream still reloads
                self._live_timer.start()
        else:
            self._stale = True  # a hidden tab reloads when it is shown, not on every change

    @Slot()
    def _on_live_timer_timeout(self) -> None:
        self._started = time.perf_counter()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            if self.figures is None:  # the first showing: read at once
                self._started = time.perf_counter()
                self.reload()
            else:
                self._live_timer.start()

    # -- drill-down ----------------------------------------------------------------------------
    def current_page(self) -> ChartPage:
        page = self.tabs.currentWidget()
        assert isinstance(page, ChartPage)  # noqa: S101 type narrowing: every tab is a ChartPage
        return page

    @Slot(int, int)
    def _on_chart_bar_activated(self, category: int, series: int) -> None:
        chart = self.sender()
        page = next((p for p in self.pages.values() if p._chart is chart), self.current_page())
        data = self.chart_data(page.key)
        if data is None or category >= len(data.category_keys):
            return
        self._load_drill(Bar(page.key, data.category_keys[category], data.series[series].key))

    def _load_drill(self, bar: Bar) -> None:
        self._drill_generation += 1
        generation, period, service, actor = self._drill_generation, self.period, self._service, self._actor

        def done(drill: DrillDown) -> None:
            if generation == self._drill_generation:
                self.drill = drill
                self._show_drill(drill)

        self._runner.submit(lambda: service.drill_down(actor, period, bar), done, self._on_failed)

    def _show_drill(self, drill: DrillDown | None) -> None:
        self.drill_list.setRowCount(0)
        if drill is None:
            self.drill_title.setText(self.tr("点击柱形查看对应的案件或派警"))
            return
        rows = drill.rows
        self.drill_title.setText(self._drill_caption(drill))
        self.drill_list.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for column, text in enumerate((row.ref, local_time(row.at), row.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the details column is often cut off in a narrow dock
                self.drill_list.setItem(i, column, item)
        if rows:
            self.drill_list.selectRow(0)

    def _drill_caption(self, drill: DrillDown) -> str:
        data = self.chart_data(drill.bar.chart) if drill.bar.chart in self.pages else None
        what = drill.bar.x
        if data is not None and drill.bar.x in data.category_keys:
            what = data.categories[data.category_keys.index(drill.bar.x)]
            names = [s.name for s in data.series if s.key == drill.bar.series and s.key]
            if names:
                what = f"{what} · {names[0]}"
        caption = self.tr("{0}: {1} — 共 {2} 条").format(chart_title(drill.bar.chart), what, drill.total)
        if drill.total > len(drill.rows):
            caption += self.tr(" (显示最近 {0} 条)").format(len(drill.rows))
        return caption

    def drill_row(self, position: int) -> DrillRow | None:
        rows = self.drill.rows if self.drill is not None else ()
        return rows[position] if 0 <= position < len(rows) else None

    def open_drill_row(self, position: int) -> None:
        row = self.drill_row(position)
        if row is not None and row.kind == "case":
            self.case_open_requested.emit(row.ref)

    @Slot()
    def _on_drill_list_double_clicked(self) -> None:
        self.open_drill_row(self.drill_list.currentRow())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.drill_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)  # noqa: S101 type narrowing: a KeyPress is a QKeyEvent
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_drill_row(self.drill_list.currentRow())
                return True
        return super().eventFilter(watched, event)

    # -- export --------------------------------------------------------------------------------
    def _file_stem(self) -> str:
        period = self.period
        return f"{self.current_page().key}_{period.start:%Y%m%d}-{period.end:%Y%m%d}"

    def export_png(self, path: str | Path) -> bool:
        """The current chart, as shown, as a PNG file."""
        return self.current_page().grab().save(str(path), "PNG")

    def export_csv(self, path: str | Path) -> Path | None:
        """The current chart's numbers as CSV (UTF-8 with BOM), from the service's own table."""
        if self.figures is None:
            return None
        return write_csv(path, self.figures, self.current_page().key)

    @Slot()
    def _on_png_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出图片"), f"{self._file_stem()}.png", self.tr("PNG 图片 (*.png)")
        )
        if path and not self.export_png(path):
            self._show_message(self.tr("无法写入 {0}").format(path))

    @Slot()
    def _on_csv_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出数据"), f"{self._file_stem()}.csv", self.tr("CSV 表格 (*.csv)")
        )
        if not path:
            return
        try:
            self.export_csv(path)
        except OSError as exc:
            self._show_message(self.tr("无法写入 {0}: {1}").format(path, exc.strerror or exc))
        except UserError as exc:
            self._show_message(error_text(exc))

    def brief_month(self) -> Period:
        """The month the brief is for: the last month of the period shown."""
        end = self.period.end
        return Period.month(end.year, end.month)

    @Slot()
    def _on_pdf_button_clicked(self) -> None:
        month = self.brief_month()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("月度简报"), f"月度简报_{month.start:%Y-%m}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.export_brief(path)

    def export_brief(self, path: str | Path) -> None:
        """Read the month's brief on the worker, then write the PDF (Qt's PDF writer) and say so."""
        service, actor, month = self._service, self._actor, self.brief_month()
        self.pdf_button.setEnabled(False)

        def done(brief: MonthlyBrief) -> None:
            self.pdf_button.setEnabled(True)
            try:
                written = save_monthly_report(brief, path)
            except OSError as exc:
                self._show_message(self.tr("无法写入 {0}: {1}").format(path, exc.strerror or exc))
                return
            self.brief_written.emit(str(written))

        def failed(exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            self._on_failed(exc)

        self._runner.submit(lambda: service.monthly_brief(actor, month), done, failed)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    # -- lifetime ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        self._live_timer.stop()
        self._runner.wait()
        for page in self.pages.values():
            page.release()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
