"""Making new critical/high alerts impossible to miss: a sound and a tray message (never for low).

Sound uses QSoundEffect (QtMultimedia) with the WAVs in resources/sounds/. Without QtMultimedia,
its libraries or an audio device, the console stays silent rather than failing, and says so once
(``sound_problem``; the main window's status bar shows it); the row highlight and the banner in the
feed still show the alert.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from console.services.alerts import AlertRow
from console.widgets.feed_model import KIND_TITLES, title

log = logging.getLogger(__name__)


def sound_path(name: str) -> str:
    return str(files("console.resources") / "sounds" / name)


def sound_problem() -> str | None:
    """Why alert sounds cannot play on this computer (in the UI language), or None when they can."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:  # e.g. libpulse missing: silent, not broken
        log.info("no sound: QtMultimedia unavailable (%s)", exc)
        return QCoreApplication.translate("AlertNotifier", "声音组件 (QtMultimedia) 无法加载")
    if not QMediaDevices.audioOutputs():
        log.info("no sound: no audio output device")
        return QCoreApplication.translate("AlertNotifier", "本机没有可用的音频输出设备")
    return None


def _load_effect(name: str, parent: QObject) -> Any:
    """A QSoundEffect for ``name``, or None when sound is unavailable here."""
    if sound_problem() is not None:
        return None
    from PySide6.QtMultimedia import QSoundEffect

    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(sound_path(name)))
    effect.setVolume(0.9)
    return effect


class AlertNotifier(QObject):
    """Plays the alarm and shows a tray message for urgent alerts; counts what it raised."""

    alerted = Signal(int, bool)
    """An urgent alert was announced: (alert id, escalated)."""

    def __init__(self, parent: QObject | None = None, *, sound: bool = True) -> None:
        super().__init__(parent)
        self.sound_enabled = sound
        self._effects: dict[str, Any] = {}
        self._sound_ready = False
        self._tray: QSystemTrayIcon | None = None
        self.announced: list[tuple[int, bool]] = []
        self.reminded: list[list[int]] = []  # the ids of each reminder of overdue alerts

    def announce(self, row: AlertRow, *, escalated: bool = False) -> bool:
        """Sound and tray for an urgent alert; nothing (False) for medium or low ones."""
        if not row.urgent:
            return False
        self.announced.append((row.id, escalated))
        if self.sound_enabled:
            self._play("escalate.wav" if escalated else "alert.wav")
        self._show_tray(row, escalated)
        self.alerted.emit(row.id, escalated)
        return True

    def remind(self, rows: list[AlertRow]) -> bool:
        """One sound and one tray message for overdue alerts still unacknowledged (urgent ones only)."""
        urgent = [r for r in rows if r.urgent]
        if not urgent:
            return False
        self.reminded.append([r.id for r in urgent])
        if self.sound_enabled:
            self._play("escalate.wav")
        if QSystemTrayIcon.isSystemTrayAvailable():
            first = urgent[0]
            self._ensure_tray().showMessage(
                self.tr("{0} 条预警仍超时未确认").format(len(urgent)),
                f"{title(KIND_TITLES, first.kind)} {first.community_name} {first.summary or first.matched}",
                QSystemTrayIcon.MessageIcon.Critical,
                10_000,
            )
        return True

    def _ensure_tray(self) -> QSystemTrayIcon:
        if self._tray is None:
            pixmap = QPixmap(32, 32)
            pixmap.fill(QColor("#d32f2f"))
            self._tray = QSystemTrayIcon(QIcon(pixmap), self)
            self._tray.show()
        return self._tray

    def _play(self, name: str) -> None:
        if not self._sound_ready:
            self._sound_ready = True
            for wav in ("alert.wav", "escalate.wav"):
                self._effects[wav] = _load_effect(wav, self)
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()

    def _show_tray(self, row: AlertRow, escalated: bool) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = self._ensure_tray()
        heading = self.tr("预警超时未确认") if escalated else self.tr("新预警")
        kind = title(KIND_TITLES, row.kind)
        tray.showMessage(
            f"{heading}: {kind} {row.community_name}",
            row.summary or row.matched,
            QSystemTrayIcon.MessageIcon.Critical,
            10_000,
        )


class OverdueNotifier(QObject):
    """Re-alerts the duty officer, once per dispatch, when officers are not at the door in time."""

    overdue_announced = Signal(int)
    """A dispatch passed the station's response target without arrival (its id); said once."""

    def __init__(self, parent: QObject | None = None, *, sound: bool = True) -> None:
        super().__init__(parent)
        self.sound_enabled = sound
        self._effect: Any = None
        self._sound_ready = False
        self._tray: QSystemTrayIcon | None = None
        self.announced: list[int] = []

    def announce(self, dispatch_id: int, heading: str, text: str) -> bool:
        """Sound and tray message for ``dispatch_id``; False (silent) if it was announced before."""
        if dispatch_id in self.announced:
            return False
        self.announced.append(dispatch_id)
        if self.sound_enabled:
            if not self._sound_ready:
                self._sound_ready = True
                self._effect = _load_effect("escalate.wav", self)
            if self._effect is not None:
                self._effect.play()
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                pixmap = QPixmap(32, 32)
                pixmap.fill(QColor("#d32f2f"))
                self._tray = QSystemTrayIcon(QIcon(pixmap), self)
                self._tray.show()
            self._tray.showMessage(heading, text, QSystemTrayIcon.MessageIcon.Critical, 10_000)
        self.overdue_announced.emit(dispatch_id)
        return True
