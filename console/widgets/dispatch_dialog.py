"""The dispatch dialog: recommended officers for one alert, pick, note, send — all from the keyboard.

Available officers come first as DispatchService.recommendations ranks them (same grid cell, then
the nearest); busy and off-duty officers follow, and sending one of them needs an override with a
reason. Below them the other open alerts of the same community: ticked, the one dispatch covers
them too; one not listed is added by typing its number. Keys: arrows move, Space picks or
unpicks, Tab reaches the other alerts, the number field and the note, Enter sends, Esc cancels.
What the service refuses (an officer just sent by another console, a resolved alert) is said in
words, and the list is read again.
"""

from __future__ import annotations

import datetime as dt
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
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.services.dispatch import DispatchSent, JoinableAlert, OfficerRow, Recommendation
from console.widgets.feed_model import KIND_TITLES, STATUS_TITLES, title
from console.widgets.officers_board_dialogs import ui_language
from console.widgets.officers_board_model import status_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from console.security import Actor
    from console.services.dispatch import DispatchService, OfficerService
    from console.widgets.worker import DatabaseWorker

_LOCAL = dt.timezone(dt.timedelta(hours=8))  # the station's wall clock

BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
FREE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
ALERT_ROLE = int(Qt.ItemDataRole.UserRole) + 3


class DispatchDialog(QDialog):
    """Send one or more officers to an alert."""

    dispatch_sent = Signal(object)
    """Officers were sent: the DispatchSent the service returned."""
    candidates_loaded = Signal()
    """The officer list was (re)read."""
    alerts_added = Signal(int)
    """An alert typed by number was checked: its id, or 0 when refused (the reason is shown)."""

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
        hint = QLabel(
            self.tr("↑↓ 选择警员 · 空格 勾选/取消 · Tab 备注与同小区预警 · Enter 派出 · Esc 取消"), self
        )
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
        # Other open alerts of the same community: one crew, one dispatch, every alert covered.
        # After the note in the Tab order: the usual dispatch is one alert.
        self.alerts_label = QLabel(self.tr("同小区其他预警: 勾选后由本次派警一并处置 (空格 勾选)"), self)
        layout.addWidget(self.alerts_label)
        self.alerts = QListWidget(self)
        self.alerts.setMaximumHeight(96)
        self.alerts.installEventFilter(self)
        layout.addWidget(self.alerts)
        self.alerts_empty = QLabel(self.tr("同小区暂无其他未处置预警"), self)
        self.alerts_empty.setStyleSheet("color:gray")
        layout.addWidget(self.alerts_empty)
        more = QFormLayout()
        self.add_alert = QLineEdit(self)
        self.add_alert.setPlaceholderText(self.tr("输入预警编号, Enter 加入本次派警"))
        # Enter here adds the alert; it must not also reach the dialog's default button (send).
        self.add_alert.installEventFilter(self)
        more.addRow(self.tr("加入预警 #"), self.add_alert)
        layout.addLayout(more)
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
            lambda: (
                dispatch.recommendations(actor, alert_id),
                officers.board(actor),
                dispatch.joinable_alerts(actor, alert_id),
            ),
            self._on_loaded,
            self._on_load_failed,
        )

    def _on_load_failed(self, exc: BaseException) -> None:
        """A failed read says why; it does not read again at once (a database that is away would be
        asked in a loop). Sending, or opening the dialog again, reads again."""
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.error.setText(exc.text(ui_language()))
        self.error.setVisible(True)

    def busy(self) -> bool:
        return self._runner.busy()

    def _on_loaded(self, result: tuple[list[Recommendation], list[OfficerRow], list[JoinableAlert]]) -> None:
        recommended, board, joinable = result
        self._show_joinable(joinable)
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

    # -- other alerts of the community ---------------------------------------------------------
    def _show_joinable(self, joinable: Sequence[JoinableAlert]) -> None:
        """List them again, keeping what was ticked (and alerts added by number)."""
        keep = self.also_alerts()
        added = [self.alerts.item(i) for i in range(self.alerts.count())]
        known = {a.id for a in joinable}
        extra = [(int(i.data(ALERT_ROLE)), i.text()) for i in added if int(i.data(ALERT_ROLE)) not in known]
        self.alerts.clear()
        for alert in joinable:
            self._add_alert_item(alert.id, self._alert_text(alert), alert.id in keep)
        for aid, label in extra:
            self._add_alert_item(aid, label, aid in keep)
        self._update_alerts_empty()

    def _alert_text(self, a: JoinableAlert) -> str:
        when = a.raised_at.astimezone(_LOCAL).strftime("%H:%M")
        kind, status = title(KIND_TITLES, a.kind), title(STATUS_TITLES, a.status)
        return f"#{a.id} {when} {kind} · {status} — {a.summary}"

    def _add_alert_item(self, alert_id: int, label: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(label, self.alerts)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(ALERT_ROLE, alert_id)
        return item

    def _update_alerts_empty(self) -> None:
        has = self.alerts.count() > 0
        self.alerts.setVisible(has)
        self.alerts_empty.setVisible(not has)

    def also_alerts(self) -> list[int]:
        """The other alerts ticked: this dispatch covers them too."""
        out = []
        for i in range(self.alerts.count()):
            item = self.alerts.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(ALERT_ROLE)))
        return out

    def listed_alerts(self) -> list[int]:
        return [int(self.alerts.item(i).data(ALERT_ROLE)) for i in range(self.alerts.count())]

    def _on_add_alert_return_pressed(self) -> None:  # Enter in the number field
        """A number typed: checked by the service (same community, not resolved), then ticked."""
        raw = self.add_alert.text().strip().lstrip("#")
        if not raw:
            return
        if not raw.isdigit():
            self._show_error(self.tr("预警编号须为数字: {0}").format(raw))
            return
        other = int(raw)
        if other == self.alert_id:
            self._show_error(self.tr("预警 #{0} 就是本次派警的预警").format(other))
            return
        for i in range(self.alerts.count()):
            item = self.alerts.item(i)
            if int(item.data(ALERT_ROLE)) == other:
                item.setCheckState(Qt.CheckState.Checked)
                self.add_alert.clear()
                self.error.setVisible(False)
                return
        dispatch, actor, alert_id = self._dispatch, self._actor, self.alert_id
        self._runner.submit(
            lambda: dispatch.joinable_alert(actor, alert_id, other), self._on_alert_added, self._on_add_failed
        )

    def _on_alert_added(self, alert: JoinableAlert) -> None:
        if alert.id not in self.listed_alerts():
            self._add_alert_item(alert.id, self._alert_text(alert), True)
        self._update_alerts_empty()
        self.add_alert.clear()
        self.error.setVisible(False)
        self.alerts_added.emit(alert.id)

    def _on_add_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self._show_error(exc.text(ui_language()))
        self.add_alert.selectAll()
        self.alerts_added.emit(0)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

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
        enter = (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        )
        # getattr: events may arrive while the dialog is still being built.
        if enter and watched is getattr(self, "add_alert", None):
            self._on_add_alert_return_pressed()
            return True
        if enter and watched is getattr(self, "alerts", None):
            self.send()
            return True
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
        also = self.also_alerts()
        self._sending = True
        self.send_button.setEnabled(False)
        self._runner.submit_edit(
            lambda: dispatch.dispatch(
                actor, alert_id, badges, note=note, override=override, also_alerts=also
            ),
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
