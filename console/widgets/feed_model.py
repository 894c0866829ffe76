"""The feed's item model: a thin adapter over AlertRow objects, in feed order.

It never queries: pages and live rows are loaded by the pane off the GUI thread and handed in.
Live rows go in with beginInsertRows/endInsertRows at their place in the order (escalated and
unacknowledged first by severity and longest overdue, then newest first); an update of a row already shown (a grouped alert's
count, a status change) changes that row in place or moves it, never adds a second one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from console.clock import Clock
from console.services.alerts import AlertRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("severity", "status", "kind", "community", "matched", "age", "count")
_HEADERS = {
    "severity": QT_TRANSLATE_NOOP("feed", "等级"),
    "kind": QT_TRANSLATE_NOOP("feed", "类型"),
    "community": QT_TRANSLATE_NOOP("feed", "小区"),
    "matched": QT_TRANSLATE_NOOP("feed", "命中内容"),
    "count": QT_TRANSLATE_NOOP("feed", "次数"),
    "age": QT_TRANSLATE_NOOP("feed", "时间"),
    "status": QT_TRANSLATE_NOOP("feed", "状态"),
}
SEVERITY_TITLES = {
    "critical": QT_TRANSLATE_NOOP("feed", "紧急"),
    "high": QT_TRANSLATE_NOOP("feed", "高"),
    "medium": QT_TRANSLATE_NOOP("feed", "中"),
    "low": QT_TRANSLATE_NOOP("feed", "低"),
}
KIND_TITLES = {
    "plate_read": QT_TRANSLATE_NOOP("feed", "车辆布控"),
    "person_entry": QT_TRANSLATE_NOOP("feed", "人员布控"),
    "fraud_risk": QT_TRANSLATE_NOOP("feed", "反诈预警"),
    "report": QT_TRANSLATE_NOOP("feed", "群众报警"),
}
STATUS_TITLES = {
    "new": QT_TRANSLATE_NOOP("feed", "待确认"),
    "acknowledged": QT_TRANSLATE_NOOP("feed", "已确认"),
    "dispatched": QT_TRANSLATE_NOOP("feed", "已派警"),
    "resolved": QT_TRANSLATE_NOOP("feed", "已处置"),
}
OUTCOME_TITLES = {
    "confirmed": QT_TRANSLATE_NOOP("feed", "属实"),
    "false_alarm": QT_TRANSLATE_NOOP("feed", "误报"),
    "misread": QT_TRANSLATE_NOOP("feed", "识别错误"),
    "handled_by_others": QT_TRANSLATE_NOOP("feed", "已由他人处理"),
}
OVERDUE = str(QT_TRANSLATE_NOOP("feed", "超时未确认"))  # an escalated alert nobody acknowledged
SEVERITY_COLOURS = {"critical": "#d32f2f", "high": "#f57c00", "medium": "#fbc02d", "low": "#78909c"}
ESCALATION_COLOUR = "#d32f2f"
# Translucent, so that they read on the night and the day theme alike. An unacknowledged urgent row
# keeps its severity's tint when it escalates: escalation has its own mark in the status column
# (a clock and the time overdue), so a critical row never looks like a high one, nor the reverse.
_NEW_BACKGROUND = {"critical": QColor(211, 47, 47, 95), "high": QColor(245, 124, 0, 80)}
_DISPLAY, _DECORATION = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT, _ALIGN = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_ROW = int(ROW_ROLE)
_AGE_COLUMN, _COUNT_COLUMN = COLUMNS.index("age"), COLUMNS.index("count")
_STATUS_COLUMN = COLUMNS.index("status")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def column_words(column: str) -> list[str]:
    """Every word a column of closed vocabulary shows, translated (to size it); [] for the others."""
    table = {"severity": SEVERITY_TITLES, "kind": KIND_TITLES, "status": STATUS_TITLES}.get(column)
    if table is None:
        return []
    words = [title(table, key) for key in table]
    if column == "status":  # the escalation mark's longest texts (its clock icon measured apart)
        return [*words, overdue_text(59 * 60), overdue_text(23 * 3600 + 59 * 60)]
    return words


def title(table: Mapping[str, object], key: str | None) -> str:
    """The translated title of ``key`` in one of the tables above."""
    if key is None:
        return ""
    return QCoreApplication.translate("feed", str(table.get(key, key)))


def age_text(seconds: float) -> str:
    s = max(0, int(seconds))
    if s < 60:
        return QCoreApplication.translate("feed", "{0}秒前").format(s)
    if s < 3600:
        return QCoreApplication.translate("feed", "{0}分钟前").format(s // 60)
    if s < 86400:
        return QCoreApplication.translate("feed", "{0}小时前").format(s // 3600)
    if s < 2 * 86400:
        return QCoreApplication.translate("feed", "1天前")  # "1 day ago", not "1 days ago"
    return QCoreApplication.translate("feed", "{0}天前").format(s // 86400)


def overdue_text(seconds: float) -> str:
    """How long an escalated alert has waited past its limit: 超时 12 分."""
    minutes = max(0, int(seconds)) // 60
    if minutes < 60:
        return QCoreApplication.translate("feed", "超时 {0} 分").format(minutes)
    return QCoreApplication.translate("feed", "超时 {0}时{1:02d}分").format(minutes // 60, minutes % 60)


def severity_pixmap(severity: str, size: int = 14) -> QPixmap:
    """A coloured dot ringed white, then dark: visible on a red, an orange, a light or a dark row."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(33, 33, 33))
    painter.drawEllipse(0, 0, size, size)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.setBrush(QColor(SEVERITY_COLOURS.get(severity, "#78909c")))
    painter.drawEllipse(3, 3, size - 6, size - 6)
    painter.end()
    return pixmap


def escalation_pixmap(size: int = 14) -> QPixmap:
    """A red clock face with white hands: the row escalated (overdue, nobody acknowledged it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 1))
    painter.setBrush(QColor(ESCALATION_COLOUR))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    middle = size / 2
    painter.setPen(QPen(QColor("white"), 1.6))
    painter.drawLine(QPointF(middle, middle), QPointF(middle, 3))
    painter.drawLine(QPointF(middle, middle), QPointF(size - 4, middle))
    painter.end()
    return pixmap


_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class FeedModel(QAbstractTableModel):
    """AlertRow objects in feed order; pages appended, live rows inserted or updated in place."""

    fetch_requested = Signal(object)
    """The view scrolled to the end: load the page after this Cursor (the pane does, off thread)."""

    def __init__(self, clock: Clock, parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[AlertRow] = []
        self._keys: list[tuple[int, int, int]] = []
        self._ids: set[int] = set()
        self._looks: dict[int, tuple[list[Any], QBrush | None, QBrush | None, QFont | None]] = {}
        self._exhausted = True
        self._loading = False
        self._icons: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("feed", str(_HEADERS[COLUMNS[section]]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called ~1,500 times per repaint: plain int roles and a per-row cache keep it cheap.
        r = index.row()
        if r < 0 or r >= len(self._rows):
            return None
        role = int(role)
        row = self._rows[r]
        look = self._looks.get(row.id)
        if look is None:
            look = self._looks[row.id] = self._look(row)
        column = index.column()
        if role == _DISPLAY:
            return self._shown(row, column, look[0])
        if role == _BACKGROUND:
            return look[1]
        if role == _FOREGROUND:
            return look[2]
        if role == _FONT:
            return look[3]
        if role == _DECORATION:
            return self._decoration(row, column)
        if role == _ROW:
            return row
        if role == _TOOLTIP:
            if row.pinned:
                return f"{QCoreApplication.translate('feed', OVERDUE)} · {row.summary}"
            return row.summary
        if role == _ALIGN and column == _COUNT_COLUMN:
            return _RIGHT
        return None

    def _shown(self, row: AlertRow, column: int, cached: list[Any]) -> Any:
        """The cell's text: the age and the time overdue count on, the rest is cached."""
        if column == _AGE_COLUMN:
            return self._age(row)
        if column == _STATUS_COLUMN and row.pinned:
            return self._overdue(row)
        return cached[column]

    def _decoration(self, row: AlertRow, column: int) -> QIcon | None:
        """The severity's dot in the first column; the escalation mark beside the time overdue."""
        if column == 0:
            return self._icon(row.severity)
        return self._escalation_icon() if column == _STATUS_COLUMN and row.pinned else None

    def _look(self, row: AlertRow) -> tuple[list[Any], QBrush | None, QBrush | None, QFont | None]:
        display = [self._display(row, c) for c in COLUMNS]
        background = None
        if row.status == "new" and row.severity in _NEW_BACKGROUND:
            background = QBrush(_NEW_BACKGROUND[row.severity])
        foreground = None
        if row.status == "resolved":
            foreground = QBrush(QColor("#8b949e"))
        font = self._bold if row.status == "new" and row.urgent else None
        return display, background, foreground, font

    def _overdue(self, row: AlertRow) -> str:
        # The escalation job marks an alert within seconds of its limit: escalated_at is the deadline.
        since = row.escalated_at or row.raised_at
        return overdue_text((self._clock.now() - since).total_seconds())

    def _age(self, row: AlertRow) -> str:
        return age_text((self._clock.now() - row.raised_at).total_seconds())

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Asked for every visible cell on every repaint: one prebuilt value, no enum arithmetic.
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and bool(self._rows) and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self._loading = True
            self.fetch_requested.emit(self._rows[-1].cursor)

    # -- what the pane calls -------------------------------------------------------------------
    @property
    def rows(self) -> list[AlertRow]:
        return list(self._rows)

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def row_at(self, position: int) -> AlertRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, alert_id: int) -> int | None:
        if alert_id not in self._ids:
            return None
        for i, row in enumerate(self._rows):
            if row.id == alert_id:
                return i
        return None

    def reset_rows(self, rows: list[AlertRow], exhausted: bool) -> None:
        """Show a fresh first page (after a filter change)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [r.sort_key for r in self._rows]
        self._ids = {r.id for r in self._rows}
        self._looks.clear()
        self._exhausted = exhausted
        self._loading = False
        self.endResetModel()

    def append_page(self, rows: list[AlertRow], exhausted: bool) -> None:
        """Add the page fetchMore asked for (rows already shown, e.g. inserted live, are skipped)."""
        self._loading = False
        self._exhausted = exhausted
        last = self._keys[-1] if self._keys else (-1, 0, 0)
        fresh = [r for r in rows if r.id not in self._ids and r.sort_key > last]
        if fresh:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(fresh) - 1)
            self._rows.extend(fresh)
            self._keys.extend(r.sort_key for r in fresh)
            self._ids.update(r.id for r in fresh)
            self.endInsertRows()

    def page_failed(self) -> None:
        self._loading = False

    def apply_live(self, rows: Iterable[AlertRow], gone: Iterable[int] = ()) -> list[AlertRow]:
        """Insert new rows, update shown ones in place (or move them), remove ``gone`` ids.

        Returns the rows that were inserted (new to this view).
        """
        for alert_id in set(gone):
            self._remove(alert_id)
        inserted: list[AlertRow] = []
        fresh: list[AlertRow] = []
        for row in rows:
            at = self.position_of(row.id)
            if at is None:
                fresh.append(row)
            else:
                self._update(at, row)
        fresh.sort(key=lambda r: r.sort_key)
        # Runs of new rows that land at the same place go in with one beginInsertRows.
        groups: dict[int, list[AlertRow]] = {}
        for row in fresh:
            pos = bisect.bisect_left(self._keys, row.sort_key)
            if pos == len(self._rows) and not self._exhausted and self._rows:
                continue  # below the loaded pages: it comes with fetchMore
            groups.setdefault(pos, []).append(row)
        for pos in sorted(groups, reverse=True):
            group = groups[pos]
            self.beginInsertRows(QModelIndex(), pos, pos + len(group) - 1)
            self._rows[pos:pos] = group
            self._keys[pos:pos] = [r.sort_key for r in group]
            self._ids.update(r.id for r in group)
            self.endInsertRows()
            inserted.extend(group)
        return sorted(inserted, key=lambda r: r.sort_key)

    def tick_ages(self) -> None:
        """Repaint the ages and the time overdue (called every few seconds)."""
        if self._rows:
            last = len(self._rows) - 1
            roles = [Qt.ItemDataRole.DisplayRole]
            self.dataChanged.emit(self.index(0, _AGE_COLUMN), self.index(last, _AGE_COLUMN), roles)
            pinned = sum(1 for key in self._keys if key[0] == 0)  # pinned rows come first
            if pinned:
                self.dataChanged.emit(
                    self.index(0, _STATUS_COLUMN), self.index(pinned - 1, _STATUS_COLUMN), roles
                )

    def pinned_rows(self) -> list[AlertRow]:
        """The escalated alerts still unacknowledged, in feed order."""
        return [r for r in self._rows if r.pinned]

    # -- internals -----------------------------------------------------------------------------
    def _display(self, row: AlertRow, column: str) -> Any:
        if column == "severity":
            return title(SEVERITY_TITLES, row.severity)
        if column == "kind":
            return title(KIND_TITLES, row.kind)
        if column == "community":
            return row.community_name
        if column == "matched":
            return row.matched or row.summary
        if column == "count":
            return row.count
        if column == "age":
            return age_text((self._clock.now() - row.raised_at).total_seconds())
        if row.status == "resolved" and row.outcome:
            return f"{title(STATUS_TITLES, row.status)}·{title(OUTCOME_TITLES, row.outcome)}"
        if row.pinned:
            return self._overdue(row)
        return title(STATUS_TITLES, row.status)

    def _icon(self, severity: str) -> QIcon:
        """The severity's dot, ringed in white and dark so that it shows on any row's tint."""
        icon = self._icons.get(severity)
        if icon is None:
            icon = self._icons[severity] = QIcon(severity_pixmap(severity))
        return icon

    def _escalation_icon(self) -> QIcon:
        """The escalation mark: a red alarm clock."""
        icon = self._icons.get("escalated")
        if icon is None:
            icon = self._icons["escalated"] = QIcon(escalation_pixmap())
        return icon

    def _remove(self, alert_id: int) -> None:
        at = self.position_of(alert_id)
        if at is not None:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            del self._keys[at]
            self._ids.discard(alert_id)
            self._looks.pop(alert_id, None)
            self.endRemoveRows()

    def _update(self, at: int, row: AlertRow) -> None:
        shown = self._rows[at]
        if (row.version, row.count) < (shown.version, shown.count):
            return  # an older snapshot overtaken by a newer one (live read vs. triage answer)
        self._looks.pop(row.id, None)
        if row.sort_key == self._keys[at]:
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
            return
        keys = self._keys[:at] + self._keys[at + 1 :]
        to = bisect.bisect_left(keys, row.sort_key)  # its place once taken out
        dest = to if to < at else to + 1  # beginMoveRows counts in the list before the move
        if dest in (at, at + 1):
            self._rows[at] = row
            self._keys[at] = row.sort_key
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
            return
        self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), dest)
        del self._rows[at]
        del self._keys[at]
        self._rows.insert(to, row)
        self._keys.insert(to, row.sort_key)
        self.endMoveRows()
        self.dataChanged.emit(self.index(to, 0), self.index(to, len(COLUMNS) - 1))
