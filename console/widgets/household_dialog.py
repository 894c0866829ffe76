"""A household opened from the map or the worklist, and the dialog that records a verification visit.

Both load and save through the services off the GUI thread. ID and phone numbers arrive masked
unless the signed-in role may see them (the service writes the audit log when it unmasks).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.clock import STATION_TZ
from console.errors import ConflictError, UserError, ValidationError
from console.security import Permission
from console.services.maps import HouseholdDetail
from console.services.registry import NewResident, VisitResult
from console.verification_status import status_hex
from console.widgets.common import error_text, housing_use_text

if TYPE_CHECKING:
    from console.clock import Clock
    from console.security import Actor
    from console.services.maps import GridMapService
    from console.services.registry import VerificationService
    from console.widgets.worker import DatabaseWorker

_NEW_COLUMNS = ("name", "id_number", "phone", "relation")


def local_time(value: dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return "" if value is None else value.astimezone(STATION_TZ).strftime(fmt)


class HouseholdDialog(QDialog):
    """Residents, housing use and visit history of one household; "record visit" for who may verify."""

    visit_recorded = Signal(object)
    """A visit was recorded from this dialog (the VisitResult)."""
    detail_loaded = Signal(object)
    """The household's detail arrived (HouseholdDetail)."""

    def __init__(
        self,
        gridmap: GridMapService,
        verification: VerificationService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        household_id: int,
        parent: QWidget | None = None,
        officers: list[tuple[int, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._gridmap, self._verification, self._clock = gridmap, verification, clock
        self._actor, self._worker, self._household_id = actor, worker, household_id
        self._officers = officers or []
        self._runner = worker.lane(self)
        self.detail: HouseholdDetail | None = None
        self._visit: VisitDialog | None = None  # the open "record visit" dialog, if any
        self.setWindowTitle(self.tr("户详情"))
        self.resize(720, 560)
        self.title = QLabel(self.tr("正在载入…"), self)
        self.title.setObjectName("householdTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.residents = _table(
            self, [self.tr("姓名"), self.tr("关系"), self.tr("身份证号"), self.tr("手机号"), self.tr("状态")]
        )
        self.visits = _table(
            self,
            [
                self.tr("核实时间"),
                self.tr("核实人"),
                self.tr("确认"),
                self.tr("新增"),
                self.tr("迁出"),
                self.tr("备注"),
            ],
        )
        self.record_button = QPushButton(self.tr("记录核实…"), self)
        self.record_button.setEnabled(False)
        self.record_button.setVisible(actor.can(Permission.VERIFY_HOUSEHOLDS))
        self.record_button.clicked.connect(self.open_visit_dialog)
        self.unmask_button = QPushButton(self.tr("显示完整号码…"), self)
        self.unmask_button.setToolTip(self.tr("填写事由后显示本户的完整身份证号与手机号 (记入审计日志)"))
        self.unmask_button.setVisible(actor.can(Permission.UNMASK_PERSONAL_DATA))
        self.unmask_button.setEnabled(False)
        self.unmask_button.clicked.connect(self._on_unmask_button_clicked)
        self._unmask_reason: str | None = None
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.unmask_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("实有人口"), self))
        layout.addWidget(self.residents, 2)
        layout.addWidget(QLabel(self.tr("核实记录"), self))
        layout.addWidget(self.visits, 1)
        self.unmask_error = QLabel(self)
        self.unmask_error.setObjectName("unmaskError")
        self.unmask_error.setVisible(False)
        layout.addWidget(self.unmask_error)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        gridmap, actor, hid, reason = self._gridmap, self._actor, self._household_id, self._unmask_reason
        self._runner.submit(
            lambda: gridmap.household_detail(actor, hid, unmask_reason=reason),
            self._on_detail,
            self._on_error,
        )

    def _on_unmask_button_clicked(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("显示完整号码"), self.tr("查看本户完整号码的事由 (记入审计日志):")
        )
        if ok:
            self.unmask(reason)

    def unmask(self, reason: str) -> None:
        """Show this household's full numbers for ``reason`` (refused without one, in words)."""
        self._unmask_reason = reason
        self.reload()

    def _on_error(self, exc: BaseException) -> None:
        if self._unmask_reason is not None and self.detail is not None and isinstance(exc, UserError):
            self._unmask_reason = None  # the masked view stays; say why the numbers were not shown
            self.unmask_error.setText(error_text(exc))
            self.unmask_error.setVisible(True)
            return
        self.title.setText(error_text(exc) if isinstance(exc, UserError) else self.tr("载入失败"))

    def _on_detail(self, d: HouseholdDetail) -> None:
        self.detail = d
        self.setWindowTitle(d.address)
        self.title.setText(d.address)
        colour = status_hex(d.status)
        words = {
            "green": self.tr("已核实"),
            "orange": self.tr("超1个月未核实"),
            "red": self.tr("超3个月未核实"),
            "never": self.tr("从未核实"),
        }
        since = (
            self.tr("从未核实")
            if d.days_since_verified is None
            else self.tr("最近核实 %1（%2 天前）")
            .replace("%1", local_time(d.last_verified_at, "%Y-%m-%d"))
            .replace("%2", str(d.days_since_verified))
        )
        use_word, manager_word = self.tr("房屋用途"), self.tr("物业")  # not inside f-strings: lupdate
        self.summary.setText(
            f"<span style='background:{colour};color:#111;padding:2px 6px'>&nbsp;{words[d.status]}&nbsp;</span>"
            f"&nbsp;&nbsp;{use_word}: <b>{housing_use_text(d.housing_use)}</b>&nbsp;&nbsp;{since}"
            + (f"<br>{manager_word}: {d.property_manager}" if d.property_manager else "")
        )
        self.residents.setRowCount(len(d.residents))
        for row, r in enumerate(d.residents):
            state = (
                self.tr("在住")
                if r.moved_out_at is None
                else self.tr("已迁出 %1").replace("%1", local_time(r.moved_out_at, "%Y-%m-%d"))
            )
            for col, text in enumerate((r.name, r.relation, r.id_number, r.phone, state)):
                self.residents.setItem(row, col, QTableWidgetItem(text))
        self.visits.setRowCount(len(d.visits))
        for row, v in enumerate(d.visits):
            for col, text in enumerate(
                (
                    local_time(v.visited_at),
                    v.officer,
                    str(v.residents_confirmed),
                    str(v.residents_added),
                    str(v.residents_moved_out),
                    v.note,
                )
            ):
                self.visits.setItem(row, col, QTableWidgetItem(text))
        self.record_button.setEnabled(True)
        self.unmask_button.setEnabled(not d.unmasked)
        self.unmask_error.setVisible(False)
        if self._visit is not None:
            self._visit.take_newer(d)
        self.detail_loaded.emit(d)

    def open_visit_dialog(self) -> VisitDialog | None:
        if self.detail is None:
            return None
        dialog = VisitDialog(
            self._verification,
            self._clock,
            self._actor,
            self._worker,
            self.detail,
            self,
            officers=self._officers,
        )
        dialog.visit_recorded.connect(self._on_visit_recorded)
        dialog.household_changed.connect(self.reload)  # show what the other console recorded
        dialog.finished.connect(self._on_visit_dialog_finished)
        self._visit = dialog
        dialog.show()
        return dialog

    def _on_visit_dialog_finished(self, _result: int) -> None:
        self._visit = None

    def _on_visit_recorded(self, result: VisitResult) -> None:
        self.visit_recorded.emit(result)
        self.reload()

    def done(self, r: int) -> None:
        self._runner.wait()
        super().done(r)


class VisitDialog(QDialog):
    """Who visited, when, which residents were confirmed, moved out or found new, and a note."""

    visit_recorded = Signal(object)
    """The visit was saved (the VisitResult)."""
    household_changed = Signal()
    """Saving was refused: another console changed the household first (its dialog reloads)."""

    def __init__(
        self,
        verification: VerificationService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        detail: HouseholdDetail,
        parent: QWidget | None = None,
        officers: list[tuple[int, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._verification, self._actor, self._detail = verification, actor, detail
        self._runner = worker.lane(self)
        self.result_value: VisitResult | None = None
        self.setWindowTitle(self.tr("记录核实 — %1").replace("%1", detail.address))
        self.resize(760, 560)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setTimeZone(QTimeZone(8 * 3600))
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(clock.now().timestamp()), QTimeZone(8 * 3600)))
        self.officer = QComboBox(self)
        self.officer.addItem(self.tr("（本人）%1").replace("%1", actor.display_name), None)
        for oid, name in officers or []:
            self.officer.addItem(name, oid)
        self.living = _table(
            self, [self.tr("姓名"), self.tr("关系"), self.tr("身份证号"), self.tr("核实结果")]
        )
        self._living_ids = [r.id for r in detail.residents if r.moved_out_at is None]
        living = [r for r in detail.residents if r.moved_out_at is None]
        self.living.setRowCount(len(living))
        self._outcomes: list[QComboBox] = []
        for row, r in enumerate(living):
            for col, text in enumerate((r.name, r.relation, r.id_number)):
                self.living.setItem(row, col, QTableWidgetItem(text))
            box = QComboBox(self.living)
            box.addItem(self.tr("确认在住"), "confirmed")
            box.addItem(self.tr("已迁出"), "moved_out")
            box.addItem(self.tr("未见到"), "unseen")
            self.living.setCellWidget(row, 3, box)
            self._outcomes.append(box)
        self.added = _table(
            self, [self.tr("姓名"), self.tr("身份证号"), self.tr("手机号"), self.tr("与户主关系")]
        )
        self.added.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        add_row = QPushButton(self.tr("新增一人"), self)
        add_row.clicked.connect(self.add_resident_row)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("备注（如：房东联系方式、租客情况）"))
        self.note.setMaximumHeight(80)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color:#f85149")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("核实时间"), self.when)
        form.addRow(self.tr("核实人"), self.officer)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("在住人员"), self))
        layout.addWidget(self.living, 2)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("新发现的实有人口"), self))
        head.addStretch(1)
        head.addWidget(add_row)
        layout.addLayout(head)
        layout.addWidget(self.added, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def take_newer(self, detail: HouseholdDetail) -> None:
        """The household as it is now, after a conflict: saving again records against this version.

        Only when the residents living there are still the ones listed here; otherwise the outcomes
        chosen would be for the wrong people, so Save stays off and the user opens the dialog anew.
        """
        if detail.household_id != self._detail.household_id or detail.version == self._detail.version:
            return
        if [r.id for r in detail.residents if r.moved_out_at is None] != self._living_ids:
            self.error.setText(self.tr("在住人员已被其他值班台更改：请关闭本窗口后重新记录核实"))
            return
        self._detail = detail
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def add_resident_row(self, values: tuple[str, str, str, str] | None = None) -> int:
        row = self.added.rowCount()
        self.added.insertRow(row)
        for col, text in enumerate(values or ("", "", "", "")):
            self.added.setItem(row, col, QTableWidgetItem(text))
        return row

    def set_outcome(self, resident_id: int, outcome: str) -> None:
        box = self._outcomes[self._living_ids.index(resident_id)]
        box.setCurrentIndex(box.findData(outcome))

    def _new_residents(self) -> list[NewResident]:
        out = []
        for row in range(self.added.rowCount()):
            items = [self.added.item(row, c) for c in range(4)]
            cells = [(item.text() if item is not None else "").strip() for item in items]
            if any(cells):
                out.append(NewResident(*cells))
        return out

    def save(self) -> None:
        """Record the visit off the GUI thread; errors stay in the dialog, naming the field."""
        confirmed = [
            rid
            for rid, box in zip(self._living_ids, self._outcomes, strict=True)
            if box.currentData() == "confirmed"
        ]
        moved = [
            rid
            for rid, box in zip(self._living_ids, self._outcomes, strict=True)
            if box.currentData() == "moved_out"
        ]
        added = self._new_residents()
        visited = dt.datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), STATION_TZ)
        svc, actor, d = self._verification, self._actor, self._detail
        officer, note = self.officer.currentData(), self.note.toPlainText()
        self.buttons.setEnabled(False)
        self.error.clear()
        self._runner.submit_edit(
            lambda: svc.record_visit(
                actor,
                d.household_id,
                d.version,
                visited_at=visited,
                officer_id=officer,
                confirmed_resident_ids=confirmed,
                added_residents=added,
                moved_out_resident_ids=moved,
                note=note,
            ),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, result: VisitResult) -> None:
        self.result_value = result
        self.visit_recorded.emit(result)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(self.tr("无法保存：%1").replace("%1", error_text(exc)))
            if exc.field in _NEW_COLUMNS:
                self.added.setFocus()
        elif isinstance(exc, ConflictError):  # what the user typed stays; the newer record loads
            self.error.setText(error_text(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.household_changed.emit()
        elif isinstance(exc, UserError):  # not found, permission
            self.error.setText(error_text(exc))
        else:
            self.error.setText(self.tr("保存失败，已记录错误 (%1)").replace("%1", type(exc).__name__))
            raise exc

    def done(self, r: int) -> None:
        self._runner.wait()
        super().done(r)


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t
