"""The accounts pane: the system administrator adds accounts, sets passwords and closes accounts; the
security administrator sees the locked ones and unlocks them; refusals speak the UI's language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console import app as console_app
from console.clock import FixedClock
from console.errors import UserError
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.accounts_pane import AccountsPane
from console.widgets.common import ui_language
from console.widgets.worker import DatabaseWorker

PASSWORD = "Harbour-lantern-47-quietly"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:
    """SQLite: the service is tested on both backends in tests/services/station/test_accounts.py."""
    path = tmp_path / "station.db"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite:///{path}"


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def sysadmin(services: Services) -> Actor:
    services.accounts.provision("root1", "系统管理员", "system_admin", PASSWORD)
    return services.accounts.sign_in("root1", PASSWORD)


@pytest.fixture
def secadmin(services: Services) -> Actor:
    services.accounts.provision("sec1", "安全管理员", "security_admin", PASSWORD)
    return services.accounts.sign_in("sec1", PASSWORD)


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    translators = console_app.install_translations(qapp, request.param)
    try:
        yield request.param
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
    assert ui_language() == "zh_CN"


def open_pane(qtbot: QtBot, services: Services, actor: Actor, worker: DatabaseWorker) -> AccountsPane:
    pane = AccountsPane(services.accounts, actor, worker)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: bool(pane._all), timeout=10000)
    return pane


def usernames(pane: AccountsPane) -> list[str]:
    return [a.username for a in pane.model.rows]


def test_the_system_administrator_adds_an_account_sets_its_password_and_closes_it(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sysadmin: Actor
) -> None:
    pane = open_pane(qtbot, services, sysadmin, db_worker)
    assert pane.add_box.isVisible() and not pane.unlock_button.isVisible()
    pane.username_edit.setText("wang.li")
    pane.display_name_edit.setText("王力")
    pane.role_combo.setCurrentIndex(pane.role_combo.findData("investigator"))
    pane.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    assert "wang.li" in usernames(pane)
    row = usernames(pane).index("wang.li")
    assert pane.model.data(pane.model.index(row, 2)) == "办案民警"
    assert pane.model.data(pane.model.index(row, 3)) == "正常"
    assert services.accounts.sign_in("wang.li", PASSWORD).role == "investigator"

    pane.select("wang.li")
    pane.new_password.setText("Another-long-lantern-93")
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.set_password_button.click()
    assert services.accounts.sign_in("wang.li", "Another-long-lantern-93").username == "wang.li"

    pane.select("wang.li")
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.deactivate_button.click()
    row = usernames(pane).index("wang.li")
    assert pane.model.data(pane.model.index(row, 3)) == "已停用"
    with pytest.raises(UserError):
        services.accounts.sign_in("wang.li", "Another-long-lantern-93")


def test_refusals_and_broken_rules_are_shown_in_the_ui_language(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sysadmin: Actor, language: str
) -> None:
    pane = open_pane(qtbot, services, sysadmin, db_worker)
    pane.username_edit.setText("zhao")
    pane.password_edit.setText("password123")
    pane.add_button.click()
    qtbot.waitUntil(lambda: pane.message.text() != "", timeout=10000)
    shown = pane.message.text()
    assert shown.startswith("password: ")
    if language == "en":
        assert "common" in shown and not CJK.search(shown)
    else:
        assert "太常见" in shown
    pane.message.clear()
    pane.select("root1")
    pane.deactivate_button.click()  # one's own account
    qtbot.waitUntil(lambda: pane.message.text() != "", timeout=10000)
    if language == "en":
        assert "signed in with" in pane.message.text() and not CJK.search(pane.message.text())
    else:
        assert "不能停用自己" in pane.message.text()
    pane.message.clear()
    pane.table.clearSelection()
    pane.table.setCurrentIndex(pane.model.index(-1, -1))
    pane.unlock_selected()
    assert pane.message.text() != ""  # asks for a selection first, nothing sent


def test_the_security_administrator_sees_the_locked_accounts_and_unlocks_them(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, sysadmin: Actor, secadmin: Actor
) -> None:
    services.accounts.add_user(sysadmin, "zhang", "张值班", "duty_officer", PASSWORD)
    for _ in range(5):
        with pytest.raises(UserError):
            services.accounts.sign_in("zhang", "not the password")
    pane = open_pane(qtbot, services, secadmin, db_worker)
    assert not pane.add_box.isVisible() and not pane.set_password_button.isVisible()
    assert pane.locked_only.isChecked()
    assert usernames(pane) == ["zhang"]
    assert pane.model.data(pane.model.index(0, 3)) == "已锁定"
    pane.select("zhang")
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        qtbot.mouseClick(pane.unlock_button, Qt.MouseButton.LeftButton)
    assert usernames(pane) == []
    assert pane.empty_label.isVisible()
    assert services.accounts.sign_in("zhang", PASSWORD).username == "zhang"
    pane.locked_only.setChecked(False)
    assert {"zhang", "root1", "sec1"} <= set(usernames(pane))
