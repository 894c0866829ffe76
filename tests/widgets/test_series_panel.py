"""The series tab offscreen: proposals for one case, Enter confirms, Del dismisses for good."""

from __future__ import annotations

import pytest
from case_data import ago
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.series_panel import SeriesPanel
from console.widgets.worker import DatabaseWorker


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


def _cable(services: Services, actor: Actor, days: float) -> str:
    return services.cases.open(
        actor, category="cable", reported_at=ago(days=days), summary="地下室电缆被盗", place="3号楼地下室"
    ).case_no


def _panel(
    qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor, case_no: str
) -> SeriesPanel:
    panel = SeriesPanel(services.series, actor, worker, case_no)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show()
    return panel


def test_enter_confirms_and_del_dismisses_the_selected_proposal(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, investigator: Actor
) -> None:
    first, second = _cable(services, investigator, 20), _cable(services, investigator, 10)
    new = _cable(services, investigator, 1)
    panel = _panel(qtbot, db_worker, services, investigator, new)
    assert [panel.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(2)] == [second, first]
    assert "同类案件同一地点 3号楼地下室" in panel.list.item(0).text()
    assert panel.series_label.text() == "本案尚未并入串案"

    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    with (
        qtbot.waitSignal(panel.series_confirmed, timeout=10_000),
        qtbot.waitSignal(panel.loaded, timeout=10_000),
    ):
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert second in panel.series_label.text() and new in panel.series_label.text()
    assert [p.other.case_no for p in panel.proposals] == [first]

    with (
        qtbot.waitSignal(panel.proposal_dismissed, timeout=10_000),
        qtbot.waitSignal(panel.loaded, timeout=10_000),
    ):
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert panel.proposals == []
    assert panel.list.item(0).text() == "暂无串案提示"
    # Dismissed stays dismissed: a panel opened again does not offer it.
    again = _panel(qtbot, db_worker, services, investigator, new)
    assert again.proposals == []


def test_a_role_that_may_not_edit_cases_sees_proposals_but_cannot_decide(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, investigator: Actor, duty_officer: Actor
) -> None:
    _cable(services, investigator, 5)
    new = _cable(services, investigator, 1)
    panel = _panel(qtbot, db_worker, services, duty_officer, new)
    assert len(panel.proposals) == 1
    assert not panel.confirm_button.isEnabled() and not panel.dismiss_button.isEnabled()


def test_a_confirmed_series_reads_as_one_timeline_and_can_be_shown_on_the_map(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, investigator: Actor
) -> None:
    first = _cable(services, investigator, 20)
    new = _cable(services, investigator, 1)
    panel = _panel(qtbot, db_worker, services, investigator, new)
    # Not in a series yet: no timeline, nothing to show on the map.
    assert not panel.timeline.isVisibleTo(panel) and not panel.map_button.isEnabled()

    panel.list.setFocus()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)

    assert panel.timeline.isVisibleTo(panel)
    rows = [[panel.timeline.item(r, c).text() for c in range(4)] for r in range(panel.timeline.rowCount())]
    # Both cases' entries on one timeline, in the order they were recorded (first was opened first).
    assert [(r[1], r[2]) for r in rows[:2]] == [(first, "立案"), (new, "立案")]
    assert {(r[1], r[2]) for r in rows[2:]} == {(first, "确认串案"), (new, "确认串案")}
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)

    assert panel.map_button.isEnabled()
    with qtbot.waitSignal(panel.show_on_map_requested, timeout=5000) as by_click:
        qtbot.mouseClick(panel.map_button, Qt.MouseButton.LeftButton)
    assert panel.series is not None and by_click.args == [panel.series.id]
    with qtbot.waitSignal(panel.show_on_map_requested, timeout=5000) as by_key:
        qtbot.keyClick(panel.list, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert by_key.args == [panel.series.id]
