"""The idle lock: after a set time without keyboard or mouse input the console hides every window
that may show personal data and asks the signed-in user's password again (CJIS 5.5.5: at most 30
minutes). Alerts keep arriving underneath and are all there when the user is back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Calls ``on_idle`` once the application has seen no input for ``minutes``."""

    def __init__(self, minutes: float, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_idle = on_idle
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        self._timer.timeout.connect(self._on_timer_timeout)
        self.paused = False
        # Input is watched on each window the user brings to the front (QWindow-level filters see
        # every key and click of that window), not with an application-wide filter, which would
        # have PySide wrap every object of every event, including ones being destroyed.
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_app_focus_window_changed)
            focused = app.focusWindow()
            if focused is not None:
                focused.installEventFilter(self)
        self._timer.start()

    def watch(self, window: QWindow | None) -> None:
        """Count input in ``window`` as activity (windows gaining focus are watched by themselves)."""
        if window is not None:
            window.installEventFilter(self)

    def _on_app_focus_window_changed(self, window: QWindow | None) -> None:
        self.watch(window)
        if window is not None and not self.paused:
            self._timer.start()

    def interval_ms(self) -> int:
        return self._timer.interval()

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        """Stop watching: the window is closing."""
        self.paused = True
        self._timer.stop()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._on_app_focus_window_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.paused:
            self._timer.start()
        return False

    def _on_timer_timeout(self) -> None:
        if not self.paused:
            self._on_idle()


def hide_windows(keep: QWidget | None = None) -> list[QWidget]:
    """Hide every visible top-level window (the main window, dossiers, floating panes) but ``keep``;
    returns them so they can be shown again."""
    hidden: list[QWidget] = []
    for widget in QApplication.topLevelWidgets():
        # Windows and dialogs only: popups, tool tips and Qt's internal top-levels come and go.
        if widget is keep or not widget.isVisible() or widget.windowType() not in _WINDOWS:
            continue
        widget.hide()
        hidden.append(widget)
    return hidden


_WINDOWS = (Qt.WindowType.Window, Qt.WindowType.Dialog)
