"""Check boxes, radio buttons and the close icon stay visible in both themes (grabbed, real widgets)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.widgets import theme
from tests.widgets.test_contrast import contrast

NON_TEXT_CONTRAST = 3.0  # WCAG 1.4.11: user-interface components against what is next to them


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    yield
    theme.apply_theme(qapp, "dark")


def _best_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    best = 1.0
    for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height())):
        for x in range(max(rect.left(), 0), min(rect.right() + 1, image.width())):
            best = max(best, contrast(image.pixelColor(x, y), background))
    return best


def _indicator(qtbot: QtBot, button: QCheckBox | QRadioButton, element: QStyle.SubElement) -> float:
    """The best contrast of the indicator's pixels against the window colour behind it."""
    host = QWidget()
    QVBoxLayout(host).addWidget(button)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    rect = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    scale = image.devicePixelRatio()
    rect = QRect(
        int(rect.x() * scale), int(rect.y() * scale), int(rect.width() * scale), int(rect.height() * scale)
    )
    return _best_contrast(image, rect, host.palette().color(QPalette.ColorRole.Window))


@pytest.mark.parametrize("name", theme.THEMES)
@pytest.mark.parametrize("checked", [False, True])
def test_check_box_and_radio_indicators_stand_out_from_the_window(
    qtbot: QtBot, qapp: QApplication, themed: None, name: str, checked: bool
) -> None:
    theme.apply_theme(qapp, name)
    box = QCheckBox("到期时间")
    box.setChecked(checked)
    radio = QRadioButton("布控车辆")
    radio.setChecked(checked)
    assert _indicator(qtbot, box, QStyle.SubElement.SE_CheckBoxIndicator) >= NON_TEXT_CONTRAST
    assert _indicator(qtbot, radio, QStyle.SubElement.SE_RadioButtonIndicator) >= NON_TEXT_CONTRAST


@pytest.mark.parametrize("name", theme.THEMES)
@pytest.mark.parametrize(
    "pixmap",
    [
        QStyle.StandardPixmap.SP_TitleBarCloseButton,
        QStyle.StandardPixmap.SP_DockWidgetCloseButton,
        QStyle.StandardPixmap.SP_DialogCloseButton,
    ],
)
def test_the_close_icon_reads_on_the_themes_background(
    qapp: QApplication, themed: None, name: str, pixmap: QStyle.StandardPixmap
) -> None:
    theme.apply_theme(qapp, name)
    icon = qapp.style().standardIcon(pixmap)
    image = icon.pixmap(QSize(16, 16)).toImage()
    background = qapp.palette().color(QPalette.ColorRole.Window)
    opaque = [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert opaque, "the close icon draws nothing"
    assert max(contrast(c, background) for c in opaque) >= NON_TEXT_CONTRAST
