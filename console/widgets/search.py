"""The search dialog (Ctrl+F): type a name, ID or phone fragment, plate or address; Enter shows the household.

For a user who may see cases it also finds case numbers, stolen property's serial / IMEI / frame
numbers and suspects' names; Enter on such a hit opens the case's dossier.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.widgets.common import error_text, housing_use_text, one_line_cells

if TYPE_CHECKING:
    from console.security import Actor
    from console.services.registry import SearchService
    from console.widgets.worker import DatabaseWorker


DEBOUNCE_MS = 150
_LAST_DIGITS = re.compile(r"(身份证号|手机号)后(\d+)位")


def matched_text(matched: str) -> str:
    """What a hit matched on (the search service's Chinese label, then any data such as a name)
    in the UI language; the data after the label is kept as it is."""

    last = _LAST_DIGITS.fullmatch(matched)
    if last:
        words = (
            QCoreApplication.translate("SearchDialog", "身份证号后%1位")
            if last.group(1) == "身份证号"
            else QCoreApplication.translate("SearchDialog", "手机号后%1位")
        )
        return words.replace("%1", last.group(2))
    labels = {
        "车主身份证号": QCoreApplication.translate("SearchDialog", "车主身份证号"),
        "身份证号前几位": QCoreApplication.translate("SearchDialog", "身份证号前几位"),
        "身份证号包含": QCoreApplication.translate("SearchDialog", "身份证号包含"),
        "身份证号": QCoreApplication.translate("SearchDialog", "身份证号"),
        "车主手机号": QCoreApplication.translate("SearchDialog", "车主手机号"),
        "手机号前几位": QCoreApplication.translate("SearchDialog", "手机号前几位"),
        "手机号包含": QCoreApplication.translate("SearchDialog", "手机号包含"),
        "手机号": QCoreApplication.translate("SearchDialog", "手机号"),
        "出生日期": QCoreApplication.translate("SearchDialog", "出生日期"),
        "车主姓名": QCoreApplication.translate("SearchDialog", "车主姓名"),
        "姓名包含": QCoreApplication.translate("SearchDialog", "姓名包含"),
        "姓名": QCoreApplication.translate("SearchDialog", "姓名"),
        "名": QCoreApplication.translate("SearchDialog", "名"),
        "户室": QCoreApplication.translate("SearchDialog", "户室"),
        "地址": QCoreApplication.translate("SearchDialog", "地址"),
        "小区": QCoreApplication.translate("SearchDialog", "小区"),
        "号牌包含": QCoreApplication.translate("SearchDialog", "号牌包含"),
        "号牌": QCoreApplication.translate("SearchDialog", "号牌"),
        "案件编号": QCoreApplication.translate("SearchDialog", "案件编号"),
        "嫌疑人姓名": QCoreApplication.translate("SearchDialog", "嫌疑人姓名"),
        "涉案财物IMEI": QCoreApplication.translate("SearchDialog", "涉案财物IMEI"),
        "涉案财物序列号": QCoreApplication.translate("SearchDialog", "涉案财物序列号"),
        "涉案财物车架号": QCoreApplication.translate("SearchDialog", "涉案财物车架号"),
    }
    for label in sorted(labels, key=len, reverse=True):
        if matched == label or matched.startswith(label + " "):
            return labels[label] + matched[len(label) :]
    return matched


_HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole
_HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchDialog(QDialog):
    """Type-ahead search over residents, households and vehicles; the query runs off the GUI thread."""

    household_chosen = Signal(int)
    """The user pressed Enter (or double-clicked) on a result: show this household on the grid map."""
    case_chosen = Signal(str)
    """The user pressed Enter (or double-clicked) on a case hit: open this case's dossier."""

    def __init__(
        self, search: SearchService, actor: Actor, worker: DatabaseWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._actor = actor
        self._generation = 0
        self._runner = worker.lane(self)
        self.setWindowTitle(self.tr("搜索"))
        self.resize(760, 520)

        self.query_edit = QLineEdit(self)
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText(
            self.tr("姓名、身份证号(或后4–6位)、手机号、车牌、地址(如 3号楼 1203)")
        )
        self.results = QTreeWidget(self)
        self.results.setHeaderLabels(
            [self.tr("名称"), self.tr("身份证号 / 手机号"), self.tr("地址"), self.tr("匹配")]
        )
        self.results.setRootIsDecorated(False)
        one_line_cells(self.results)  # a plate, ID or phone number never splits over two lines
        self.results.setColumnWidth(0, 160)
        self.results.setColumnWidth(1, 230)
        self.results.setColumnWidth(2, 230)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("searchStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.query_edit.textChanged.connect(self._on_query_edit_text_changed)
        self.query_edit.returnPressed.connect(self._on_query_edit_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.query_edit.installEventFilter(self)
        self._show_hint()

    # --- public --------------------------------------------------------------------------------

    def search_now(self, text: str) -> None:
        """Set the query and search at once (no debounce)."""
        self.query_edit.setText(text)
        self._debounce.stop()
        self._on_debounce_timeout()

    def result_count(self) -> int:
        return len(self._result_items())

    def _result_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(i)
            if group is not None:
                items.extend(c for j in range(group.childCount()) if (c := group.child(j)) is not None)
        return items

    # --- slots ---------------------------------------------------------------------------------

    def _on_query_edit_text_changed(self, _text: str) -> None:
        self._generation += 1  # anything still running is now stale
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        query = self.query_edit.text().strip()
        self._generation += 1
        generation = self._generation
        if not query:
            self.results.clear()
            self._show_hint()
            return
        self.status_label.setText(self.tr("正在搜索 …"))
        search, actor = self._search, self._actor
        self._runner.submit(
            lambda: search.search(actor, query),
            lambda hits: self._on_search_done(generation, query, hits),
            lambda exc: self._on_search_failed(generation, exc),
        )

    def _on_search_done(self, generation: int, query: str, hits: list[Any]) -> None:
        if generation != self._generation:
            return  # the user typed on: these results are stale
        self.results.clear()
        if not hits:
            self.status_label.setText(
                self.tr(
                    "未找到 “{0}”。可搜索: 姓名、身份证号或其后4–6位、手机号或其后4位、车牌、地址、案件编号、财物串号"
                ).format(query)
            )
            return
        groups = (
            ("resident", self.tr("实有人口")),
            ("household", self.tr("户")),
            ("vehicle", self.tr("车辆")),
            ("case", self.tr("案件")),
        )
        for kind, title in groups:
            mine = [h for h in hits if h.kind == kind]
            if not mine:
                continue
            group = QTreeWidgetItem(self.results, [f"{title} ({len(mine)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for h in mine:
                numbers = " / ".join(p for p in (h.id_number, h.phone) if p)
                title, detail = h.title, h.detail
                if h.kind == "household" and h.room:
                    room = self.tr("%1室").replace("%1", h.room)
                    title = f"{room} {housing_use_text(h.housing_use)}".strip()
                if detail.endswith(" 已迁出"):
                    moved = self.tr("已迁出")
                    detail = f"{detail[: -len(' 已迁出')]} {moved}"
                name = title + (f"  {detail}" if detail else "")
                item = QTreeWidgetItem(group, [name, numbers, h.address, matched_text(h.matched)])
                item.setData(0, _HOUSEHOLD_ROLE, h.household_id)
                item.setData(0, _HIT_ROLE, h)
                if h.kind == "case":
                    item.setToolTip(0, self.tr("按回车打开案件卷宗"))
                elif h.household_id is None:
                    item.setToolTip(0, self.tr("没有登记住址"))
        self.results.expandAll()
        self.results.setCurrentItem(self._result_items()[0])
        self.status_label.setText(
            self.tr("找到 {0} 条; 按回车在网格地图上显示该户, 或打开案件卷宗").format(len(hits))
        )

    def _on_search_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status_label.setText(self.tr("搜索失败: {0}").format(error_text(exc)))

    def _on_query_edit_return_pressed(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._on_results_item_activated(item, 0)

    def _on_results_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        hit = item.data(0, _HIT_ROLE)
        if hit is not None and hit.kind == "case":
            self.case_chosen.emit(hit.case_no)
            self.accept()
            return
        household_id = item.data(0, _HOUSEHOLD_ROLE)
        if household_id is None:
            return
        self.household_chosen.emit(int(household_id))
        self.accept()

    # --- plumbing ------------------------------------------------------------------------------

    def _show_hint(self) -> None:
        self.status_label.setText(
            self.tr(
                "输入姓名、身份证号(或后4–6位)、手机号(或后4位)、车牌、地址(如 3号楼 1203)、案件编号或财物串号"
            )
        )

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.query_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            self._move_current(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _move_current(self, step: int) -> None:
        items = self._result_items()
        if not items:
            return
        current = self.results.currentItem()
        index = items.index(current) if current in items else -step
        self.results.setCurrentItem(items[max(0, min(len(items) - 1, index + step))])

    def done(self, result: int) -> None:
        self._debounce.stop()
        self._generation += 1
        self._runner.wait()  # no worker thread outlives the dialog
        super().done(result)
