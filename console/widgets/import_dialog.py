"""The registry import dialog: choose a file, preview its columns, import with progress and cancel, see rejections."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.services.registry import NotUtf8Error
from console.services.reporting import csv_cell
from console.widgets.common import error_text, ui_language, worded_text

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.registry import RegistryImportService
    from console.widgets.worker import DatabaseWorker, Job

ENCODINGS = ("gbk", "gb18030", "big5", "utf-16")


class RegistryImportDialog(QDialog):
    """Import the household registry (一标三实) from CSV or XLSX, off the GUI thread."""

    registry_imported = Signal(object)
    """An import finished (the ImportReport): maps and worklists may reload."""

    def __init__(
        self,
        registry_import: RegistryImportService,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = registry_import
        self._actor = actor
        self._worker = worker
        self._job: Job | None = None
        self._runner = worker.lane(self)
        self._path = ""
        self._encoding: str | None = None
        self.report: Any = None
        self.setWindowTitle(self.tr("导入一标三实登记表"))
        self.resize(900, 600)

        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("选择 CSV 或 XLSX 文件"))
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.encoding_label = QLabel(self)
        self.encoding_label.setWordWrap(True)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.addItems(list(ENCODINGS))
        self.message_label = QLabel(self)
        # Explicit lines, no word wrap: a wrapping label in a layout may be given too little height.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_table = QTableWidget(self)
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.report_label = QLabel(self)
        self.report_label.setWordWrap(True)
        self.rejections_table = QTableWidget(0, 3, self)
        self.rejections_table.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("规则")])
        self.rejections_table.horizontalHeader().setStretchLastSection(True)
        self.rejections_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.preview_table)
        report_page = QWidget(self)
        rl = QVBoxLayout(report_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.report_label)
        rl.addWidget(self.rejections_table, 1)
        self.pages.addWidget(report_page)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("取消导入"), self)
        self.cancel_button.setVisible(False)
        self.save_button = QPushButton(self.tr("保存拒绝行为 CSV…"), self)
        self.save_button.setVisible(False)
        self.close_button = QPushButton(self.tr("关闭"), self)

        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.choose_button)
        enc = QHBoxLayout()
        enc.addWidget(self.encoding_label, 1)
        enc.addWidget(self.encoding_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_bar, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(enc)
        layout.addWidget(self.message_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._set_encoding_visible(False)

        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.encoding_combo.activated.connect(self._on_encoding_combo_activated)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)

    # --- public --------------------------------------------------------------------------------

    def set_file(self, path: str, encoding: str | None = None) -> None:
        """Show ``path`` and preview it (off the GUI thread)."""
        self._path, self._encoding = path, encoding
        self.path_edit.setText(path)
        self.import_button.setEnabled(False)
        self.pages.setCurrentIndex(0)
        self._set_message(self.tr("正在读取文件 …"))
        service = self._service
        self._runner.submit(
            lambda: service.preview(path, encoding), self._on_preview_done, self._on_preview_failed
        )

    def start_import(self) -> None:
        self._on_import_button_clicked()

    def is_running(self) -> bool:
        """An import is under way (its report has not arrived yet)."""
        return self._job is not None

    def cancel_import(self) -> None:
        """Stop the running import after the chunk being written (the rows already kept stay)."""
        self._on_cancel_button_clicked()

    def save_rejections(self, path: str) -> None:
        """Write the rejected rows (row, column, rule) as a CSV that Excel opens (UTF-8 with BOM)."""
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["row", "column", "rule"])
            for r in self.report.rejections if self.report else ():
                writer.writerow([r.row, csv_cell(r.column), csv_cell(r.rule)])

    def _set_message(self, text: str) -> None:
        """Show ``text`` (explicit lines) with room for every line."""
        self.message_label.setText(text)
        lines = text.count("\n") + 1 if text else 0
        self.message_label.setFixedHeight(self.message_label.fontMetrics().lineSpacing() * lines + 8)

    # --- preview -------------------------------------------------------------------------------

    def _on_preview_done(self, preview: Any) -> None:
        known = [f for f in preview.fields if f]
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(preview.headers))
        self.preview_table.setRowCount(len(preview.rows))
        grey = QBrush(QColor("#8a8f98"))
        for c, (header, field) in enumerate(zip(preview.headers, preview.fields, strict=True)):
            label = f"✓ {header}\n{field}" if field else f"{header}\n" + self.tr("(忽略)")
            item = QTableWidgetItem(label)
            if not field:
                item.setForeground(grey)
                item.setToolTip(self.tr("未识别的列, 导入时忽略"))
            self.preview_table.setHorizontalHeaderItem(c, item)
            for r, row in enumerate(preview.rows):
                cell = QTableWidgetItem(row[c] if c < len(row) else "")
                if not field:
                    cell.setForeground(grey)
                self.preview_table.setItem(r, c, cell)
        lines = [self.tr("共约 {0} 行, 识别 {1} 列").format(preview.total_rows, len(known))]
        if preview.encoding and preview.encoding != "utf-8":
            lines.append(self.tr("编码: {0}").format(preview.encoding))
        lines.extend(worded_text(w) for w in preview.warnings)
        self._set_message("\n".join(lines))
        self.import_button.setEnabled(True)

    def _on_preview_failed(self, exc: BaseException) -> None:
        suggested = getattr(exc, "suggested_encoding", None)
        self._set_message(error_text(exc))
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        if isinstance(exc, NotUtf8Error):
            self.encoding_label.setText(self.tr("文件不是 UTF-8 编码, 请选择文件的编码:"))
            if suggested in ENCODINGS:
                self.encoding_combo.setCurrentText(suggested)
            self._set_encoding_visible(True)
        if not isinstance(exc, UserError):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug, not a bad file: report it

    def _on_encoding_combo_activated(self, _index: int) -> None:
        self.set_file(self._path, self.encoding_combo.currentText())

    def _set_encoding_visible(self, visible: bool) -> None:
        self.encoding_label.setVisible(visible)
        self.encoding_combo.setVisible(visible)

    # --- import --------------------------------------------------------------------------------

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择登记表"), "", self.tr("登记表 (*.csv *.xlsx);;所有文件 (*)")
        )
        if path:
            self._set_encoding_visible(False)
            self.set_file(path)

    def _on_import_button_clicked(self) -> None:
        if not self._path or self.is_running():
            return
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setVisible(True)
        self.progress_bar.setRange(0, 0)
        self._set_message(self.tr("正在导入 … 取消时, 已导入的行会保留 (再次导入同一文件即可继续)"))
        service, actor, path, encoding = self._service, self._actor, self._path, self._encoding

        def run(job: Job) -> Any:  # an ImportReport (the registry package does not export its name)
            # The importer commits chunk by chunk and polls cancel between chunks (its contract).
            return service.import_registry(
                actor, path, encoding=encoding, progress=job.report_progress, cancel=job.is_cancelled
            )

        self._job = self._worker.start_job(
            run,
            self._on_worker_succeeded,
            self._on_worker_failed,
            self._on_worker_progressed,
            owner=self,
        )

    def _on_cancel_button_clicked(self) -> None:
        if self._job is not None and not self._job.is_cancelled():
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self._set_message(self.tr("正在取消 … 已导入的行会保留"))

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, max(total, 1)))

    def _on_worker_succeeded(self, report: Any) -> None:
        self._finish()
        self.report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.report_label.setText(self._summary(report))
        self._set_message("\n".join(worded_text(w) for w in report.warnings))
        self.rejections_table.setRowCount(len(report.rejections))
        language = ui_language()
        for i, r in enumerate(report.rejections):
            for c, value in enumerate((str(r.row), r.column, r.text(language))):
                self.rejections_table.setItem(i, c, QTableWidgetItem(value))
        self.rejections_table.resizeColumnsToContents()
        self.save_button.setVisible(bool(report.rejections))
        self.pages.setCurrentIndex(1)
        self.registry_imported.emit(report)

    def _summary(self, report: Any) -> str:
        """The import's counts in the UI's language (the report's own summary has both, for the CLI)."""
        text = self.tr(
            "读取 {0} 行, 拒绝 {1} 行; 户 新建 {2} / 更新 {3}; 实有人口 新建 {4} / 更新 {5}"
        ).format(
            report.rows_read,
            report.rows_rejected,
            report.households_created,
            report.households_updated,
            report.residents_created,
            report.residents_updated,
        )
        if report.cancelled:
            text += "; " + self.tr("已取消: 已导入的 {0} 行保留, 重新导入同一文件即可继续").format(
                report.rows_kept
            )
        return text

    def _on_worker_failed(self, exc: BaseException) -> None:
        self._finish()
        self.progress_bar.setVisible(False)
        self._set_message(self.tr("导入失败: {0}").format(error_text(exc)))
        self.import_button.setEnabled(True)
        if not isinstance(exc, UserError):
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _finish(self) -> None:
        self._job = None
        self.cancel_button.setVisible(False)
        self.choose_button.setEnabled(True)

    def _on_save_button_clicked(self) -> None:
        default = str(Path(self._path).with_name(Path(self._path).stem + "_拒绝行.csv"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存拒绝行"), default, self.tr("CSV (*.csv)"))
        if path:
            self.save_rejections(path)

    def reject(self) -> None:
        """Esc (or the window's close button) cancels a running import first; the report follows."""
        if self.is_running():
            self.cancel_import()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.cancel()  # stop after the current chunk; whole rows only
        self._runner.discard()  # a preview nobody will look at
        super().done(result)
