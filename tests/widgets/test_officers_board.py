"""The officers' board on real databases offscreen: it follows dispatches live, its timer turns a
late dispatch red and re-alerts once, and officers are managed from it by keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine

from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.live_bridge import LiveBridge
from console.widgets.officers_board import OfficersBoardPane
from console.widgets.officers_board_dialogs import NewOfficer
from console.widgets.officers_board_model import COLUMNS, OVERDUE_BACKGROUND, TIMER_COLUMN
from console.widgets.worker import DatabaseWorker
from tests.dispatch_data import DispatchWorld

STATUS, JOB = COLUMNS.index("status"), COLUMNS.index("job")


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime.now(dt.UTC))  # dispatches are stamped with the server's real clock


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def board(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, duty_officer: Actor, world: DispatchWorld
) -> Iterator[Any]:
    made: list[tuple[OfficersBoardPane, LiveBridge]] = []

    def make() -> OfficersBoardPane:
        bridge = LiveBridge(services.open_change_feed(), db_worker)
        pane = OfficersBoardPane(
            services.officers,
            services.dispatch,
            services.clock,
            duty_officer,
            db_worker,
            bridge=bridge,
            sound=False,
        )
        qtbot.addWidget(pane)
        pane.resize(1100, 400)
        pane.show()
        made.append((pane, bridge))
        qtbot.waitUntil(lambda: not pane.busy(), timeout=10_000)
        pane.view.setFocus()
        return pane

    yield make
    for pane, bridge in made:
        pane.shutdown()
        bridge.close()


def cell(pane: OfficersBoardPane, badge: str, column: int, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
    position = pane.model.position_of(badge)
    assert position is not None
    return pane.model.data(pane.model.index(position, column), role)


def test_a_dispatch_from_another_console_shows_on_the_board_live(
    qtbot: Any, board: Any, world: DispatchWorld, services: Services, users: Any
) -> None:
    world.officer("300001", cell=0)
    world.officer("300002", cell=1, team="值班二组")
    pane = board()
    assert cell(pane, "300001", STATUS) == "可派" and cell(pane, "300002", COLUMNS.index("grid")) == "G2"
    alert = world.alert(community=0)
    sent = services.dispatch.dispatch(users.ensure_user("li", "李值班", "duty_officer"), alert, ["300001"])
    qtbot.waitUntil(lambda: cell(pane, "300001", STATUS) == "已派出", timeout=10_000)
    assert cell(pane, "300001", JOB) == f"#{sent.dispatch_id} 滨水小区 测试预警"
    assert cell(pane, "300002", STATUS) == "可派" and cell(pane, "300002", JOB) == ""
    assert "出警中 1" in pane.summary.text()


def test_a_dispatch_not_arrived_within_the_target_turns_red_and_re_alerts_once(
    qtbot: Any, board: Any, world: DispatchWorld, services: Services, duty_officer: Actor, clock: FixedClock
) -> None:
    world.officer("300001", cell=0)
    alert = world.alert(community=0, age_s=60)
    services.dispatch.dispatch(duty_officer, alert, ["300001"])
    pane = board()
    qtbot.waitUntil(lambda: cell(pane, "300001", STATUS) == "已派出", timeout=10_000)
    pane.model.tick()
    assert cell(pane, "300001", JOB, Qt.ItemDataRole.BackgroundRole) != OVERDUE_BACKGROUND
    with qtbot.assertNotEmitted(pane.notifier.overdue_announced, wait=1200):
        pass  # a minute in, the once-a-second tick says nothing
    changed: list[tuple[int, int]] = []
    pane.model.dataChanged.connect(lambda a, b, *_: changed.append((a.column(), b.column())))
    clock.advance(seconds=541)  # 601 s since the warning arose: past the 600 s target
    with qtbot.waitSignal(pane.notifier.overdue_announced, timeout=3000):
        pass
    assert cell(pane, "300001", JOB, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert "超时未到场" in cell(pane, "300001", JOB) and "1 起超时未到场" in pane.summary.text()
    assert cell(pane, "300001", TIMER_COLUMN).startswith(
        "9:"
    )  # 9 min in status: sent a minute after the warning
    assert (TIMER_COLUMN, TIMER_COLUMN) in changed  # the tick repaints only the timer column...
    assert (0, len(COLUMNS) - 1) in changed  # ...and the late row once, when it turns red
    with qtbot.assertNotEmitted(pane.notifier.overdue_announced, wait=2200):
        pass  # re-alerted once, not every second
    assert len(pane.notifier.announced) == 1


def test_officers_are_added_and_put_off_duty_from_the_board_by_keyboard(
    qtbot: Any, board: Any, world: DispatchWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.officer("300001", cell=0)
    pane = board()
    monkeypatch.setattr(pane, "ask_new_officer", lambda: NewOfficer("300005", "陈晓东", "值班二组", "G2"))
    qtbot.keyClick(pane.view, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: pane.model.position_of("300005") is not None, timeout=10_000)
    assert cell(pane, "300005", STATUS) == "可派" and cell(pane, "300005", COLUMNS.index("grid")) == "G2"
    qtbot.waitUntil(
        lambda: (o := pane.selected_officer()) is not None and o.badge == "300005", timeout=10_000
    )
    monkeypatch.setattr(pane, "ask_status", lambda row: ("off_duty", "换班"))
    qtbot.keyClick(pane.view, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: cell(pane, "300005", STATUS) == "休息", timeout=10_000)
    monkeypatch.setattr(pane, "ask_new_officer", lambda: NewOfficer("300001", "重复", "", None))
    qtbot.keyClick(pane.view, Qt.Key.Key_N)  # a badge already on the board: said, not crashed
    qtbot.waitUntil(lambda: pane.message.isVisible(), timeout=10_000)
    assert "300001" in pane.message.text()


def test_arrival_and_clearing_are_entered_from_the_board(
    qtbot: Any,
    board: Any,
    world: DispatchWorld,
    services: Services,
    duty_officer: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world.officer("300001", cell=0)
    alert = world.alert(community=0)
    sent = services.dispatch.dispatch(duty_officer, alert, ["300001"])
    pane = board()
    qtbot.waitUntil(lambda: cell(pane, "300001", STATUS) == "已派出", timeout=10_000)
    pane.select_officer("300001")
    too_early = sent.dispatched_at - dt.timedelta(minutes=1)
    monkeypatch.setattr(pane, "ask_arrival", lambda job: too_early)
    qtbot.keyClick(pane.view, Qt.Key.Key_A)  # before the dispatch: refused, in words
    qtbot.waitUntil(lambda: pane.message.isVisible(), timeout=10_000)
    assert "到达时间不能早于派警时间" in pane.message.text()
    assert cell(pane, "300001", STATUS) == "已派出"
    monkeypatch.setattr(
        pane, "ask_arrival", lambda job: sent.dispatched_at
    )  # as reported: the moment it was sent
    qtbot.keyClick(pane.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: cell(pane, "300001", STATUS) == "到场", timeout=10_000)
    monkeypatch.setattr(pane, "ask_outcome", lambda job: "车主已联系, 无异常")
    qtbot.keyClick(pane.view, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: cell(pane, "300001", STATUS) == "可派", timeout=10_000)
    assert cell(pane, "300001", JOB) == ""
    (done,) = services.dispatch.clocks_of_alert(duty_officer, alert)[0]
    assert done.outcome == "车主已联系, 无异常" and done.arrived_at is not None
