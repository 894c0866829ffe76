"""The station's parameters: when a household turns orange and red, when an alert escalates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.errors import UserError
from console.security import Actor, Permission
from console.widgets.common import error_text

if TYPE_CHECKING:
    from console.services.station import StationParameters, StationService
    from console.widgets.worker import DatabaseWorker


class StationDialog(QDialog):
    """Shows the station's thresholds; roles allowed to configure the station may change them."""

    parameters_saved = Signal(object)
    """New StationParameters were stored (maps reload to recolour)."""

    def __init__(
        self, station: StationService, actor: Actor, worker: DatabaseWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._station = station
        self._actor = actor
        self._current: StationParameters | None = None
        self._runner = worker.lane(self)
        self.setWindowTitle(self.tr("站点参数"))
        self.orange_days = QSpinBox(self)
        self.red_days = QSpinBox(self)
        self.escalate_seconds = QSpinBox(self)
        for box, low, high, suffix in (
            (self.orange_days, 1, 3650, self.tr(" 天")),
            (self.red_days, 2, 3650, self.tr(" 天")),
            (self.escalate_seconds, 10, 3600, self.tr(" 秒")),
        ):
            box.setRange(low, high)
            box.setSuffix(suffix)
            box.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("超过多少天未核实变橙色"), self.orange_days)
        form.addRow(self.tr("超过多少天未核实变红色"), self.red_days)
        form.addRow(self.tr("紧急/高危预警未确认多久后升级"), self.escalate_seconds)
        self.message = QLabel(self.tr("正在读取…"), self)
        self.message.setWordWrap(True)
        if actor.can(Permission.CONFIGURE_STATION):
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
            )
            self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            self.save_button.setText(self.tr("保存"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        else:
            # Read-only for this role: nothing to cancel, only to close.
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
            self.save_button = QPushButton(self)  # never shown: the save path stays one code path
            self.save_button.setVisible(False)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        station, who = self._station, actor
        self._runner.submit(lambda: station.parameters(who), self._on_loaded, self._on_failed)

    def _on_loaded(self, params: StationParameters) -> None:
        self._current = params
        self.orange_days.setValue(params.orange_after_days)
        self.red_days.setValue(params.red_after_days)
        self.escalate_seconds.setValue(params.escalate_after_seconds)
        allowed = self._actor.can(Permission.CONFIGURE_STATION)
        for box in (self.orange_days, self.red_days, self.escalate_seconds):
            box.setEnabled(allowed)
        self.save_button.setEnabled(allowed)
        self.message.setText(
            self.tr("{0}: 修改后所有值班台的地图和预警升级按新参数执行。").format(params.name)
            if allowed
            else self.tr("只有所领导或系统管理员可以修改站点参数。")
        )

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: to the crash handler
        self.message.setText(error_text(exc))
        self.save_button.setEnabled(
            self._current is not None and self._actor.can(Permission.CONFIGURE_STATION)
        )

    def _on_buttons_accepted(self) -> None:
        if self._current is None:
            return
        current, station, who = self._current, self._station, self._actor
        orange, red, escalate = self.orange_days.value(), self.red_days.value(), self.escalate_seconds.value()
        self.save_button.setEnabled(False)
        self._runner.submit_edit(
            lambda: station.update_parameters(
                who,
                current.station_id,
                current.version,
                orange_after_days=orange,
                red_after_days=red,
                escalate_after_seconds=escalate,
            ),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, params: StationParameters) -> None:
        self._current = params
        self.parameters_saved.emit(params)
        self.accept()

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)
