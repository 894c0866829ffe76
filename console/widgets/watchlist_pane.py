"""The watchlist pane: persons (重点人员) and vehicles (布控车辆) — list, add, edit, expire.

Every database call runs off the GUI thread. The entry dialog checks plates and ID numbers with
the shared validators before anything is sent, and keeps itself open with the error next to the
field when the service refuses (unknown case number, an entry changed by another console).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.clock import STATION_TZ
from console.errors import ConflictError, UserError, ValidationError
from console.security import Actor, Permission
from console.services.alerts import WatchlistRow
from console.validators import validate_id_number, validate_plate
from console.widgets.common import error_text, one_line_cells, ui_language
from console.widgets.feed_model import SEVERITY_TITLES, title
from console.widgets.live_bridge import LiveBridge

if TYPE_CHECKING:
    from console.clock import Clock
    from console.services.alerts import WatchlistService
    from console.widgets.worker import DatabaseWorker

STATION_QTZ = QTimeZone(b"Asia/Shanghai")
"""The station's time zone for Qt's date editors (the tables format times in Beijing time too)."""


def station_datetime(value: dt.datetime) -> QDateTime:
    """``value`` (aware) as a QDateTime in the station's time zone."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), STATION_QTZ)


_COLUMNS = 8


class WatchlistModel(QAbstractTableModel):
    """Active entries as WatchlistRow objects (ID numbers as the service masked them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WatchlistRow] = []

    def headers(self) -> tuple[str, ...]:
        """The column titles in the UI language (literal tr() calls, so lupdate sees them)."""
        return (
            self.tr("类型"),
            self.tr("车牌/身份证号"),
            self.tr("姓名"),
            self.tr("布控事由"),
            self.tr("等级"),
            self.tr("关联案件"),
            self.tr("到期"),
            self.tr("添加人"),
        )

    def set_rows(self, rows: list[WatchlistRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, position: int) -> WatchlistRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    @property
    def rows(self) -> list[WatchlistRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < _COLUMNS
        ):
            return self.headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        values = (
            self.tr("车辆") if r.kind == "vehicle" else self.tr("人员"),
            r.plate or r.id_number or "",
            r.name,
            r.reason,
            title(SEVERITY_TITLES, r.severity),
            r.case_no or "",
            r.expires_at.astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M") if r.expires_at else self.tr("长期"),
            r.added_by_name or r.added_by or "",  # the officer's name, not the user id
        )
        return values[index.column()]


class WatchlistEntryDialog(QDialog):
    """Add (entry None) or edit an entry. Emits ``submitted`` with service arguments once valid."""

    submitted = Signal(dict)
    """The form passed its checks: keyword arguments for WatchlistService.add / update."""

    def __init__(self, entry: WatchlistRow | None, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(
            self.tr("新增布控") if entry is None else self.tr("编辑布控 #{0}").format(entry.id)
        )
        form = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}
        self.vehicle = QRadioButton(self.tr("布控车辆"), self)
        self.person = QRadioButton(self.tr("重点人员"), self)
        kinds = QHBoxLayout()
        kinds.addWidget(self.vehicle)
        kinds.addWidget(self.person)
        form.addRow(self.tr("类型"), kinds)
        self.number = QLineEdit(self)
        self._add_row(form, self.tr("车牌/身份证号"), self.number, "number")
        self.name = QLineEdit(self)
        self._add_row(form, self.tr("姓名"), self.name, "name")
        self.reason = QLineEdit(self)
        self._add_row(form, self.tr("布控事由"), self.reason, "reason")
        self.severity = QComboBox(self)
        for key in ("critical", "high", "medium", "low"):
            self.severity.addItem(title(SEVERITY_TITLES, key), key)
        self._add_row(form, self.tr("等级"), self.severity, "severity")
        self.case_no = QLineEdit(self)
        self.case_no.setPlaceholderText(self.tr("如 GK2026-031 (选填)"))
        self._add_row(form, self.tr("关联案件"), self.case_no, "case_no")
        self.expires = QCheckBox(self.tr("到期时间"), self)
        self.expires_at = QDateTimeEdit(self)
        self.expires_at.setCalendarPopup(True)
        # Beijing time, as the tables show it, whatever time zone the desk computer is set to.
        self.expires_at.setTimeZone(STATION_QTZ)
        self.expires_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.expires_at.setToolTip(self.tr("北京时间"))
        self.expires_at.setDateTime(station_datetime(now + dt.timedelta(days=30)))
        self.expires.toggled.connect(self.expires_at.setEnabled)
        self.expires_at.setEnabled(False)
        self._add_row(form, self.expires, self.expires_at, "expires_at")
        self.form_error = QLabel(self)
        self.form_error.setStyleSheet("color:#d32f2f")
        self.form_error.setWordWrap(True)
        form.addRow(self.form_error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.submit)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.vehicle.toggled.connect(self._on_vehicle_toggled)
        if entry is None:
            self.vehicle.setChecked(True)
            self.severity.setCurrentIndex(self.severity.findData("high"))
        else:
            (self.vehicle if entry.kind == "vehicle" else self.person).setChecked(True)
            for w in (self.vehicle, self.person, self.number):
                w.setEnabled(False)  # who or what is watched never changes: expire and add anew
            self.number.setText(entry.plate or entry.id_number or "")
            self.name.setText(entry.name)
            self.reason.setText(entry.reason)
            self.severity.setCurrentIndex(self.severity.findData(entry.severity))
            self.case_no.setText(entry.case_no or "")
            if entry.expires_at is not None:
                self.expires.setChecked(True)
                self.expires_at.setDateTime(station_datetime(entry.expires_at))

    def _add_row(self, form: QFormLayout, label: Any, field: QWidget, key: str) -> None:
        error = QLabel(self)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet("color:#d32f2f")
        error.setVisible(False)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(field)
        column.addWidget(error)
        form.addRow(label, column)
        self.errors[key] = error

    @Slot(bool)
    def _on_vehicle_toggled(self, vehicle: bool) -> None:
        self.number.setPlaceholderText(self.tr("如 闽D12345") if vehicle else self.tr("18位身份证号"))

    def show_error(self, field: str | None, message: str) -> None:
        """Show ``message`` next to ``field`` (or above the buttons for the form as a whole)."""
        key = {"plate": "number", "id_number": "number"}.get(field or "", field or "")
        label = self.errors.get(key)
        if label is None:
            self.form_error.setText(message)
            return
        label.setText(message)
        label.setVisible(True)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)
        self.form_error.clear()

    @Slot()
    def submit(self) -> None:
        """Check the form; emit ``submitted`` if it passes (the pane then calls the service)."""
        self.clear_errors()
        values: dict[str, Any] = {
            "reason": self.reason.text().strip(),
            "severity": self.severity.currentData(),
            "case_no": self.case_no.text().strip() or None,
            "name": self.name.text().strip(),
            "expires_at": None,
        }
        if self.expires.isChecked():
            stamp = self.expires_at.dateTime().toSecsSinceEpoch()
            values["expires_at"] = dt.datetime.fromtimestamp(stamp, dt.UTC)
        ok = True
        if not values["reason"]:
            self.show_error("reason", self.tr("布控事由: 必填 (required)"))
            ok = False
        if self.entry is None:
            try:
                if self.vehicle.isChecked():
                    values["plate"] = validate_plate(self.number.text(), "plate")
                else:
                    values["id_number"] = validate_id_number(self.number.text(), "id_number")
            except ValidationError as exc:
                label = self.tr("车牌") if self.vehicle.isChecked() else self.tr("身份证号")
                self.show_error("number", f"{label}: {exc.text(ui_language())}")
                ok = False
        if ok:
            self.submitted.emit(values)


class WatchlistPane(QWidget):
    """Active watchlist entries with add, edit and expire; follows other consoles' edits live."""

    entries_changed = Signal()
    """This pane added, edited or expired an entry."""

    def __init__(
        self,
        watchlist: WatchlistService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        bridge: LiveBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self._watchlist = watchlist
        self._clock = clock
        self._actor = actor
        self._runner = worker.lane(self)
        self.dialog: WatchlistEntryDialog | None = None
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增"), self)
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.expire_button = QPushButton(self.tr("解除布控"), self)
        self.reload_button = QPushButton(self.tr("刷新"), self)
        for b in (self.add_button, self.edit_button, self.expire_button, self.reload_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        can_edit = actor.can(Permission.MANAGE_WATCHLIST)
        for b in (self.add_button, self.edit_button, self.expire_button):
            b.setEnabled(can_edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#d32f2f")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.model = WatchlistModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        one_line_cells(self.view)  # a plate or ID number never splits over two lines
        self.view.doubleClicked.connect(self.edit_selected)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)  # Ctrl+6 puts the keyboard on the list
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.expire_button.clicked.connect(self.expire_selected)
        self.reload_button.clicked.connect(self.reload)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(200)
        self._reload_timer.timeout.connect(self.reload)
        if bridge is not None:
            bridge.watchlist_changed.connect(self._on_bridge_watchlist_changed)
        self.reload()

    def busy(self) -> bool:
        return self._runner.busy()

    @Slot()
    def reload(self) -> None:
        watchlist, actor = self._watchlist, self._actor
        self._runner.submit(lambda: watchlist.list_active(actor), self.model.set_rows, self._show_failure)

    @Slot(int)
    def _on_bridge_watchlist_changed(self, _entry_id: int) -> None:
        self._reload_timer.start()

    def selected(self) -> WatchlistRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    @Slot()
    def add_entry(self) -> None:
        self._open_dialog(None)

    @Slot()
    def edit_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._open_dialog(entry)

    def _open_dialog(self, entry: WatchlistRow | None) -> None:
        self.message.setVisible(False)
        dialog = WatchlistEntryDialog(entry, self._clock.now(), self)
        dialog.submitted.connect(lambda values: self._save(dialog, values))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: WatchlistEntryDialog, values: dict[str, Any]) -> None:
        watchlist, actor, entry = self._watchlist, self._actor, dialog.entry
        if entry is None:

            def call() -> Any:
                return watchlist.add(actor, **values)
        else:
            changes = {
                k: v
                for k, v in values.items()
                if k in ("reason", "severity", "case_no", "expires_at", "name")
            }

            def call() -> Any:
                return watchlist.update(actor, entry.id, entry.version, **changes)

        def done(_result: Any) -> None:
            dialog.accept()
            self.entries_changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                dialog.show_error(exc.field, error_text(exc))
            elif isinstance(exc, UserError):
                dialog.show_error(None, error_text(exc))
                if isinstance(exc, ConflictError):
                    self.reload()
            else:
                raise exc

        self._runner.submit_edit(call, done, failed)

    def confirm_expire(self, entry: WatchlistRow) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("解除布控"),
            self.tr("解除对 {0} 的布控? 之后的出现不再预警。").format(entry.plate or entry.id_number or ""),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def expire_selected(self) -> None:
        entry = self.selected()
        if entry is None or not self.confirm_expire(entry):
            return
        watchlist, actor = self._watchlist, self._actor

        def done(_version: Any) -> None:
            self.entries_changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self._show_failure(exc)
            if isinstance(exc, ConflictError):
                self.reload()

        self._runner.submit_edit(lambda: watchlist.expire(actor, entry.id, entry.version), done, failed)

    def _show_failure(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self.message.setText(error_text(exc))
        self.message.setVisible(True)

    def shutdown(self) -> None:
        self._reload_timer.stop()
        self._runner.wait()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
