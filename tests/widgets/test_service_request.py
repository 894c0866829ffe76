"""A resident's request taken by hand in the console (Ctrl+N, or Q on the officers' board) enters
the feed as an alert, the dispatch dialog opens for it at once, and the board's current-job
column then says what the job is. Real databases, real widgets offscreen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine, select

from console.clock import FixedClock
from console.config import Settings
from console.models import Alert
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.main_window import MainWindow
from console.widgets.officers_board_model import COLUMNS
from console.widgets.service_request_dialog import ServiceRequestDialog
from console.widgets.worker import DatabaseWorker
from console.widgets.workspace import Workspace
from tests.dispatch_data import DispatchWorld
from tests.widgets.windows import open_main_window

JOB = COLUMNS.index("job")


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def opened(
    qtbot: Any, db_worker: DatabaseWorker, engine: Engine, duty_officer: Actor, world: DispatchWorld
) -> Iterator[tuple[Workspace, MainWindow]]:
    world.officer("300001", cell=0)
    world.officer("300002", cell=0)
    services: Services = build_services(engine, FixedClock(dt.datetime.now(dt.UTC)))
    settings = Settings(db_url=str(engine.url), sound=False)
    window, workspace = open_main_window(qtbot, db_worker, services, duty_officer, settings)
    workspace.build_all()  # the board is behind the work tab until opened
    qtbot.waitUntil(
        lambda: not workspace.board.busy() and workspace.board.model.rowCount() == 2, timeout=15_000
    )
    yield workspace, window
    workspace.shutdown()


def fill(qtbot: Any, dialog: ServiceRequestDialog, category: str, community: str, text: str) -> None:
    qtbot.waitUntil(lambda: dialog.community.count() > 1, timeout=10_000)
    dialog.category.setCurrentIndex(dialog.category.findData(category))
    dialog.community.setCurrentIndex(dialog.community.findText(community))
    dialog.text.setPlainText(text)  # what the input method commits (QTest types Latin-1 only)


def job_of(workspace: Workspace, badge: str) -> str:
    model = workspace.board.model
    position = model.position_of(badge)
    assert position is not None
    return str(model.data(model.index(position, JOB)))


def test_ctrl_n_takes_a_lost_pet_request_and_dispatches_it_like_any_alert(
    qtbot: Any, opened: tuple[Workspace, MainWindow], engine: Engine
) -> None:
    workspace, window = opened
    assert window.actions_by_name["service_request"].shortcut().toString() == "Ctrl+N"
    window.actions_by_name["service_request"].trigger()
    dialog = workspace.request_dialog
    assert isinstance(dialog, ServiceRequestDialog) and dialog.isVisible()
    # Nothing written yet: the refusal names what is missing and nothing is stored.
    qtbot.waitUntil(lambda: dialog.community.count() > 1, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "community" in dialog.error.text() and dialog.community.hasFocus()
    fill(qtbot, dialog, "lost-pet", "滨水小区", "")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.error.text().startswith("text"), timeout=10_000)
    with engine.connect() as c:
        assert c.execute(select(Alert.id)).first() is None
    dialog.text.setPlainText("3 号楼王阿姨的柯基走失, 黄白色")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.feed.dispatch_dialog is not None, timeout=10_000)
    with engine.connect() as c:
        alert_id, kind, summary = c.execute(select(Alert.id, Alert.kind, Alert.summary)).one()
    assert kind == "report" and "寻宠求助" in summary
    sender = workspace.feed.dispatch_dialog
    assert sender is not None and sender.alert_id == alert_id
    qtbot.waitUntil(lambda: not sender.busy() and sender.table.rowCount() == 2, timeout=10_000)
    with qtbot.waitSignal(sender.dispatch_sent, timeout=10_000):
        qtbot.keyClick(sender.table, Qt.Key.Key_Return)  # the officer under the cursor
    # The board shows the job for what it is; the feed lists it with the other alerts.
    qtbot.waitUntil(lambda: "寻宠求助" in job_of(workspace, "300001"), timeout=10_000)
    assert "滨水小区" in job_of(workspace, "300001") and job_of(workspace, "300002") == ""
    qtbot.waitUntil(lambda: any(r.id == alert_id for r in workspace.feed.model.rows), timeout=10_000)


def test_q_on_the_board_takes_a_request_for_the_selected_officer(
    qtbot: Any, opened: tuple[Workspace, MainWindow]
) -> None:
    workspace, _window = opened
    board = workspace.board
    board.select_officer("300002")
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_Q)
    dialog = workspace.request_dialog
    assert isinstance(dialog, ServiceRequestDialog) and dialog.isVisible()
    fill(qtbot, dialog, "lost-item", "双岭花园", "在小区北门丢了一串钥匙, 挂着蓝色钥匙扣")
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.feed.dispatch_dialog is not None, timeout=10_000)
    sender = workspace.feed.dispatch_dialog
    assert sender is not None
    qtbot.waitUntil(lambda: not sender.busy() and sender.table.rowCount() == 2, timeout=10_000)
    assert sender.picked() == {"300002"}  # the officer chosen on the board
    with qtbot.waitSignal(sender.dispatch_sent, timeout=10_000):
        qtbot.mouseClick(sender.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "失物求助" in job_of(workspace, "300002"), timeout=10_000)
