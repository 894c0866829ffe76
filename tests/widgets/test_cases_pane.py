"""The case list pane: filters, paging, keyboard and mouse opening of dossiers, live updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from case_list_data import NOW, CaseWorld
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.security import Actor
from console.services.container import Services
from console.widgets.cases_pane import CasesPane
from console.widgets.dossier import DossierWindows
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker


@pytest.fixture
def pane(
    qtbot: Any,
    db_worker: DatabaseWorker,
    case_services: Services,
    duty_officer: Actor,
    case_bridge: LiveBridge,
    case_world: CaseWorld,
) -> Iterator[CasesPane]:
    widget = CasesPane(case_services.cases, case_services.clock, duty_officer, db_worker, bridge=case_bridge)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    wait_idle(qtbot, widget)
    yield widget
    widget.shutdown()


def wait_idle(qtbot: Any, widget: Any) -> None:
    qtbot.waitUntil(lambda: not widget.busy(), timeout=10_000)


def shown(pane: CasesPane) -> list[str]:
    return [r.case_no for r in pane.model.rows]


def test_cases_are_listed_newest_first_with_what_a_duty_officer_reads(
    pane: CasesPane, case_world: CaseWorld
) -> None:
    assert shown(pane) == list(reversed(case_world.cases))
    model = pane.model
    oldest = model.rowCount() - 1
    assert [model.data(model.index(oldest, c)) for c in range(7)][:3] == [
        case_world.cases[0],
        "电缆",
        "小区0",
    ]
    assert model.data(model.index(oldest, 4)) == "已破"
    assert model.data(model.index(oldest, 5)) == "民警1 (GK001)"
    assert model.data(model.index(oldest, 6)) == "5.0 小时"
    assert "12" in pane.count_label.text()


def test_each_filter_narrows_the_list_and_no_match_says_so(
    qtbot: Any, pane: CasesPane, case_world: CaseWorld
) -> None:
    bar = pane.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("solved"))
    qtbot.waitUntil(lambda: len(shown(pane)) == 4, timeout=10_000)
    assert {r.status for r in pane.model.rows} == {"solved"}
    bar.category.setCurrentIndex(bar.category.findData("cable"))
    qtbot.waitUntil(lambda: shown(pane) == [case_world.cases[0]], timeout=10_000)
    bar.clear()
    qtbot.waitUntil(lambda: len(shown(pane)) == 12, timeout=10_000)
    qtbot.waitUntil(lambda: bar.community.count() == 4, timeout=10_000)  # 全部小区 + 3
    bar.community.setCurrentIndex(bar.community.findData("小区1"))
    qtbot.waitUntil(lambda: len(shown(pane)) == 4, timeout=10_000)
    assert {r.community for r in pane.model.rows} == {"小区1"}
    bar.clear()
    bar.officer.setCurrentIndex(bar.officer.findData("GK002"))
    qtbot.waitUntil(lambda: len(shown(pane)) == 6, timeout=10_000)
    bar.clear()
    bar.period.setCurrentIndex(bar.period.findData("day"))  # reported within 24 h of the clock
    wait_idle(qtbot, pane)
    assert all(r.reported_at >= pane.filter_bar.current().reported_from for r in pane.model.rows)  # type: ignore[operator]
    bar.clear()
    bar.text.setText("地下室")  # (QTest cannot type Chinese: it aborts on non-Latin keys)
    qtbot.waitUntil(lambda: len(shown(pane)) == 3, timeout=10_000)
    bar.text.setText("没有这种案情")
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.empty, timeout=10_000)
    assert pane.empty.title_label.text() == "没有符合条件的案件"


def test_the_list_pages_as_it_is_scrolled(qtbot: Any, pane: CasesPane, case_world: CaseWorld) -> None:
    pane.page_size = 5
    pane.model.set_rows([])
    pane.reload()
    qtbot.waitUntil(lambda: len(shown(pane)) == 5, timeout=10_000)
    assert "向下滚动" in pane.count_label.text()
    pane.load_more()
    qtbot.waitUntil(lambda: len(shown(pane)) == 10, timeout=10_000)
    pane.load_more()
    qtbot.waitUntil(lambda: len(shown(pane)) == 12, timeout=10_000)
    assert shown(pane) == list(reversed(case_world.cases))
    assert "向下滚动" not in pane.count_label.text()


def test_enter_and_a_double_click_open_the_dossier_and_ctrl_f_the_text_filter(
    qtbot: Any,
    pane: CasesPane,
    case_world: CaseWorld,
    case_services: Services,
    duty_officer: Actor,
    db_worker: DatabaseWorker,
) -> None:
    dossiers = DossierWindows(case_services.cases, duty_officer, db_worker)
    pane.case_open_requested.connect(dossiers.open)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    second_newest = case_world.cases[-2]
    qtbot.waitUntil(lambda: second_newest in dossiers.windows, timeout=5_000)
    window = dossiers.windows[second_newest]
    qtbot.waitUntil(lambda: window.dossier is not None, timeout=10_000)
    assert window.isVisible() and second_newest in window.heading.text()
    rect = pane.view.visualRect(pane.model.index(3, 0))
    # a double-click is a press and release, then the double-click: item views want the first press
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    fourth = case_world.cases[-4]
    qtbot.waitUntil(lambda: fourth in dossiers.windows, timeout=5_000)
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow, timeout=5_000)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is pane.filter_bar.text
    for w in list(dossiers.windows.values()):
        qtbot.waitUntil(lambda w=w: not w.busy(), timeout=10_000)
    dossiers.close_all()


def test_a_case_opened_on_another_console_appears_live(
    qtbot: Any,
    pane: CasesPane,
    case_services: Services,
    investigator: Actor,
) -> None:
    opened = case_services.cases.open(
        investigator, category="e-bike", reported_at=NOW + dt.timedelta(seconds=1), summary="车棚电动车被盗"
    )
    qtbot.waitUntil(lambda: shown(pane)[:1] == [opened.case_no], timeout=10_000)
