"""The unclaimed-property board (待领涉案财物): recovered items waiting for their owners, oldest first.

An owner not called within 48 hours of the recovery is flagged in red. From here the owner is
notified ("property found, come and claim it"), and an item handed back gets its release receipt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.clock import STATION_TZ
from console.errors import UserError
from console.security import Permission
from console.services.cases import ReleaseReceipt, UnclaimedRow
from console.widgets.common import ElidedLabel, EmptyState, FlowLayout, RowsTableModel, ui_language
from console.widgets.receipt import save_receipt_pdf

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.cases import PropertyService
    from console.widgets.worker import DatabaseWorker

ModelIndex = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#c62828")


class UnclaimedModel(RowsTableModel):
    """Thin adapter over immutable UnclaimedRow; never queries in ``data()``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("UnclaimedModel", "案件编号"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "物品"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "识别号"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "失主"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "追回时间"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "追回地点"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "已等待(天)"),
        QT_TRANSLATE_NOOP("UnclaimedModel", "通知失主"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[UnclaimedRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == 7 and r.notify_overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.FontRole and col in (6, 7) and r.notify_overdue:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, r: UnclaimedRow, col: int) -> str:
        if col == 0:
            return r.case_no or self.tr("拾获")
        if col == 1:
            return r.description if r.quantity == 1 else f"{r.description} ×{r.quantity}"
        if col == 2:
            return r.identifier
        if col == 3:
            return " ".join(x for x in (r.owner_name, r.owner_phone or "") if x) or self.tr("不详")
        if col == 4:
            return r.recovered_at.astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M")
        if col == 5:
            return r.recovered_place
        if col == 6:
            return str(r.days_waiting)
        if r.notified_at is not None:
            return self.tr("已通知 %1").replace(
                "%1", r.notified_at.astimezone(STATION_TZ).strftime("%m-%d %H:%M")
            )
        return self.tr("超48小时未通知") if r.notify_overdue else self.tr("未通知")


class UnclaimedBoard(QWidget):
    """The board: table, notify the owner, hand back and print the release receipt."""

    loaded = Signal(int)
    """The board was (re)loaded with this many items."""
    owner_notified = Signal(int)
    """The owner of this item was notified."""
    receipt_saved = Signal(str)
    """A release receipt PDF was written to this path."""

    def __init__(
        self,
        property_service: PropertyService,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._property = property_service
        self._actor = actor
        self._runner = worker.lane(self)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.notify_button = QPushButton(self.tr("已通知失主…"), self)
        self.return_button = QPushButton(self.tr("发还并打印回执…"), self)
        self.summary = ElidedLabel(self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color:#c62828")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.model = UnclaimedModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.setFocusProxy(self.table)  # Ctrl+9 puts the keyboard on the list
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        top = FlowLayout(spacing=6)  # the buttons wrap in a narrow pane rather than widening the window
        top.addWidget(self.summary)
        for b in (self.refresh_button, self.notify_button, self.return_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.empty = EmptyState(
            self.tr("没有待领财物"),
            self.tr(
                "追回的涉案财物在发还失主之前列在这里, 最早追回的在前; 追回超过48小时仍未通知失主的标红。"
            ),
            "",
            self,
        )
        self.empty.setVisible(False)
        layout.addWidget(self.empty, 1)
        self.notify_button.setEnabled(actor.can(Permission.HANDLE_PROPERTY))
        self.return_button.setEnabled(actor.can(Permission.EDIT_CASES))
        self.refresh_button.clicked.connect(self.refresh)
        self.notify_button.clicked.connect(self._on_notify_button_clicked)
        self.return_button.clicked.connect(self._on_return_button_clicked)
        self.refresh()

    # --- loading ------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        prop, actor = self._property, self._actor
        self._runner.submit(lambda: prop.unclaimed(actor), self._on_rows, self._show_failure)

    def _on_rows(self, rows: list[UnclaimedRow]) -> None:
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.setFocusProxy(self.table if rows else self.empty)  # Ctrl+9 lands on what is shown
        overdue = sum(1 for r in rows if r.notify_overdue)
        self.summary.setText(
            self.tr("待领物品 %1 件, 其中 %2 件追回超过48小时仍未通知失主")
            .replace("%1", str(len(rows)))
            .replace("%2", str(overdue))
        )
        self.loaded.emit(len(rows))

    def busy(self) -> bool:
        return self._runner.busy()

    def wait(self) -> None:
        self._runner.wait()

    def selected(self) -> UnclaimedRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select_item(self, item_id: int) -> None:
        for n, r in enumerate(self.model.rows):
            if r.id == item_id:
                self.table.selectRow(n)

    # --- actions ------------------------------------------------------------------------------
    def notify_selected(self, how: str) -> None:
        """Log that the selected item's owner was called (``how``: phone, sms, visit)."""
        row = self.selected()
        if row is None:
            return
        prop, actor = self._property, self._actor

        def done(_change: Any) -> None:
            self.owner_notified.emit(row.id)
            self.refresh()

        self._runner.submit_edit(lambda: prop.notify(actor, row.id, how=how), done, self._show_failure)

    def return_selected(self, to_id: str, pdf_path: str | Path) -> None:
        """Hand the selected item to the holder of ``to_id`` and write its release receipt."""
        row = self.selected()
        if row is None:
            return
        prop, actor = self._property, self._actor

        def call() -> ReleaseReceipt:
            prop.return_item(actor, row.id, to_id=to_id)
            return prop.receipt(actor, row.id)

        def done(receipt: ReleaseReceipt) -> None:
            save_receipt_pdf(receipt, pdf_path)
            self.receipt_saved.emit(str(pdf_path))
            self.refresh()

        self._runner.submit_edit(call, done, self._show_failure)

    def print_receipt(self, item_id: int, pdf_path: str | Path) -> None:
        """Write the release receipt of an item returned earlier."""
        prop, actor = self._property, self._actor

        def done(receipt: ReleaseReceipt) -> None:
            save_receipt_pdf(receipt, pdf_path)
            self.receipt_saved.emit(str(pdf_path))

        self._runner.submit(lambda: prop.receipt(actor, item_id), done, self._show_failure)

    def _on_notify_button_clicked(self) -> None:
        if self.selected() is None:
            return
        ways = {self.tr("电话"): "phone", self.tr("短信"): "sms", self.tr("上门"): "visit"}
        choice, ok = QInputDialog.getItem(
            self, self.tr("通知失主"), self.tr("通知方式"), list(ways), 0, False
        )
        if ok:
            self.notify_selected(ways[choice])

    def _on_return_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        to_id, ok = QInputDialog.getText(self, self.tr("发还"), self.tr("领取人身份证号 (核验后发还)"))
        if not ok or not to_id.strip():
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存发还清单"),
            self.tr("发还清单-%1.pdf").replace("%1", str(row.id)),
            "PDF (*.pdf)",
        )
        if path:
            self.return_selected(to_id.strip(), path)

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
