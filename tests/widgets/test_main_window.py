"""The desktop shell: window, menus, shortcuts, status bar, themes, translations, settings, start-up."""

from __future__ import annotations

import configparser
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from grid_data import seed_grid
from PySide6.QtCore import QLocale, QSettings, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QStackedWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert

from console import app as console_app
from console.clock import FixedClock
from console.config import Settings, load_settings, settings_path
from console.db import make_engine
from console.models import Alert
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets import theme
from console.widgets.cases_pane import CasesPane
from console.widgets.common import LazyPane
from console.widgets.feed_actions import key_name
from console.widgets.figures_pane import FiguresPane
from console.widgets.main_window import PANE_SHORTCUTS, MainWindow
from console.widgets.worker import DatabaseWorker

DEAD_PG = "postgresql+psycopg://nobody@127.0.0.1:1/x"
CHINESE_MENUS = ["文件(&F)", "视图(&V)", "预警(&A)", "地图(&M)", "案件(&C)", "工具(&T)", "帮助(&H)"]


@pytest.fixture(autouse=True)
def ui_store(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings (window state, theme) in this test's tmp dir; dark theme again afterwards."""
    store = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(store))
    yield store
    theme.apply_theme(qapp, "dark")


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "station.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def services(sqlite_engine: Engine, clock: FixedClock) -> Services:
    return build_services(sqlite_engine, clock)


@pytest.fixture
def actor(services: Services) -> Actor:
    return services.users.ensure_user("zhang", "张值班", "duty_officer")


@pytest.fixture
def settings(sqlite_engine: Engine) -> Settings:
    return Settings(db_url=str(sqlite_engine.url))


def open_window(
    qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings, **kw: object
) -> MainWindow:
    workspace = console_app.build_workspace(services, actor, settings, worker)
    window = MainWindow(services, actor, settings, workspace.panes, worker, **kw)  # type: ignore[arg-type]
    workspace.attach(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


class FlakyHealth:
    """The database edge: a ping whose answer the test decides."""

    def __init__(self) -> None:
        self.up = True

    def ping(self) -> bool:
        return self.up

    def probe(self, url: str) -> str:
        return "ok"

    def clock_skew(self) -> float | None:
        return 0.0 if self.up else None


def test_window_opens_with_chinese_title_menus_user_and_station_time(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    assert "值班台" in window.windowTitle()
    assert window.menu_titles() == CHINESE_MENUS
    assert "张值班" in window.user_label.text() and "值班民警" in window.user_label.text()
    # FixedClock: 2026-03-14 21:00 +08:00, shown in station time
    assert window.clock_label.text() == "2026-03-14 21:00:00 北京时间"
    assert set(window.panes) == set(PANE_SHORTCUTS) - {"accounts", "audit"}  # the administrators' panes
    window.focus_pane("statistics")  # built when first opened (Ctrl+5)
    window.focus_pane("cases")
    assert window.panes["statistics"].tabs.tabText(0) == "警情同比"  # type: ignore[attr-defined]
    assert window.panes["cases"].model.headerData(0, Qt.Orientation.Horizontal) == "案件编号"


def test_every_pane_is_reachable_by_its_shortcut(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    sqlite_engine: Engine,
    clock: FixedClock,
) -> None:
    seed_grid(sqlite_engine, clock.now(), communities=2, residents=False)  # a map to put the keys on
    window = open_window(qtbot, db_worker, services, actor, settings)
    window.docks["cases"].close()  # a pane the user closed comes back with its shortcut too
    window.focus_pane("map")  # built when first shown; its households load on the worker
    grid = window.panes["map"]
    qtbot.waitUntil(lambda: grid.stack.currentWidget() is grid.view, timeout=10_000)  # type: ignore[attr-defined]
    # before each shortcut another pane has the keyboard, the tab-mate of a tabbed pane on top
    rivals = {
        "map": "district_map",
        "district_map": "map",
        "cases": "statistics",
        "statistics": "worklist",
        "worklist": "watchlist",
        "watchlist": "cases",
        "feed": "dispatch",
        "dispatch": "feed",
        "property": "dispatch",
    }
    for key, shortcut in PANE_SHORTCUTS.items():
        if key not in window.panes:
            continue  # the administrators' panes: tests/widgets/test_roles.py
        window.focus_pane(rivals[key])
        qtbot.waitUntil(lambda key=key: window.panes[rivals[key]].hasFocus())
        digit = getattr(Qt.Key, f"Key_{shortcut[-1]}")
        qtbot.keyClick(window, digit, Qt.KeyboardModifier.ControlModifier)
        pane = window.panes[key]
        qtbot.waitUntil(lambda pane=pane: pane.hasFocus(), timeout=2000)
        assert pane.isVisible(), key
        assert not pane.visibleRegion().isEmpty(), f"{key} is hidden behind another tab"
        # the keys typed next reach something of the pane's that takes keys (the map's view for
        # + and -, a list for the arrows), not a pane that ignores them
        focused = QApplication.focusWidget()
        assert focused is not None and (focused is pane or pane.isAncestorOf(focused)), key
        waiting = isinstance(getattr(pane, "stack", None), QStackedWidget) and pane.focusProxy() is None
        if not waiting:  # a pane still loading (or with nothing to show) keeps the keyboard itself
            assert focused.focusPolicy() != Qt.FocusPolicy.NoFocus, f"{key}: {type(focused).__name__} takes no keys"


def test_search_shortcut_and_help_list_the_keys(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    with qtbot.waitSignal(window.search_requested, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(type(window.user_label), "shortcutTable").text()
    for needed in ("Ctrl+1", "Ctrl+5", "Ctrl+F", "F11", "Ctrl+Q", "案件卷宗", "退出"):
        assert needed in text


def test_full_screen_and_back_and_the_default_layout_comes_back(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    for key in ("map", "cases", "statistics"):
        window.docks[key].close()
    window.actions_by_name["reset_layout"].trigger()
    qtbot.waitUntil(lambda: window.docks["map"].isVisible())
    assert all(dock.isVisible() for dock in window.docks.values())
    # the panes in front are built right after the first paint (they start as placeholders)
    qtbot.waitUntil(lambda: not isinstance(window.panes["map"], LazyPane))
    qtbot.waitUntil(lambda: not isinstance(window.panes["worklist"], LazyPane))
    assert not window.panes["map"].visibleRegion().isEmpty()  # the grid map on top of its tab group
    assert not window.panes["worklist"].visibleRegion().isEmpty()  # the verification worklist in front


def test_status_bar_shows_backend_host_and_live_connection(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, settings: Settings
) -> None:
    services = build_services(engine, clock)
    actor = services.users.ensure_user("zhang", "张值班", "duty_officer")
    window = open_window(qtbot, db_worker, services, actor, settings)
    expected = "SQLite" if engine.dialect.name == "sqlite" else "PostgreSQL 127.0.0.1"
    assert expected in window.database_label.text()
    qtbot.waitUntil(lambda: window.connection_label.text() == "● 已连接", timeout=5000)


def test_status_bar_turns_to_connection_lost_when_the_check_fails(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    health = FlakyHealth()
    window = open_window(
        qtbot, db_worker, replace(services, health=health), actor, settings, health_interval_ms=50
    )  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.connection_label.text() == "● 已连接")
    with qtbot.waitSignal(window.connection_changed, check_params_cb=lambda ok: ok is False, timeout=3000):
        health.up = False
    assert window.connection_label.text() == "● 连接中断"
    assert window.connection_label.property("state") == "down"
    with qtbot.waitSignal(window.connection_changed, check_params_cb=lambda ok: ok is True, timeout=3000):
        health.up = True
    assert window.connection_label.text() == "● 已连接"


def test_a_dead_database_shows_its_host_and_connection_lost(
    qtbot: QtBot, db_worker: DatabaseWorker, actor: Actor, settings: Settings, clock: FixedClock
) -> None:
    dead = make_engine(DEAD_PG)
    try:
        window = open_window(qtbot, db_worker, build_services(dead, clock), actor, settings)
        assert "PostgreSQL 127.0.0.1:1/x" in window.database_label.text()
        qtbot.waitUntil(lambda: window.connection_label.text() == "● 连接中断", timeout=8000)
    finally:
        dead.dispose()


def window_colour() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_theme_switch_changes_the_palette_and_persists_in_a_new_window(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    assert window_colour() < 60  # night shift by default
    window.actions_by_name["theme_light"].trigger()
    assert window_colour() > 200
    window.close()
    again = open_window(qtbot, db_worker, services, actor, settings)
    assert window_colour() > 200
    assert again.actions_by_name["theme_light"].isChecked()
    again.actions_by_name["theme_dark"].trigger()
    assert window_colour() < 60


def test_window_geometry_and_closed_panes_are_restored(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    assert (window.width(), window.height()) == (1600, 960)  # first start
    target = window.minimumSizeHint().expandedTo(QSize(1400, 800)) + QSize(40, 40)
    window.resize(target)
    window.docks["statistics"].close()
    qtbot.waitUntil(lambda: window.size() == target)
    chosen = window.size()
    window.close()
    again = open_window(qtbot, db_worker, services, actor, settings)
    assert again.size() == chosen
    assert not again.docks["statistics"].isVisible()
    assert again.docks["worklist"].isVisible()


def test_english_translation_swaps_the_menu_titles(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    qapp: QApplication,
    services: Services,
    actor: Actor,
    settings: Settings,
) -> None:
    locale = QLocale()
    translators = console_app.install_translations(qapp, "en")
    try:
        assert translators, "console_en.qm did not load"
        window = open_window(qtbot, db_worker, services, actor, settings)
        assert window.menu_titles() == ["&File", "&View", "&Alerts", "&Map", "&Cases", "&Tools", "&Help"]
        assert window.connection_label.text() in ("● Checking connection", "● Connected")
        window.focus_pane("statistics")  # built when first opened
        window.focus_pane("cases")
        assert window.panes["statistics"].tabs.tabText(0) == "Incidents, year on year"  # type: ignore[attr-defined]
        assert window.panes["cases"].model.headerData(0, Qt.Orientation.Horizontal) == "Case number"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_language_switch_is_saved_for_the_next_start_without_keeping_a_one_off_db(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    window.actions_by_name["language_en"].trigger()
    assert "重新启动" in window.statusBar().currentMessage()
    saved = configparser.ConfigParser()
    saved.read(settings_path(), encoding="utf-8")
    assert saved["console"]["language"] == "en"
    assert saved["console"]["db_url"] == ""  # the --db of this run is not made permanent
    assert window.menu_titles() == CHINESE_MENUS  # takes effect on restart, as the menu says


def test_settings_dialog_tests_the_connection_off_the_gui_thread_and_saves(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    window.actions_by_name["settings"].trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()

    dialog.db_url.setText(DEAD_PG)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=8000)
    assert "无法连接数据库" in dialog.test_result.text() and "127.0.0.1:1" in dialog.test_result.text()

    dialog.db_url.setText("mysql://someone@host/db")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=8000)
    assert "不支持的数据库类型" in dialog.test_result.text()

    fresh = tmp_path / "other" / "station.db"
    dialog.db_url.setText(f"sqlite:///{fresh}")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=8000)
    assert "连接成功" in dialog.test_result.text() and "空数据库" in dialog.test_result.text()

    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.sound.setChecked(False)
    dialog.accept()
    assert window_colour() > 200
    assert "重新启动" in window.statusBar().currentMessage()
    reloaded = load_settings()
    assert (reloaded.db_url, reloaded.theme, reloaded.sound) == (f"sqlite:///{fresh}", "light", False)


def test_crash_handler_logs_the_traceback_and_tells_the_user(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    handler = console_app.CrashHandler(tmp_path / "logs")
    try:
        raise RuntimeError("slot exploded")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "RuntimeError: slot exploded" in logs[0].read_text(encoding="utf-8")
    assert shown == [f"程序出现内部错误, 已记录日志: {logs[0]}"]


def test_run_console_refuses_an_unreachable_database_with_a_clear_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(console_app, "show_database_error", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_console installs the crash handler
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(console_app, "_log_to_file", lambda: None)
    rc = console_app.run_console(Settings(db_url=DEAD_PG))
    assert rc == 2
    assert len(shown) == 1 and "无法连接数据库 PostgreSQL 127.0.0.1:1/x" in shown[0]


def test_the_feeds_table_has_the_keyboard_at_start_and_after_ctrl_1(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    sqlite_engine: Engine,
    services: Services,
    actor: Actor,
    settings: Settings,
    clock: FixedClock,
) -> None:
    from tests.widgets.test_feed import Raiser

    raiser = Raiser(sqlite_engine, clock.now())
    first = raiser.alert(severity="high", kind="plate_read")
    window = open_window(qtbot, db_worker, services, actor, settings)
    feed = window.panes["feed"]
    view = feed.view  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.currentIndex().isValid(), timeout=10_000)
    assert QApplication.focusWidget() is view  # at start: no click needed
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A)
    qtbot.waitUntil(lambda: feed.model.rows[0].status == "acknowledged", timeout=10_000)  # type: ignore[attr-defined]
    second = raiser.alert(severity="critical", kind="fraud_risk")
    qtbot.waitUntil(lambda: feed.model.rows[0].id == second, timeout=10_000)  # type: ignore[attr-defined]
    window.focus_pane("dispatch")
    qtbot.waitUntil(lambda: window.panes["dispatch"].hasFocus())
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=2000)
    assert feed.selected_row() is not None  # type: ignore[attr-defined]
    assert {r.id for r in feed.model.rows} == {first, second}  # type: ignore[attr-defined]


def test_f1_lists_the_feeds_keys(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    window = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._shortcuts_dialog
    assert dialog is not None
    text = dialog.findChild(type(window.user_label), "shortcutTable").text()
    assert "预警: 选中一行后" in text
    feed_keys = [key for key, _words in window.panes["feed"].key_rows()]  # type: ignore[attr-defined]
    # the duty officer's steps (Return in Qt's words for it: 回车 once Qt's Chinese is installed)
    assert {key_name("Return"), "A", "D", "R", "I", "N", "C"} <= set(feed_keys)
    assert "L" not in feed_keys  # linking an alert to a case is the investigators' (EDIT_CASES)
    for key, words in window.panes["feed"].key_rows():  # type: ignore[attr-defined]
        assert f"<b>{key}</b></td><td>{words}</td>" in text
    for words in ("确认", "派警", "处置…", "查看详情"):
        assert f"<td>{words}</td>" in text
    # the grid map's own keys, once its pane is built (right after the window's first paint)
    dialog.hide()
    window.focus_pane("map")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    text = dialog.findChild(type(window.user_label), "shortcutTable").text()
    assert "<b>网格地图: 按 Ctrl+2 后</b>" in text
    assert "<b>Ctrl+0</b></td><td>显示整个层级</td>" in text and "<td>放大 / 缩小</td>" in text
    # the list fits a 1366×768 screen whole, the window's keys beside the panes' own (one column
    # ran past the screen's bottom edge, the Close button with it); it scrolls inside if it must
    label = dialog.findChild(type(window.user_label), "shortcutTable")
    assert label.sizeHint().height() + 120 <= 768 and label.sizeHint().width() <= 1366
    screen = window.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisible() and dialog.rect().contains(close.geometry().translated(close.parentWidget().pos()))


def _raise_unacknowledged(engine: Engine, now: dt.datetime, *severities: str) -> None:
    rank = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    with engine.begin() as c:
        for severity in severities:
            c.execute(
                insert(Alert).values(
                    kind="report",
                    severity=severity,
                    severity_rank=rank[severity],
                    status="new",
                    summary="群众求助",
                    count=1,
                    first_event_at=now,
                    last_event_at=now,
                    raised_at=now,
                    updated_at=now,
                    version=1,
                    resolution_note="",
                )
            )


def test_ctrl_q_with_urgent_alerts_pending_asks_and_says_how_many(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    sqlite_engine: Engine,
    clock: FixedClock,
) -> None:
    _raise_unacknowledged(sqlite_engine, clock.now(), "critical", "critical", "high", "medium", "low")
    window = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.waitUntil(lambda: window.urgent_pending == 3, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = window.quit_box
    assert box is not None and box.isVisible() and window.isVisible()
    assert "还有 3 条紧急/高等级预警未确认" in box.text()
    buttons = {b.text(): b for b in box.buttons()}
    assert set(buttons) == {"退出", "继续值班"}
    buttons["继续值班"].click()
    qtbot.waitUntil(lambda: window.quit_box is None)
    assert window.isVisible()  # the officer stayed on duty
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.close()  # the window's close button asks the same
    box = window.quit_box
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.text() == "退出").click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_closing_without_urgent_alerts_quits_at_once(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    sqlite_engine: Engine,
    clock: FixedClock,
    qapp: QApplication,
) -> None:
    _raise_unacknowledged(sqlite_engine, clock.now(), "medium", "low")  # not urgent
    window = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.waitUntil(lambda: window.connection_label.text() == "● 已连接")
    assert window.urgent_pending == 0
    window.close()
    assert not window.isVisible() and window.quit_box is None


def test_a_stop_signal_closes_without_asking(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    sqlite_engine: Engine,
    clock: FixedClock,
    qapp: QApplication,
) -> None:
    _raise_unacknowledged(sqlite_engine, clock.now(), "critical")
    other = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.waitUntil(lambda: other.urgent_pending == 1, timeout=5000)
    qapp.setProperty("duty_console_stopping", True)  # what SIGINT/SIGTERM set before closing
    try:
        other.close()
    finally:
        qapp.setProperty("duty_console_stopping", None)
    assert not other.isVisible() and other.quit_box is None


def test_no_audio_device_is_said_once_in_the_status_bar(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    window = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.waitUntil(window.sound_label.isVisible)
    assert window.sound_label.text() == "🔇 无提示音"
    assert "没有可用的音频输出设备" in window.sound_label.toolTip()
    assert "提示音无法播放" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    window.check_sound()  # asked again: not said again
    assert window.statusBar().currentMessage() == ""
    assert window.sound_label.isVisible()


def test_with_an_audio_device_nothing_is_said_about_sound(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: ["speaker"]))
    window = open_window(qtbot, db_worker, services, actor, settings)
    qtbot.wait(50)
    assert not window.sound_label.isVisible()
    assert "提示音" not in window.statusBar().currentMessage()
def test_the_window_is_shown_before_the_panes_nobody_opened_are_built(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    # Start-up shows the feed at once; the maps and the front work tab come right after the first
    # paint, and a pane behind another tab (statistics: pyqtgraph) only when it is first opened.
    workspace = console_app.build_workspace(services, actor, settings, db_worker)
    assert workspace.feed is not None and workspace.is_built("feed")
    lazy = [key for key in workspace.allowed if key != "feed"]
    assert lazy and all(isinstance(workspace.panes[key], LazyPane) for key in lazy)
    assert workspace.figures is None and workspace.district_map is None and workspace.cases is None
    window = MainWindow(services, actor, settings, workspace.panes, db_worker)
    workspace.attach(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isVisible() and window.centralWidget() is workspace.feed
    # on screen at the first paint: built right after it, and swapped into their docks
    qtbot.waitUntil(lambda: workspace.is_built("map") and workspace.is_built("worklist"), timeout=10_000)
    assert window.docks["map"].widget() is workspace.grid_map is window.panes["map"]
    assert window.docks["worklist"].widget() is workspace.worklist
    # behind another tab: still a placeholder, nothing imported or queried for it
    qtbot.wait(200)
    for key in ("statistics", "cases", "district_map"):
        assert not workspace.is_built(key), key
        assert isinstance(window.docks[key].widget(), LazyPane)
    assert workspace.figures is None
    window.actions_by_name["focus_statistics"].trigger()  # Ctrl+5: built when first opened
    assert isinstance(workspace.figures, FiguresPane)
    assert window.docks["statistics"].widget() is workspace.figures is window.panes["statistics"]
    qtbot.waitUntil(lambda: not window.panes["statistics"].visibleRegion().isEmpty())
    # raising a tab by hand (its dock tab clicked) builds it too
    window.docks["cases"].raise_()
    qtbot.waitUntil(lambda: isinstance(workspace.cases, CasesPane), timeout=10_000)
    assert window.docks["cases"].widget() is workspace.cases
    # asking another pane for one builds it: a dossier's series shown on the district map
    assert workspace.district_map is None
    workspace.build_all()
    assert all(workspace.is_built(key) for key in workspace.allowed)
    assert not any(isinstance(window.panes[key], LazyPane) for key in workspace.allowed)
    workspace.shutdown()


LAYOUT_1080 = """
import json, sys, time
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication([])
from console.clock import FixedClock
from console.config import Settings
from console.db import open_database
from console.demo.seed import seed_demo
from console.services.container import build_services
from console.widgets import theme
from console.widgets.common import LazyPane
from console.widgets.main_window import MainWindow
from console.widgets.worker import DatabaseWorker
from console.widgets.workspace import Workspace
from tests.conftest import DEMO_NOW
theme.apply_theme(app, "dark")
engine = open_database(sys.argv[1])
seed_demo(engine, "small", now=DEMO_NOW)
services = build_services(engine, FixedClock(DEMO_NOW))
actor = services.users.ensure_user("zhang", "张值班", "duty_officer")
worker = DatabaseWorker(app)
settings = Settings(db_url=sys.argv[1], sound=False)
workspace = Workspace(services, actor, settings, worker)
window = MainWindow(services, actor, settings, workspace.panes, worker)
workspace.attach(window)
screen = window.screen().availableGeometry()
window.setGeometry(screen)
window.showMaximized()
def wait(ok, seconds=20.0):
    end = time.monotonic() + seconds
    while not ok() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    assert ok()
wait(lambda: not isinstance(window.panes["worklist"], LazyPane))
worklist, feed = workspace.worklist, workspace.feed
wait(lambda: worklist.model.rowCount() > 20 and feed.model.rowCount() > 0)
feed.view.selectRow(0)
browser = feed.detail.browser
wait(lambda: browser.document().size().height() > 100)
for _ in range(20):
    app.processEvents()
    time.sleep(0.01)
table = worklist.table
worklist_rows = table.viewport().height() // table.rowHeight(0)
window.focus_pane("watchlist")  # its tab raised (and the pane built)
for _ in range(20):
    app.processEvents()
    time.sleep(0.01)
watch = workspace.watchlist.view
print(json.dumps({
    "screen": [screen.width(), screen.height()],
    "worklist_rows": worklist_rows,
    "watchlist_rows": watch.viewport().height() // watch.verticalHeader().defaultSectionSize(),
    "detail_scroll": browser.verticalScrollBar().maximum(),
    "detail": [browser.viewport().height(), browser.document().size().height(), feed.height()],
    "worklist": [table.viewport().height(), table.rowHeight(0), worklist.height()],
}))
worker.shutdown()
"""


def test_at_1920_by_1080_the_work_lists_show_a_dozen_rows_and_the_alert_detail_needs_no_scrolling(
    tmp_path: Path,
) -> None:
    # A fresh process, as the console starts: the window maximised on a 1920x1080 screen, its
    # default layout, the demo district's worklist and the first alert selected in the feed.
    # (In this process, earlier tests leave Qt's font fallback in another state: lines get taller.)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={Path(__file__).parents[1] / 'offscreen_screen.json'}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[2]), os.environ.get("PYTHONPATH", "")]),
    }
    out = subprocess.run(
        [sys.executable, "-c", LAYOUT_1080, f"sqlite:///{tmp_path / 'demo.db'}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["screen"] == [1920, 1080]
    assert seen["worklist_rows"] >= 12  # households on screen at once in the verification worklist
    assert seen["watchlist_rows"] >= 12  # entries on screen at once in the watchlist
    assert seen["detail_scroll"] == 0  # the whole alert is on screen beside the feed's list


def test_plates_id_and_phone_numbers_are_never_wrapped_inside_a_cell(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, actor: Actor, settings: Settings
) -> None:
    from console.widgets.search import SearchDialog

    window = open_window(qtbot, db_worker, services, actor, settings)
    for key in ("worklist", "watchlist", "cases"):
        window.focus_pane(key)
    views = [
        window.panes["worklist"].table,  # type: ignore[attr-defined]
        window.panes["watchlist"].view,  # type: ignore[attr-defined]
        window.panes["cases"].view,  # type: ignore[attr-defined]
    ]
    for view in views:
        assert not view.wordWrap()
        assert view.textElideMode() == Qt.TextElideMode.ElideRight
        # a row holds one line of text: "浙A12F9W" cannot go on over a second line
        assert view.verticalHeader().defaultSectionSize() < 2 * view.fontMetrics().height()
    dialog = SearchDialog(services.search, actor, db_worker, window)
    qtbot.addWidget(dialog)
    assert not dialog.results.wordWrap() and dialog.results.uniformRowHeights()
