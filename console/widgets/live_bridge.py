"""LiveBridge: the change feed as Qt signals, so every pane follows what other consoles do.

PostgreSQL: a ``QSocketNotifier`` on the listening connection wakes the bridge the moment a
NOTIFY arrives; ``ChangeFeed.poll`` then drains it without blocking. A slow fallback timer also
polls (catching anything a lost wake-up missed) and notices a dropped connection; reconnecting
(which may block on the network) runs on a worker thread, and the next poll delivers everything
missed meanwhile; a failed reconnect is tried again every second. SQLite: a timer polls every
100 ms (``PRAGMA data_version`` first: cheap). When the change log was pruned before the missed
rows were read (a console cut off for longer than the pruning window), ``resync_required`` asks
the panes to reload everything instead.

One bridge per console is enough: build it once and hand it to every pane that wants live data.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from console.live import RESYNC, Change, ChangeFeed
from console.widgets.worker import SHUTDOWN_WAIT_MS, DatabaseWorker

log = logging.getLogger(__name__)

SQLITE_POLL_MS = 100
FALLBACK_POLL_MS = 2000
PRUNE_EVERY_MS = 60 * 60 * 1000
RECONNECT_RETRY_MS = 1000  # back within a second or two of the database returning


class LiveBridge(QObject):
    """Turns database changes into signals on the GUI thread."""

    changed = Signal(str, int)
    """A row changed in the database: (topic, entity id); topic is alert, household or watchlist."""
    alert_changed = Signal(int)
    """An alert was raised, grouped (count went up), acknowledged, dispatched, resolved or escalated."""
    household_changed = Signal(int)
    """A household was updated (its verification colour may have changed)."""
    watchlist_changed = Signal(int)
    """A watchlist entry was added, edited or expired."""
    connection_changed = Signal(bool)
    """The live connection was lost (False) or is back (True); after True, missed changes follow."""
    resync_required = Signal()
    """Changes were pruned from the log before this console read them: reload everything shown."""

    def __init__(
        self,
        feed: ChangeFeed,
        worker: DatabaseWorker,
        parent: QObject | None = None,
        *,
        poll_ms: int = SQLITE_POLL_MS,
        fallback_ms: int = FALLBACK_POLL_MS,
        retry_ms: int = RECONNECT_RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._feed = feed
        self._notifier: QSocketNotifier | None = None
        self._reconnecting = False
        self._closed = False
        self._connected = feed.connected
        self._runner = worker.lane(self)
        self._polling = False
        self._poll_again = False
        self._listening = feed.backend == "postgresql"
        self._timer = QTimer(self)
        self._timer.setInterval(fallback_ms if self._listening else poll_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self._prune_timer = QTimer(self)
        self._prune_timer.setInterval(PRUNE_EVERY_MS)
        self._prune_timer.timeout.connect(self._on_prune_timer_timeout)
        self._prune_timer.start()
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(retry_ms)
        self._retry_timer.timeout.connect(self._on_retry_timer_timeout)
        self._watch_socket()

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def feed(self) -> ChangeFeed:
        return self._feed

    # -- polling -------------------------------------------------------------------------------
    def poll(self) -> None:
        """Read pending changes (timer, socket, or on demand); they are emitted when the read returns.

        The read runs on the bridge's worker, never on the GUI thread, and at most one at a time:
        a poll asked for meanwhile runs right after, so nothing that arrived is left waiting.
        """
        if self._closed or self._reconnecting:
            return
        if not self._feed.connected:
            self._set_connected(False)
            self._start_reconnect()
            return
        if self._polling:
            self._poll_again = True
            return
        self._polling = True
        feed = self._feed
        self._runner.submit(lambda: feed.poll(reconnect=False), self._on_polled, self._on_poll_failed)

    def _on_polled(self, changes: list[Change]) -> None:
        self._polling = False
        if self._closed:
            return
        if not self._feed.connected:  # the read found the connection gone
            self._drop_notifier()
            self._set_connected(False)
            self._start_reconnect()
            return
        if self._notifier is not None:
            self._notifier.setEnabled(True)  # notifications were drained by the read
        self._set_connected(True)
        self._emit(changes)
        if self._feed.backlog or self._poll_again:
            self._poll_again = False
            self.poll()

    def _on_poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        raise exc  # ChangeFeed.poll handles connection errors itself: anything else is a bug

    def _emit(self, changes: list[Change]) -> None:
        for change in changes:
            if change.topic == RESYNC:
                self.resync_required.emit()
                continue
            self.changed.emit(change.topic, change.entity_id)
            if change.topic == "alert":
                self.alert_changed.emit(change.entity_id)
            elif change.topic == "household":
                self.household_changed.emit(change.entity_id)
            elif change.topic == "watchlist":
                self.watchlist_changed.emit(change.entity_id)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.poll()

    @Slot()
    def _on_notifier_activated(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)  # re-armed when the read has drained the socket
        self.poll()

    # -- connection ----------------------------------------------------------------------------
    def _watch_socket(self) -> None:
        fd = self._feed.fileno() if self._listening else None
        if fd is None:
            return
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _start_reconnect(self) -> None:
        if self._reconnecting or self._closed:
            return
        self._drop_notifier()
        self._reconnecting = True
        self._runner.submit(self._feed.reconnect, self._on_reconnected, self._on_reconnect_failed)

    def _on_reconnected(self, ok: object) -> None:
        self._reconnecting = False
        if self._closed:
            return
        if ok:
            self._watch_socket()
            self.poll()  # everything missed while away
        else:
            self._set_connected(False)
            self._retry_timer.start()

    def _on_reconnect_failed(self, exc: BaseException) -> None:
        log.warning("live feed reconnect failed: %s", exc)
        self._reconnecting = False
        if not self._closed:
            self._retry_timer.start()

    @Slot()
    def _on_retry_timer_timeout(self) -> None:
        self.poll()

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self.connection_changed.emit(connected)

    @Slot()
    def _on_prune_timer_timeout(self) -> None:
        self._runner.submit(
            self._feed.prune, lambda _n: None, lambda exc: log.warning("prune failed: %s", exc)
        )

    def close(self) -> None:
        """Stop polling, wait (bounded) for a running read or reconnect, release the connection."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._prune_timer.stop()
        self._retry_timer.stop()
        self._drop_notifier()
        # Bounded: a read stuck on a silent server must not freeze the closing window (libpq
        # gives up on it by itself within seconds; the feed's connection goes with the process).
        if self._runner.wait(SHUTDOWN_WAIT_MS):
            self._feed.close()
        else:
            log.warning("the live feed's last read had not returned at close")
