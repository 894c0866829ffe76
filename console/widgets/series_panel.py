"""The series tab of a dossier (串案): cases proposed as one series with this case, confirm or dismiss.

Enter confirms the selected proposal, Del dismisses it (a dismissed pair is never proposed again);
the confirmed series' cases are listed below the proposals, then every case's timeline entries
on one timeline, and 在地图上显示 (Ctrl+M) asks for the series on the district map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.clock import STATION_TZ
from console.errors import UserError
from console.security import Permission
from console.services.cases import SeriesEntry, SeriesProposal, SeriesView
from console.widgets.cases_pane import case_title, local_time
from console.widgets.common import ui_language
from console.widgets.dossier_titles import TIMELINE_TITLES, timeline_detail

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.cases import SeriesService
    from console.widgets.worker import DatabaseWorker

# Words of the rules, translated in the panel's context.
RULE_WORDS = {
    "suspect": QT_TRANSLATE_NOOP("SeriesPanel", "同一嫌疑人"),
    "vehicle": QT_TRANSLATE_NOOP("SeriesPanel", "同一车辆"),
    "property": QT_TRANSLATE_NOOP("SeriesPanel", "同一物品识别号"),
    "place": QT_TRANSLATE_NOOP("SeriesPanel", "同类案件同一地点"),
}
CATEGORY_WORDS = {
    "cable": QT_TRANSLATE_NOOP("SeriesPanel", "电缆"),
    "phone": QT_TRANSLATE_NOOP("SeriesPanel", "手机"),
    "e-bike": QT_TRANSLATE_NOOP("SeriesPanel", "电动车"),
    "bicycle": QT_TRANSLATE_NOOP("SeriesPanel", "自行车"),
    "burglary": QT_TRANSLATE_NOOP("SeriesPanel", "入室盗窃"),
    "vehicle": QT_TRANSLATE_NOOP("SeriesPanel", "机动车"),
    "fraud": QT_TRANSLATE_NOOP("SeriesPanel", "诈骗"),
    "other": QT_TRANSLATE_NOOP("SeriesPanel", "其他"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SeriesPanel", text)


def proposal_text(p: SeriesProposal) -> str:
    """One line: the other case, its category, place and report day, and why it was proposed."""
    o = p.other
    why = "；".join(f"{_tr(str(RULE_WORDS[r.rule]))} {r.value}".strip() for r in p.reasons)
    where = o.community or o.place or ""
    day = o.reported_at.astimezone(STATION_TZ).strftime("%Y-%m-%d")
    category = _tr(str(CATEGORY_WORDS.get(o.category, o.category)))
    return f"{o.case_no}  {category}  {where}  {day}  {o.summary}\n    {why}"


class SeriesPanel(QWidget):
    """Proposals for one case with Confirm (Enter) / Dismiss (Del), and the case's series."""

    loaded = Signal(int)
    """Proposals were (re)loaded: this many are shown."""
    series_confirmed = Signal(int)
    """The case joined (or formed) the series with this id."""
    proposal_dismissed = Signal(str)
    """The proposal of this other case number was dismissed."""
    show_on_map_requested = Signal(int)
    """The user asked to see the case's series (this id) on the district map."""

    def __init__(
        self,
        series_service: SeriesService,
        actor: Actor,
        worker: DatabaseWorker,
        case_no: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._series = series_service
        self._actor = actor
        self._runner = worker.lane(self)
        self.case_no = case_no
        self.proposals: list[SeriesProposal] = []
        self.series: SeriesView | None = None
        self.heading = QLabel(self.tr("可能与本案为同一系列的案件"), self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("确认串案 (Enter)"), self)
        self.dismiss_button = QPushButton(self.tr("排除 (Del)"), self)
        self.series_label = QLabel(self)
        self.series_label.setWordWrap(True)
        self.map_button = QPushButton(self.tr("在地图上显示 (Ctrl+M)"), self)
        self.map_button.setToolTip(self.tr("在辖区地图上按报案先后连线显示本串案的案件"))
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self.show_on_map)
        map_shortcut = QShortcut(QKeySequence("Ctrl+M"), self)
        map_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        map_shortcut.activated.connect(self.show_on_map)
        # One timeline for the whole series: every case's entries in time order.
        self.timeline = QTableWidget(0, 4, self)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("案件编号"), self.tr("事项"), self.tr("内容")]
        )
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.setVisible(False)
        self.message = QLabel(self)
        self.message.setStyleSheet("color:#c62828")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        series_row = QHBoxLayout()
        series_row.addWidget(self.series_label, 1)
        series_row.addWidget(self.map_button)
        layout.addLayout(series_row)
        layout.addWidget(self.timeline, 1)
        can_edit = actor.can(Permission.EDIT_CASES)
        for button in (self.confirm_button, self.dismiss_button):
            button.setEnabled(can_edit)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        for keys, slot in (
            (Qt.Key.Key_Return, self.confirm_selected),
            (Qt.Key.Key_Enter, self.confirm_selected),
            (Qt.Key.Key_Delete, self.dismiss_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    # --- loading ------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        svc, actor, case_no = self._series, self._actor, self.case_no

        def load() -> tuple[list[SeriesProposal], SeriesView | None, list[SeriesEntry]]:
            series = svc.series_of(actor, case_no)
            entries = svc.series_timeline(actor, series.id) if series is not None else []
            return svc.proposals_for(actor, case_no), series, entries

        self._runner.submit(load, self._on_loaded, self._show_failure)

    def _on_loaded(self, result: tuple[list[SeriesProposal], SeriesView | None, list[SeriesEntry]]) -> None:
        self.proposals, series, entries = result
        self.series = series
        self.list.clear()
        for p in self.proposals:
            item = QListWidgetItem(proposal_text(p))
            item.setData(Qt.ItemDataRole.UserRole, p.other.case_no)
            self.list.addItem(item)
        if self.proposals:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(QListWidgetItem(self.tr("暂无串案提示")))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        if series is None:
            self.series_label.setText(self.tr("本案尚未并入串案"))
        else:
            cases = "、".join(c.case_no for c in series.cases)
            self.series_label.setText(
                self.tr("已确认串案「%1」：%2").replace("%1", series.label).replace("%2", cases)
            )
        self.map_button.setEnabled(series is not None)
        self._fill_timeline(entries)
        self.loaded.emit(len(self.proposals))

    def _fill_timeline(self, entries: list[SeriesEntry]) -> None:
        self.timeline.setVisible(bool(entries))
        self.timeline.setRowCount(len(entries))
        for r, e in enumerate(entries):
            values = [
                local_time(e.at),
                e.case_no,
                case_title(TIMELINE_TITLES, e.kind),
                timeline_detail(e.kind, e.detail),
            ]
            for c, value in enumerate(values):
                self.timeline.setItem(r, c, QTableWidgetItem(value))

    @Slot()
    def show_on_map(self) -> None:
        """Ask for the confirmed series on the district map (nothing when the case is in none)."""
        if self.series is not None:
            self.show_on_map_requested.emit(self.series.id)

    def busy(self) -> bool:
        return self._runner.busy()

    def wait(self) -> None:
        self._runner.wait()

    def selected_other(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    # --- decisions ----------------------------------------------------------------------------
    @Slot()
    def confirm_selected(self) -> None:
        other = self.selected_other()
        if other is None or not self._actor.can(Permission.EDIT_CASES):
            return
        svc, actor, case_no = self._series, self._actor, self.case_no

        def done(view: SeriesView) -> None:
            self.series_confirmed.emit(view.id)
            self.refresh()

        self._runner.submit_edit(lambda: svc.confirm(actor, case_no, other), done, self._show_failure)

    @Slot()
    def dismiss_selected(self) -> None:
        other = self.selected_other()
        if other is None or not self._actor.can(Permission.EDIT_CASES):
            return
        svc, actor, case_no = self._series, self._actor, self.case_no

        def done(_new: Any) -> None:
            self.proposal_dismissed.emit(other)
            self.refresh()

        self._runner.submit_edit(lambda: svc.dismiss(actor, case_no, other), done, self._show_failure)

    def _show_failure(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self.message.setText(exc.text(ui_language()))
        self.message.setVisible(True)

    def shutdown(self) -> None:
        self._runner.wait()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
