"""The feed's severity filter buttons: a filter that is on must look on, in either theme."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from console.widgets import theme
from console.widgets.feed_filters import FeedFilterBar


def mean_colour(image: QImage) -> tuple[float, float, float]:
    """The average colour of the button's inside (its text and its fill)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    total = [0, 0, 0]
    pixels = 0
    for y in range(2, image.height() - 2):
        for x in range(2, image.width() - 2):
            c = image.pixelColor(x, y)
            total[0] += c.red()
            total[1] += c.green()
            total[2] += c.blue()
            pixels += 1
    return (total[0] / pixels, total[1] / pixels, total[2] / pixels)


@pytest.fixture
def bar(qapp: QApplication, qtbot: Any) -> Any:
    widget = FeedFilterBar()
    qtbot.addWidget(widget)
    widget.resize(900, 40)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop()
    theme.apply_theme(qapp, "dark")


@pytest.mark.parametrize("theme_name", ["dark", "light"])
@pytest.mark.parametrize("severity", ["critical", "high", "medium", "low"])
def test_a_checked_severity_filter_looks_clearly_different_from_an_unchecked_one(
    qapp: QApplication, bar: Any, theme_name: str, severity: str
) -> None:
    theme.apply_theme(qapp, theme_name)
    button = bar.severity_buttons[severity]
    off_text = button.text()
    off = mean_colour(button.grab().toImage())
    off_edge = button.grab().toImage().pixelColor(button.width() // 2, 0)
    button.setChecked(True)
    qapp.processEvents()
    on_image = button.grab().toImage()
    on = mean_colour(on_image)
    on_edge = on_image.pixelColor(button.width() // 2, 0)
    # The fill alone moves the average colour far beyond the 9 RGB levels the old style managed.
    assert max(abs(a - b) for a, b in zip(on, off, strict=True)) > 60, (severity, theme_name, on, off)
    # A strong border, and a check mark in the words for an officer who does not tell colours apart.
    assert abs(on_edge.lightness() - off_edge.lightness()) > 40, (on_edge.name(), off_edge.name())
    assert button.text() == f"✓ {off_text}"
    button.setChecked(False)
    assert button.text() == off_text
