"""Signing in: the notice acknowledged first, one message for every failure, the first start's
administrator, and the idle lock that hides every window until the password is given again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from console.clock import FixedClock
from console.config import Settings
from console.db import make_engine
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.sign_in import FirstAdminDialog, SignInDialog
from console.widgets.worker import DatabaseWorker
from tests.widgets.windows import open_main_window

PASSWORD = "Night-shift-GK-2026"


@pytest.fixture
def engine_(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "station.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def services(engine_: Engine, clock: FixedClock) -> Services:
    return build_services(engine_, clock)


@pytest.fixture
def wang(services: Services) -> str:
    services.accounts.provision("wangfang", "王芳", "duty_officer", PASSWORD)
    return "wangfang"


def _sign_in(qtbot: QtBot, dialog: SignInDialog, password: str, acknowledge: bool = True) -> None:
    dialog.acknowledge.setChecked(acknowledge)
    if not dialog.username.isReadOnly():
        dialog.username.setText("wangfang")
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, qtbot_button())


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_sign_in_needs_the_notice_then_the_right_password(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, wang: str
) -> None:
    dialog = SignInDialog(services.accounts, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "授权人员" in dialog.notice.text()
    _sign_in(qtbot, dialog, PASSWORD, acknowledge=False)
    assert "勾选" in dialog.message.text() and dialog.actor is None
    _sign_in(qtbot, dialog, "not-the-password")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() and "锁定" in dialog.message.text())
    assert dialog.password.text() == "" and dialog.actor is None
    with qtbot.waitSignal(dialog.accepted):
        _sign_in(qtbot, dialog, PASSWORD)
    assert dialog.actor is not None and dialog.actor.username == "wangfang"


def test_first_start_creates_the_system_administrator(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services
) -> None:
    assert services.accounts.needs_first_admin()
    dialog = FirstAdminDialog(services.accounts, db_worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("admin1")
    dialog.display_name.setText("陈管理")
    dialog.password.setText("password123")
    dialog.again.setText("password123")
    qtbot.mouseClick(dialog.create_button, qtbot_button())
    qtbot.waitUntil(lambda: "常见" in dialog.message.text())  # a common password: refused, said why
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, qtbot_button())
    assert dialog.actor is not None and dialog.actor.role == "system_admin"
    assert not services.accounts.needs_first_admin()


def test_idle_lock_hides_every_window_until_the_same_user_signs_in_again(
    qtbot: QtBot, db_worker: DatabaseWorker, services: Services, wang: str, engine_: Engine
) -> None:
    actor: Actor = services.accounts.sign_in("wangfang", PASSWORD)
    settings = Settings(db_url=str(engine_.url), idle_lock_minutes=0.005)  # 0.3 s, for the test
    window, workspace = open_main_window(qtbot, db_worker, services, actor, settings)
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert not window.isVisible()  # nothing with personal data stays on screen
    dialog = window.lock_dialog
    assert dialog.isVisible() and dialog.username.text() == "wangfang" and dialog.username.isReadOnly()
    _sign_in(qtbot, dialog, "wrong-password")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() and bool(dialog.message.text()))
    assert window.locked and not window.isVisible()
    _sign_in(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: not window.locked and window.isVisible(), timeout=5000)
    window.idle_lock.paused = True  # the rest of the test must not lock again
    window.close()
    workspace.shutdown()


def test_input_in_a_window_keeps_the_idle_lock_away(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from console.widgets.idle_lock import IdleLock

    locked: list[bool] = []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    lock = IdleLock(0.03, lambda: locked.append(True), edit)  # 1.8 s
    lock.watch(edit.windowHandle())
    for _ in range(16):  # typing for 2.4 s, longer than the lock time, never idle that long
        QTest.keyClick(edit.windowHandle(), Qt.Key.Key_A)
        qtbot.wait(150)
    assert locked == []
    qtbot.waitUntil(lambda: locked == [True], timeout=3000)  # then nothing: it locks
    lock.stop()
