"""The dispatch dialog from the feed, on real databases offscreen: D opens it with the right
officers first, the keyboard alone sends, busy and off-duty officers need an override, and an
officer another console sent first is said in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine, select

from console.clock import FixedClock
from console.models import Dispatch, dispatch_officer
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.dispatch_dialog import DispatchDialog
from console.widgets.feed import FeedPane
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def services(engine: Engine) -> Services:
    return build_services(engine, FixedClock(dt.datetime.now(dt.UTC)))


@pytest.fixture
def feed(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, duty_officer: Actor, world: DispatchWorld
) -> Iterator[Any]:
    made: list[tuple[FeedPane, LiveBridge]] = []

    def make() -> FeedPane:
        bridge = LiveBridge(services.open_change_feed(), db_worker)
        pane = FeedPane(
            services.alerts,
            services.clock,
            duty_officer,
            db_worker,
            bridge=bridge,
            sound=False,
            dispatch=services.dispatch,
            officers=services.officers,
        )
        qtbot.addWidget(pane)
        pane.resize(1200, 600)
        pane.show()
        made.append((pane, bridge))
        qtbot.waitUntil(lambda: not pane.busy() and pane.model.rowCount() > 0, timeout=10_000)
        pane.view.selectRow(0)
        pane.view.setFocus()
        return pane

    yield make
    for pane, bridge in made:
        pane.shutdown()
        bridge.close()


def open_with_d(qtbot: Any, pane: FeedPane) -> DispatchDialog:
    qtbot.keyClick(pane.view, Qt.Key.Key_D)
    dialog = pane.dispatch_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.table.rowCount() > 0, timeout=10_000)
    return dialog


def crews(engine: Engine) -> list[tuple[int, str]]:
    from console.models import Officer

    with engine.connect() as c:
        return [
            (d, b)
            for d, b in c.execute(
                select(dispatch_officer.c.dispatch_id, Officer.badge_no)
                .join(Officer, Officer.id == dispatch_officer.c.officer_id)
                .order_by(Officer.badge_no)
            )
        ]


def test_d_opens_the_dialog_with_the_same_cell_first_then_the_nearest(
    qtbot: Any, feed: Any, world: DispatchWorld
) -> None:
    world.officer("300003", cell=1)  # the other grid cell, kilometres east
    world.officer("300002", cell=None)  # no grid cell: no distance, last of the free ones
    world.officer("300001", cell=0)  # the alert's own cell
    world.officer("300004", cell=0, status="off_duty")
    world.alert(community=0)
    dialog = open_with_d(qtbot, feed())
    assert dialog.badges_in_order() == ["300001", "300003", "300002", "300004"]
    assert dialog.table.item(0, 2).text() == "本网格" and dialog.table.item(1, 3).text().endswith(" km")
    assert dialog.table.item(3, 4).text() == "休息"


def test_keyboard_only_dispatch_writes_a_dispatch_and_marks_the_alert(
    qtbot: Any, feed: Any, world: DispatchWorld, engine: Engine
) -> None:
    world.officer("300001", cell=0)
    world.officer("300002", cell=0)
    world.officer("300003", cell=1)
    world.alert(community=0)
    pane = feed()
    dialog = open_with_d(qtbot, pane)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # 300001
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # 300003
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert dialog.note.hasFocus()
    dialog.note.insert("北门道闸")  # what the input method commits (QTest types Latin-1 only)
    with qtbot.waitSignal(dialog.dispatch_sent, timeout=10_000) as sent:
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert sent.args[0].officers == ("300001", "300003")
    assert [b for _d, b in crews(engine)] == ["300001", "300003"]
    with engine.connect() as c:
        assert c.execute(select(Dispatch.note)).scalar_one() == "北门道闸"
    assert world.status_of("300001") == "dispatched" and world.status_of("300002") == "available"
    qtbot.waitUntil(lambda: pane.model.rows[0].status == "dispatched", timeout=10_000)
    qtbot.waitUntil(lambda: "300001, 300003" in pane.detail.clocks_label.text(), timeout=10_000)


@pytest.mark.parametrize("status", ["off_duty", "dispatched"])
def test_a_busy_or_off_duty_officer_needs_an_override_with_a_reason(
    qtbot: Any, feed: Any, world: DispatchWorld, engine: Engine, status: str
) -> None:
    world.officer("300009", cell=0, status=status)
    world.alert(community=0)
    dialog = open_with_d(qtbot, feed())
    assert not dialog.override.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.override.isVisible()  # asked for as soon as such an officer is picked
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert ("不在岗" if status == "off_duty" else "正在执行派警") in dialog.error.text()
    assert crews(engine) == [] and dialog.isVisible()
    assert dialog.override.hasFocus()  # the error sent the cursor to the reason
    dialog.override.insert("唯一懂闽南话的警员")
    with qtbot.waitSignal(dialog.dispatch_sent, timeout=10_000) as sent:
        qtbot.keyClick(dialog.override, Qt.Key.Key_Return)
    assert sent.args[0].overridden == ("300009",)
    with engine.connect() as c:
        assert c.execute(select(Dispatch.override_reason)).scalar_one() == "唯一懂闽南话的警员"


def test_an_officer_another_console_sent_first_is_said_in_words(
    qtbot: Any, feed: Any, world: DispatchWorld, services: Services, users: Any, engine: Engine
) -> None:
    world.officer("300001", cell=0)
    world.alert(community=0)
    other_alert = world.alert(community=1)
    dialog = open_with_d(qtbot, feed())
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    services.dispatch.dispatch(users.ensure_user("li", "李值班", "duty_officer"), other_alert, ["300001"])
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "警员 300001 正在执行派警" in dialog.error.text()
    assert len(crews(engine)) == 1  # only the other console's dispatch
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == "已派出", timeout=10_000)


def test_one_dispatch_covers_other_alerts_of_the_community_all_from_the_keyboard(
    qtbot: Any, feed: Any, world: DispatchWorld, engine: Engine
) -> None:
    from console.models import dispatch_alert

    world.officer("300001", cell=0)
    first = world.alert(community=0)
    second = world.alert(community=0)
    elsewhere = world.alert(community=2)
    resolved = world.alert(community=0, status="resolved")
    typed = world.alert(community=0, status="acknowledged")
    pane = feed()
    pane.view.selectRow(pane.model.position_of(first))
    dialog = open_with_d(qtbot, pane)
    assert dialog.alert_id == first
    # Offered: the other open alerts of the same community, newest first.
    assert dialog.listed_alerts() == [typed, second] and dialog.also_alerts() == []
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # 300001
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert dialog.note.hasFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.alerts.hasFocus()
    qtbot.keyClick(dialog.alerts, Qt.Key.Key_Down)  # the second listed: ``second``
    qtbot.keyClick(dialog.alerts, Qt.Key.Key_Space)
    assert dialog.also_alerts() == [second]
    qtbot.keyClick(dialog.alerts, Qt.Key.Key_Tab)
    assert dialog.add_alert.hasFocus()
    # A number of another community, then a resolved one: refused in words, nothing sent.
    for refused, words in ((elsewhere, "不在同一小区"), (resolved, "已处置完毕")):
        qtbot.keyClicks(dialog.add_alert, str(refused))
        with qtbot.waitSignal(dialog.alerts_added, timeout=10_000) as added:
            qtbot.keyClick(dialog.add_alert, Qt.Key.Key_Return)
        assert added.args == [0] and words in dialog.error.text() and f"#{refused}" in dialog.error.text()
        assert dialog.isVisible() and crews(engine) == []
        dialog.add_alert.clear()
    # A listed one typed by number is ticked.
    qtbot.keyClicks(dialog.add_alert, f"#{typed}")
    qtbot.keyClick(dialog.add_alert, Qt.Key.Key_Return)
    assert dialog.also_alerts() == [typed, second] and not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.dispatch_sent, timeout=10_000) as sent:
        qtbot.keyClick(dialog.alerts, Qt.Key.Key_Return)
    assert sent.args[0].alert_ids == (first, typed, second)
    with engine.connect() as c:
        covered = sorted(a for (a,) in c.execute(select(dispatch_alert.c.alert_id)))
    assert covered == sorted([first, second, typed])
    qtbot.waitUntil(lambda: {r.id: r.status for r in pane.model.rows}[second] == "dispatched", timeout=10_000)


def test_with_no_other_open_alert_the_dialog_says_so(qtbot: Any, feed: Any, world: DispatchWorld) -> None:
    world.officer("300001", cell=0)
    world.alert(community=0)
    world.alert(community=2)
    dialog = open_with_d(qtbot, feed())
    assert dialog.listed_alerts() == []
    assert dialog.alerts_empty.isVisible() and not dialog.alerts.isVisible()


def test_a_read_that_fails_is_said_once_not_asked_again_and_again(
    qtbot: Any, feed: Any, world: DispatchWorld, services: Services, monkeypatch: Any
) -> None:
    """The database goes away while the dialog is open: it says so, and does not loop on reads."""
    from console.errors import DatabaseUnavailable

    world.officer("300001", cell=0)
    world.alert(community=0)
    dialog = open_with_d(qtbot, feed())
    reads: list[int] = []

    def away(*_args: Any, **_kwargs: Any) -> Any:
        reads.append(1)
        raise DatabaseUnavailable("db.unavailable", target="PostgreSQL", reason="server closed the connection")

    monkeypatch.setattr(dialog._dispatch, "recommendations", away)
    dialog.load()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5_000)
    qtbot.wait(500)
    assert reads == [1]
    assert "PostgreSQL" in dialog.error.text()
