"""The verification worklist (核实任务): an officer's or a grid cell's overdue households for the round.

Red before orange, rentals and group rentals first within a colour, oldest first (the service's
order). From here a visit is recorded, and the list is printed, saved as PDF (Chinese text, A4)
or as CSV for the round.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMarginsF, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.security import Permission
from console.services.registry import Assignment, VisitResult, WorklistRow
from console.verification_status import status_hex
from console.widgets import theme
from console.widgets.common import (
    ElidedLabel,
    FlowLayout,
    error_text,
    housing_use_text,
    labelled,
    one_line_cells,
    shrinkable_combo,
)
from console.widgets.household_dialog import STATION_TZ, HouseholdDialog, local_time

if TYPE_CHECKING:
    from console.clock import Clock
    from console.security import Actor
    from console.services.maps import GridMapService
    from console.services.registry import VerificationService
    from console.widgets.worker import DatabaseWorker

ModelIndex = QModelIndex | QPersistentModelIndex


class WorklistModel(QAbstractTableModel):
    """Thin adapter over a list of immutable WorklistRow; never queries in ``data()``."""

    COLUMNS = 9

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[WorklistRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[WorklistRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def counts(self) -> dict[str, int]:
        """Households listed per status (orange, red, never), as the grid map's legend counts them."""
        out = dict.fromkeys(("orange", "red", "never"), 0)
        for r in self.rows:
            out[r.status] += 1
        return out

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headers(self) -> tuple[str, ...]:
        """The column titles in the UI language (literal tr() calls, so lupdate sees them)."""
        return (
            self.tr("序号"),
            self.tr("颜色"),
            self.tr("地址"),
            self.tr("房屋用途"),
            self.tr("在住人数"),
            self.tr("最近核实"),
            self.tr("逾期天数"),
            self.tr("网格"),
            self.tr("责任民警"),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return QColor(status_hex(r.status))
        if role == Qt.ItemDataRole.FontRole and col == 3 and r.is_rental:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and r.is_rental:
            return self.tr("出租房屋：人员变动多，优先核实")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 4, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r.household_id
        return None

    def _text(self, i: int, r: WorklistRow, col: int) -> str:
        if col == 0:
            return str(i + 1)
        if col == 1:
            if r.last_verified_at is None:
                return self.tr("红 从未核实")
            return self.tr("红 超3个月") if r.colour == "red" else self.tr("橙 超1个月")
        if col == 2:
            return r.address
        if col == 3:
            use = housing_use_text(r.housing_use)
            return f"{use} ●" if r.is_rental else use
        if col == 4:
            return str(r.residents)
        if col == 5:
            return local_time(r.last_verified_at, "%Y-%m-%d") if r.last_verified_at else self.tr("从未核实")
        if col == 6:
            return "" if r.days_overdue is None else str(r.days_overdue)
        return r.grid_cell if col == 7 else r.officer


class WorklistPane(QWidget):
    """Choose an officer or a grid cell; the overdue households in visiting order; record, print, export."""

    household_verified = Signal(object)
    """A visit was recorded from the worklist (the VisitResult); the map recolours that household."""
    loaded = Signal(int)
    """The worklist was (re)loaded with this many households."""
    show_household_requested = Signal(int)
    """The user asked to see a household on the grid map."""

    def __init__(
        self,
        verification: VerificationService,
        gridmap: GridMapService,
        clock: Clock,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._verification, self._gridmap, self._clock = verification, gridmap, clock
        self._actor, self._worker = actor, worker
        self._runner = worker.lane(self)
        self._dialogs: list[HouseholdDialog] = []
        self.officer_box = QComboBox(self)
        self.grid_cell_box = QComboBox(self)
        for box in (self.officer_box, self.grid_cell_box):
            shrinkable_combo(box, 8)  # the filters and the actions share one row at 1920 pixels
        self.officer_box.addItem(self.tr("全部民警"), None)
        self.grid_cell_box.addItem(self.tr("全部网格"), None)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.visit_button = QPushButton(self.tr("记录核实…"), self)
        self.map_button = QPushButton(self.tr("在地图上显示"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.pdf_button = QPushButton(self.tr("保存 PDF…"), self)
        self.csv_button = QPushButton(self.tr("保存 CSV…"), self)
        # One line (the whole text in its tooltip when cut): the rows get the height, not the summary.
        self.summary = ElidedLabel(self, min_chars=12)
        self.model = WorklistModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        one_line_cells(self.table)  # an address or plate never splits over two lines
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        # Filters and actions in one row that wraps in a narrow pane (a 1366-pixel screen), the
        # summary on one line under it: the rest of the pane's height goes to the households.
        top = FlowLayout(spacing=6)
        top.addWidget(labelled(self.tr("民警"), self.officer_box, self))
        top.addWidget(labelled(self.tr("网格"), self.grid_cell_box, self))
        for b in (
            self.refresh_button,
            self.visit_button,
            self.map_button,
            self.print_button,
            self.pdf_button,
            self.csv_button,
        ):
            top.addWidget(b)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)  # Ctrl+7 puts the keyboard on the list

        self.officer_box.currentIndexChanged.connect(self._on_officer_changed)
        self.grid_cell_box.currentIndexChanged.connect(self._on_grid_cell_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.visit_button.clicked.connect(self.record_visit_for_selected)
        self.map_button.clicked.connect(self._on_map_button_clicked)
        self.print_button.clicked.connect(self.print_worklist)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.visit_button.setVisible(actor.can(Permission.VERIFY_HOUSEHOLDS))
        verification, who = self._verification, actor
        self._runner.submit(lambda: verification.assignments(who), self._on_assignments)
        self.refresh()

    # --- loading ------------------------------------------------------------------------------
    def _on_assignments(self, assignments: list[Assignment]) -> None:
        officers: dict[int, str] = {}
        for a in assignments:
            self.grid_cell_box.addItem(
                self.tr("%1（%2）").replace("%1", a.grid_cell).replace("%2", a.officer or self.tr("未分配")),
                a.grid_cell_id,
            )
            if a.officer_id is not None:
                officers[a.officer_id] = a.officer
        for oid, name in officers.items():
            self.officer_box.addItem(name, oid)

    def choose(self, *, officer_id: int | None = None, grid_cell_id: int | None = None) -> None:
        """Select an officer or a grid cell as a user would (and reload once)."""
        for box, value in ((self.officer_box, officer_id), (self.grid_cell_box, grid_cell_id)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.refresh()

    def _on_officer_changed(self, _i: int) -> None:
        if self.officer_box.currentData() is not None and self.grid_cell_box.currentIndex() != 0:
            self.grid_cell_box.blockSignals(True)
            self.grid_cell_box.setCurrentIndex(0)
            self.grid_cell_box.blockSignals(False)
        self.refresh()

    def _on_grid_cell_changed(self, _i: int) -> None:
        if self.grid_cell_box.currentData() is not None and self.officer_box.currentIndex() != 0:
            self.officer_box.blockSignals(True)
            self.officer_box.setCurrentIndex(0)
            self.officer_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        svc, actor = self._verification, self._actor
        officer, cell = self.officer_box.currentData(), self.grid_cell_box.currentData()
        self.summary.setText(self.tr("正在载入…"))
        self._runner.submit(
            lambda: svc.worklist(actor, officer_id=officer, grid_cell_id=cell), self._on_rows, self._on_error
        )

    def _on_rows(self, rows: list[WorklistRow]) -> None:
        self.model.set_rows(rows)
        counts = self.model.counts()
        rentals = sum(1 for r in rows if r.is_rental)
        self.summary.setText(
            self.tr(
                "待核实 %1 户：红 %2 户（超3个月 %5，从未核实 %6），橙（超1个月）%3 户；其中出租/群租 %4 户（● 标记）"
            )
            .replace("%1", str(len(rows)))
            .replace("%2", str(counts["red"] + counts["never"]))
            .replace("%3", str(counts["orange"]))
            .replace("%4", str(rentals))
            .replace("%5", str(counts["red"]))
            .replace("%6", str(counts["never"]))
        )
        self.loaded.emit(len(rows))

    def _on_error(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("载入失败：%1").replace("%1", error_text(exc)))

    def rows(self) -> list[WorklistRow]:
        return list(self.model.rows)

    def wait(self) -> None:
        self._runner.wait()

    # --- visits -------------------------------------------------------------------------------
    def selected_row(self) -> WorklistRow | None:
        sel = self.table.selectionModel().selectedRows()
        return self.model.rows[sel[0].row()] if sel else None

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.open_household(self.model.rows[index.row()].household_id)

    def record_visit_for_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            QMessageBox.information(self, self.tr("记录核实"), self.tr("请先在列表中选择一户"))
            return
        dialog = self.open_household(row.household_id)
        dialog.detail_loaded.connect(lambda _d, dlg=dialog: dlg.open_visit_dialog())

    def open_household(self, household_id: int) -> HouseholdDialog:
        dialog = HouseholdDialog(
            self._gridmap, self._verification, self._clock, self._actor, self._worker, household_id, self
        )
        dialog.visit_recorded.connect(self._on_visit_recorded)
        dialog.finished.connect(lambda _r, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return dialog

    def _on_visit_recorded(self, result: VisitResult) -> None:
        self.household_verified.emit(result)
        self.refresh()

    def _on_map_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.show_household_requested.emit(row.household_id)

    # --- output -------------------------------------------------------------------------------
    def title(self) -> str:
        who = (
            self.officer_box.currentText()
            if self.officer_box.currentData() is not None
            else (self.grid_cell_box.currentText())
        )
        today = self._clock.now().astimezone(STATION_TZ).strftime("%Y-%m-%d")
        return self.tr("核实任务单 — %1 — %2").replace("%1", who).replace("%2", today)

    def document(self) -> QTextDocument:
        """The worklist as a printable document: A4, Chinese fonts, a tick box per household."""
        rows = self.model.rows
        titles = (
            self.tr("序号"),
            self.tr("颜色"),
            self.tr("地址"),
            self.tr("房屋用途"),
            self.tr("在住"),
            self.tr("最近核实"),
            self.tr("逾期(天)"),
            self.tr("已核实"),
        )
        head = "".join(f"<th>{html.escape(h)}</th>" for h in titles)
        colour_words = {"red": self.tr("红"), "orange": self.tr("橙")}
        body = []
        for i, r in enumerate(rows, 1):
            colour = status_hex(r.status)
            word = html.escape(housing_use_text(r.housing_use))
            use = f"<b>{word} ●</b>" if r.is_rental else word
            when = local_time(r.last_verified_at, "%Y-%m-%d") if r.last_verified_at else self.tr("从未核实")
            body.append(
                f"<tr><td align='right'>{i}</td>"
                f"<td><span style='background:{colour}'>&nbsp;&nbsp;&nbsp;</span> {colour_words[r.colour]}</td>"
                f"<td>{html.escape(r.address)}</td><td>{use}</td><td align='right'>{r.residents}</td>"
                f"<td>{when}</td><td align='right'>{'' if r.days_overdue is None else r.days_overdue}</td>"
                "<td>□</td></tr>"
            )
        printed = self._clock.now().astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M")
        signature, printed_at = self.tr("核实人签名："), self.tr("打印时间：")  # not in f-strings: lupdate
        text = (
            f"<h2>{html.escape(self.title())}</h2>"
            f"<p>{html.escape(self.summary.text())}</p>"
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<p>{html.escape(signature)}＿＿＿＿＿＿＿＿　　"
            f"{html.escape(printed_at)}{printed}</p>"
        )
        doc = QTextDocument()
        font = QFont()
        font.setFamilies(theme.FONT_FAMILIES)
        font.setPointSize(10)
        doc.setDefaultFont(font)
        doc.setHtml(text)
        return doc

    def save_pdf(self, path: str | Path) -> Path:
        """Write the worklist as an A4 PDF."""
        path = Path(path)
        writer = QPdfWriter(str(path))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(150)
        writer.setTitle(self.title())
        writer.setCreator("duty-console")
        doc = self.document()
        doc.print_(writer)
        return path

    def save_csv(self, path: str | Path) -> Path:
        return self._verification.export_worklist_csv(self.model.rows, path)

    def print_worklist(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印核实任务单"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def _on_pdf_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存 PDF"), self.tr("核实任务单.pdf"), self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.save_pdf(path)

    def _on_csv_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存 CSV"), self.tr("核实任务单.csv"), self.tr("CSV 文件 (*.csv)")
        )
        if path:
            self.save_csv(path)
