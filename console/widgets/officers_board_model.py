"""The officers' board as an item model: officer rows, their open dispatch, and a live timer column.

The model holds ready-made OfficerRow and DispatchClock objects and never queries. ``tick`` (once a
second) repaints only the timer column with one dataChanged, and reports the dispatches that have
just passed the station's response target so the pane can re-alert once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from console.clock import Clock
from console.services.dispatch import DEFAULT_RESPONSE_TARGET_S, DispatchClock, OfficerRow

COLUMNS = ("badge", "name", "team", "status", "job", "timer", "grid")
_HEADERS = {
    "badge": QT_TRANSLATE_NOOP("board", "警号"),
    "name": QT_TRANSLATE_NOOP("board", "姓名"),
    "team": QT_TRANSLATE_NOOP("board", "班组"),
    "status": QT_TRANSLATE_NOOP("board", "状态"),
    "job": QT_TRANSLATE_NOOP("board", "当前任务"),
    "timer": QT_TRANSLATE_NOOP("board", "状态时长"),
    "grid": QT_TRANSLATE_NOOP("board", "网格"),
}
OFFICER_STATUS_TITLES = {
    "available": QT_TRANSLATE_NOOP("board", "可派"),
    "dispatched": QT_TRANSLATE_NOOP("board", "已派出"),
    "en_route": QT_TRANSLATE_NOOP("board", "途中"),
    "on_scene": QT_TRANSLATE_NOOP("board", "到场"),
    "off_duty": QT_TRANSLATE_NOOP("board", "休息"),
}
STATUS_COLOURS = {
    "available": QColor(46, 125, 50, 110),
    "dispatched": QColor(245, 124, 0, 110),
    "en_route": QColor(245, 124, 0, 110),
    "on_scene": QColor(25, 118, 210, 110),
    "off_duty": QColor(120, 144, 156, 60),
}
OVERDUE_BACKGROUND = QColor(198, 40, 40, 230)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TIMER_COLUMN = COLUMNS.index("timer")
_DISPLAY, _BACKGROUND = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND, _FONT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.FontRole)
_TOOLTIP, _ALIGN = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def status_title(status: str) -> str:
    return QCoreApplication.translate("board", str(OFFICER_STATUS_TITLES.get(status, status)))


def elapsed(seconds: float) -> str:
    """A running clock, 7:05 or 1:02:09."""
    s = max(0, int(seconds))
    hours, rest = divmod(s, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class OfficersBoardModel(QAbstractTableModel):
    """Every officer, by team then badge, with the open dispatch each is on."""

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.rows: list[OfficerRow] = []
        self.dispatches: dict[int, DispatchClock] = {}
        self.target_s = DEFAULT_RESPONSE_TARGET_S
        self._overdue: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content -------------------------------------------------------------------------------
    def reset_rows(
        self, rows: Sequence[OfficerRow], dispatches: Sequence[DispatchClock], target_s: int
    ) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.dispatches = {d.id: d for d in dispatches}
        self.target_s = target_s
        now = self._clock.now()
        self._overdue = {d.id for d in dispatches if d.overdue(now, target_s)}
        self.endResetModel()

    def row_at(self, position: int) -> OfficerRow | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None

    def position_of(self, badge: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.badge == badge), None)

    def job_of(self, row: OfficerRow) -> DispatchClock | None:
        return self.dispatches.get(row.dispatch_id) if row.dispatch_id is not None else None

    def is_overdue(self, row: OfficerRow) -> bool:
        return row.dispatch_id is not None and row.dispatch_id in self._overdue

    def tick(self) -> list[DispatchClock]:
        """Repaint the timer column; the dispatches that passed the response target since the last tick."""
        if not self.rows:
            return []
        now = self._clock.now()
        newly = [
            d for d in self.dispatches.values() if d.id not in self._overdue and d.overdue(now, self.target_s)
        ]
        self.dataChanged.emit(
            self.index(0, TIMER_COLUMN), self.index(len(self.rows) - 1, TIMER_COLUMN), [_DISPLAY]
        )
        if newly:
            self._overdue.update(d.id for d in newly)
            ids = {d.id for d in newly}
            for i, r in enumerate(self.rows):
                if r.dispatch_id in ids:  # the whole row turns red, once
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        return newly

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 Qt's default argument
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 Qt's default argument
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("board", str(_HEADERS[COLUMNS[section]]))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == _DISPLAY:
            return self._text(row, column)
        overdue = self.is_overdue(row)
        if role == _BACKGROUND:
            if overdue:
                return OVERDUE_BACKGROUND
            return STATUS_COLOURS.get(row.status) if column == "status" else None
        if role == _FOREGROUND and overdue:
            return QColor("white")
        if role == _FONT and (overdue or column == "timer"):
            return self._bold
        if role == _ALIGN and column == "timer":
            return _RIGHT
        if role == _TOOLTIP and column == "job":
            job = self.job_of(row)
            return job.note or None if job else None
        return None

    def _text(self, row: OfficerRow, column: str) -> str:
        if column == "badge":
            return row.badge
        if column == "name":
            return row.name
        if column == "team":
            return row.team
        if column == "status":
            return status_title(row.status)
        if column == "grid":
            return row.grid_cell or ""
        if column == "job":
            return self._job_text(row)
        since = row.status_since
        return elapsed((self._clock.now() - since).total_seconds()) if since is not None else ""

    def _job_text(self, row: OfficerRow) -> str:
        if row.dispatch_id is None:
            return ""
        job = self.job_of(row)
        if job is None:
            return f"#{row.dispatch_id}"
        text = f"#{job.id} {job.community} {job.alert_summary}".strip()
        if self.is_overdue(row):
            text += QCoreApplication.translate("board", " · 超时未到场")
        return text
