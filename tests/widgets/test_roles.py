"""The window fits the role: every role signs in and gets exactly the panes and actions its
permissions allow — no pane that could only refuse it, and no refusal anywhere on screen."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.config import Settings
from console.db import make_engine
from console.security import PERSON_ROLES
from console.services.container import Services, build_services
from console.widgets.worker import DatabaseWorker
from tests.widgets.windows import open_main_window

PASSWORD = "Harbour-lantern-47-quietly"
OPERATIONS = {
    "feed",
    "map",
    "district_map",
    "cases",
    "dispatch",
    "property",
    "statistics",
    "watchlist",
    "worklist",
}

# role -> (panes, the central pane, menus of the menu bar, actions it has, actions it must not have)
EXPECTED: dict[str, tuple[set[str], str, list[str], set[str], set[str]]] = {
    "duty_officer": (
        OPERATIONS,
        "feed",
        ["文件(&F)", "视图(&V)", "预警(&A)", "地图(&M)", "案件(&C)", "工具(&T)", "帮助(&H)"],
        {"search", "station", "focus_feed", "focus_dispatch", "lock"},
        {"import_registry", "focus_accounts", "focus_audit"},
    ),
    "community_officer": (
        {"feed", "map", "district_map", "worklist"},
        "feed",
        ["文件(&F)", "视图(&V)", "预警(&A)", "地图(&M)", "工具(&T)", "帮助(&H)"],
        {"search", "import_registry", "station", "focus_worklist"},
        {"focus_cases", "focus_dispatch", "focus_watchlist", "focus_accounts", "focus_audit"},
    ),
    "grid_worker": (
        {"map", "district_map", "worklist"},  # the district map shows its communities, no alerts
        "map",
        ["文件(&F)", "视图(&V)", "预警(&A)", "地图(&M)", "工具(&T)", "帮助(&H)"],
        {"search", "focus_worklist", "focus_map"},
        {"import_registry", "focus_feed", "focus_watchlist", "focus_cases"},
    ),
    "investigator": (
        {"feed", "map", "district_map", "cases", "property", "watchlist", "worklist"},
        "feed",
        ["文件(&F)", "视图(&V)", "预警(&A)", "地图(&M)", "案件(&C)", "工具(&T)", "帮助(&H)"],
        {"search", "focus_cases", "focus_property"},
        {"import_registry", "focus_dispatch", "focus_statistics"},
    ),
    "supervisor": (
        OPERATIONS,
        "feed",
        ["文件(&F)", "视图(&V)", "预警(&A)", "地图(&M)", "案件(&C)", "工具(&T)", "帮助(&H)"],
        {"search", "import_registry", "station", "focus_statistics"},
        {"focus_accounts", "focus_audit"},
    ),
    "system_admin": (
        {"accounts"},
        "accounts",
        ["文件(&F)", "视图(&V)", "工具(&T)", "帮助(&H)"],
        {"station", "focus_accounts", "lock", "settings"},
        {"search", "import_registry", "focus_feed", "focus_map", "focus_audit"},
    ),
    "security_admin": (
        {"accounts"},
        "accounts",
        ["文件(&F)", "视图(&V)", "工具(&T)", "帮助(&H)"],
        {"focus_accounts", "lock"},
        {"search", "import_registry", "station", "focus_feed", "focus_audit"},
    ),
    "audit_admin": (
        {"audit"},
        "audit",
        ["文件(&F)", "视图(&V)", "工具(&T)", "帮助(&H)"],
        {"focus_audit", "lock"},
        {"search", "import_registry", "station", "focus_feed", "focus_accounts"},
    ),
}


def test_every_person_role_is_covered() -> None:
    assert set(EXPECTED) == set(PERSON_ROLES)


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "station.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def services(sqlite_engine: Engine, clock: FixedClock, tmp_path: Path, qapp: QApplication) -> Services:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    return build_services(sqlite_engine, clock)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_a_role_signs_in_to_its_own_panes_and_actions_only(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sqlite_engine: Engine, role: str
) -> None:
    panes, central, menus, present, absent = EXPECTED[role]
    services.accounts.provision(f"u.{role}", f"{role} 用户", role, PASSWORD)
    actor = services.accounts.sign_in(f"u.{role}", PASSWORD)
    settings = Settings(db_url=str(sqlite_engine.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)

    assert set(window.panes) == panes
    assert window.centralWidget() is window.panes[central]
    assert set(window.docks) == panes - {central}
    assert window.menu_titles() == menus
    assert present <= set(window.actions_by_name), present - set(window.actions_by_name)
    assert not absent & set(window.actions_by_name), absent & set(window.actions_by_name)
    for name, action in window.actions_by_name.items():
        assert action.isEnabled(), f"{name} is shown but greyed out"
    # What the panes loaded came back without a refusal: none is on screen, none in the status bar.
    qtbot.waitUntil(lambda: not db_worker.busy(), timeout=15000)
    QApplication.processEvents()
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    shown.append(window.statusBar().currentMessage())
    refusals = [text for text in shown if "无权" in text or "needs permission" in text]
    assert refusals == []
    window.close()
    workspace.shutdown()
