"""The audit log viewer (审计日志): the audit administrator reads, narrows, exports and checks the log.

Newest first, a page at a time (older pages by the last id shown); every call runs on the console's
DatabaseWorker. Reading and exporting are themselves written to the log by the service.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.station import AuditEntry, AuditFilter, ChainCheck
from console.widgets.common import RowsTableModel, error_text

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.station import AuditService
    from console.widgets.worker import DatabaseWorker

STATION_TZ = dt.timezone(dt.timedelta(hours=8))
PAGE_SIZE = 200
ModelIndex = QModelIndex | QPersistentModelIndex
OUTCOME_COLOURS = {"refused": QColor("#c62828"), "failed": QColor("#e65100"), "locked": QColor("#6a1b9a")}


class AuditModel(RowsTableModel):
    """Thin adapter over immutable AuditEntry rows (one page); never queries in ``data()``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AuditModel", "编号"),
        QT_TRANSLATE_NOOP("AuditModel", "时间"),
        QT_TRANSLATE_NOOP("AuditModel", "用户"),
        QT_TRANSLATE_NOOP("AuditModel", "操作"),
        QT_TRANSLATE_NOOP("AuditModel", "对象"),
        QT_TRANSLATE_NOOP("AuditModel", "对象编号"),
        QT_TRANSLATE_NOOP("AuditModel", "结果"),
        QT_TRANSLATE_NOOP("AuditModel", "终端"),
        QT_TRANSLATE_NOOP("AuditModel", "详情"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditEntry] = []

    def outcome_text(self, outcome: str) -> str:
        words = {
            "ok": self.tr("成功"),
            "refused": self.tr("拒绝"),
            "failed": self.tr("失败"),
            "locked": self.tr("已锁定"),
        }
        return words.get(outcome, outcome)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col != 8:
                return None
            return self._text(e, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            return OUTCOME_COLOURS.get(e.outcome)
        return None

    def _text(self, e: AuditEntry, col: int) -> str:
        if col == 0:
            return str(e.id)
        if col == 1:
            return e.at.astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M:%S")
        if col == 2:
            return e.username
        if col == 3:
            return e.action
        if col == 4:
            return e.entity
        if col == 5:
            return "" if e.entity_id is None else str(e.entity_id)
        if col == 6:
            return self.outcome_text(e.outcome)
        if col == 7:
            return e.console
        return e.detail


class AuditPane(QWidget):
    """Filters on top, the page of entries, and below: paging, CSV export and the chain check."""

    loaded = Signal(int)
    """A page of this many entries is shown."""
    exported = Signal(int)
    """The CSV export was written with this many entries."""
    verified = Signal(object)
    """The chain check finished (a ChainCheck)."""

    def __init__(
        self, audit: AuditService, actor: Actor, worker: DatabaseWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditPane")
        self._audit = audit
        self._actor = actor
        self._runner = worker.lane(self, "audit")
        self._pages: list[int | None] = []  # the before_id of each page shown so far
        self._before: int | None = None

        self.user_edit = QLineEdit(self)
        self.user_edit.setPlaceholderText(self.tr("用户名"))
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(self.tr("操作, 如 sign_in"))
        self.entity_edit = QLineEdit(self)
        self.entity_edit.setPlaceholderText(self.tr("对象, 如 household"))
        self.entity_id_edit = QLineEdit(self)
        self.entity_id_edit.setPlaceholderText(self.tr("对象编号"))
        self.entity_id_edit.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.since_check = QCheckBox(self.tr("从"), self)
        self.since_edit = QDateTimeEdit(self)
        self.until_check = QCheckBox(self.tr("到"), self)
        self.until_edit = QDateTimeEdit(self)
        now = _station_qdatetime(dt.datetime.now(STATION_TZ))  # the range is typed in Beijing time
        for when, start in ((self.since_edit, now.addDays(-7)), (self.until_edit, now.addDays(1))):
            when.setDisplayFormat("yyyy-MM-dd HH:mm")
            when.setCalendarPopup(True)
            when.setDateTime(start)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        for edit in (self.user_edit, self.action_edit, self.entity_edit, self.entity_id_edit):
            edit.returnPressed.connect(self.search)
            edit.setClearButtonEnabled(True)

        filters = QHBoxLayout()
        for text in (self.user_edit, self.action_edit, self.entity_edit, self.entity_id_edit):
            filters.addWidget(text, 1)
        for w in (self.since_check, self.since_edit, self.until_check, self.until_edit, self.search_button):
            filters.addWidget(w)

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.newer_button = QPushButton(self.tr("← 较新"), self)
        self.newer_button.clicked.connect(self.newer_page)
        self.older_button = QPushButton(self.tr("较早 →"), self)
        self.older_button.clicked.connect(self.older_page)
        self.page_label = QLabel(self)
        self.export_button = QPushButton(self.tr("导出 CSV…"), self)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.verify_button = QPushButton(self.tr("校验审计链"), self)
        self.verify_button.setToolTip(self.tr("逐行重算哈希链, 找出第一条被改动或删除的记录"))
        self.verify_button.clicked.connect(self.verify_chain)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("auditStatus")
        self.status_label.setWordWrap(True)

        bottom = QHBoxLayout()
        bottom.addWidget(self.newer_button)
        bottom.addWidget(self.older_button)
        bottom.addWidget(self.page_label)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)  # Ctrl+Shift+A puts the keyboard on the list
        layout.addLayout(bottom)
        layout.addWidget(self.status_label)
        self._update_paging(0)
        self.search()

    # --- the filter ----------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        entity_id = self.entity_id_edit.text().strip()
        return AuditFilter(
            username=self.user_edit.text().strip() or None,
            action=self.action_edit.text().strip() or None,
            entity=self.entity_edit.text().strip() or None,
            entity_id=int(entity_id) if entity_id.isdigit() else None,
            since=_aware(self.since_edit.dateTime()) if self.since_check.isChecked() else None,
            until=_aware(self.until_edit.dateTime()) if self.until_check.isChecked() else None,
        )

    # --- reading, newest first -------------------------------------------------------------------
    def search(self) -> None:
        """The newest page matching the filter."""
        self._pages = []
        self._load(None)

    def older_page(self) -> None:
        if self.model.rows:
            self._pages.append(self._before)
            self._load(self.model.rows[-1].id)

    def newer_page(self) -> None:
        if self._pages:
            self._load(self._pages.pop())

    def _load(self, before_id: int | None) -> None:
        where, actor = self.current_filter(), self._actor
        self._before = before_id
        self.status_label.setText(self.tr("正在读取…"))
        self._runner.submit(
            lambda: self._audit.entries(actor, where, limit=PAGE_SIZE, before_id=before_id),
            self._on_entries_loaded,
            self._on_failure,
        )

    def _on_entries_loaded(self, rows: list[AuditEntry]) -> None:
        if self._before is None and rows:
            # Back from older pages, the newest page is the one seen, not the reads logged since.
            self._before = rows[0].id + 1
        self.model.set_rows(rows)
        self.status_label.setText("" if rows else self.tr("没有符合条件的审计记录。"))
        self._update_paging(len(rows))
        self.loaded.emit(len(rows))

    def _update_paging(self, count: int) -> None:
        self.newer_button.setEnabled(bool(self._pages))
        self.older_button.setEnabled(count >= PAGE_SIZE)
        self.page_label.setText(self.tr("第 {0} 页 · {1} 条").format(len(self._pages) + 1, count))

    def _on_failure(self, error: BaseException) -> None:
        self.status_label.setText(error_text(error))

    # --- export and the chain check -----------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出审计日志"), "audit.csv", self.tr("CSV 文件 (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Every entry matching the filter, oldest first, as UTF-8 CSV with a BOM (Excel reads it)."""
        where, actor, audit = self.current_filter(), self._actor, self._audit

        def write() -> int:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                return audit.export_csv(actor, where, out)

        self.status_label.setText(self.tr("正在导出…"))
        self._runner.submit(write, lambda n: self._on_exported(int(n), path), self._on_failure)

    def _on_exported(self, count: int, path: str) -> None:
        self.status_label.setText(self.tr("已导出 {0} 条到 {1}").format(count, path))
        self.exported.emit(count)

    def verify_chain(self) -> None:
        self.status_label.setText(self.tr("正在校验审计链…"))
        self._runner.submit(self._audit.verify, self._on_verified, self._on_failure)

    def _on_verified(self, check: ChainCheck) -> None:
        if check.ok:
            text = self.tr("审计链完整: 已校验 {0} 条记录。").format(check.rows)
        else:
            text = self.tr("审计链在第 {0} 号记录处断开: 此记录或其前一条记录被改动或删除。").format(
                check.first_bad_id
            )
        self.status_label.setText(text)
        self.status_label.setProperty("state", "ok" if check.ok else "down")
        self.verified.emit(check)


def _station_qdatetime(at: dt.datetime) -> QDateTime:
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))


def _aware(value: QDateTime) -> dt.datetime:
    """A date and time typed in Beijing time, as an aware datetime."""
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=STATION_TZ)
