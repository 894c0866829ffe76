"""The unclaimed-property board offscreen: oldest first, the 48-hour flag, notifying, the receipt PDF."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from case_data import IMEI, OWNER_ID, STRANGER_ID, ago
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.unclaimed_board import UnclaimedBoard
from console.widgets.worker import DatabaseWorker


@pytest.fixture
def services(engine: Engine, clock: FixedClock, investigator: Actor) -> Services:
    services = build_services(engine, clock)
    case_no = services.cases.open(
        investigator, category="phone", reported_at=ago(days=5), summary="住户手机被盗", community="灌口花园"
    ).case_no
    for description, hours, imei in (
        ("华为手机", 50, IMEI),
        ("电动车电瓶", 10, None),
        ("电缆两捆", 80, None),
    ):
        item = services.property.add(
            investigator,
            case_no=case_no,
            description=description,
            category="其他",
            imei=imei,
            owner_id=OWNER_ID,
            owner_name="王女士",
            owner_phone="13812345678",
        )
        services.property.recover(investigator, item_id=item.id, at=ago(hours=hours), place="灌口废品回收站")
    cable = services.property.unclaimed(investigator)[0]
    services.property.notify(investigator, cable.id, how="phone")
    return services


def _board(qtbot: QtBot, worker: DatabaseWorker, services: Services, actor: Actor) -> UnclaimedBoard:
    board = UnclaimedBoard(services.property, actor, worker)
    qtbot.addWidget(board)
    board.resize(1200, 400)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.show()
    return board


def test_oldest_first_with_days_waiting_and_owners_uncalled_after_48_hours_flagged(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, investigator: Actor
) -> None:
    rows = services.property.unclaimed(investigator)
    assert [(r.description, r.days_waiting, r.notify_overdue) for r in rows] == [
        ("电缆两捆", 3, False),  # called already
        ("华为手机", 2, True),
        ("电动车电瓶", 0, False),  # recovered 10 hours ago: still time
    ]
    board = _board(qtbot, db_worker, services, investigator)
    model = board.model
    assert [model.index(n, 7).data() for n in range(3)][1:] == ["超48小时未通知", "未通知"]
    assert model.index(0, 7).data().startswith("已通知")
    assert "其中 1 件" in board.summary.text()


def test_notifying_from_the_board_clears_the_flag(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, investigator: Actor
) -> None:
    board = _board(qtbot, db_worker, services, investigator)
    board.select_item(board.model.rows[1].id)
    with (
        qtbot.waitSignal(board.owner_notified, timeout=10_000),
        qtbot.waitSignal(board.loaded, timeout=10_000),
    ):
        board.notify_selected("sms")
    assert not any(r.notify_overdue for r in board.model.rows)


def test_handing_back_writes_a_release_receipt_in_chinese(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, investigator: Actor, tmp_path: Path
) -> None:
    board = _board(qtbot, db_worker, services, investigator)
    phone = board.model.rows[1]
    board.select_item(phone.id)
    board.return_selected(STRANGER_ID, tmp_path / "wrong.pdf")  # not the owner's ID number
    qtbot.waitUntil(board.message.isVisible, timeout=10_000)
    assert "身份证号与失主不符" in board.message.text()
    assert not (tmp_path / "wrong.pdf").exists()

    path = tmp_path / "receipt.pdf"
    with (
        qtbot.waitSignal(board.receipt_saved, timeout=10_000),
        qtbot.waitSignal(board.loaded, timeout=10_000),
    ):
        board.return_selected(OWNER_ID, path)
    assert phone.id not in {r.id for r in board.model.rows}
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None
    out = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    text = unicodedata.normalize("NFKC", out.stdout)  # some CJK glyphs extract as Kangxi radicals
    for expected in ("涉案财物发还清单", "华为手机", IMEI, "王女士", "领取人签名"):
        assert expected in text
    # The receipt is handed over and filed: the owner's ID number is on it masked, for every role.
    masked = OWNER_ID[:6] + "********" + OWNER_ID[-4:]
    assert OWNER_ID not in text and masked in text
    assert services.property.receipt(investigator, phone.id).returned_to_id == masked


def test_the_receipt_masks_the_id_number_even_for_a_role_that_may_see_it(
    services: Services, investigator: Actor, duty_officer: Actor
) -> None:
    phone = services.property.unclaimed(investigator)[1]
    services.property.return_item(investigator, phone.id, to_id=OWNER_ID)
    for actor in (duty_officer, investigator):
        shown = services.property.receipt(actor, phone.id).returned_to_id
        assert shown != OWNER_ID and shown.startswith(OWNER_ID[:6]) and shown.endswith(OWNER_ID[-4:])


def test_an_empty_board_says_what_it_is_for_instead_of_an_empty_table(
    qtbot: QtBot, db_worker: DatabaseWorker, engine: Engine, clock: FixedClock, investigator: Actor
) -> None:
    empty = build_services(engine, clock)  # no item recovered yet
    board = _board(qtbot, db_worker, empty, investigator)
    assert not board.table.isVisible() and board.empty.isVisible()
    assert board.empty.title_label.text() == "没有待领财物"
