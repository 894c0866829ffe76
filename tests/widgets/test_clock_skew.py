"""The status bar warns when this computer's clock is more than 5 s off the database server's, and
the times on screen follow the server (issue 13, "Clocks"). Real widgets, offscreen, both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console import app as console_app
from console.clock import SystemClock
from console.config import Settings
from console.services.container import build_services
from console.widgets import theme
from console.widgets.clock_skew import ClockSkewLabel
from console.widgets.worker import DatabaseWorker
from tests.services.test_console_clock import SHIFT, ShiftedClock
from tests.widgets.windows import open_main_window


@pytest.fixture(autouse=True)
def ui_store(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """Window state in this test's own directory, so no other test's layout leaks in."""
    store = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(store))
    yield store
    theme.apply_theme(qapp, "dark")


def measured(qtbot: QtBot, label: ClockSkewLabel) -> float:
    qtbot.waitUntil(lambda: label.skew is not None, timeout=10000)
    assert label.skew is not None
    return label.skew


@pytest.mark.parametrize("shift", [SHIFT, -SHIFT], ids=["ahead", "behind"])
def test_a_clock_ten_minutes_off_is_named_in_the_status_bar_and_the_screen_follows_the_server(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, shift: dt.timedelta
) -> None:
    clock = ShiftedClock(shift)
    host = QWidget()
    qtbot.addWidget(host)
    label = ClockSkewLabel(build_services(engine, clock).health, db_worker, clock, host)
    host.show()
    measured(qtbot, label)
    assert label.isVisible()
    assert label.text() == "⚠ 本机时钟与数据库服务器相差 600 秒，时间以服务器为准"
    assert ("快 600 秒" if shift > dt.timedelta(0) else "慢 600 秒") in label.toolTip()
    # What the console shows from now on is the server's time, not its own wrong one.
    assert abs(clock.now() - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=5)


def test_a_right_clock_shows_no_warning(qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine) -> None:
    clock = SystemClock()
    host = QWidget()
    qtbot.addWidget(host)
    label = ClockSkewLabel(build_services(engine, clock).health, db_worker, clock, host)
    host.show()
    assert abs(measured(qtbot, label)) < 5
    assert not label.isVisible() and label.text() == ""


def test_the_main_window_warns_at_start_when_the_clock_is_off(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine
) -> None:
    services = build_services(engine, ShiftedClock(SHIFT))
    actor = services.users.ensure_user("zhang", "张值班", "duty_officer")
    settings = Settings(db_url=engine.url.render_as_string(hide_password=False))
    window, _workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    measured(qtbot, window.clock_skew_label)
    assert window.clock_skew_label.isVisible()
    assert window.statusBar().isAncestorOf(window.clock_skew_label)
    assert "相差 600 秒" in window.clock_skew_label.text()


def test_the_warning_reads_in_english_in_an_english_console(
    qtbot: QtBot, qapp: QApplication, db_worker: DatabaseWorker, engine: Engine
) -> None:
    locale = QLocale()
    translators = console_app.install_translations(qapp, "en")
    try:
        clock = ShiftedClock(SHIFT)
        host = QWidget()
        qtbot.addWidget(host)
        label = ClockSkewLabel(build_services(engine, clock).health, db_worker, clock, host)
        host.show()
        measured(qtbot, label)
        assert label.text() == (
            "⚠ This computer's clock is 600 s off the database server's; times shown follow the server"
        )
        assert label.toolTip().startswith("This computer's clock is 600 s ahead of the database server's.")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
