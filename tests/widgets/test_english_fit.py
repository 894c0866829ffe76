"""The English console speaks English everywhere but in data, and the window fits the screen.

The main window is built as at start-up (console.app.build_workspace + MainWindow) over a small
seeded district, with the English translation installed the way the console installs it
(console.app.install_translations). Every pane, menu, and every dialog that opens without input
is walked; any Chinese character that is not data (community, building, grid cell, officer
names, addresses, the signed-in officer's name) fails the test.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from grid_data import seed_grid
from PySide6.QtCore import QLocale, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from console import app as console_app
from console.clock import FixedClock
from console.config import Settings
from console.db import make_engine
from console.models import Building, Community, GridCell, Household, Officer, Resident
from console.security import Actor
from console.services.container import Services, build_services
from console.services.maps import format_address
from console.widgets import theme
from console.widgets.common import ui_language
from console.widgets.feed_model import COLUMNS
from console.widgets.main_window import MainWindow
from console.widgets.worker import DatabaseWorker

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
LANGUAGE_NAMES = ("中文",)  # a language menu names each language in its own words


@pytest.fixture(autouse=True)
def ui_store(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings (window state, theme) in this test's tmp dir; dark theme again afterwards."""
    store = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(store))
    yield store
    theme.apply_theme(qapp, "dark")


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path, clock: FixedClock) -> Iterator[Engine]:
    """SQLite only: the words and the sizes do not depend on the backend."""
    path = tmp_path / "station.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    seed_grid(engine, clock.now(), communities=3)
    yield engine
    engine.dispose()


@pytest.fixture
def services(sqlite_engine: Engine, clock: FixedClock) -> Services:
    return build_services(sqlite_engine, clock)


@pytest.fixture
def actor(services: Services) -> Actor:
    return services.users.ensure_user("zhang", "张值班", "duty_officer")


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    translators = console_app.install_translations(qapp, request.param)
    try:
        assert ui_language() == request.param
        yield request.param
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    translators = console_app.install_translations(qapp, "en")
    try:
        assert translators and ui_language() == "en"
        yield "en"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def open_window(
    qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor, language: str, engine: Engine
) -> MainWindow:
    settings = Settings(db_url=str(engine.url), language=language)
    workspace = console_app.build_workspace(services, actor, settings, worker)
    window = MainWindow(services, actor, settings, workspace.panes, worker)
    workspace.attach(window)
    window.workspace = workspace  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    workspace.build_all()  # every pane's words and widths, not only those opened at start
    grid = window.panes["map"]
    qtbot.waitUntil(lambda: grid.view.snapshot() is not None, timeout=10_000)  # type: ignore[attr-defined]
    return window


def data_words(engine: Engine, actor: Actor) -> list[str]:
    """What the registry holds (names, addresses): shown as it is, in any language."""
    words = [actor.display_name, *LANGUAGE_NAMES]
    with engine.connect() as c:
        for table in (Community, GridCell, Officer):
            words += [n for (n,) in c.execute(select(table.name)) if n]
        words += [n for (n,) in c.execute(select(Building.name)) if n]
        words += [w for row in c.execute(select(Resident.name, Resident.relation)) for w in row if w]
        words += [
            w
            for row in c.execute(
                select(
                    Community.property_manager_company,
                    Community.property_manager_name,
                    Community.property_manager_phone,
                )
            )
            for w in row
            if w
        ]
        rows = c.execute(
            select(Community.name, Building.name, Household.unit, Household.room)
            .join(Building, Building.id == Household.building_id)
            .join(Community, Community.id == Household.community_id)
        )
        words += [format_address(*r) for r in rows]
    # Chinese ones only (a building called "2" is not to be taken out of a date), longest first.
    return sorted({w for w in words if CJK.search(w)}, key=len, reverse=True)


def _item_texts(w: QWidget) -> list[tuple[str, object]]:
    """Texts of a widget that holds items: combo entries, tabs, table headers and cells."""
    out: list[tuple[str, object]] = []
    if isinstance(w, QComboBox):
        out += [(f"item {i}", w.itemText(i)) for i in range(w.count())]
    if isinstance(w, QTabBar):
        out += [(f"tab {i}", w.tabText(i)) for i in range(w.count())]
        out += [(f"tab tip {i}", w.tabToolTip(i)) for i in range(w.count())]
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        model = w.model()
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        for col in range(model.columnCount()):
            out += [(f"header {col}", model.headerData(col, Qt.Orientation.Horizontal, r)) for r in roles]
            for row in range(min(model.rowCount(), 40)):
                out += [(f"cell {row},{col}", model.data(model.index(row, col), r)) for r in roles]
    return out


def _own_texts(w: QWidget) -> list[tuple[str, object]]:
    """A widget's title, tooltip, text, placeholder and actions."""
    out: list[tuple[str, object]] = [("windowTitle", w.windowTitle()), ("toolTip", w.toolTip())]
    if isinstance(w, QLabel | QAbstractButton):
        out.append(("text", w.text()))
    if isinstance(w, QGroupBox):
        out.append(("title", w.title()))
    if isinstance(w, QLineEdit):
        out.append(("placeholder", w.placeholderText()))
    if isinstance(w, QMenu):
        out.append(("menu title", w.title()))
    for action in w.actions():
        out += [("action", action.text()), ("action tip", action.toolTip())]
    return out


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every static text of ``root`` and its children: titles, labels, buttons,
    group boxes, tabs, table headers and cells, combo items, placeholders, tooltips, actions."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        for what, text in _own_texts(w) + _item_texts(w):
            if isinstance(text, str) and text:
                out.append((f"{type(w).__name__}#{w.objectName()} {what}", text))
    return out


def chinese_outside_data(texts: list[tuple[str, str]], data: list[str]) -> list[str]:
    found = []
    for where, text in texts:
        rest = text
        for word in data:
            rest = rest.replace(word, "")
        if CJK.search(rest):
            found.append(f"{where}: {text[:60]!r}…{CJK.findall(rest)} in {rest[-80:]!r}")
    return sorted(set(found))


def texts_of_modal(qtbot: QtBot, trigger: Callable[[], object]) -> list[tuple[str, str]]:
    """Open a dialog that runs its own event loop (exec), read it, close it."""
    seen: list[tuple[str, str]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, read_and_close)
            return
        seen.extend(shown_texts(dialog))
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(50, read_and_close)
    trigger()
    assert seen, "the dialog did not open"
    return seen


def test_the_english_console_shows_no_chinese_outside_data(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    sqlite_engine: Engine,
    english: str,
) -> None:
    window = open_window(qtbot, db_worker, services, actor, english, sqlite_engine)
    worklist = window.panes["worklist"]
    qtbot.waitUntil(lambda: worklist.model.rowCount() > 0, timeout=10_000)  # type: ignore[attr-defined]
    texts: list[tuple[str, str]] = []
    for key, dock in window.docks.items():  # every pane in front once, its static texts read
        dock.show()
        dock.raise_()
        texts += [(f"{key}: {w}", t) for w, t in shown_texts(dock)]
    texts += shown_texts(window)
    for menu in window.findChildren(QMenu):
        texts += [(f"menu {menu.title()}", a.text()) for a in menu.actions()]
    # Dialogs that open without input: shortcuts (F1), settings, search, a household, the station's
    # parameters, the registry import, about.
    window.actions_by_name["shortcuts"].trigger()
    window.actions_by_name["settings"].trigger()
    window.actions_by_name["search"].trigger()
    grid = window.panes["map"]
    household = grid.open_household(int(grid.view.snapshot().household_id[0]))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: household.detail is not None, timeout=10_000)
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            texts += [(f"dialog {top.windowTitle()}: {w}", t) for w, t in shown_texts(top)]
    texts += texts_of_modal(qtbot, window.actions_by_name["station"].trigger)
    if "import_registry" in window.actions_by_name:  # the roles that import the registry
        texts += texts_of_modal(qtbot, window.actions_by_name["import_registry"].trigger)
    texts += texts_of_modal(qtbot, window.show_about)
    # The grid map's painted texts: the breadcrumb hint and a household's tooltip.
    view = grid.view  # type: ignore[attr-defined]
    centre = view.cell_centre(int(view.snapshot().household_id[0]))
    texts.append(("grid map tooltip", view.tooltip_at(centre)))
    assert len(texts) > 300, "the walk did not reach the panes"
    assert window.windowTitle() and not CJK.search(window.windowTitle())
    found = chinese_outside_data(texts, data_words(sqlite_engine, actor))
    assert not found, "\n".join(found)
    # the worklist's own words, by name
    model = worklist.model  # type: ignore[attr-defined]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["No.", "Colour", "Address", "Housing use"]
    assert {model.data(model.index(r, 3)).rstrip(" ●") for r in range(model.rowCount())} <= {
        "Owner-occupied", "Rented", "Group rental", "Vacant", "Commercial", "Other"
    }


def test_the_window_title_names_the_console_in_the_ui_language(qapp: QApplication, english: str) -> None:
    """Qt appends the application's display name to every title ("… — 值班台" came from here)."""
    from PySide6.QtCore import QCoreApplication

    before = qapp.applicationDisplayName()
    try:
        qapp.setApplicationDisplayName(QCoreApplication.translate("app", "值班台"))
        assert qapp.applicationDisplayName() == "Duty Console"
    finally:
        qapp.setApplicationDisplayName(before)
    source = Path(console_app.__file__).read_text(encoding="utf-8")
    # run_console sets it after the translation is installed, or the title ends "— 值班台"
    assert source.index("install_translations(app, settings.language)") < source.index(
        'app.setApplicationDisplayName(QCoreApplication.translate("app", "值班台"))'
    )


def test_the_window_fits_a_1366_by_768_screen_in_both_languages(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    sqlite_engine: Engine,
    language: str,
) -> None:
    window = open_window(qtbot, db_worker, services, actor, language, sqlite_engine)
    for dock in window.docks.values():
        dock.show()
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= 1366 and hint.height() <= 768, (language, hint)
    window.showNormal()
    window.resize(QSize(1366, 768))
    qtbot.waitUntil(lambda: window.width() <= 1366)
    assert window.width() <= 1366 and window.height() <= 768
    # nothing of the grid map's filter bar or the status bar is cut off at that size
    grid = window.panes["map"]
    assert grid.reload_button.isVisible()  # type: ignore[attr-defined]
    right = grid.reload_button.mapTo(window, grid.reload_button.rect().topRight()).x()  # type: ignore[attr-defined]
    assert right <= window.width()
    clock = window.clock_label
    assert clock.mapTo(window, clock.rect().topRight()).x() <= window.width()


def test_the_english_window_is_not_wider_than_a_1920_screen(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    sqlite_engine: Engine,
    english: str,
) -> None:
    window = open_window(qtbot, db_worker, services, actor, english, sqlite_engine)
    screen = window.screen().availableGeometry()
    assert screen.width() == 1920  # tests/offscreen_screen.json
    window.setGeometry(screen)
    window.showMaximized()
    qtbot.waitUntil(lambda: window.width() > 1000)
    assert window.frameGeometry().width() <= screen.width()
    assert window.minimumSizeHint().width() <= screen.width()


def test_the_feed_shows_severity_status_and_what_matched_without_scrolling(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    sqlite_engine: Engine,
    language: str,
) -> None:
    """On a 1920×1080 duty-room screen the overdue mark and the plate or name are in view at once."""
    window = open_window(qtbot, db_worker, services, actor, language, sqlite_engine)
    window.setGeometry(window.screen().availableGeometry())
    window.showMaximized()
    qtbot.waitUntil(lambda: window.width() > 1800)
    view = window.panes["feed"].view  # type: ignore[attr-defined]
    pane = window.panes["feed"]
    pane.stack.setCurrentWidget(view)  # as when the first alert arrives
    qtbot.waitUntil(lambda: view.viewport().width() > 500)
    shown = view.viewport().width()
    for name in ("severity", "status", "matched", "age"):
        column = COLUMNS.index(name)
        assert view.columnViewportPosition(column) >= 0, (language, name)
        assert view.columnViewportPosition(column) + view.columnWidth(column) <= shown, (language, name)
    assert view.columnWidth(COLUMNS.index("matched")) >= 90  # a plate or a name and its masked ID
    # On a 1366-pixel screen the list scrolls sideways, but the severity and the overdue mark come first.
    window.showNormal()
    window.resize(QSize(1366, 768))
    qtbot.waitUntil(lambda: window.width() <= 1366)
    qtbot.wait(50)
    for name in ("severity", "status"):
        column = COLUMNS.index(name)
        assert view.columnViewportPosition(column) + view.columnWidth(column) <= view.viewport().width(), name


def test_a_communitys_count_to_visit_fits_over_it_in_both_languages(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    actor: Actor,
    sqlite_engine: Engine,
    language: str,
) -> None:
    """Over a community 64–104 px wide the red count of households to visit is drawn beside its name."""
    window = open_window(qtbot, db_worker, services, actor, language, sqlite_engine)
    view = window.panes["map"].view  # type: ignore[attr-defined]
    layout = view._layout
    assert layout is not None
    j = next(i for i, b in enumerate(layout.blocks) if b.kind == "community")
    red = QColor(theme.VERIFICATION_COLOURS["red"])
    for width in (104, 64):  # a 1920 screen's district view, a 1366 screen's
        image = view._block_label(layout, j, width, width, 353)
        reds = sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if abs(image.pixelColor(x, y).red() - red.red()) < 30
            and abs(image.pixelColor(x, y).green() - red.green()) < 30
            and image.pixelColor(x, y).alpha() > 200
        )
        assert reds > 20, (language, width)
