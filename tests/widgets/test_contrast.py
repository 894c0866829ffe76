"""Text contrast (WCAG 2.x) of the console's palettes, in both themes: at least 4.5:1 for text, 3:1
for disabled text, and for the severity badges' text on their colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from console.widgets import theme

Role, Group = QPalette.ColorRole, QPalette.ColorGroup


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_the_wcag_examples() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", theme.THEMES)
def test_text_on_its_background_reads_in_both_themes(name: str) -> None:
    pal = theme.palette(name)
    pairs = {
        "window text": (Role.WindowText, Role.Window, 4.5),
        "base text": (Role.Text, Role.Base, 4.5),
        "alternate rows": (Role.Text, Role.AlternateBase, 4.5),
        "button text": (Role.ButtonText, Role.Button, 4.5),
        "highlighted text": (Role.HighlightedText, Role.Highlight, 4.5),
        "tooltip": (Role.ToolTipText, Role.ToolTipBase, 4.5),
        "link": (Role.Link, Role.Base, 4.5),
        "placeholder": (Role.PlaceholderText, Role.Base, 3.0),
    }
    low = []
    for what, (fg, bg, need) in pairs.items():
        ratio = contrast(pal.color(Group.Active, fg), pal.color(Group.Active, bg))
        if ratio < need:
            low.append(f"{what} {ratio:.2f}")
    for fg, bg in ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button)):
        ratio = contrast(pal.color(Group.Disabled, fg), pal.color(Group.Disabled, bg))
        if ratio < 3.0:
            low.append(f"disabled {fg.name} {ratio:.2f}")
    assert not low, f"{name}: {low}"


@pytest.mark.parametrize("severity", theme.SEVERITY_ORDER)
def test_severity_badge_text_reads_on_its_colour(severity: str) -> None:
    background = QColor(theme.SEVERITY_COLOURS[severity])
    text = QColor(theme.badge_text_colour(severity))
    assert contrast(text, background) >= 4.5, severity
