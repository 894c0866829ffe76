"""The panes work together: search and the district map open a household or community on the grid map,
an import reloads the map, and closing the console leaves no thread or listener behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from console.clock import FixedClock
from console.config import Settings
from console.demo.seed import seed_demo
from console.models import Community, Household
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.cases_pane import CasesPane
from console.widgets.main_window import MainWindow
from console.widgets.search import SearchDialog
from console.widgets.worker import DatabaseWorker
from console.widgets.workspace import Workspace
from tests.conftest import DEMO_NOW
from tests.widgets.windows import open_main_window


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Engine:
    from console.db import open_database

    engine = open_database(f"sqlite:///{tmp_path / 'station.db'}")
    seed_demo(engine, "small", now=DEMO_NOW)
    return engine


@pytest.fixture
def services(sqlite_engine: Engine, clock: FixedClock) -> Services:
    return build_services(sqlite_engine, clock)


@pytest.fixture
def opened(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sqlite_engine: Engine
) -> tuple[Workspace, MainWindow]:
    # the station's leader sees every operational pane (a role's own panes: test_roles.py)
    actor: Actor = services.users.ensure_user("yang", "杨明", "supervisor")
    settings = Settings(db_url=str(sqlite_engine.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    workspace.build_all()  # these tests reach into panes an officer would open first
    qtbot.waitUntil(lambda: workspace.grid_map.view.snapshot() is not None, timeout=15000)
    yield workspace, window
    workspace.shutdown()


def test_ctrl_f_then_enter_shows_the_household_on_the_grid_map(
    qtbot: QtBot, opened: tuple[Workspace, MainWindow], sqlite_engine: Engine
) -> None:
    workspace, window = opened
    with sqlite_engine.connect() as conn:
        household_id = conn.execute(select(func.max(Household.id))).scalar_one()
    window.actions_by_name["search"].trigger()
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.household_chosen.emit(household_id)
    assert workspace.grid_map.view.highlighted() == household_id
    assert workspace.grid_map.view.level()[0] == "community"


def test_a_community_clicked_on_the_district_map_opens_on_the_grid_map(
    opened: tuple[Workspace, MainWindow], sqlite_engine: Engine
) -> None:
    workspace, _window = opened
    with sqlite_engine.connect() as conn:
        community_id, name = conn.execute(select(Community.id, Community.name).limit(1)).one()
    workspace.district_map.community_clicked.emit(community_id)
    assert workspace.grid_map.view.level() == ("community", community_id)
    assert name in [label for _l, _k, label in workspace.grid_map.view.breadcrumb()]


def test_importing_a_registry_reloads_the_grid_map(
    qtbot: QtBot, opened: tuple[Workspace, MainWindow], tmp_path: Path
) -> None:
    workspace, _window = opened
    before = sum(workspace.grid_map.view.counts().values())
    path = tmp_path / "registry.csv"
    path.write_text("小区,楼栋,户室,姓名\n新建小区,1,101,王芳\n新建小区,1,102,\n", encoding="utf-8")
    actor = workspace._actor
    report = workspace._services.registry_import.import_registry(actor, path)
    with qtbot.waitSignal(workspace.grid_map.loaded, timeout=15000):
        workspace._on_import_dialog_registry_imported(report)
    assert sum(workspace.grid_map.view.counts().values()) == before + 2


def test_ctrl_f_in_the_case_list_filters_cases_and_enter_opens_the_dossier_over_the_window(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sqlite_engine: Engine
) -> None:
    actor = services.users.ensure_user("li", "李办案", "investigator")
    services.cases.open(actor, category="cable", reported_at=DEMO_NOW, summary="地下室电缆被盗")
    settings = Settings(db_url=str(sqlite_engine.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    pane = workspace.ensure_pane("cases")
    assert isinstance(pane, CasesPane)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    window.actions_by_name["focus_cases"].trigger()  # Ctrl+3
    assert pane.view.hasFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.filter_bar.text.hasFocus()  # the list's own filter, not the registry search
    assert window.findChild(SearchDialog) is None
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    case_no = pane.model.rows[pane.view.currentIndex().row()].case_no
    qtbot.waitUntil(lambda: case_no in workspace.dossiers.windows, timeout=5_000)
    dossier = workspace.dossiers.windows[case_no]
    assert dossier.parent() is window and dossier.isVisible()
    qtbot.waitUntil(lambda: dossier.dossier is not None, timeout=10_000)
    assert workspace.open_case(case_no) is dossier  # asked again (say from an alert): the same window
    workspace.shutdown()


def test_an_alert_clicked_on_the_district_map_opens_its_detail_in_the_feed(
    qtbot: QtBot, opened: tuple[Workspace, MainWindow], sqlite_engine: Engine
) -> None:
    from console.models import Alert

    workspace, _window = opened
    with sqlite_engine.connect() as conn:
        alert_id = conn.execute(
            select(Alert.id).where(Alert.status != "resolved").order_by(Alert.id).limit(1)
        ).scalar_one()
    workspace.district_map.alert_clicked.emit(alert_id)
    detail = workspace.feed.detail
    qtbot.waitUntil(lambda: detail._detail is not None and detail._detail.alert.id == alert_id, timeout=10000)
    assert workspace.feed.detail.isVisible()


def test_a_dossier_asking_for_its_series_shows_it_on_the_district_map(
    qtbot: QtBot, opened: tuple[Workspace, MainWindow]
) -> None:
    workspace, _window = opened
    with qtbot.waitSignal(workspace.district_map.map_rendered, timeout=30000):
        workspace.dossiers.series_map_requested.emit(12345)
    assert workspace.district_map.isVisible()
    assert workspace.district_map.series_action.isChecked()


def test_ctrl_f_finds_a_case_by_number_imei_or_suspect_and_enter_opens_its_dossier(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sqlite_engine: Engine
) -> None:
    actor = services.users.ensure_user("li", "李办案", "investigator")
    case_no = services.cases.open(
        actor, category="phone", reported_at=DEMO_NOW, summary="地铁站手机被盗"
    ).case_no
    services.property.add(
        actor, case_no=case_no, description="华为手机", category="phone", imei="490154203237518"
    )
    settings = Settings(db_url=str(sqlite_engine.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    window.actions_by_name["search"].trigger()
    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    dialog.search_now("490154203237518")
    qtbot.waitUntil(lambda: dialog.result_count() > 0, timeout=10_000)
    group = dialog.results.topLevelItem(dialog.results.topLevelItemCount() - 1)
    assert group.text(0) == "案件 (1)" and group.child(0).text(0).startswith(case_no)
    assert "华为手机" in group.child(0).text(3)
    dialog.results.setCurrentItem(group.child(0))
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: case_no in workspace.dossiers.windows, timeout=5_000)
    dossier = workspace.dossiers.windows[case_no]
    qtbot.waitUntil(lambda: dossier.dossier is not None, timeout=10_000)
    assert not dialog.isVisible() and dossier.isVisible()
    workspace.shutdown()
