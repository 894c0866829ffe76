"""Night (dark) and day (light) themes: palette, stylesheet, fonts and the shared status colours.

Other widgets take their colours from here (``SEVERITY_COLOURS``, ``VERIFICATION_COLOURS``) so a
critical alert is the same red in the feed, on the map and in the statistics.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from console import verification_status

# Where QSettings keeps the per-user window state (the same names as the application's own).
ORGANISATION = "duty-console"
APPLICATION = "duty-console"

THEMES = ("dark", "light")
DEFAULT_THEME = "dark"

# Chinese-capable families first; Qt falls back along the list per glyph.
FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "sans-serif"]
# Duty-room screens are read from a chair a little back from the desk: no 9 pt text.
BASE_POINT_SIZE = 11

# Alert severity (contracts/events.md). Saturated enough to read on both themes.
SEVERITY_COLOURS: dict[str, str] = {
    "critical": "#ff4d4f",  # red
    "high": "#ff8c1a",  # orange
    "medium": "#f2c230",  # amber
    "low": "#7f93b2",  # grey-blue
}
SEVERITY_ORDER = ("critical", "high", "medium", "low")

# Household verification (DOMAIN.md): green <= 30 days, orange 31-90, red > 90 or never, grey where
# nothing is to be verified. Defined once in console.verification_status (statuses and colours).
VERIFICATION_COLOURS: dict[str, str] = verification_status.COLOURS

# Connection state in the status bar.
STATE_COLOURS: dict[str, str] = {"ok": "#3fb950", "down": "#ff4d4f", "unknown": "#8b949e"}

_PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "dark": {
        QPalette.ColorRole.Window: "#161b22",
        QPalette.ColorRole.WindowText: "#d7dde4",
        QPalette.ColorRole.Base: "#0d1117",
        QPalette.ColorRole.AlternateBase: "#141a21",
        QPalette.ColorRole.ToolTipBase: "#21262d",
        QPalette.ColorRole.ToolTipText: "#e6edf3",
        QPalette.ColorRole.PlaceholderText: "#6e7681",
        QPalette.ColorRole.Text: "#d7dde4",
        QPalette.ColorRole.Button: "#21262d",
        QPalette.ColorRole.ButtonText: "#d7dde4",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#1f6feb",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#58a6ff",
        QPalette.ColorRole.Mid: "#30363d",
        QPalette.ColorRole.Dark: "#0b0f14",
        QPalette.ColorRole.Light: "#30363d",
    },
    "light": {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1f2328",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f8fa",
        QPalette.ColorRole.ToolTipBase: "#ffffe8",
        QPalette.ColorRole.ToolTipText: "#1f2328",
        QPalette.ColorRole.PlaceholderText: "#8c959f",
        QPalette.ColorRole.Text: "#1f2328",
        QPalette.ColorRole.Button: "#e9ebee",
        QPalette.ColorRole.ButtonText: "#1f2328",
        QPalette.ColorRole.BrightText: "#000000",
        QPalette.ColorRole.Highlight: "#0969da",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#0969da",
        QPalette.ColorRole.Mid: "#d0d7de",
        QPalette.ColorRole.Dark: "#afb8c1",
        QPalette.ColorRole.Light: "#ffffff",
    },
}


def ui_settings() -> QSettings:
    """Per-user window state (geometry, dock layout, theme). Tests point IniFormat/UserScope at tmp_path.

    Here, not in main_window, so the start-up reads the theme before the window's imports."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def qcolor(hex_colour: str) -> QColor:
    """A QColor for one of the hex constants above."""
    return QColor(hex_colour)


def severity_colour(severity: str) -> QColor:
    return QColor(SEVERITY_COLOURS.get(severity, SEVERITY_COLOURS["low"]))


BADGE_TEXT = "#111111"
"""Text on a severity or verification colour (badges): dark, at least 4.5:1 on each of them
(tests/widgets/test_contrast.py)."""


def badge_text_colour(severity: str) -> str:
    """The text colour of a badge painted in ``severity``'s colour."""
    return BADGE_TEXT


def verification_colour(state: str) -> QColor:
    return QColor(VERIFICATION_COLOURS.get(state, VERIFICATION_COLOURS["grey"]))


def normalise_theme(name: str | None) -> str:
    return name if name in THEMES else DEFAULT_THEME


def palette(name: str) -> QPalette:
    pal = QPalette()
    for role, colour in _PALETTES[normalise_theme(name)].items():
        pal.setColor(QPalette.ColorGroup.All, role, QColor(colour))
    # at least 3:1 on the window and on buttons (tests/widgets/test_contrast.py)
    disabled = QColor("#6e7681" if normalise_theme(name) == "dark" else "#6e7781")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def stylesheet(name: str) -> str:
    return (files("console.resources") / "styles" / f"{normalise_theme(name)}.qss").read_text(
        encoding="utf-8"
    )


def base_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(BASE_POINT_SIZE)
    return font


_CLOSE_PIXMAPS = frozenset(
    {
        QStyle.StandardPixmap.SP_TitleBarCloseButton,
        QStyle.StandardPixmap.SP_DockWidgetCloseButton,
        QStyle.StandardPixmap.SP_DialogCloseButton,
    }
)


def close_icon(colour: QColor) -> QIcon:
    """A close cross (×) in ``colour``: Fusion's own is black, invisible on the night theme."""
    icon = QIcon()
    for size in (10, 12, 16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, max(1.5, size / 8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        inset = size * 0.25
        painter.drawLine(QPointF(inset, inset), QPointF(size - inset, size - inset))
        painter.drawLine(QPointF(size - inset, inset), QPointF(inset, size - inset))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class ThemeStyle(QProxyStyle):
    """Fusion, with the close icons (dock title bars, dialog 关闭 buttons) drawn in the text colour."""

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if standardIcon in _CLOSE_PIXMAPS:
            pal = option.palette if option is not None else QApplication.palette()
            return close_icon(pal.color(QPalette.ColorRole.WindowText))
        return super().standardIcon(standardIcon, option, widget)


def apply_theme(app: QApplication, name: str) -> str:
    """Apply theme ``name`` (dark|light) to the whole application; returns the theme applied."""
    name = normalise_theme(name)
    app.setFont(base_font())
    app.setPalette(palette(name))
    # The same look on every desktop (Fusion; the palette drives it), set after the palette so
    # that the close icons take the theme's text colour.
    app.setStyle(ThemeStyle("Fusion"))
    app.setStyleSheet(stylesheet(name))
    app.setProperty("duty_console_theme", name)
    return name


def current_theme(app: QApplication) -> str:
    return normalise_theme(app.property("duty_console_theme"))
