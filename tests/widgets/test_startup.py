"""Starting the console (`run --user NAME --password-stdin`) on an existing database.

The main window is on screen with the alert feed before anything its first paint does not need is
loaded: the grid map's numpy, alembic (the schema is already at head), the case, map, registry,
figures and export services, the dossier windows and the dialogs nobody has opened yet,
QtMultimedia. A wrong password still stops the start with the plain message and no window, now
that the password is checked on a thread while the window's modules load. Each case starts a
real console process (offscreen).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.db import head_revision, open_database, plain_head_revision
from console.services.container import build_services

USER, PASSWORD = "night_officer", "Shift-2026-pass-Guankou"
NOT_AT_FIRST_PAINT = (
    "numpy",
    "alembic",
    "stdnum",
    "phonenumbers",
    "PySide6.QtMultimedia",
    "console.services.cases",
    "console.services.maps",
    "console.services.registry",
    "console.services.figures",
    "console.services.reporting",
    "console.widgets.dossier",
    "console.widgets.dispatch_dialog",
    "console.widgets.intervention_card",
    "console.widgets.settings_dialog",
)

# The way the bench (bench/bench_startup.py) starts the console, stopping once the window is shown.
CHILD = """
import argparse, io, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from console import app as console_app
from console.commands import run
seen = {}
class Marks(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if key == "window_shown":
            seen["loaded"] = sorted(m for m in sys.argv[3].split(",") if m in sys.modules)
            app.setProperty("duty_console_stopping", True)
            QTimer.singleShot(0, app.quit)
console_app.startup_marks = Marks()
sys.stdin = io.StringIO(sys.argv[2] + chr(10))
rc = run.main(argparse.Namespace(db=sys.argv[1], demo=False, command="run", user=sys.argv[4], password_stdin=True))
print(json.dumps({"rc": rc, "shown": "window_shown" in console_app.startup_marks, **seen}))
"""


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A station database at the current schema with one duty officer who can sign in."""
    url = f"sqlite:///{tmp_path_factory.mktemp('startup') / 'station.db'}"
    engine = open_database(url)
    try:
        accounts = build_services(engine).accounts
        admin = accounts.create_first_admin("admin", "管理员", "Admin-2026-pass-Guankou")
        accounts.add_user(admin, USER, "值班民警", "duty_officer", PASSWORD)
    finally:
        engine.dispose()
    return url


def _start(url: str, password: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], dict]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("DUTY_CONSOLE_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, url, password, ",".join(NOT_AT_FIRST_PAINT), USER],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    lines = done.stdout.strip().splitlines()
    return done, json.loads(lines[-1]) if lines else {}


def test_the_window_is_shown_before_what_its_first_paint_does_not_need(station: str, tmp_path: Path) -> None:
    done, result = _start(station, PASSWORD, tmp_path)
    assert result.get("rc") == 0, done.stderr
    assert result["shown"]
    assert result["loaded"] == []


def test_a_wrong_password_shows_no_window_and_says_why(station: str, tmp_path: Path) -> None:
    done, result = _start(station, "not-the-password", tmp_path)
    assert result == {"rc": 2, "shown": False}
    assert "用户名或密码错误" in done.stderr
    assert "Wrong user name or password" in done.stderr


def test_the_schema_head_is_read_from_the_migration_files_as_alembic_reads_it() -> None:
    assert plain_head_revision() == head_revision()
