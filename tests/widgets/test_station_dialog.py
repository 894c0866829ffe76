"""The station-parameters dialog: read-only for a duty officer, editable for a leader."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.services.container import build_services
from console.services.station import UserService
from console.widgets.station_dialog import StationDialog
from console.widgets.worker import DatabaseWorker
from tests.grid_data import seed_grid


def test_a_duty_officer_sees_the_thresholds_read_only(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, users: UserService
) -> None:
    seed_grid(engine, clock.now())
    services = build_services(engine, clock)
    dialog = StationDialog(services.station, users.ensure_user("zhang", "张值班", "duty_officer"), db_worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.orange_days.value() == 30)
    assert dialog.red_days.value() == 90
    assert not dialog.save_button.isEnabled()
    assert "所领导" in dialog.message.text()
    # Nothing to save, so nothing to cancel: the only button closes the dialog.
    assert [b.text() for b in dialog.buttons.buttons()] == ["关闭"]
    dialog.show()
    dialog.buttons.buttons()[0].click()
    assert not dialog.isVisible()


def test_a_leader_saves_new_thresholds(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, users: UserService
) -> None:
    seed_grid(engine, clock.now())
    services = build_services(engine, clock)
    leader = users.ensure_user("zeng", "曾所长", "supervisor")
    dialog = StationDialog(services.station, leader, db_worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert sorted(b.text() for b in dialog.buttons.buttons()) == sorted(["保存", "取消"])
    dialog.orange_days.setValue(45)
    with qtbot.waitSignal(dialog.parameters_saved) as saved:
        dialog.save_button.click()
    assert saved.args[0].orange_after_days == 45
    assert services.station.parameters(leader).orange_after_days == 45
