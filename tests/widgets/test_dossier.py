"""The dossier window: every tab filled, masking, saving, a stale edit refused and shown, and
opening or linking a case from an alert."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from case_list_data import CaseWorld
from PySide6.QtCore import Qt

from console.security import Actor
from console.services.container import Services
from console.widgets.alert_detail import AlertDetailPanel
from console.widgets.dossier import DossierWindow, LinkCaseDialog
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker

Opener = Callable[..., DossierWindow]


@pytest.fixture
def open_dossier(
    qtbot: Any,
    db_worker: DatabaseWorker,
    case_services: Services,
    case_bridge: LiveBridge,
    case_world: CaseWorld,
) -> Iterator[Opener]:
    opened: list[DossierWindow] = []

    def open_as(actor: Actor, case_no: str | None = None, *, live: bool = True) -> DossierWindow:
        window = DossierWindow(
            case_no or case_world.cases[-1],
            case_services.cases,
            actor,
            db_worker,
            bridge=case_bridge if live else None,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.dossier is not None, timeout=10_000)
        opened.append(window)
        return window

    yield open_as
    for window in opened:
        window.shutdown()


def cells(table: Any, row: int) -> list[str]:
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def test_every_tab_shows_its_part_of_the_case_with_numbers_masked(
    open_dossier: Opener, duty_officer: Actor, case_world: CaseWorld
) -> None:
    window = open_dossier(duty_officer)
    assert case_world.cases[-1] in window.heading.text() and "未破" in window.heading.text()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "案情",
        "当事人 (1)",
        "车辆",
        "涉案财物",
        "预警与轨迹 (1)",
        "时间线",
        "销赃地点",
    ]
    victim = cells(window.parties, 0)
    assert victim[:2] == ["被害人", "王芳"]
    assert victim[2] == case_world.resident_id_number[:6] + "********" + case_world.resident_id_number[-4:]
    assert victim[3] == "138****0001"
    assert f"户 #{case_world.household_id}" in victim[4]
    assert not window.unmask_button.isVisible()  # a duty officer may not see full numbers
    assert cells(window.alerts, 0)[0] == f"#{case_world.alert_id}"
    assert cells(window.sightings, 0)[2:4] == ["东门道闸", "闽D12345"]
    assert cells(window.timeline, 0)[1] == "立案"
    assert not window.save_button.isEnabled() and not window.summary.isEnabled()  # read-only role


def test_an_authorised_user_unmasks_and_reaches_the_household(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    assert window.unmask_button.isVisible()
    window.unmask("")  # no reason: nothing shown, and the window says a reason is needed
    assert "事由" in window.save_note.text() and window.unmask_button.isVisible()
    window.unmask("核对被害人身份")
    qtbot.waitUntil(lambda: cells(window.parties, 0)[2] == case_world.resident_id_number, timeout=10_000)
    window.parties.selectRow(0)
    with qtbot.waitSignal(window.household_requested) as asked:
        window._on_parties_double_clicked()
    assert asked.args == [case_world.household_id]


def test_ctrl_s_saves_the_case_and_the_timeline_says_so(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    window.summary.setText("车棚电动车被盗, 监控拍到两人")
    window.status.setCurrentIndex(window.status.findData("solved"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.summary.setFocus()
    qtbot.keyClick(window.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已破" in window.heading.text(), timeout=10_000)
    assert window.save_note.text() == "已保存"
    stored = case_services.cases.show(investigator, case_world.cases[-1])
    assert (stored.case["summary"], stored.case["status"]) == ("车棚电动车被盗, 监控拍到两人", "solved")
    assert cells(window.timeline, window.timeline.rowCount() - 1)[1] == "修改"
    assert "车棚电动车被盗" in cells(window.timeline, window.timeline.rowCount() - 1)[3]
    assert window.status.model().item(window.status.findData("open")).isEnabled() is False  # no way back


def test_a_stale_edit_is_refused_shown_and_the_users_text_can_be_restored(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    first = open_dossier(investigator)
    # another console's window on the same case, which has not heard of the first one's save yet
    second = open_dossier(investigator, live=False)
    first.summary.setText("第一台: 地下室电缆被盗")
    first.save()
    qtbot.waitUntil(lambda: first.save_note.text() == "已保存", timeout=10_000)
    second.summary.setText("第二台: 车棚电动车被盗")
    second.save()
    qtbot.waitUntil(lambda: second.banner.isVisible(), timeout=10_000)
    assert "另一台值班台" in second.banner.text()
    qtbot.waitUntil(lambda: second.summary.text() == "第一台: 地下室电缆被盗", timeout=10_000)
    assert (
        case_services.cases.show(investigator, case_world.cases[-1]).case["summary"]
        == "第一台: 地下室电缆被盗"
    )
    assert second.restore_button.isVisible()
    second.restore_button.click()
    assert second.summary.text() == "第二台: 车棚电动车被盗"
    second.save()
    qtbot.waitUntil(lambda: second.save_note.text() == "已保存", timeout=10_000)
    assert (
        case_services.cases.show(investigator, case_world.cases[-1]).case["summary"]
        == "第二台: 车棚电动车被盗"
    )


def test_another_consoles_edit_arrives_live(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    version = window.dossier.case["version"]  # type: ignore[union-attr]
    case_services.cases.edit(investigator, case_world.cases[-1], version, summary="另一台值班台改的案情")
    qtbot.waitUntil(lambda: window.summary.text() == "另一台值班台改的案情", timeout=10_000)
    assert not window.banner.isVisible()


def test_escape_closes_the_window(qtbot: Any, open_dossier: Opener, duty_officer: Actor) -> None:
    window = open_dossier(duty_officer)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_an_alert_opens_its_case_and_any_alert_can_be_linked_to_one(
    qtbot: Any,
    db_worker: DatabaseWorker,
    open_dossier: Opener,
    investigator: Actor,
    case_services: Services,
    case_world: CaseWorld,
) -> None:
    panel = AlertDetailPanel(True)
    qtbot.addWidget(panel)
    panel.enable_case_actions(can_link=True)
    panel.show()
    panel.show_detail(case_services.alerts.detail(investigator, case_world.alert_id))
    assert panel.open_case_button.isVisible() and case_world.cases[-1] in panel.open_case_button.text()
    with qtbot.waitSignal(panel.open_case_requested) as opened:
        panel.open_case_button.click()
    assert opened.args == [case_world.cases[-1]]

    panel.show_detail(case_services.alerts.detail(investigator, case_world.free_alert_id))
    assert not panel.open_case_button.isVisible()  # no watchlist entry, no case
    with qtbot.waitSignal(panel.link_case_requested) as asked:
        panel.link_case_button.click()
    assert asked.args == [case_world.free_alert_id]

    target = case_world.cases[0]
    dialog = LinkCaseDialog(case_world.free_alert_id, case_services.cases, investigator, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.case_no.setText("GK000000000")
    dialog.submit()
    qtbot.waitUntil(lambda: "GK000000000" in dialog.error.text(), timeout=10_000)  # no such case: said
    assert dialog.isVisible()
    dialog.case_no.setText(target)
    with qtbot.waitSignal(dialog.case_linked, timeout=10_000) as linked:
        dialog.submit()
    assert linked.args == [target]
    window = open_dossier(investigator, target)
    assert cells(window.alerts, 0)[0] == f"#{case_world.free_alert_id}"
    assert cells(window.timeline, window.timeline.rowCount() - 1)[1] == "关联预警"


def test_a_role_that_may_not_edit_cases_cannot_link(
    qtbot: Any, db_worker: DatabaseWorker, duty_officer: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    panel = AlertDetailPanel(False)
    qtbot.addWidget(panel)
    panel.enable_case_actions(can_link=False)
    panel.show_detail(case_services.alerts.detail(duty_officer, case_world.free_alert_id))
    assert not panel.link_case_button.isEnabled()
    dialog = LinkCaseDialog(case_world.free_alert_id, case_services.cases, duty_officer, db_worker)
    qtbot.addWidget(dialog)
    assert dialog.error.text() == "当前角色不能关联案件"


def test_the_series_tab_proposes_cable_thefts_in_the_same_basement_and_enter_confirms_one(
    qtbot: Any,
    db_worker: DatabaseWorker,
    case_services: Services,
    case_world: CaseWorld,
    investigator: Actor,
) -> None:
    first = case_world.cases[0]  # a cable theft in a basement (地下室); so are cases 4 and 8
    expected = {case_world.cases[4], case_world.cases[8]}
    window = DossierWindow(first, case_services.cases, investigator, db_worker, series=case_services.series)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.tabText(window.tabs.count() - 1) == "串案"
    panel = window.series_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.list.count() >= len(expected), timeout=10_000)
    shown = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert all(any(no in line for line in shown) for no in expected)
    row = next(i for i, line in enumerate(shown) if case_world.cases[4] in line)
    window.tabs.setCurrentWidget(panel)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.list.setCurrentRow(row)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)

    def confirmed() -> bool:
        view = case_services.series.series_of(investigator, first)
        return view is not None and {c.case_no for c in view.cases} == {first, case_world.cases[4]}

    qtbot.waitUntil(confirmed, timeout=10_000)
    window.shutdown()
