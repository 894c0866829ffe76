"""Telling the property manager, from the alert detail on real databases offscreen: one click (or
N, a note, Enter) logs who, when and how, and the detail shows the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine, select

from console.clock import FixedClock
from console.models import ManagerContact
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.feed import FeedPane
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def services(engine: Engine) -> Services:
    return build_services(engine, FixedClock(dt.datetime.now(dt.UTC)))


@pytest.fixture
def pane(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, duty_officer: Actor, engine: Engine
) -> Iterator[FeedPane]:
    DispatchWorld(engine).alert()
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
    pane.resize(1200, 640)
    pane.show()
    qtbot.waitUntil(lambda: not pane.busy() and pane.model.rowCount() > 0, timeout=10_000)
    pane.view.selectRow(0)
    qtbot.waitUntil(lambda: pane.detail.detail is not None and not pane.busy(), timeout=10_000)
    yield pane
    pane.shutdown()
    bridge.close()


def stored(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as c:
        return [
            tuple(r)
            for r in c.execute(
                select(ManagerContact.by_name, ManagerContact.how, ManagerContact.note).order_by(
                    ManagerContact.id
                )
            )
        ]


def test_one_click_logs_the_notification_and_the_detail_shows_it(
    qtbot: Any, pane: FeedPane, engine: Engine, duty_officer: Actor
) -> None:
    detail = pane.detail
    assert not detail.contacts_label.isVisible() and detail.notify_button.isEnabled()
    detail.notify_how.setCurrentIndex(detail.notify_how.findData("in_person"))
    detail.notify_note.setText("陈经理到北门核对车辆")
    qtbot.mouseClick(detail.notify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.contacts_label.isVisible(), timeout=10_000)
    assert stored(engine) == [(duty_officer.display_name, "in_person", "陈经理到北门核对车辆")]
    shown = detail.contacts_label.text()
    assert duty_officer.display_name in shown and "当面" in shown and "陈经理到北门核对车辆" in shown
    assert detail.notify_note.text() == ""  # ready for the next call


def test_from_the_keyboard_n_then_a_note_then_enter(qtbot: Any, pane: FeedPane, engine: Engine) -> None:
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_N)
    assert pane.detail.notify_note.hasFocus()
    pane.detail.notify_note.insert("已电话告知")  # typed through the input method (keyClicks is ASCII only)
    qtbot.keyClick(pane.detail.notify_note, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: len(stored(engine)) == 1 and pane.detail.contacts_label.isVisible(), timeout=10_000
    )
    assert stored(engine)[0][1:] == ("phone", "已电话告知")
    # Selecting the alert again reads the log back from the database.
    pane.detail.show_contacts([])
    pane.show_selected_detail()
    qtbot.waitUntil(lambda: "已电话告知" in pane.detail.contacts_label.text(), timeout=10_000)
