"""The case list pane (案件卷宗): a filter bar over newest-first cases; Enter or a double-click opens
the dossier. Pages of 200 load as the list is scrolled; other consoles' changes arrive live.

Filtering happens in SQL (CaseService.list_cases), never in a proxy model: at 20,000 cases a
proxy would be slow, and a page is all the table ever holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.security import Permission
from console.services.cases import PAGE_SIZE, CaseFilter, CaseFilterChoices, CaseRow
from console.widgets.common import EmptyState, FlowLayout, error_text, one_line_cells, shrinkable_combo

if TYPE_CHECKING:
    from console.clock import Clock
    from console.security import Actor
    from console.services.cases import CaseService
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.worker import DatabaseWorker

_LOCAL = dt.timezone(dt.timedelta(hours=8))  # the station's wall clock (Beijing time)

CASE_STATUS_TITLES = {
    "open": QT_TRANSLATE_NOOP("cases", "未破"),
    "solved": QT_TRANSLATE_NOOP("cases", "已破"),
    "closed": QT_TRANSLATE_NOOP("cases", "已结案"),
}
CATEGORY_TITLES = {
    "cable": QT_TRANSLATE_NOOP("cases", "电缆"),
    "phone": QT_TRANSLATE_NOOP("cases", "手机"),
    "e-bike": QT_TRANSLATE_NOOP("cases", "电动车"),
    "bicycle": QT_TRANSLATE_NOOP("cases", "自行车"),
    "burglary": QT_TRANSLATE_NOOP("cases", "入室盗窃"),
    "vehicle": QT_TRANSLATE_NOOP("cases", "机动车"),
    "fraud": QT_TRANSLATE_NOOP("cases", "诈骗"),
    "other": QT_TRANSLATE_NOOP("cases", "其他"),
}
_COLUMNS = (
    QT_TRANSLATE_NOOP("cases", "案件编号"),
    QT_TRANSLATE_NOOP("cases", "类别"),
    QT_TRANSLATE_NOOP("cases", "小区"),
    QT_TRANSLATE_NOOP("cases", "报案时间"),
    QT_TRANSLATE_NOOP("cases", "状态"),
    QT_TRANSLATE_NOOP("cases", "主办民警"),
    QT_TRANSLATE_NOOP("cases", "破案用时"),
    QT_TRANSLATE_NOOP("cases", "简要案情"),
)
# (key, title, how far back) of the period filter; None: no bound
_PERIODS = (
    ("all", QT_TRANSLATE_NOOP("cases", "全部时间"), None),
    ("day", QT_TRANSLATE_NOOP("cases", "近24小时"), dt.timedelta(days=1)),
    ("week", QT_TRANSLATE_NOOP("cases", "近7天"), dt.timedelta(days=7)),
    ("month", QT_TRANSLATE_NOOP("cases", "近30天"), dt.timedelta(days=30)),
    ("quarter", QT_TRANSLATE_NOOP("cases", "近90天"), dt.timedelta(days=90)),
    ("year", QT_TRANSLATE_NOOP("cases", "近一年"), dt.timedelta(days=365)),
)
_STATUS_COLOURS = {"open": "#f57c00", "solved": "#2e7d32", "closed": "#78909c"}


def tr_cases(text: object) -> str:
    return QCoreApplication.translate("cases", str(text))


def case_title(table: Mapping[str, object], key: str | None) -> str:
    """The translated title of ``key`` (a status or category code) in one of the tables above."""
    return "" if key is None else tr_cases(table.get(key, key))


def local_time(value: dt.datetime | str | None) -> str:
    """Station wall-clock time, to the minute ("" for none)."""
    if value is None or value == "":
        return ""
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return when.astimezone(_LOCAL).strftime("%Y-%m-%d %H:%M")


def hours_text(hours: float | None) -> str:
    return "" if hours is None else QCoreApplication.translate("cases", "{0} 小时").format(f"{hours:.1f}")


class CaseListModel(QAbstractTableModel):
    """The loaded pages of the case list as CaseRow objects; later pages are appended."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []

    @property
    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[CaseRow]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, position: int) -> CaseRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, case_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return tr_cases(_COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                r.case_no,
                case_title(CATEGORY_TITLES, r.category),
                r.community,
                local_time(r.reported_at),
                case_title(CASE_STATUS_TITLES, r.status),
                f"{r.lead_name} ({r.lead_badge})" if r.lead_badge else "",
                hours_text(r.hours_to_solve),
                r.summary,
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            from PySide6.QtGui import QColor

            return QColor(_STATUS_COLOURS.get(r.status, "#78909c"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return r.summary
        return None


class CaseFilterBar(QWidget):
    """Status, category, community, officer, period and a text box; emits the filter as it changes."""

    filter_changed = Signal(object)
    """The user changed a filter: the new CaseFilter."""

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        # The five filters wrap (then the text on its own row) so that the work tabs, under the maps
        # on the right, stay narrow enough for a 1366-pixel screen beside the feed.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        layout = FlowLayout(spacing=6)
        rows.addLayout(layout)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("状态"))
        self.status.addItem(self.tr("全部状态"), None)
        for key, name in CASE_STATUS_TITLES.items():
            self.status.addItem(tr_cases(name), key)
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("类别"))
        self.category.addItem(self.tr("全部类别"), None)
        for key, name in CATEGORY_TITLES.items():
            self.category.addItem(tr_cases(name), key)
        self.community = QComboBox(self)
        self.community.setAccessibleName(self.tr("小区"))
        self.community.addItem(self.tr("全部小区"), None)
        self.officer = QComboBox(self)
        self.officer.setAccessibleName(self.tr("主办民警"))
        self.officer.addItem(self.tr("全部民警"), None)
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("报案时间"))
        for key, name, _back in _PERIODS:
            self.period.addItem(tr_cases(name), key)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("案件编号或案情关键字 (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(140)
        for combo in (self.status, self.category, self.community, self.officer, self.period):
            layout.addWidget(shrinkable_combo(combo))
            combo.currentIndexChanged.connect(self._on_combo_changed)
        rows.addWidget(self.text)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)  # one query when typing pauses, not one per key
        self._typing.timeout.connect(self._emit)
        self.text.textChanged.connect(self._typing.start)
        self.text.returnPressed.connect(self._emit)

    def set_choices(self, choices: CaseFilterChoices) -> None:
        """Fill the community and officer boxes, keeping what is chosen."""
        for combo, items in (
            (self.community, [(name, name) for name in choices.communities]),
            (self.officer, [(f"{o.name} ({o.badge})", o.badge) for o in choices.officers]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, data in items:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def current(self) -> CaseFilter:
        """The filter as the bar shows it (periods counted back from now)."""
        back = next(b for key, _name, b in _PERIODS if key == self.period.currentData())
        start = self._clock.now() - back if back is not None else None
        return CaseFilter(
            status=self.status.currentData(),
            category=self.category.currentData(),
            community=self.community.currentData(),
            officer=self.officer.currentData(),
            reported_from=start,
            text=self.text.text().strip(),
        )

    def clear(self) -> None:
        for combo in (self.status, self.category, self.community, self.officer, self.period):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._emit()

    def is_empty(self) -> bool:
        return self.current() == CaseFilter()

    @Slot(int)
    def _on_combo_changed(self, _index: int) -> None:
        self._emit()

    @Slot()
    def _emit(self) -> None:
        self._typing.stop()
        self.filter_changed.emit(self.current())

    def stop(self) -> None:
        self._typing.stop()


class CasesPane(QWidget):
    """Cases newest first under a filter bar; Enter or a double-click asks for the dossier."""

    case_open_requested = Signal(str)
    """The user asked to open the dossier of this case number."""

    def __init__(
        self,
        cases: CaseService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        bridge: LiveBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        self._actor = actor
        self._runner = worker.lane(self)
        self._filter = CaseFilter()
        self._exhausted = False  # the last page came back short: there is no more
        self._loading_more = False
        self._generation = 0  # answers to an older filter are dropped
        self.page_size = PAGE_SIZE
        layout = QVBoxLayout(self)
        self.filter_bar = CaseFilterBar(clock, self)
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        layout.addWidget(self.filter_bar)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#d32f2f")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.model = CaseListModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        one_line_cells(self.view)  # a case number or ID never splits over two lines
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.installEventFilter(self)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.empty = EmptyState(self.tr("没有案件"), "", "", self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.setFocusProxy(self.view)
        layout.addWidget(self.stack, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("caseCount")
        layout.addWidget(self.count_label)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)  # a burst of changes (an import) reloads once
        self._reload_timer.timeout.connect(self._on_reload_timer_timeout)
        if bridge is not None:
            bridge.changed.connect(self._on_bridge_changed)
        self._allowed = actor.can(Permission.VIEW_CASES)
        if self._allowed:
            self.load_choices()
            self.reload()
        else:
            self.filter_bar.setEnabled(False)
            self.empty.title_label.setText(self.tr("当前角色不能查看案件"))
            self.stack.setCurrentWidget(self.empty)

    # -- loading -------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self._runner.busy()

    @Slot()
    def load_choices(self) -> None:
        cases, actor = self._cases, self._actor
        self._runner.submit(lambda: cases.filter_choices(actor), self.filter_bar.set_choices, self._on_failed)

    @Slot()
    def reload(self) -> None:
        """Load the first page again (as many rows as are shown, so a live refresh keeps the place)."""
        self._generation += 1
        generation, given = self._generation, self._filter
        limit = max(self.page_size, self.model.rowCount())
        selected = self.selected()
        cases, actor = self._cases, self._actor

        def done(rows: list[CaseRow]) -> None:
            if generation != self._generation:
                return
            self._exhausted = len(rows) < limit
            self.model.set_rows(rows)
            self._show_rows(selected.id if selected else None)

        self._runner.submit(lambda: cases.list_cases(actor, given, limit=limit), done, self._on_failed)

    def load_more(self) -> None:
        """Append the next page (the list was scrolled to its end)."""
        rows = self.model.rows
        if self._exhausted or self._loading_more or not rows:
            return
        self._loading_more = True
        generation, given, after = self._generation, self._filter, rows[-1]
        cases, actor, limit = self._cases, self._actor, self.page_size

        def done(page: list[CaseRow]) -> None:
            self._loading_more = False
            if generation != self._generation:
                return
            self._exhausted = len(page) < limit
            self.model.append_rows(page)
            self._show_count()

        def failed(exc: BaseException) -> None:
            self._loading_more = False
            self._on_failed(exc)

        self._runner.submit(lambda: cases.list_cases(actor, given, after=after, limit=limit), done, failed)

    def _show_rows(self, keep_case_id: int | None) -> None:
        self.message.setVisible(False)
        if self.model.rowCount() == 0:
            if self.filter_bar.is_empty():
                self.empty.title_label.setText(self.tr("还没有案件"))
                self.empty.set_text(self.tr("案件可在命令行 case open 登记, 或用 import cases 导入。"))
            else:
                self.empty.title_label.setText(self.tr("没有符合条件的案件"))
                self.empty.set_text(self.tr("放宽筛选条件试试。"))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
            position = self.model.position_of(keep_case_id) if keep_case_id is not None else None
            self.view.selectRow(position if position is not None else 0)
        self._show_count()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        more = "" if self._exhausted else self.tr(" (向下滚动加载更多)")
        self.count_label.setText(self.tr("显示 {0} 起案件").format(shown) + more)

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.message.setText(error_text(exc))
        self.message.setVisible(True)

    @Slot(int)
    def _on_stack_current_changed(self, _index: int) -> None:
        # Ctrl+3 lands on what is shown: the list (arrows and Enter work at once) or the empty state.
        had_focus = self.hasFocus()
        self.setFocusProxy(self.stack.currentWidget() or self.view)
        if had_focus:
            self.setFocus()

    @Slot(object)
    def _on_filter_bar_filter_changed(self, given: CaseFilter) -> None:
        self._filter = given
        self.model.set_rows([])  # a new filter starts from its first page
        self.reload()

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if value >= self.view.verticalScrollBar().maximum() - 5:
            self.load_more()

    @Slot(str, int)
    def _on_bridge_changed(self, topic: str, _entity_id: int) -> None:
        if topic == "case" and self._allowed:
            self._reload_timer.start()

    @Slot()
    def _on_reload_timer_timeout(self) -> None:
        self.reload()
        self.load_choices()  # a new case may bring a new community

    # -- opening -------------------------------------------------------------------------------
    def selected(self) -> CaseRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.case_open_requested.emit(row.case_no)

    @Slot(QModelIndex)
    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.case_open_requested.emit(row.case_no)

    def focus_filter(self) -> None:
        self.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)  # noqa: S101 type narrowing: a KeyPress is a QKeyEvent
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        # Ctrl+F inside this pane filters the case list; elsewhere it stays the window's search.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_filter()
            return
        if event.key() == Qt.Key.Key_Escape and self.filter_bar.text.hasFocus():
            self.view.setFocus()
            return
        super().keyPressEvent(event)

    # -- lifetime ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        self._reload_timer.stop()
        self.filter_bar.stop()
        self._runner.wait()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
