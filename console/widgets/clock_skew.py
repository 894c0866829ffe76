"""The status bar's warning that this computer's clock disagrees with the database server's.

What the console stores is dated by the database server's clock, so a wrong local clock cannot
misdate a record or a response time; it would still make what the screen shows (the clock in the
status bar, an alert's age) disagree with those records. The console therefore measures the
difference at start and every few minutes, off the GUI thread, shows the times on screen by the
server's clock (``SystemClock.offset``), and says so here when the difference exceeds 5 seconds.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from console.clock import Clock, SystemClock
from console.widgets.worker import DatabaseWorker

log = logging.getLogger(__name__)

SKEW_WARN_S = 5.0  # beyond this the status bar says so
CHECK_EVERY_MS = 5 * 60 * 1000  # measured again every 5 minutes (clocks drift, NTP corrects them)


class SkewSource(Protocol):
    def clock_skew(self) -> float | None:
        """Seconds the server's clock is ahead of this computer's; None when unknown."""
        ...


class ClockSkewLabel(QLabel):
    """Hidden while the clocks agree; otherwise "本机时钟与数据库服务器相差 N 秒，时间以服务器为准"."""

    def __init__(
        self,
        health: SkewSource,
        worker: DatabaseWorker,
        clock: Clock,
        parent: QWidget | None = None,
        interval_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clockSkew")  # amber in both themes (resources/styles)
        self.setVisible(False)
        self.skew: float | None = None  # the last measurement (seconds, server minus this computer)
        self._health = health
        self._clock = clock
        self._lane = worker.lane(self, "clock-skew")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)
        self.check()

    def check(self) -> None:
        """Measure again, off the GUI thread (nothing if the last measurement is still running)."""
        if self._lane.busy():
            return
        self._lane.submit(self._health.clock_skew, self._on_measured, self._on_failed)

    def stop(self) -> None:
        self._timer.stop()

    def _on_failed(self, exc: BaseException) -> None:
        log.info("clock skew not measured: %s", exc)  # the connection indicator tells the user

    def _on_measured(self, skew: float | None) -> None:
        if skew is None:
            return  # database unreachable: keep what was shown
        self.skew = skew
        if isinstance(self._clock, SystemClock):  # what the screen shows follows the server now
            self._clock.offset = dt.timedelta(seconds=skew)
        if abs(skew) <= SKEW_WARN_S:
            self.setVisible(False)
            return
        seconds = round(abs(skew))
        self.setText(self.tr("⚠ 本机时钟与数据库服务器相差 {0} 秒，时间以服务器为准").format(seconds))
        if skew < 0:
            told = self.tr("本机时钟比数据库服务器快 {0} 秒。")
        else:
            told = self.tr("本机时钟比数据库服务器慢 {0} 秒。")
        self.setToolTip(
            told.format(seconds)
            + self.tr(
                "预警、派警和审计记录的时间都取自服务器的时钟, 本机显示的时间也已按服务器校正; "
                "请让系统管理员校准本机时钟。"
            )
        )
        self.setVisible(True)
