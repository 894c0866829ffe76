"""Small dialogs of the officers' board: add an officer, set a status with a reason, enter an
arrival reported over the radio, clear a dispatch with its outcome. They only collect input; the
board calls the services and shows what they refuse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QLocale, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.services.dispatch import MANUAL_STATUSES
from console.widgets.officers_board_model import status_title

LOCAL = dt.timezone(dt.timedelta(hours=8))  # the station's wall clock (Beijing time)


def ui_language() -> str:
    """The language the console was started in ("en" or "zh_CN"), for error.text(language)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def local_time(value: dt.datetime | None, fmt: str = "%H:%M:%S") -> str:
    return value.astimezone(LOCAL).strftime(fmt) if value is not None else ""


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #d32f2f")
        self.error.setWordWrap(True)

    def _finish(self) -> None:
        self.form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.form.addRow(box)


@dataclass(frozen=True)
class NewOfficer:
    badge: str
    name: str
    team: str
    grid: str | None


class AddOfficerDialog(_Form):
    """Badge, name, team and grid cell of a new officer (the service checks them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增警员"), parent)
        self.badge = QLineEdit(self)
        self.name = QLineEdit(self)
        self.team = QLineEdit(self)
        self.team.setPlaceholderText(self.tr("如 值班一组"))
        self.grid = QLineEdit(self)
        self.grid.setPlaceholderText(self.tr("网格编号或名称 (选填)"))
        self.form.addRow(self.tr("警号"), self.badge)
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("班组"), self.team)
        self.form.addRow(self.tr("网格"), self.grid)
        self._finish()

    def value(self) -> NewOfficer:
        grid = self.grid.text().strip()
        return NewOfficer(self.badge.text(), self.name.text(), self.team.text(), grid or None)


class StatusDialog(_Form):
    """On or off duty, with the reason kept in the officer's status history."""

    def __init__(self, badge: str, name: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("设置状态: {0} {1}").format(badge, name), parent)
        self.status = QComboBox(self)
        for status in MANUAL_STATUSES:
            self.status.addItem(status_title(status), status)
        other = next((s for s in MANUAL_STATUSES if s != current), MANUAL_STATUSES[0])
        self.status.setCurrentIndex(max(0, self.status.findData(other)))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("如 换班、病假、外出培训"))
        self.form.addRow(self.tr("状态"), self.status)
        self.form.addRow(self.tr("原因"), self.reason)
        self._finish()

    def value(self) -> tuple[str, str]:
        return str(self.status.currentData()), self.reason.text().strip()


class ArrivalDialog(_Form):
    """The arrival time as reported over the radio: not before the dispatch, not in the future."""

    def __init__(
        self, dispatch_id: int, dispatched_at: dt.datetime, now: dt.datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("到场: 派警 #{0}").format(dispatch_id), parent)
        zone = QTimeZone(8 * 3600)
        self.at = QDateTimeEdit(self)
        self.at.setTimeZone(zone)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()), zone))
        self.form.addRow(self.tr("派出时间"), QLabel(local_time(dispatched_at, "%Y-%m-%d %H:%M:%S"), self))
        self.form.addRow(self.tr("到场时间 (电台报告)"), self.at)
        self._finish()

    def value(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), dt.UTC)


class ClearDialog(_Form):
    """The outcome of a dispatch; clearing makes its officers available again."""

    def __init__(self, dispatch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("结束任务: 派警 #{0}").format(dispatch_id), parent)
        self.outcome = QLineEdit(self)
        self.outcome.setPlaceholderText(self.tr("如 车主已找到, 无异常"))
        self.form.addRow(self.tr("处置结果"), self.outcome)
        self._finish()

    def value(self) -> str:
        return self.outcome.text().strip()
