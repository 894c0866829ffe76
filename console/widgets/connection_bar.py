"""The connection-lost bar: what the officer sees while the database is away, and how it is noticed.

``ConnectionWatch`` asks the database for one round trip every second, on the worker (never the
GUI thread); it also hears the live feed losing its connection and any call failing with
"database unreachable". A ping that has not come back within 1.5 s counts as lost too (a hung
server or network). While lost it tells the worker, which refuses edits with a message, and it
freezes the time the data shown was last read. The connection is back when a ping succeeds and
the live feed has reconnected (the feed then catches up on what was missed, or reloads).

``ConnectionBar`` is a red bar across the top of the main window, "与数据库的连接已断开 — 显示的
是 HH:MM:SS 时的数据" (Beijing time), shown while lost and hidden on reconnect. The panes keep
what they show: nothing is cleared.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QWidget

from console.clock import STATION_TZ
from console.errors import UserError
from console.widgets.worker import SHUTDOWN_WAIT_MS

if TYPE_CHECKING:
    from console.clock import Clock
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.worker import DatabaseWorker

log = logging.getLogger(__name__)

HEARTBEAT_MS = 1000
PATIENCE_S = 1.5  # a ping unanswered this long means the server or the network hangs


def station_time(moment: dt.datetime) -> str:
    """``moment`` as HH:MM:SS Beijing time."""
    return moment.astimezone(STATION_TZ).strftime("%H:%M:%S")


class ConnectionWatch(QObject):
    """Whether the console can reach its database, checked every second off the GUI thread."""

    lost = Signal(object)
    """The database became unreachable; the argument is when the data shown was last read (datetime)."""
    restored = Signal()
    """The database answers again and the live feed has reconnected."""

    def __init__(
        self,
        ping: Callable[[], bool],
        worker: DatabaseWorker,
        clock: Clock,
        parent: QObject | None = None,
        *,
        interval_ms: int = HEARTBEAT_MS,
        patience_s: float = PATIENCE_S,
    ) -> None:
        super().__init__(parent)
        self._ping = ping
        self._worker = worker
        self._clock = clock
        self._patience_s = patience_s
        self._runner = worker.lane(self, "heartbeat")
        self._sent_at: float | None = None
        self._ping_ok = True
        self._live_ok = True
        self._lost = False
        self.as_of = clock.now()  # the window opens on data just read
        worker.database_unavailable.connect(self._on_worker_database_unavailable)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @property
    def connected(self) -> bool:
        return not self._lost

    def follow(self, bridge: LiveBridge) -> None:
        """Count the live feed's connection too: lost at once when it drops, back when it is."""
        self._live_ok = bridge.connected
        bridge.connection_changed.connect(self._on_bridge_connection_changed)
        self._update()

    @Slot()
    def check(self) -> None:
        """Send a ping, unless one is still out: then, if it is overdue, the connection is lost."""
        if self._runner.busy():
            if self._sent_at is not None and time.monotonic() - self._sent_at > self._patience_s:
                self._ping_ok = False
                self._update()
            return
        self._sent_at = time.monotonic()
        self._runner.submit(self._ping, self._on_pinged, self._on_ping_failed)

    def _on_pinged(self, ok: object) -> None:
        self._sent_at = None
        self._ping_ok = bool(ok)
        if self._ping_ok and self._live_ok:
            self.as_of = self._clock.now()
        self._update()

    def _on_ping_failed(self, exc: BaseException) -> None:
        self._sent_at = None
        if not isinstance(exc, UserError):  # DatabaseUnavailable is the expected answer
            log.warning("database heartbeat failed: %r", exc)
        self._ping_ok = False
        self._update()

    @Slot()
    def _on_worker_database_unavailable(self) -> None:
        self._ping_ok = False  # the next ping that succeeds says it is back
        self._update()

    @Slot(bool)
    def _on_bridge_connection_changed(self, connected: bool) -> None:
        self._live_ok = connected
        self._update()

    def _update(self) -> None:
        lost = not (self._ping_ok and self._live_ok)
        if lost == self._lost:
            return
        self._lost = lost
        if lost:
            log.warning("database connection lost; showing data as of %s", station_time(self.as_of))
            self._worker.set_offline(station_time(self.as_of))
            self.lost.emit(self.as_of)
        else:
            log.info("database connection back")
            self._worker.set_offline(None)
            self.as_of = self._clock.now()
            self.restored.emit()

    def stop(self) -> None:
        """No more pings (the window is closing); waits (bounded) for one still out."""
        self._timer.stop()
        self._runner.wait(SHUTDOWN_WAIT_MS)


class ConnectionBar(QToolBar):
    """The red "connection lost — showing data as of HH:MM:SS" bar across the top of the window."""

    def __init__(self, watch: ConnectionWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBar")  # saved with the window's state; ``sync`` corrects it
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not a toolbar the user may hide
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self._watch = watch
        self.label = QLabel(self)
        self.label.setObjectName("connectionLost")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setStyleSheet("background:#b71c1c;color:white;font-weight:bold;padding:6px 10px")
        self.addWidget(self.label)
        watch.lost.connect(self._on_watch_lost)
        watch.restored.connect(self.sync)
        self.sync()

    def message(self, as_of: dt.datetime) -> str:
        return self.tr(
            "⚠ 与数据库的连接已断开 — 显示的是 {0} 时的数据。正在自动重连; 恢复前不能确认、派警或修改。"
        ).format(station_time(as_of))

    @Slot(object)
    def _on_watch_lost(self, as_of: dt.datetime) -> None:
        self.label.setText(self.message(as_of))
        self.setVisible(True)

    @Slot()
    def sync(self) -> None:
        """Shown exactly while the connection is lost (also after the window's state is restored)."""
        if not self._watch.connected:
            self.label.setText(self.message(self._watch.as_of))
        self.setVisible(not self._watch.connected)
