"""Small widgets and helpers every pane may use: empty states, placeholders, background calls."""

from __future__ import annotations

import contextlib
import itertools
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.errors import UserError

log = logging.getLogger(__name__)


class EmptyState(QWidget):
    """A calm, centred message where a list or view has nothing to show yet."""

    def __init__(self, title: str, text: str = "", badge: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so a "focus this pane" shortcut lands here
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("emptyStateTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)
        self.badge_label = QLabel(badge, self)
        self.badge_label.setObjectName("emptyStateBadge")
        self.badge_label.setVisible(bool(badge))
        layout.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.text_label = QLabel(text, self)
        self.text_label.setObjectName("emptyStateText")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.text_label.setVisible(bool(text))
        layout.addSpacing(6)
        layout.addWidget(self.text_label)
        layout.addStretch(3)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self.text_label.setVisible(bool(text))


class ComingSoonPane(EmptyState):
    """Placeholder for a pane another issue is building: its title and what it will do."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(title, description, "", parent)
        self.badge_label.setText(self.tr("即将推出"))
        self.badge_label.setVisible(True)
        self.pane_title = title


class _CallDone(QObject):
    """Carries a finished call back to the GUI thread (the receiver lives there, so it is queued)."""

    done = Signal(int, bool, object)


class _Call(QRunnable):
    def __init__(self, call_id: int, fn: Callable[[], Any], carrier: _CallDone) -> None:
        super().__init__()
        self._id = call_id
        self._fn = fn
        self._carrier = carrier

    def run(self) -> None:
        try:
            result: Any = self._fn()
            ok = True
        except BaseException as exc:  # delivered to the caller's on_failure or the crash handler
            result, ok = exc, False
        # RuntimeError: the owner was deleted while the call ran; nobody is waiting for the answer.
        with contextlib.suppress(RuntimeError):
            self._carrier.done.emit(self._id, ok, result)


class BackgroundRunner(QObject):
    """Runs blocking callables (database, network) off the GUI thread; callbacks run on the GUI thread.

    Owned by a window or pane; call ``wait()`` before it goes away so no worker thread is left running.
    """

    user_error = Signal(str)
    """A call without its own failure handler failed in a way the user can act on (its message)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._carrier = _CallDone(self)
        self._carrier.done.connect(self._on_call_done, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn()`` on a worker; then ``on_success(result)`` or ``on_failure(exc)`` on the GUI thread."""
        call_id = next(self._ids)
        self._pending[call_id] = (on_success, on_failure)
        self._pool.start(_Call(call_id, fn, self._carrier))

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the running calls finish (at window close); True if none is left."""
        return self._pool.waitForDone(msecs)

    @Slot(int, bool, object)
    def _on_call_done(self, call_id: int, ok: bool, value: object) -> None:
        on_success, on_failure = self._pending.pop(call_id, (None, None))
        if ok:
            if on_success is not None:
                on_success(value)
        elif on_failure is not None:
            on_failure(value)  # type: ignore[arg-type]
        elif isinstance(value, UserError):
            # Database unreachable, permission denied…: the user can act on it; not a crash.
            log.warning("%s", value)
            self.user_error.emit(str(value))
        elif isinstance(value, BaseException):
            sys.excepthook(type(value), value, value.__traceback__)
