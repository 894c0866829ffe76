"""The dossier's leads and exports: adding suspects and vehicles (offered for watching, Enter = yes),
expiring those entries when the case is solved, places where goods are sold, the PDF in Chinese with
numbers masked, and a second console's dossier following along."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from case_data import IMEI, ago, id_number
from case_list_data import CaseWorld
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.security import Actor
from console.services.container import Services
from console.widgets.dossier import DossierWindow
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker

SUSPECT_ID = id_number("35021119880808003")
Opener = Callable[..., DossierWindow]
RADICALS = str.maketrans({"⻋": "车", "⺠": "民", "⻅": "见", "⻓": "长", "⻔": "门", "⻢": "马"})


@pytest.fixture
def open_dossier(
    qtbot: Any,
    db_worker: DatabaseWorker,
    case_services: Services,
    case_bridge: LiveBridge,
    case_world: CaseWorld,
) -> Iterator[Opener]:
    opened: list[DossierWindow] = []

    def open_as(actor: Actor, case_no: str | None = None) -> DossierWindow:
        window = DossierWindow(
            case_no or case_world.cases[-1],
            case_services.cases,
            actor,
            db_worker,
            bridge=case_bridge,
            watch=case_services.case_watch,
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


def last_row(table: Any) -> list[str]:
    return cells(table, table.rowCount() - 1)


def fill(dialog: Any, **values: str) -> None:
    for key, value in values.items():
        dialog.fields[key].setText(value)


def press(qtbot: Any, widget: Any, key: Qt.Key) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget() or widget, key)


def watched_numbers(services: Services, actor: Actor, case_no: str) -> set[str]:
    return {e.id_number or e.plate or "" for e in services.case_watch.entries_to_expire(actor, case_no)}


def test_a_suspect_added_to_an_open_case_is_watched_on_enter(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    case_no = case_world.cases[-1]
    window.tabs.setCurrentIndex(1)
    window.parties.setFocus()
    press(qtbot, window, Qt.Key.Key_Insert)  # Ins on the parties table opens the form
    dialog = window.entry_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.fields["role"].currentData() == "suspect"  # the usual case: a suspect
    fill(dialog, name="张某", id_number=SUSPECT_ID)
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.prompt is not None and window.prompt.isVisible(), timeout=10_000)
    assert "张某" in window.prompt.text() and case_no in window.prompt.text()
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "当事人 (2)", timeout=10_000)
    masked = SUSPECT_ID[:6] + "********" + SUSPECT_ID[-4:]
    assert cells(window.parties, 1)[:3] == ["嫌疑人", "张某", masked]
    press(qtbot, window.prompt, Qt.Key.Key_Return)  # yes is the default
    qtbot.waitUntil(
        lambda: SUSPECT_ID in watched_numbers(case_services, investigator, case_no), timeout=10_000
    )
    qtbot.waitUntil(lambda: last_row(window.timeline)[1] == "列入布控", timeout=10_000)
    assert SUSPECT_ID not in last_row(window.timeline)[3]


def test_a_bad_id_number_stays_in_the_form_naming_the_field(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    dialog = window.open_party_dialog()
    assert dialog is not None
    fill(dialog, name="张某", id_number=SUSPECT_ID[:-1] + ("0" if SUSPECT_ID[-1] != "0" else "1"))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text().startswith("身份证号")
    assert dialog.isVisible() and window.prompt is None
    assert len(case_services.cases.show(investigator, case_world.cases[-1]).parties) == 1


def test_a_vehicle_declined_for_watching_and_solving_offers_to_expire_the_cases_entries(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    case_no = case_world.cases[-1]
    before = watched_numbers(case_services, investigator, case_no)
    assert before  # the seeded case already has a watch entry of its own
    dialog = window.open_vehicle_dialog()
    assert dialog is not None
    fill(dialog, plate="闽d 54321", brand="五菱")
    dialog.submit()
    qtbot.waitUntil(lambda: window.prompt is not None and window.prompt.isVisible(), timeout=10_000)
    assert "闽D54321" in window.prompt.text()
    press(qtbot, window.prompt, Qt.Key.Key_Escape)  # no
    qtbot.waitUntil(lambda: window.tabs.tabText(2) == "车辆 (1)", timeout=10_000)
    assert cells(window.vehicles, 0)[:3] == ["闽D54321", "小型汽车", "五菱"]
    assert watched_numbers(case_services, investigator, case_no) == before

    window.prompt = None
    window.status.setCurrentIndex(window.status.findData("solved"))
    window.save()
    qtbot.waitUntil(lambda: window.prompt is not None and window.prompt.isVisible(), timeout=10_000)
    assert "撤销" in window.prompt.text() and "已破" in window.prompt.text()
    press(qtbot, window.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not watched_numbers(case_services, investigator, case_no), timeout=10_000)
    qtbot.waitUntil(lambda: last_row(window.timeline)[1] == "撤销布控", timeout=10_000)


def test_a_closed_case_offers_no_watch_and_a_reader_cannot_add(
    qtbot: Any, open_dossier: Opener, investigator: Actor, duty_officer: Actor, case_world: CaseWorld
) -> None:
    reader = open_dossier(duty_officer)
    assert not reader.add_party_button.isEnabled() and reader.open_party_dialog() is None
    solved = open_dossier(investigator, case_world.cases[0])  # the oldest cases are solved
    assert solved.dossier is not None and solved.dossier.case["status"] == "solved"
    dialog = solved.open_vehicle_dialog()
    assert dialog is not None
    fill(dialog, plate="闽D88888")
    dialog.submit()
    qtbot.waitUntil(lambda: solved.tabs.tabText(2) == "车辆 (1)", timeout=10_000)
    assert solved.prompt is None  # only an open case offers the hotlist


def test_places_where_goods_are_sold_are_recorded_and_shown(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    assert window.tabs.tabText(6) == "销赃地点" and window.fences.rowCount() == 0
    dialog = window.open_fence_dialog()
    assert dialog is not None
    fill(dialog, name="灌口废品回收站", address="灌口镇东孚路 18 号")
    dialog.submit()
    qtbot.waitUntil(lambda: window.fences.rowCount() == 1, timeout=10_000)
    assert cells(window.fences, 0)[:3] == ["灌口废品回收站", "废品回收站", "灌口镇东孚路 18 号"]
    assert window.tabs.tabText(6) == "销赃地点 (1)"
    assert last_row(window.timeline)[1:4:2] == ["登记销赃地点", "废品回收站 灌口废品回收站"]


def pdf_text(path: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None
    out = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    # Some CJK glyphs extract as radicals: Kangxi ones NFKC folds back, the supplement's (⻋) it does not.
    return unicodedata.normalize("NFKC", out.stdout).translate(RADICALS)


def test_the_pdf_is_in_chinese_and_masks_numbers_unless_unmasked(
    qtbot: Any,
    tmp_path: Path,
    open_dossier: Opener,
    investigator: Actor,
    duty_officer: Actor,
    case_services: Services,
    case_world: CaseWorld,
) -> None:
    case_no = case_world.cases[-1]
    case_services.cases.add_party(investigator, case_no, "suspect", name="张某", id_number=SUSPECT_ID)
    case_services.property.add(
        investigator, case_no=case_no, description="华为手机", category="phone", imei=IMEI, value="2999.00"
    )
    case_services.property.recover(investigator, imei=IMEI, at=ago(hours=1), place="灌口二手手机店")
    summary = case_services.cases.show(investigator, case_no).case["summary"]
    window = open_dossier(duty_officer)
    target = tmp_path / "卷宗.pdf"
    with qtbot.waitSignal(window.pdf_saved, timeout=10_000):
        window.export_pdf(str(target))
    text = pdf_text(target)
    assert case_no in text and summary in text
    for heading in (
        "案件卷宗",
        "当事人",
        "涉案车辆",
        "涉案财物及保管记录",
        "关联预警",
        "串案与关联案件",
        "时间线",
    ):
        assert heading in text
    assert "张某" in text and f"#{case_world.alert_id}" in text
    assert (
        "华为手机" in text and IMEI in text and "灌口二手手机店" in text and "追回" in text
    )  # custody trail
    for full in (case_world.resident_id_number, SUSPECT_ID):
        assert full not in text and full[:6] + "********" + full[-4:] in text

    allowed = open_dossier(investigator)
    allowed.unmask("制作卷宗")
    qtbot.waitUntil(lambda: SUSPECT_ID in cells(allowed.parties, 1)[2], timeout=10_000)
    unmasked = tmp_path / "unmasked.pdf"
    with qtbot.waitSignal(allowed.pdf_saved, timeout=10_000):
        allowed.export_pdf(str(unmasked))
    assert SUSPECT_ID in pdf_text(unmasked)


def test_a_suspect_added_on_another_console_appears_in_an_open_dossier(
    qtbot: Any, open_dossier: Opener, investigator: Actor, case_services: Services, case_world: CaseWorld
) -> None:
    window = open_dossier(investigator)
    window.summary.setText("本台正在修改的案情")
    case_services.cases.add_party(investigator, case_world.cases[-1], "suspect", name="李某")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "当事人 (2)", timeout=10_000)
    assert window.summary.text() == "本台正在修改的案情"  # the user's typing is kept
    window.save()  # and saving it is no conflict: a new party does not change the case's version
    qtbot.waitUntil(lambda: window.save_note.text() == "已保存", timeout=10_000)


def test_c_on_an_alert_opens_its_case_and_l_links_any_alert_which_then_opens_its_case_too(
    qtbot: Any,
    db_worker: DatabaseWorker,
    case_services: Services,
    case_bridge: LiveBridge,
    investigator: Actor,
    case_world: CaseWorld,
) -> None:
    from console.widgets.feed import FeedPane

    pane = FeedPane(
        case_services.alerts, case_services.clock, investigator, db_worker, bridge=case_bridge, sound=False
    )
    qtbot.addWidget(pane)
    pane.detail.enable_case_actions(can_link=True)
    pane.resize(1200, 600)
    pane.show()
    try:
        qtbot.waitUntil(lambda: pane.model.position_of(case_world.alert_id) is not None, timeout=10_000)
        pane.view.setFocus()
        assert pane.select_alert(case_world.alert_id)
        with qtbot.waitSignal(pane.detail.open_case_requested, timeout=10_000) as opened:
            qtbot.keyClick(pane.view, Qt.Key.Key_C)  # at once, even before the detail has loaded
        assert opened.args == [case_world.cases[-1]]

        assert pane.select_alert(case_world.free_alert_id)
        qtbot.waitUntil(lambda: pane.detail.shown_alert_id() == case_world.free_alert_id, timeout=10_000)
        assert not pane.detail.open_case_button.isVisible()  # no case yet
        pane.view.setFocus()
        with qtbot.waitSignal(pane.detail.link_case_requested, timeout=10_000) as asked:
            qtbot.keyClick(pane.view, Qt.Key.Key_L)
        assert asked.args == [case_world.free_alert_id]
        case_services.cases.link(investigator, case_world.cases[0], alert_id=case_world.free_alert_id)
        assert pane.select_alert(case_world.alert_id) and pane.select_alert(case_world.free_alert_id)
        qtbot.waitUntil(lambda: pane.detail.open_case_button.isVisible(), timeout=10_000)
        assert case_world.cases[0] in pane.detail.open_case_button.text()
        with qtbot.waitSignal(pane.detail.open_case_requested, timeout=10_000) as opened:
            qtbot.keyClick(pane.view, Qt.Key.Key_C)
        assert opened.args == [case_world.cases[0]]
    finally:
        pane.shutdown()
