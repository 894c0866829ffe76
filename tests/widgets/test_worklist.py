"""The worklist pane offscreen: the visiting order shown, recording a visit, CSV and PDF for the round."""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from grid_data import keep_cells_of, seed_grid, set_verified
from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.db import make_engine, session_factory
from console.security import Actor
from console.services.container import Services, build_services
from console.services.registry import VerificationService
from console.widgets.household_dialog import HouseholdDialog, VisitDialog
from console.widgets.worker import DatabaseWorker
from console.widgets.worklist import WorklistPane

DAY = dt.timedelta(days=1)


@pytest.fixture
def services(engine: Engine, clock: FixedClock, community_officer: Actor) -> Services:
    seed_grid(
        engine,
        clock.now(),
        communities=2,
        grid_cells=2,
        buildings=1,
        floors=3,
        units=1,
        rooms=2,
        residents=True,
        seed=5,
    )
    ages = {1: 5, 2: 40, 3: 120, 4: None, 5: 45, 6: 100}
    uses = {1: "自住", 2: "出租", 3: "自住", 4: "自住", 5: "自住", 6: "群租"}
    for hid, days in ages.items():  # community 1 (grid cell 1, officer 1)
        set_verified(engine, hid, None if days is None else clock.now() - days * DAY, uses[hid])
    keep_cells_of(engine, community_officer.username)  # the worklist's officer keeps cell 1
    return build_services(engine, clock)


def _pane(qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor) -> WorklistPane:
    pane = WorklistPane(services.verification, services.gridmap, services.clock, actor, worker)
    qtbot.addWidget(pane)
    pane.resize(1200, 600)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.show()
    qtbot.waitUntil(lambda: pane.officer_box.count() > 1, timeout=10_000)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.choose(officer_id=1)
    return pane


def test_order_shown_red_then_orange_rentals_first(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, duty_officer: Actor
) -> None:
    pane = _pane(qtbot, db_worker, services, duty_officer)
    shown = [pane.model.index(r, 2).data() for r in range(pane.model.rowCount())]
    ids = [r.household_id for r in pane.rows()]
    assert ids == [6, 4, 3, 2, 5]  # red: group rental, never, oldest; orange: rental, then the other
    assert shown[0].endswith("302室") and "小区1" in shown[0]
    assert pane.model.index(0, 1).data().startswith("红")
    assert pane.model.index(1, 1).data() == "红 从未核实"
    assert pane.model.index(3, 1).data().startswith("橙")
    assert "●" in pane.model.index(0, 3).data()  # rentals marked
    assert "5 户" in pane.summary.text()


def test_csv_and_pdf_are_written(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, duty_officer: Actor, tmp_path: Path
) -> None:
    pane = _pane(qtbot, db_worker, services, duty_officer)
    csv_path = pane.save_csv(tmp_path / "round.csv")
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + 5 and rows[1][2] == pane.rows()[0].address
    pdf_path = pane.save_pdf(tmp_path / "round.pdf")
    assert pdf_path.read_bytes().startswith(b"%PDF") and pdf_path.stat().st_size > 2000
    doc = QPdfDocument()
    doc.load(str(pdf_path))
    assert doc.pageCount() >= 1
    # The page is not blank: text was drawn (Chinese glyphs came from an embedded CJK font).
    image = doc.render(0, QSize(600, 850))
    dark = sum(
        1 for y in range(0, 850, 5) for x in range(0, 600, 5) if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50
    # Text extraction maps some CJK glyphs to Kangxi radicals (⼩ for 小): compare NFKC-normalised.
    text = unicodedata.normalize("NFKC", doc.getAllText(0).text())
    assert "核实任务单" in text and pane.rows()[0].address in text
    doc.close()


def test_record_a_visit_from_the_worklist(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, community_officer: Actor
) -> None:
    pane = _pane(qtbot, db_worker, services, community_officer)
    pane.table.selectRow(0)
    first = pane.rows()[0].household_id
    pane.record_visit_for_selected()
    qtbot.waitUntil(lambda: bool(pane.findChildren(VisitDialog)), timeout=10_000)
    visit = pane.findChildren(VisitDialog)[0]
    with (
        qtbot.waitSignal(pane.household_verified, timeout=10_000) as done,
        qtbot.waitSignal(pane.loaded, timeout=10_000),
    ):
        qtbot.mouseClick(visit.buttons.button(visit.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert done.args[0].household_id == first
    assert first not in [r.household_id for r in pane.rows()]
    assert len(pane.rows()) == 4
    for d in pane.findChildren(HouseholdDialog):
        d.close()


def test_a_bad_id_number_in_the_visit_dialog_names_the_field(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, community_officer: Actor
) -> None:
    pane = _pane(qtbot, db_worker, services, community_officer)
    dialog = pane.open_household(pane.rows()[0].household_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    visit = dialog.open_visit_dialog()
    assert visit is not None
    visit.add_resident_row(("王五", "350211198501010011", "", "租客"))
    visit.save()
    qtbot.waitUntil(lambda: bool(visit.error.text()), timeout=10_000)
    assert "id_number" in visit.error.text() and "校验码" in visit.error.text()
    assert visit.isVisible()  # nothing lost: the dialog stays open with what was typed
    visit.reject()
    dialog.close()


def test_a_visit_another_console_saved_first_is_shown_and_saving_again_records_against_it(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    community_officer: Actor,
    clock: FixedClock,
    db_url: str,
) -> None:
    pane = _pane(qtbot, db_worker, services, community_officer)
    dialog = pane.open_household(pane.rows()[0].household_id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    assert dialog.detail is not None
    read = dialog.detail
    visit = dialog.open_visit_dialog()
    assert visit is not None
    other = make_engine(db_url)  # the second console, on its own connection
    try:
        VerificationService(session_factory(other), clock).record_visit(
            community_officer,
            read.household_id,
            read.version,
            visited_at=clock.now(),
            officer_id=None,
            note="二号台先到",
        )
    finally:
        other.dispose()
    save = visit.buttons.button(visit.buttons.StandardButton.Save)
    visit.note.setPlainText("一号台的记录")
    visit.save()
    qtbot.waitUntil(lambda: "其他值班台" in visit.error.text(), timeout=10_000)
    # The household behind shows the other console's visit; this dialog now holds that version.
    qtbot.waitUntil(
        lambda: dialog.visits.rowCount() == len(read.visits) + 1 and save.isEnabled(), timeout=10_000
    )
    notes = [dialog.visits.item(r, 5).text() for r in range(dialog.visits.rowCount())]
    assert "二号台先到" in notes
    assert visit.note.toPlainText() == "一号台的记录"  # what the user typed is kept
    with qtbot.waitSignal(visit.visit_recorded, timeout=10_000) as saved:
        visit.save()
    assert saved.args[0].version == read.version + 2
    for d in pane.findChildren(HouseholdDialog):
        d.close()
