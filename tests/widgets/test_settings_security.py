"""The settings dialog: sslmode chosen and used, the password said to leave the settings file."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy.orm import sessionmaker

from console.config import Settings, load_settings
from console.services.station import HealthService
from console.widgets.settings_dialog import SettingsDialog
from console.widgets.worker import DatabaseWorker

URL = "postgresql+psycopg://duty:s3cret@db.station.local/station"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PGPASSFILE", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield tmp_path
    keyring.set_keyring(before)


def make_dialog(qtbot: Any, db_worker: DatabaseWorker, settings: Settings, ini: Path) -> SettingsDialog:
    health = HealthService(sessionmaker())  # probe() opens its own engine for the URL it is given
    dialog = SettingsDialog(settings, health.probe, db_worker, settings_file=ini)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_typed_password_is_announced_and_saved_outside_the_settings_file(
    qtbot: Any, db_worker: DatabaseWorker, home: Path, tmp_path: Path
) -> None:
    ini = tmp_path / "settings.ini"
    dialog = make_dialog(qtbot, db_worker, Settings(), ini)
    assert not dialog.password_note.isVisible()
    dialog.db_url.setText(URL)
    assert dialog.password_note.isVisible() and "~/.pgpass" in dialog.password_note.text()
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("verify-full"))
    dialog.grab().save(str(tmp_path / "settings.png"))
    dialog.accept()

    written = ini.read_text(encoding="utf-8")
    assert "s3cret" not in written
    assert "sslmode = verify-full" in written
    saved = load_settings(path=ini)
    assert saved.db_url == "postgresql+psycopg://duty@db.station.local/station"
    assert saved.connect_url().endswith("?sslmode=verify-full")
    assert (home / ".pgpass").read_text(encoding="utf-8") == "db.station.local:5432:station:duty:s3cret\n"
    assert stat.S_IMODE((home / ".pgpass").stat().st_mode) == 0o600


@pytest.mark.postgres
def test_the_connection_test_uses_the_chosen_sslmode(
    qtbot: Any, db_worker: DatabaseWorker, pg_url: str, tmp_path: Path
) -> None:
    """The local server has TLS off: 'require' is refused, libpq's default connects."""
    dialog = make_dialog(qtbot, db_worker, Settings(db_url=pg_url), tmp_path / "settings.ini")
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("require"))
    dialog.test_button.click()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=8000)
    assert dialog.test_result.objectName() == "formError" and "SSL" in dialog.test_result.text()

    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData(""))
    dialog.test_button.click()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=8000)
    assert dialog.test_result.objectName() == "formOk"
