"""Refusals shown in the UI speak the UI's language: the English console shows no Chinese error text.

Each test runs twice, with the English and with the Chinese translation installed the way the
console installs it at start-up (console.app.install_translations), and drives a common refusal
from the pane a duty officer would use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from grid_data import keep_cells_of, seed_grid
from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, insert

from console import app as console_app
from console.clock import FixedClock
from console.config import Settings
from console.db import make_engine
from console.models import Alert
from console.security import Actor
from console.services.container import Services, build_services
from console.validators import id_check_character
from console.widgets.alert_detail import ResolveDialog
from console.widgets.common import ui_language
from console.widgets.feed import FeedPane
from console.widgets.household_dialog import HouseholdDialog
from console.widgets.import_dialog import RegistryImportDialog
from console.widgets.live_bridge import LiveBridge
from console.widgets.settings_dialog import SettingsDialog
from console.widgets.watchlist_pane import WatchlistPane
from console.widgets.worker import DatabaseWorker
from tests.factories import add_communities, add_station

CJK = re.compile(r"[\u4e00-\u9fff]")
DEAD_PG = "postgresql+psycopg://nobody@127.0.0.1:1/x"  # nothing listens on port 1


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:
    """SQLite only: the words do not depend on the backend (the refusals are tested on both elsewhere)."""
    path = tmp_path / "station.db"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite:///{path}"


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The console's translation for this language, installed as at start-up; removed afterwards."""
    locale = QLocale()
    translators = console_app.install_translations(qapp, request.param)
    try:
        assert ui_language() == request.param
        yield request.param
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
    assert ui_language() == "zh_CN"  # the next test gets the Chinese console back


def assert_worded(shown: str, language: str, english: str, chinese: str) -> None:
    """English with no Chinese character in it, or the Chinese words."""
    if language == "en":
        assert not CJK.search(shown), f"Chinese in the English UI: {shown!r}"
        assert english in shown, shown
    else:
        assert chinese in shown, shown


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


def raise_alert(engine: Engine, now: dt.datetime, kind: str = "report") -> int:
    with engine.begin() as c:
        (community, *_) = add_communities(c, add_station(c), ["滨水小区"], phone="13859210001")
        return c.execute(
            insert(Alert)
            .values(
                kind=kind,
                severity="high",
                severity_rank=1,
                status="new",
                community_id=community,
                summary="群众求助[钥匙丢失] 3号楼",
                count=1,
                first_event_at=now,
                last_event_at=now,
                raised_at=now,
                updated_at=now,
                version=1,
                resolution_note="",
            )
            .returning(Alert.id)
        ).scalar_one()


@pytest.fixture
def open_feed(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, duty_officer: Actor
) -> Iterator[Any]:
    opened: list[tuple[FeedPane, LiveBridge]] = []

    def open_(alerts: Any = None) -> FeedPane:
        bridge = LiveBridge(services.open_change_feed(), db_worker)
        pane = FeedPane(
            alerts or services.alerts, services.clock, duty_officer, db_worker, bridge=bridge, sound=False
        )
        qtbot.addWidget(pane)
        pane.resize(1200, 600)
        pane.show()
        opened.append((pane, bridge))
        qtbot.waitUntil(lambda: not pane.busy(), timeout=10_000)
        return pane

    yield open_
    for pane, bridge in opened:
        pane.shutdown()
        bridge.close()


def test_acknowledging_an_acknowledged_alert_is_refused_in_the_ui_language(
    qtbot: Any, language: str, open_feed: Any, engine: Engine, clock: FixedClock
) -> None:
    raise_alert(engine, clock.now())
    pane = open_feed()
    pane.view.setFocus()
    pane.view.selectRow(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "acknowledged", timeout=10_000)
    qtbot.keyClick(pane.view, Qt.Key.Key_A)
    qtbot.waitUntil(pane.message.isVisible, timeout=10_000)
    assert_worded(pane.message.text(), language, "cannot be acknowledged: someone already has", "已有人确认")


def test_a_stale_version_is_explained_as_a_conflict_in_the_ui_language(
    qtbot: Any,
    language: str,
    open_feed: Any,
    engine: Engine,
    clock: FixedClock,
    services: Services,
    users: Any,
) -> None:
    alert_id = raise_alert(engine, clock.now())
    pane = open_feed()
    pane.view.selectRow(0)
    pane.bridge.alert_changed.disconnect(pane._on_bridge_alert_changed)  # this console has not heard yet
    services.alerts.acknowledge(users.ensure_user("li", "李值班", "duty_officer"), alert_id)
    qtbot.keyClick(pane.view, Qt.Key.Key_A)
    qtbot.waitUntil(pane.message.isVisible, timeout=10_000)
    assert_worded(pane.message.text(), language, "Another console changed", "另一台值班台")


def test_resolving_without_an_outcome_is_refused_in_the_ui_language(
    qtbot: Any, language: str, engine: Engine, clock: FixedClock, services: Services, duty_officer: Actor
) -> None:
    alert_id = raise_alert(engine, clock.now(), kind="plate_read")
    (row,) = services.alerts.alerts_by_ids(duty_officer, [alert_id])
    dialog = ResolveDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.resolution() is None
    assert_worded(dialog.error.text(), language, "Outcome: required", "处置结论: 必填")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("confirmed"))
    assert dialog.resolution() is None
    assert_worded(dialog.error.text(), language, "read correctly", "请标明识别是否正确")


def test_an_invalid_plate_in_the_watchlist_is_refused_in_the_ui_language(
    qtbot: Any, language: str, db_worker: DatabaseWorker, services: Services, duty_officer: Actor
) -> None:
    bridge = LiveBridge(services.open_change_feed(), db_worker)
    pane = WatchlistPane(services.watchlist, services.clock, duty_officer, db_worker, bridge=bridge)
    qtbot.addWidget(pane)
    pane.show()
    try:
        qtbot.waitUntil(lambda: not pane.busy(), timeout=10_000)
        pane.add_button.click()
        dialog = pane.dialog
        assert dialog is not None
        dialog.number.setText("闽D1234")
        dialog.reason.setText("涉盗窃电缆案车辆")
        dialog.submit()
        shown = dialog.errors["number"].text()
        assert_worded(shown, language, "Plate: must be 7 characters", "车牌: 应为7位")
        assert dialog.isVisible()
        dialog.reject()
    finally:
        pane.shutdown()
        bridge.close()


def test_an_invalid_registry_file_is_refused_in_the_ui_language(
    qtbot: Any,
    language: str,
    db_worker: DatabaseWorker,
    services: Services,
    community_officer: Actor,
    tmp_path: Path,
) -> None:
    dialog = RegistryImportDialog(services.registry_import, community_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog.set_file(str(empty))
    qtbot.waitUntil(lambda: "empty.csv" in dialog.message_label.text(), timeout=5000)
    assert_worded(dialog.message_label.text(), language, "empty.csv: the file is empty", "文件是空的")
    assert not dialog.import_button.isEnabled()

    gbk = tmp_path / "gbk.csv"
    gbk.write_text("小区,楼栋,户室,姓名\n海景花园,3,1203,张伟\n", encoding="gbk")
    dialog.set_file(str(gbk))
    qtbot.waitUntil(dialog.encoding_combo.isVisible, timeout=5000)
    assert_worded(dialog.message_label.text(), language, "the file is not UTF-8", "不是 UTF-8 编码")
    assert_worded(dialog.encoding_label.text(), language, "choose its encoding", "请选择文件的编码")
    dialog.close()


def test_rejected_rows_and_file_warnings_are_worded_in_the_ui_language(
    qtbot: Any,
    language: str,
    db_worker: DatabaseWorker,
    services: Services,
    community_officer: Actor,
    tmp_path: Path,
) -> None:
    dialog = RegistryImportDialog(services.registry_import, community_officer, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    good = "35021119850312001" + id_check_character("35021119850312001")
    bad_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    path = tmp_path / "rows.csv"
    rows = ["小区,楼栋,户室,姓名,身份证号,remarks", f"海景花园,3,1203,张伟,{good},", "海景花园,3,12A,李四,,"]
    rows.append(f"海景花园,,1205,王五,{bad_check},")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog.set_file(str(path))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    assert_worded(dialog.message_label.text(), language, "unknown column 'remarks' ignored", "未识别的列")
    with qtbot.waitSignal(dialog.registry_imported, timeout=10_000):
        dialog.start_import()
    table = dialog.rejections_table
    shown = {(table.item(i, 0).text(), table.item(i, 1).text()): table.item(i, 2).text() for i in range(3)}
    assert set(shown) == {("3", "room"), ("4", "building"), ("4", "id_number")}
    assert_worded(
        shown[("3", "room")], language, "room must be a number, e.g. 1203; got '12A'", "户室应为数字"
    )
    assert_worded(shown[("4", "building")], language, "required", "必填")
    assert_worded(shown[("4", "id_number")], language, f"check character should be {good[-1]}", "校验码应为")
    assert_worded(dialog.message_label.text(), language, "unknown column 'remarks' ignored", "未识别的列")
    assert_worded(dialog.report_label.text(), language, "3 rows read, 2 rejected", "读取 3 行, 拒绝 2 行")
    dialog.close()


def test_a_connection_test_that_succeeds_says_so_in_the_ui_language(
    qtbot: Any, language: str, db_worker: DatabaseWorker, services: Services, db_url: str, tmp_path: Path
) -> None:
    dialog = SettingsDialog(Settings(db_url=db_url), services.health.probe, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    for url, english, chinese in (
        (db_url, "as this console expects", "与本程序一致"),
        (f"sqlite:///{tmp_path / 'new' / 'station.db'}", "an empty database", "空数据库"),
    ):
        dialog.db_url.setText(url)
        dialog.test_button.click()
        qtbot.waitUntil(dialog.test_button.isEnabled, timeout=8000)
        assert dialog.test_result.objectName() == "formOk"
        assert_worded(dialog.test_result.text(), language, "Connected: SQLite", "连接成功")
        assert_worded(dialog.test_result.text(), language, english, chinese)
    dialog.close()


def test_a_database_that_went_away_is_reported_in_the_ui_language(
    qtbot: Any,
    language: str,
    open_feed: Any,
    db_worker: DatabaseWorker,
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    dead = make_engine(DEAD_PG)
    try:
        gone = build_services(dead, clock)
        pane = open_feed(alerts=gone.alerts)  # the pane's first page cannot be read
        qtbot.waitUntil(pane.message.isVisible, timeout=10_000)
        assert_worded(pane.message.text(), language, "Cannot reach the database", "无法连接数据库")

        # A call with no failure handler of its own: the main window shows this in its status bar.
        with qtbot.waitSignal(db_worker.user_error, timeout=10_000) as announced:
            db_worker.submit(lambda: gone.alerts.communities(duty_officer), lambda _rows: None)
        assert_worded(announced.args[0], language, "Cannot reach the database", "无法连接数据库")
    finally:
        dead.dispose()


def test_a_visit_in_the_future_is_refused_in_the_ui_language(
    qtbot: Any,
    language: str,
    db_worker: DatabaseWorker,
    engine: Engine,
    clock: FixedClock,
    community_officer: Actor,
) -> None:
    seed_grid(engine, clock.now(), communities=1, grid_cells=1, buildings=1, floors=1, units=1, rooms=1)
    keep_cells_of(engine, community_officer.username)  # a household of the officer's own cell
    services = build_services(engine, clock)
    household = HouseholdDialog(
        services.gridmap, services.verification, clock, community_officer, db_worker, 1
    )
    qtbot.addWidget(household)
    household.show()
    qtbot.waitUntil(lambda: household.detail is not None, timeout=10_000)
    visit = household.open_visit_dialog()
    assert visit is not None
    tomorrow = int((clock.now() + dt.timedelta(days=1)).timestamp())
    visit.when.setDateTime(QDateTime.fromSecsSinceEpoch(tomorrow, QTimeZone(8 * 3600)))
    visit.save()
    qtbot.waitUntil(lambda: bool(visit.error.text()), timeout=10_000)
    assert_worded(
        visit.error.text(),
        language,
        "Cannot save: visited_at: the visit time must not be in the future",
        "核实时间不能晚于现在",
    )
    assert visit.isVisible()  # nothing lost: the dialog stays open
    visit.reject()
    household.close()
