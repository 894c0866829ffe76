"""The live feed pane on real databases, offscreen: what the duty officer sees and does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, insert, update

from console import app as console_app
from console.clock import FixedClock
from console.models import Alert
from console.security import Actor
from console.services.alerts import AlertRow, FeedFilter
from console.services.container import Services, build_services
from console.widgets import theme
from console.widgets.alert_detail import Resolution, ResolveDialog
from console.widgets.feed import FeedPane
from console.widgets.feed_actions import key_name
from console.widgets.feed_model import COLUMNS, ROW_ROLE, FeedModel, column_words
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker
from tests.factories import add_communities, add_station

RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}

STATUS = COLUMNS.index("status")


class Raiser:
    """Raises alerts the way ingest does: Core inserts on its own connection."""

    def __init__(self, engine: Engine, now: dt.datetime) -> None:
        self.engine, self.now = engine, now
        with engine.begin() as c:
            self.communities = add_communities(
                c, add_station(c), ["滨水小区", "双岭花园"], phone="13859210001"
            )

    def alert(
        self,
        severity: str = "medium",
        kind: str = "report",
        community: int = 0,
        age_s: float = 0,
        summary: str = "群众求助[钥匙丢失] 3号楼",
        **extra: Any,
    ) -> int:
        at = self.now - dt.timedelta(seconds=age_s)
        with self.engine.begin() as c:
            return c.execute(
                insert(Alert)
                .values(
                    kind=kind,
                    severity=severity,
                    severity_rank=RANK[severity],
                    status="new",
                    community_id=self.communities[community],
                    summary=summary,
                    count=1,
                    first_event_at=at,
                    last_event_at=at,
                    raised_at=at,
                    updated_at=at,
                    version=1,
                    resolution_note="",
                    **extra,
                )
                .returning(Alert.id)
            ).scalar_one()

    def group(self, alert_id: int) -> None:
        with self.engine.begin() as c:
            c.execute(update(Alert).where(Alert.id == alert_id).values(count=Alert.count + 1))


@pytest.fixture
def raiser(engine: Engine, clock: FixedClock) -> Raiser:
    return Raiser(engine, clock.now())


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def make_pane(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, duty_officer: Actor
) -> Iterator[Any]:
    panes: list[FeedPane] = []
    bridges: list[LiveBridge] = []

    def make(**kw: Any) -> FeedPane:
        if "bridge" not in kw:
            kw["bridge"] = LiveBridge(services.open_change_feed(), db_worker)
            bridges.append(kw["bridge"])
        pane = FeedPane(services.alerts, services.clock, duty_officer, db_worker, sound=False, **kw)
        qtbot.addWidget(pane)
        pane.resize(1200, 600)
        pane.show()
        panes.append(pane)
        settle(qtbot, pane)
        return pane

    yield make
    for pane in panes:
        pane.shutdown()
    for bridge in bridges:
        bridge.close()


def settle(qtbot: Any, pane: FeedPane) -> None:
    qtbot.waitUntil(lambda: not pane.busy(), timeout=10_000)


def shown_ids(pane: FeedPane) -> list[int]:
    return [r.id for r in pane.model.rows]


def test_the_model_passes_qt_model_tester_with_pages_and_live_rows(
    qapp: Any, qtmodeltester: Any, raiser: Raiser, services: Services, duty_officer: Actor, clock: FixedClock
) -> None:
    ids = [raiser.alert(severity=s) for s in ("low", "critical", "high", "medium", "low")]
    model = FeedModel(clock)
    rows = services.alerts.feed_page(duty_officer, FeedFilter(), None, 3)
    model.reset_rows(rows, exhausted=False)
    qtmodeltester.check(model)
    model.append_page(
        services.alerts.feed_page(duty_officer, FeedFilter(), rows[-1].cursor, 3), exhausted=True
    )
    newer = raiser.alert(severity="critical")
    model.apply_live(services.alerts.alerts_by_ids(duty_officer, [newer, ids[0]]))
    qtmodeltester.check(model)
    assert [r.id for r in model.rows] == [newer, *reversed(ids)]


def test_empty_database_shows_a_calm_empty_state(make_pane: Any) -> None:
    pane = make_pane()
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.title_label.text() == "暂无预警 — 值班平稳"
    assert not pane.banner.isVisible()


def test_an_alert_raised_elsewhere_appears_live_and_urgent_ones_are_impossible_to_miss(
    qtbot: Any, make_pane: Any, raiser: Raiser
) -> None:
    pane = make_pane()
    low = raiser.alert(severity="low", summary="群众求助[宠物走失] 橘猫")
    qtbot.waitUntil(lambda: shown_ids(pane) == [low], timeout=10_000)
    critical = raiser.alert(severity="critical", kind="fraud_risk", summary="反诈预警(高) 杀猪盘")
    qtbot.waitUntil(lambda: shown_ids(pane) == [critical, low], timeout=10_000)
    assert pane.stack.currentWidget() is pane.view
    model = pane.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None  # nothing for low
    assert model.data(model.index(0, COLUMNS.index("kind"))) == "反诈预警"
    assert pane.notifier.announced == [(critical, False)]  # sound + tray for critical only
    qtbot.waitUntil(lambda: pane.banner.isVisible(), timeout=5_000)
    assert "1 条" in pane.banner.text()


def test_a_grouped_alert_updates_its_row_instead_of_adding_one(
    qtbot: Any, make_pane: Any, raiser: Raiser
) -> None:
    aid = raiser.alert(severity="high", kind="plate_read", summary="布控车辆 闽D12345 驶入 滨水小区")
    pane = make_pane()
    assert shown_ids(pane) == [aid]
    raiser.group(aid)
    raiser.group(aid)
    qtbot.waitUntil(lambda: pane.model.rows[0].count == 3, timeout=10_000)
    assert pane.model.rowCount() == 1
    assert pane.model.data(pane.model.index(0, COLUMNS.index("count"))) == 3


def test_keys_acknowledge_and_resolve_the_selected_alert(
    qtbot: Any, make_pane: Any, raiser: Raiser, monkeypatch: pytest.MonkeyPatch
) -> None:
    raiser.alert(severity="high", kind="plate_read", summary="布控车辆 闽D12345 驶入 滨水小区")
    pane = make_pane()
    pane.view.setFocus()
    pane.view.selectRow(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "acknowledged", timeout=10_000)
    assert pane.model.data(pane.model.index(0, STATUS)) == "已确认"
    monkeypatch.setattr(pane, "ask_resolution", lambda row: Resolution("misread", False, "车牌污损", None))
    qtbot.keyClick(pane.view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "resolved", timeout=10_000)
    assert pane.model.data(pane.model.index(0, STATUS)) == "已处置·识别错误"
    qtbot.keyClick(pane.view, Qt.Key.Key_A)  # a resolved alert cannot be acknowledged: said, not crashed
    qtbot.waitUntil(lambda: pane.message.isVisible(), timeout=10_000)
    assert "不能确认" in pane.message.text()


def test_d_announces_the_request_and_marks_nothing_by_itself(
    qtbot: Any, make_pane: Any, raiser: Raiser
) -> None:
    raiser.alert(severity="critical", kind="fraud_risk")
    pane = make_pane()
    pane.view.selectRow(0)
    with qtbot.waitSignal(pane.dispatch_requested) as sent:
        qtbot.keyClick(pane.view, Qt.Key.Key_D)
    assert sent.args == [pane.model.rows[0].id]
    assert pane.model.rows[0].status == "new"  # only a Dispatch (the dialog) marks it dispatched


def test_another_consoles_change_first_is_shown_as_a_conflict(
    qtbot: Any, make_pane: Any, raiser: Raiser, services: Services, users: Any
) -> None:
    aid = raiser.alert(severity="high")
    pane = make_pane()
    pane.view.selectRow(0)
    pane.bridge.alert_changed.disconnect(pane._on_bridge_alert_changed)  # this console has not heard yet
    services.alerts.acknowledge(users.ensure_user("li", "李值班", "duty_officer"), aid)
    qtbot.keyClick(pane.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: pane.message.isVisible(), timeout=10_000)
    assert "另一台值班台" in pane.message.text()
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "acknowledged", timeout=10_000)


def test_filters_narrow_the_feed_in_sql(qtbot: Any, make_pane: Any, raiser: Raiser) -> None:
    car = raiser.alert(
        severity="high", kind="plate_read", community=1, summary="布控车辆 闽D12345 驶入 双岭花园"
    )
    raiser.alert(severity="low", kind="report", community=0, summary="群众求助[宠物走失] 橘猫")
    fraud = raiser.alert(severity="critical", kind="fraud_risk", community=0, summary="反诈预警(高) 杀猪盘")
    pane = make_pane()
    assert len(shown_ids(pane)) == 3
    pane.filter_bar.severity_buttons["critical"].setChecked(True)
    pane.filter_bar.severity_buttons["high"].setChecked(True)
    settle(qtbot, pane)
    assert shown_ids(pane) == [fraud, car]
    qtbot.waitUntil(lambda: pane.filter_bar.community_combo.count() == 3, timeout=5_000)
    pane.filter_bar.community_combo.setCurrentIndex(pane.filter_bar.community_combo.findText("双岭花园"))
    settle(qtbot, pane)
    assert shown_ids(pane) == [car]
    pane.filter_bar.community_combo.setCurrentIndex(0)
    pane.filter_bar.search.setText("杀猪盘")
    qtbot.waitUntil(lambda: shown_ids(pane) == [fraud], timeout=5_000)
    pane.filter_bar.search.setText("没有这个")
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.empty, timeout=5_000)
    assert pane.empty.title_label.text() == "没有符合筛选条件的预警"
    # A live alert outside the filter stays out.
    raiser.alert(severity="critical", kind="fraud_risk", summary="反诈预警 另一个")
    pane.bridge.poll()
    settle(qtbot, pane)
    assert shown_ids(pane) == []


def test_an_overdue_critical_alert_escalates_to_the_top_with_its_own_mark_and_sounds_again(
    qtbot: Any, make_pane: Any, raiser: Raiser, clock: FixedClock, services: Services
) -> None:
    old = raiser.alert(severity="critical", kind="fraud_risk", age_s=30)
    newer = raiser.alert(severity="low")
    pane = make_pane()
    assert shown_ids(pane) == [newer, old]
    clock.advance(seconds=45)
    assert services.escalation.run_once(clock.now()) == [old]  # the station's job, on any console
    qtbot.waitUntil(lambda: shown_ids(pane) == [old, newer], timeout=10_000)
    row: AlertRow = pane.model.data(pane.model.index(0, 0), ROW_ROLE)
    assert row.pinned
    # The row keeps its severity's tint (not a repaint of the whole row in escalation red) ...
    background = pane.model.data(pane.model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color()
    assert (background.red(), background.green(), background.blue()) == (211, 47, 47)
    assert pane.model.data(pane.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    # ... and the escalation is its own mark: a clock icon and the time overdue, which counts on.
    assert pane.model.data(pane.model.index(0, STATUS)) == "超时 0 分"
    assert pane.model.data(pane.model.index(0, STATUS), Qt.ItemDataRole.DecorationRole) is not None
    assert pane.model.data(pane.model.index(1, STATUS), Qt.ItemDataRole.DecorationRole) is None
    clock.advance(minutes=12)
    pane.model.tick_ages()
    assert pane.model.data(pane.model.index(0, STATUS)) == "超时 12 分"
    assert (old, True) in pane.notifier.announced


def test_detail_shows_the_community_contact_and_copies_the_phone(
    qtbot: Any, make_pane: Any, raiser: Raiser
) -> None:
    raiser.alert(severity="high", summary="群众求助[盗窃] 地下室电缆被剪")
    pane = make_pane()
    qtbot.waitUntil(lambda: pane.detail.detail is not None, timeout=10_000)
    assert "安居物业" in pane.detail.browser.toPlainText()
    assert "13859210001" in pane.detail.browser.toPlainText()
    pane.detail.copy_button.click()
    assert QGuiApplication.clipboard().text() == "13859210001"


def test_resolve_dialog_insists_on_outcome_and_read_for_plate_reads(
    qtbot: Any, raiser: Raiser, services: Services, duty_officer: Actor
) -> None:
    aid = raiser.alert(severity="high", kind="plate_read")
    (row,) = services.alerts.alerts_by_ids(duty_officer, [aid])
    dialog = ResolveDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.resolution() is None and "处置结论" in dialog.error.text()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("confirmed"))
    assert dialog.resolution() is None and "车牌识别" in dialog.error.text()
    dialog.read_ok.setChecked(True)
    assert dialog.resolution() == Resolution("confirmed", True, "", None)


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_the_bridge_reconnects_after_the_listener_is_killed_and_delivers_what_was_missed(
    qtbot: Any, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock
) -> None:
    from sqlalchemy import text

    from console.live import ChangeFeed

    raiser = Raiser(engine, clock.now())
    bridge = LiveBridge(ChangeFeed(engine), db_worker, fallback_ms=200)
    got: list[int] = []
    states: list[bool] = []
    bridge.alert_changed.connect(got.append)
    bridge.connection_changed.connect(states.append)
    try:
        first = raiser.alert()
        qtbot.waitUntil(lambda: got == [first], timeout=10_000)
        with engine.begin() as c:
            c.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'duty-console-listener' AND datname = current_database()"
                )
            )
        missed = [raiser.alert() for _ in range(3)]  # raised while this console is cut off
        qtbot.waitUntil(lambda: states == [False, True], timeout=10_000)
        qtbot.waitUntil(lambda: got == [first, *missed], timeout=10_000)
        later = raiser.alert()
        qtbot.waitUntil(lambda: got == [first, *missed, later], timeout=10_000)
    finally:
        bridge.close()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_column_title_and_closed_vocabulary_fits_in_either_language(
    qapp: QApplication, make_pane: Any, language: str
) -> None:
    theme.apply_theme(qapp, "dark")  # as the console runs: header sections padded 8 px a side
    locale = QLocale()
    translators = console_app.install_translations(qapp, language)
    try:
        pane = make_pane()
        header = pane.view.horizontalHeader()
        labels = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
        assert ("Severity" in labels and "Count" in labels) == (language == "en")
        for column, label in enumerate(labels):
            needed = header.fontMetrics().horizontalAdvance(label) + 2 * 8
            assert header.sectionSize(column) >= needed, (label, header.sectionSize(column), needed)
        bold = QFont(pane.view.font())
        bold.setBold(True)  # new urgent rows are bold
        for name in ("severity", "kind", "status"):  # "Person watchlist", "Acknowledged", ...
            column, dot = COLUMNS.index(name), 14 if name == "severity" else 0
            for word in column_words(name):
                needed = QFontMetrics(bold).horizontalAdvance(word) + dot + 2 * 4
                assert header.sectionSize(column) >= needed, (word, header.sectionSize(column), needed)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def focused_widget() -> Any:
    return QApplication.focusWidget()


def test_the_table_takes_the_keyboard_with_a_current_row_so_the_keys_act_at_once(
    qtbot: Any, make_pane: Any, raiser: Raiser
) -> None:
    pane = make_pane()  # an empty feed first: the calm empty state holds the keyboard
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    pane.setFocus()  # what Ctrl+1 and the window at start do
    qtbot.waitUntil(lambda: pane.hasFocus())
    assert focused_widget() is pane.empty
    aid = raiser.alert(severity="high", kind="plate_read", summary="布控车辆 闽D12345 驶入 滨水小区")
    qtbot.waitUntil(lambda: shown_ids(pane) == [aid], timeout=10_000)
    # The rows arrived: the table has the keyboard (not the search field) and a current row.
    assert focused_widget() is pane.view
    assert pane.view.currentIndex().isValid() and pane.selected_row().id == aid
    qtbot.keyClick(focused_widget(), Qt.Key.Key_A)  # no click on a row first
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "acknowledged", timeout=10_000)
    assert pane.filter_bar.search.text() == ""
    assert focused_widget() is pane.view


def test_every_step_is_on_the_rows_context_menu_and_the_details_buttons_with_its_key(
    qtbot: Any, make_pane: Any, raiser: Raiser, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = raiser.alert(severity="critical", kind="fraud_risk", summary="反诈预警(高) 杀猪盘")
    pane = make_pane(
        dispatch=services.dispatch, officers=services.officers, interventions=services.interventions
    )
    qtbot.waitUntil(lambda: pane.detail.shown_alert_id() == aid, timeout=10_000)
    row = pane.model.rows[0]
    menu = pane.row_menu_for(row)
    entries = {a.objectName(): a for a in menu.actions()}
    labels = {n: (a.text(), a.shortcut().toString()) for n, a in entries.items()}
    assert labels["feedAction_acknowledge"] == ("确认", "A")
    assert labels["feedAction_dispatch"] == ("派警", "D")
    assert labels["feedAction_resolve"] == ("处置…", "R")
    assert labels["feedAction_detail"] == ("查看详情", "Enter")
    assert labels["feedAction_intervention"] == ("反诈干预卡", "I")
    assert labels["feedAction_notify"] == ("已通知物业", "N")
    assert [key for key, _text in pane.key_rows()] == ["↑ ↓", key_name("Return"), "A", "D", "R", "I", "N"]
    assert entries["feedAction_acknowledge"].isEnabled()
    assert not entries["feedAction_resolve"].isEnabled()  # a new alert is acknowledged first
    # The detail's buttons: the same steps, their keys in the label, enabled by the alert's state.
    assert pane.detail.acknowledge_button.text() == "确认 (A)" and pane.detail.acknowledge_button.isEnabled()
    assert pane.detail.dispatch_button.text() == "派警 (D)" and pane.detail.dispatch_button.isEnabled()
    assert pane.detail.resolve_button.text() == "处置… (R)" and not pane.detail.resolve_button.isEnabled()
    # Triage by mouse alone: the menu's 确认, then the detail's 处置 button.
    entries["feedAction_acknowledge"].trigger()
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "acknowledged", timeout=10_000)
    qtbot.waitUntil(lambda: pane.detail.resolve_button.isEnabled(), timeout=10_000)
    assert not pane.detail.acknowledge_button.isEnabled()
    monkeypatch.setattr(pane, "ask_resolution", lambda row: Resolution("confirmed", None, "已劝阻", 5000.0))
    qtbot.mouseClick(pane.detail.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "resolved", timeout=10_000)
    # Right-clicking a row opens its menu on that row.
    rect = pane.view.visualRect(pane.model.index(0, 2))
    pane.view.customContextMenuRequested.emit(rect.center())
    assert pane.row_menu is not None and pane.row_menu.isVisible()
    pane.row_menu.close()
    assert pane.selected_row().id == aid
    assert not {a.objectName(): a for a in pane.row_menu.actions()}["feedAction_dispatch"].isEnabled()


def test_a_role_that_may_not_triage_gets_no_triage_buttons_or_entries(
    qtbot: Any,
    raiser: Raiser,
    db_worker: DatabaseWorker,
    services: Services,
    investigator: Actor,
) -> None:
    raiser.alert(severity="high", kind="plate_read")
    bridge = LiveBridge(services.open_change_feed(), db_worker)
    pane = FeedPane(services.alerts, services.clock, investigator, db_worker, bridge=bridge, sound=False)
    qtbot.addWidget(pane)
    pane.show()
    try:
        settle(qtbot, pane)
        names = {a.objectName() for a in pane.row_menu_for(pane.model.rows[0]).actions()}
        assert names == {"feedAction_detail"}  # 办案民警 may look, not acknowledge, dispatch or resolve
        for button in (pane.detail.acknowledge_button, pane.detail.dispatch_button, pane.detail.resolve_button):
            assert button.isHidden()
        assert [key for key, _text in pane.key_rows()] == ["↑ ↓", key_name("Return")]
        pane.view.setFocus()
        qtbot.keyClick(pane.view, Qt.Key.Key_A)  # the key does nothing the role may not do
        settle(qtbot, pane)
        assert pane.message.isVisible() and pane.model.rows[0].status == "new"
    finally:
        pane.shutdown()
        bridge.close()


def test_escalated_rows_keep_severity_order_and_the_banner_counts_each_severity(
    qtbot: Any, make_pane: Any, raiser: Raiser, clock: FixedClock, services: Services
) -> None:
    high_old = raiser.alert(severity="high", kind="plate_read", age_s=400)
    critical = raiser.alert(severity="critical", kind="fraud_risk", age_s=100)
    high_new = raiser.alert(severity="high", kind="plate_read", age_s=90)
    calm = raiser.alert(severity="low")
    pane = make_pane()
    assert "紧急 1 条 · 高 2 条" in pane.banner.text()
    services.escalation.run_once(clock.now())
    qtbot.waitUntil(lambda: shown_ids(pane) == [critical, high_old, high_new, calm], timeout=10_000)
    qtbot.waitUntil(lambda: "超时 3 条" in pane.banner.text(), timeout=10_000)
    assert pane.banner.text() == "⚠ 待确认: 紧急 1 条 · 高 2 条 (其中超时 3 条)"
    # Each escalation sounded once; the reminder tick brings them back only after the interval.
    assert sorted(i for i, escalated in pane.notifier.announced if escalated) == sorted(
        [critical, high_old, high_new]
    )
    assert pane.remind_overdue() == []
    for _ in range(5):
        raiser.group(critical)  # the feed re-reads it: no reminder for that either
    qtbot.waitUntil(lambda: pane.model.rows[0].count == 6, timeout=10_000)
    clock.advance(seconds=pane.reminders.every_s - 1)
    assert pane.remind_overdue() == []
    clock.advance(seconds=1)
    assert pane.remind_overdue() == [critical, high_old, high_new]
    assert pane.notifier.reminded == [[critical, high_old, high_new]]  # one sound for all three
    assert pane.remind_overdue() == []


@pytest.mark.parametrize("theme_name", ["dark", "light"])
def test_the_severity_dot_shows_on_a_red_escalated_row(
    qapp: QApplication,
    qtbot: Any,
    make_pane: Any,
    raiser: Raiser,
    clock: FixedClock,
    services: Services,
    theme_name: str,
) -> None:
    theme.apply_theme(qapp, theme_name)
    aid = raiser.alert(severity="critical", kind="fraud_risk", age_s=100)
    raiser.alert(severity="low")
    services.escalation.run_once(clock.now())
    pane = make_pane()
    assert shown_ids(pane)[0] == aid
    pane.view.clearSelection()  # the row's own colours, not the selection's
    pane.view.setCurrentIndex(pane.model.index(1, 1))
    image = pane.view.viewport().grab().toImage()
    rect = pane.view.visualRect(pane.model.index(0, 0))
    ratio = image.devicePixelRatio()
    y = int(rect.center().y() * ratio)
    # The dot sits at the cell's left after Qt's margin; find its red centre along the row.
    xs = range(int(rect.left() * ratio), int((rect.left() + 30) * ratio))
    background = image.pixelColor(int((rect.right() - 3) * ratio), y)
    ring = [image.pixelColor(x, y) for x in xs]
    whites = [c for c in ring if min(c.red(), c.green(), c.blue()) > 200]
    assert whites, "the dot's white ring is missing"
    reds = [c for c in ring if c.red() > 180 and c.green() < 90 and c.blue() < 90]
    assert reds, "the red severity dot vanished"
    assert abs(reds[0].red() - background.red()) + abs(reds[0].green() - background.green()) > 60


def test_the_new_feed_words_are_english_in_english(
    qapp: QApplication, qtbot: Any, make_pane: Any, raiser: Raiser, clock: FixedClock, services: Services
) -> None:
    locale = QLocale()
    translators = console_app.install_translations(qapp, "en")
    try:
        aid = raiser.alert(severity="critical", kind="fraud_risk", age_s=100)
        services.escalation.run_once(clock.now())
        clock.advance(minutes=12)
        pane = make_pane()
        assert pane.model.data(pane.model.index(0, STATUS)) == "12 min over"
        assert pane.banner.text() == "⚠ To acknowledge: 1 critical · 0 high (1 overdue)"
        qtbot.waitUntil(lambda: pane.detail.shown_alert_id() == aid, timeout=10_000)
        assert pane.detail.acknowledge_button.text() == "Acknowledge (A)"
        assert pane.detail.resolve_button.text() == "Resolve… (R)"
        words = [a.text() for a in pane.row_menu_for(pane.model.rows[0]).actions()]
        assert words[:4] == ["Show details", "Acknowledge", "Dispatch", "Resolve…"]
        assert pane.filter_bar.severity_buttons["critical"].text() == "Critical"
        pane.filter_bar.severity_buttons["critical"].setChecked(True)
        assert pane.filter_bar.severity_buttons["critical"].text() == "✓ Critical"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_a_reload_keeps_the_officer_on_the_alert_they_chose(qtbot: Any, make_pane: Any, raiser: Raiser) -> None:
    """A resync or F5 reloads the list; the selection must not jump back to the top row."""
    older = raiser.alert(severity="medium", kind="report", summary="群众求助 钥匙丢失")
    raiser.alert(severity="high", kind="plate_read", summary="布控车辆 闽D12345 驶入 滨水小区")
    pane = make_pane()
    qtbot.waitUntil(lambda: len(pane.model.rows) == 2, timeout=10_000)
    assert pane.select_alert(older)
    pane.reload()
    qtbot.waitUntil(lambda: not pane.busy(), timeout=10_000)
    row = pane.selected_row()
    assert row is not None and row.id == older


def test_until_the_officer_picks_a_row_a_reload_selects_the_new_top(
    qtbot: Any, make_pane: Any, raiser: Raiser
) -> None:
    """At start the most urgent alert is selected; a reload bringing a more urgent one selects it."""
    raiser.alert(severity="medium", kind="report", summary="群众求助 钥匙丢失")
    pane = make_pane()
    qtbot.waitUntil(lambda: len(pane.model.rows) == 1 and pane.selected_row() is not None, timeout=10_000)
    urgent = raiser.alert(severity="critical", kind="fraud_risk", summary="反诈预警 涉案金额 ¥86,000")
    pane.reload()
    qtbot.waitUntil(lambda: not pane.busy() and len(pane.model.rows) == 2, timeout=10_000)
    row = pane.selected_row()
    assert row is not None and row.id == urgent
