"""The watchlist pane: adding with field errors, editing, conflicts, expiring, live updates."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine

from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.live_bridge import LiveBridge
from console.widgets.watchlist_pane import WatchlistPane
from console.widgets.worker import DatabaseWorker

ID_NUMBER = "350211199003071236"


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def pane(
    qtbot: Any, db_worker: DatabaseWorker, services: Services, duty_officer: Actor
) -> Iterator[WatchlistPane]:
    bridge = LiveBridge(services.open_change_feed(), db_worker)
    widget = WatchlistPane(services.watchlist, services.clock, duty_officer, db_worker, bridge=bridge)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.busy(), timeout=10_000)
    yield widget
    widget.shutdown()
    bridge.close()


def shown(pane: WatchlistPane) -> list[str]:
    return [pane.model.data(pane.model.index(i, 1)) for i in range(pane.model.rowCount())]


def test_adding_a_bad_plate_names_the_field_and_stores_nothing_then_a_good_one_is_listed(
    qtbot: Any, pane: WatchlistPane, services: Services, duty_officer: Actor
) -> None:
    pane.add_button.click()
    dialog = pane.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.number.setText("闽D1234")
    dialog.reason.setText("涉盗窃电缆案车辆")
    dialog.submit()
    assert dialog.errors["number"].isVisible()
    assert dialog.errors["number"].text().startswith("车牌: ")
    assert "7" in dialog.errors["number"].text()
    assert services.watchlist.list_active(duty_officer) == []
    dialog.number.setText("闽d·12345")
    dialog.submit()
    qtbot.waitUntil(lambda: shown(pane) == ["闽D12345"], timeout=10_000)
    assert not dialog.isVisible()


def test_a_person_needs_a_valid_id_number_and_a_reason(qtbot: Any, pane: WatchlistPane) -> None:
    pane.add_button.click()
    dialog = pane.dialog
    assert dialog is not None
    dialog.person.setChecked(True)
    dialog.number.setText("350211199003071230")  # wrong check character
    dialog.submit()
    assert dialog.errors["number"].text().startswith("身份证号: ")
    assert dialog.errors["reason"].isVisible()
    dialog.number.setText(" " + ID_NUMBER)
    dialog.reason.setText("电信诈骗前科")
    dialog.submit()
    qtbot.waitUntil(
        lambda: shown(pane) == ["350211********1236"], timeout=10_000
    )  # masked for the duty officer


def test_an_unknown_case_number_keeps_the_dialog_open_with_the_reason(
    qtbot: Any, pane: WatchlistPane
) -> None:
    pane.add_button.click()
    dialog = pane.dialog
    assert dialog is not None
    dialog.number.setText("闽D12345")
    dialog.reason.setText("涉案车辆")
    dialog.case_no.setText("GK-没有")
    dialog.submit()
    qtbot.waitUntil(
        lambda: dialog.errors["case_no"].isVisible() or bool(dialog.form_error.text()), timeout=10_000
    )
    assert dialog.isVisible()
    assert shown(pane) == []


def test_editing_saves_and_a_concurrent_edit_is_a_conflict_shown_to_the_user(
    qtbot: Any, pane: WatchlistPane, services: Services, duty_officer: Actor, users: Any
) -> None:
    entry_id = services.watchlist.add(duty_officer, plate="闽D12345", reason="涉案车辆")
    pane.reload()
    qtbot.waitUntil(lambda: shown(pane) == ["闽D12345"], timeout=10_000)
    pane.view.selectRow(0)
    pane.edit_button.click()
    dialog = pane.dialog
    assert dialog is not None and not dialog.number.isEnabled()
    other = users.ensure_user("li", "李值班", "duty_officer")
    services.watchlist.update(other, entry_id, 1, reason="另一台值班台改的")
    dialog.reason.setText("涉盗窃电缆案车辆")
    dialog.submit()
    qtbot.waitUntil(lambda: "他人修改" in dialog.form_error.text(), timeout=10_000)
    assert services.watchlist.get(duty_officer, entry_id).reason == "另一台值班台改的"
    qtbot.waitUntil(lambda: pane.model.rows[0].version == 2, timeout=10_000)
    dialog.reject()
    pane.view.selectRow(0)
    pane.edit_button.click()
    assert pane.dialog is not None
    pane.dialog.reason.setText("涉盗窃电缆案车辆")
    pane.dialog.submit()
    qtbot.waitUntil(lambda: pane.model.rows[0].reason == "涉盗窃电缆案车辆", timeout=10_000)


def test_expiring_removes_the_entry_and_other_consoles_additions_appear_live(
    qtbot: Any, pane: WatchlistPane, services: Services, duty_officer: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.watchlist.add(duty_officer, plate="闽D12345", reason="涉案车辆")  # another console
    qtbot.waitUntil(lambda: shown(pane) == ["闽D12345"], timeout=10_000)
    pane.view.selectRow(0)
    monkeypatch.setattr(pane, "confirm_expire", lambda entry: True)
    pane.expire_button.click()
    qtbot.waitUntil(lambda: shown(pane) == [], timeout=10_000)
    assert services.watchlist.list_active(duty_officer) == []


def test_hostile_text_is_shown_as_typed_and_a_pasted_page_is_refused_naming_field_and_limit(
    qtbot: Any, pane: WatchlistPane, services: Services, duty_officer: Actor
) -> None:
    pane.add_button.click()
    dialog = pane.dialog
    assert dialog is not None
    dialog.number.setText("闽D12345")
    dialog.reason.setText("案情" * 10_000)  # a pasted page (QLineEdit keeps 32,767 characters)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors["reason"].isVisible(), timeout=10_000)
    assert dialog.errors["reason"].text() == "reason: 太长: 最多 500 个字, 实为 20000 个"
    assert services.watchlist.list_active(duty_officer) == []

    hostile = "'; DROP TABLE watchlist_entry; -- <b>粗体</b>"
    dialog.reason.setText(hostile)
    dialog.submit()
    qtbot.waitUntil(lambda: shown(pane) == ["闽D12345"], timeout=10_000)
    assert pane.model.data(pane.model.index(0, 3)) == hostile
    assert [r.reason for r in services.watchlist.list_active(duty_officer)] == [hostile]


@pytest.fixture
def new_york_desk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The desk computer set to another time zone than the station's (UTC-5/-4, not UTC+8)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_expiry_typed_is_beijing_time_whatever_the_computers_time_zone(
    qtbot: Any, new_york_desk: None, pane: WatchlistPane, services: Services, duty_officer: Actor
) -> None:
    assert time.localtime(0).tm_gmtoff != 8 * 3600  # the desk really is elsewhere
    pane.add_button.click()
    dialog = pane.dialog
    assert dialog is not None
    dialog.number.setText("闽D12345")
    dialog.reason.setText("涉盗窃电缆案车辆")
    dialog.expires.setChecked(True)
    editor = dialog.expires_at
    editor.setFocus()
    editor.setCurrentSectionIndex(0)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "2026-04-01 18:30")
    assert editor.text() == "2026-04-01 18:30"
    dialog.submit()
    qtbot.waitUntil(lambda: shown(pane) == ["闽D12345"], timeout=10_000)
    (stored,) = services.watchlist.list_active(duty_officer)
    beijing = dt.timezone(dt.timedelta(hours=8))
    assert stored.expires_at == dt.datetime(2026, 4, 1, 18, 30, tzinfo=beijing)
    assert pane.model.data(pane.model.index(0, 6)) == "2026-04-01 18:30"  # the table agrees
    pane.view.selectRow(0)
    pane.edit_selected()  # and editing shows it as it was typed
    assert pane.dialog is not None and pane.dialog.expires_at.text() == "2026-04-01 18:30"


def test_the_added_by_column_shows_the_officers_name_not_the_user_id(
    qtbot: Any, pane: WatchlistPane, services: Services, duty_officer: Actor
) -> None:
    services.watchlist.add(duty_officer, plate="闽D12345", reason="涉盗窃电缆案车辆")
    pane.reload()
    qtbot.waitUntil(lambda: shown(pane) == ["闽D12345"], timeout=10_000)
    assert pane.model.headerData(7, Qt.Orientation.Horizontal) == "添加人"
    assert pane.model.data(pane.model.index(0, 7)) == duty_officer.display_name
    assert duty_officer.display_name != duty_officer.username
