"""The audit administrator's viewer: newest first, filters, pages, outcomes, CSV export and the chain check."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.errors import UserError
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets import audit_pane
from console.widgets.audit_pane import AuditPane
from console.widgets.worker import DatabaseWorker
from tests.services.station.test_audit import _tamper as tamper

PASSWORD = "Harbour-lantern-47-quietly"


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def auditor(services: Services) -> Actor:
    """The audit administrator, after a duty officer's good and bad sign-ins and a lockout."""
    services.accounts.provision("auditor", "审计员", "audit_admin", PASSWORD)
    services.accounts.provision("zhang", "张值班", "duty_officer", PASSWORD)
    services.accounts.sign_in("zhang", PASSWORD)
    for _ in range(6):  # five failures lock the account; the sixth attempt is turned away as locked
        with pytest.raises(UserError):
            services.accounts.sign_in("zhang", "wrong password here")
    return services.accounts.sign_in("auditor", PASSWORD)


def open_pane(qtbot: QtBot, services: Services, actor: Actor, worker: DatabaseWorker) -> AuditPane:
    pane = AuditPane(services.audit, actor, worker)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10000)
    return pane


def column(pane: AuditPane, col: int) -> list[str]:
    m = pane.model
    return [m.data(m.index(r, col), Qt.ItemDataRole.DisplayRole) for r in range(m.rowCount())]


def test_newest_first_with_every_outcome_in_words(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, auditor: Actor
) -> None:
    pane = open_pane(qtbot, services, auditor, db_worker)
    ids = [int(x) for x in column(pane, 0)]
    assert ids == sorted(ids, reverse=True)
    assert column(pane, 2)[0] == "auditor" and column(pane, 3)[0] == "sign_in"
    outcomes = set(column(pane, 6))
    assert {"成功", "失败", "已锁定"} <= outcomes
    locked_row = column(pane, 6).index("已锁定")
    assert pane.model.data(pane.model.index(locked_row, 6), Qt.ItemDataRole.ForegroundRole) is not None


def test_filters_by_user_action_and_record(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, auditor: Actor
) -> None:
    pane = open_pane(qtbot, services, auditor, db_worker)
    pane.user_edit.setText("zhang")
    pane.action_edit.setText("sign_in")
    with qtbot.waitSignal(pane.loaded, timeout=10000) as blocker:
        qtbot.keyClick(pane.action_edit, Qt.Key.Key_Return)
    assert blocker.args == [7]  # one good sign-in, five failures, one turned away as locked
    assert set(column(pane, 2)) == {"zhang"} and set(column(pane, 3)) == {"sign_in"}
    record = column(pane, 5)[0]
    pane.user_edit.clear()
    pane.action_edit.setText("account_locked")
    pane.entity_edit.setText("app_user")
    pane.entity_id_edit.setText(record)
    with qtbot.waitSignal(pane.loaded, timeout=10000) as blocker:
        pane.search_button.click()
    assert blocker.args == [1]
    pane.entity_id_edit.setText(str(int(record) + 1000))
    with qtbot.waitSignal(pane.loaded, timeout=10000) as blocker:
        pane.search_button.click()
    assert blocker.args == [0]
    assert "没有符合条件" in pane.status_label.text()


def test_a_time_range_in_the_future_finds_nothing(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, auditor: Actor
) -> None:
    pane = open_pane(qtbot, services, auditor, db_worker)
    pane.since_check.setChecked(True)
    pane.since_edit.setDateTime(pane.until_edit.dateTime())  # tomorrow
    with qtbot.waitSignal(pane.loaded, timeout=10000) as blocker:
        pane.search_button.click()
    assert blocker.args == [0]
    pane.since_check.setChecked(False)
    pane.until_check.setChecked(True)
    with qtbot.waitSignal(pane.loaded, timeout=10000) as blocker:
        pane.search_button.click()
    assert blocker.args[0] > 0


def test_pages_go_older_and_back(
    qtbot: QtBot,
    db_worker: DatabaseWorker,
    services: Services,
    auditor: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(audit_pane, "PAGE_SIZE", 3)
    pane = open_pane(qtbot, services, auditor, db_worker)
    first = column(pane, 0)
    assert len(first) == 3 and not pane.newer_button.isEnabled() and pane.older_button.isEnabled()
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.older_button.click()
    second = column(pane, 0)
    assert int(second[0]) < int(first[-1])
    assert pane.newer_button.isEnabled() and "第 2 页" in pane.page_label.text()
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.newer_button.click()
    assert column(pane, 0) == first


def test_csv_export_is_utf8_with_bom_and_holds_the_filtered_rows(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, auditor: Actor, tmp_path: Path
) -> None:
    pane = open_pane(qtbot, services, auditor, db_worker)
    pane.user_edit.setText("zhang")
    path = tmp_path / "审计.csv"
    with qtbot.waitSignal(pane.exported, timeout=10000) as blocker:
        pane.export_to(str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == blocker.args[0] >= 7
    assert {r["username"] for r in rows} == {"zhang"}
    assert {"ok", "failed", "locked"} <= {r["outcome"] for r in rows}
    assert str(path) in pane.status_label.text()


def test_verify_says_intact_then_names_the_first_row_changed(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, auditor: Actor, engine: Engine
) -> None:
    pane = open_pane(qtbot, services, auditor, db_worker)
    with qtbot.waitSignal(pane.verified, timeout=10000):
        pane.verify_button.click()
    assert "完整" in pane.status_label.text()
    target = int(column(pane, 0)[-1])
    tamper(engine, "UPDATE audit_log SET username = 'nobody' WHERE id = :id", target)
    with qtbot.waitSignal(pane.verified, timeout=10000) as blocker:
        pane.verify_button.click()
    assert blocker.args[0].first_bad_id == target
    assert f"第 {target} 号" in pane.status_label.text()


def test_a_role_without_the_audit_permission_is_refused_in_words(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, auditor: Actor
) -> None:
    duty = services.users.ensure_user("li", "李值班", "duty_officer")
    pane = AuditPane(services.audit, duty, db_worker)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: "无权" in pane.status_label.text(), timeout=10000)
    assert pane.model.rowCount() == 0
