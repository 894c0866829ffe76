"""The dispatch dialog: recommended officers for one alert, pick, note, send — all from the keyboard.

Available officers come first as DispatchService.recommendations ranks them (same grid cell, then
the nearest); busy and off-duty officers follow, and sending one of them needs an override with a
reason. Keys: arrows move, Space picks or unpicks, Tab reaches the note, Enter sends, Esc cancels.
What the service refuses (an officer just sent by another console, a resolved alert) is said in
words, and the list is read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.services.dispatch import DispatchSent, OfficerRow, Recommendation
from console.widgets.officers_board_dialogs import ui_language
from console.widgets.officers_board_model import status_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from console.security import Actor
    from console.services.dispatch import DispatchService, OfficerService
    from console.widgets.worker import DatabaseWorker

BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
FREE_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class DispatchDialog(QDialog):
    """Send one or more officers to an alert."""

    dispatch_sent = Signal(object)
    """Officers were sent: the DispatchSent the service returned."""
    candidates_loaded = Signal()
    """The officer list was (re)read."""

    def __init__(
        self,
        dispatch: DispatchService,
        officers: OfficerService,
        actor: Actor,
        worker: DatabaseWorker,
        alert_id: int,
        alert_label: str = "",
        parent: QWidget | None = None,
        *,
        preselect: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._officers = officers
        self._actor = actor
        self._runner = worker.lane(self)
        self.alert_id = alert_id
        self._preselect = set(preselect)
        self._sending = False
        self.setWindowTitle(self.tr("派警: 预警 #{0}").format(alert_id))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        heading = QLabel(f"#{alert_id} {alert_label}".strip(), self)
        heading.setStyleSheet("font-weight:bold; font-size:15px")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        hint = QLabel(self.tr("↑↓ 选择警员 · 空格 勾选/取消 · Enter 派出 · Esc 取消"), self)
        hint.setStyleSheet("color:gray")
        layout.addWidget(hint)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("警员"), self.tr("班组"), self.tr("网格"), self.tr("距离"), self.tr("状态")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the note, as in a form
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._on_table_item_changed)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("给出警民警的说明 (选填), 如 北门道闸, 车辆未离开"))
        form.addRow(self.tr("备注"), self.note)
        self.override_label = QLabel(self.tr("强派原因"), self)
        self.override = QLineEdit(self)
        self.override.setPlaceholderText(self.tr("所选警员休息或正在出警: 说明为何仍要派出 (记入审计)"))
        form.addRow(self.override_label, self.override)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color:#d32f2f; font-weight:bold")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("派出 (Enter)"))
        self.send_button.setDefault(True)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_override()
        self.load()

    # -- candidates ----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the recommendations and the rest of the board off the GUI thread."""
        dispatch, officers, actor, alert_id = self._dispatch, self._officers, self._actor, self.alert_id
        self._runner.submit(
            lambda: (dispatch.recommendations(actor, alert_id), officers.board(actor)),
            self._on_loaded,
            self._on_failed,
        )

    def busy(self) -> bool:
        return self._runner.busy()

    def _on_loaded(self, result: tuple[list[Recommendation], list[OfficerRow]]) -> None:
        recommended, board = result
        picked = self.picked() | self._preselect
        self._preselect = set()
        free = {r.badge for r in recommended}
        others = [o for o in board if o.badge not in free]
        others.sort(key=lambda o: (o.status == "off_duty", o.team, o.badge))
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for r in recommended:
            distance = f"{r.distance_km:.1f} km" if r.distance_km is not None else ""
            cell = self.tr("本网格") if r.same_cell else ""
            self._add_row(
                r.badge, f"{r.badge} {r.name}", r.team, cell, distance, "available", r.badge in picked
            )
        for o in others:
            self._add_row(
                o.badge, f"{o.badge} {o.name}", o.team, o.grid_cell or "", "", o.status, o.badge in picked
            )
        self.table.blockSignals(False)
        if self.table.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        self._update_override()
        self.candidates_loaded.emit()

    def _add_row(
        self, badge: str, who: str, team: str, cell: str, distance: str, status: str, checked: bool
    ) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(who)
        first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        first.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        first.setData(BADGE_ROLE, badge)
        first.setData(FREE_ROLE, status == "available")
        items = [first, QTableWidgetItem(team), QTableWidgetItem(cell), QTableWidgetItem(distance)]
        items.append(QTableWidgetItem(status_title(status)))
        for column, item in enumerate(items):
            if status != "available":
                item.setForeground(QColor("#9e9e9e"))
            self.table.setItem(row, column, item)

    def _first(self, row: int) -> QTableWidgetItem:
        return cast(QTableWidgetItem, self.table.item(row, 0))  # every listed row has its first cell

    def badges_in_order(self) -> list[str]:
        """The officers as listed, best first (what a test or a reader checks)."""
        return [str(self._first(r).data(BADGE_ROLE)) for r in range(self.table.rowCount())]

    def picked(self) -> set[str]:
        return {b for b, _free in self._picked_rows()}

    def _picked_rows(self) -> list[tuple[str, bool]]:
        out = []
        for r in range(self.table.rowCount()):
            item = self._first(r)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((str(item.data(BADGE_ROLE)), bool(item.data(FREE_ROLE))))
        return out

    def _update_override(self) -> None:
        needed = any(not free for _b, free in self._picked_rows())
        self.override_label.setVisible(needed)
        self.override.setVisible(needed)

    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self._update_override()

    def toggle_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self._first(row)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Space:
                self.toggle_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.send()
                return True
        return super().eventFilter(watched, event)

    # -- sending -------------------------------------------------------------------------------
    def send(self) -> None:
        """Send the picked officers (the one under the cursor if none is picked)."""
        if self._sending:
            return
        picked = self._picked_rows()
        if not picked and self.table.currentRow() >= 0:
            item = self._first(self.table.currentRow())
            picked = [(str(item.data(BADGE_ROLE)), bool(item.data(FREE_ROLE)))]
        badges = [b for b, _free in picked]
        reason = self.override.text().strip()
        override = reason if any(not free for _b, free in picked) and reason else None
        note = self.note.text().strip()
        dispatch, actor, alert_id = self._dispatch, self._actor, self.alert_id
        self._sending = True
        self.send_button.setEnabled(False)
        self._runner.submit(
            lambda: dispatch.dispatch(actor, alert_id, badges, note=note, override=override),
            self._on_sent,
            self._on_failed,
        )

    def _on_sent(self, sent: DispatchSent) -> None:
        self._sending = False
        self.send_button.setEnabled(True)
        self.dispatch_sent.emit(sent)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._sending = False
        self.send_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.error.setText(exc.text(ui_language()))
        self.error.setVisible(True)
        if self.override.isVisible() and getattr(exc, "field", None) in ("officer", "override"):
            self.override.setFocus()  # the override needs its reason
        else:
            self.load()  # another console may have sent someone meanwhile: show the board as it is now

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)
