"""`run` stops on Ctrl+C (SIGINT) and SIGTERM the way closing the window does.

The database is closed properly: exit status 0 and no SQLite ``-wal`` file left beside it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

USER, PASSWORD = "night_officer", "Shift-2026-pass"
STARTUP_BOUND_S = 90
STOP_BOUND_S = 30


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("DUTY_CONSOLE_DB", None)
    return env


def _signed_in(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            rows = conn.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'ok'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(rows and rows[0])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_closes_cleanly_on_a_signal(tmp_path: Path, signum: signal.Signals) -> None:
    path = tmp_path / "station.db"
    url = f"sqlite:///{path}"
    env = _env(tmp_path)
    cli = [sys.executable, "-m", "console", "--db", url]
    added = subprocess.run(
        [*cli, "user", "add", USER, "--role", "duty_officer", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert added.returncode == 0, added.stderr

    log = tmp_path / "stderr.txt"
    with log.open("w") as stderr:
        console = subprocess.Popen(
            [*cli, "run", "--user", USER, "--password-stdin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
            env=env,
        )
    try:
        assert console.stdin is not None
        console.stdin.write(PASSWORD + "\n")
        console.stdin.close()
        deadline = time.monotonic() + STARTUP_BOUND_S
        while not _signed_in(path):
            assert console.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the console did not sign in"
            time.sleep(0.2)
        time.sleep(1.0)  # let the window come up
        assert console.poll() is None
        console.send_signal(signum)
        console.wait(timeout=STOP_BOUND_S)
    finally:
        if console.poll() is None:
            console.kill()
            console.wait()
    err = log.read_text()
    assert console.returncode == 0, err
    assert "Traceback" not in err
    assert not Path(f"{path}-wal").exists(), "the database was not closed: -wal left behind"
    assert _signed_in(path)  # and the database is still readable


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_events_stops_cleanly_on_a_signal(tmp_path: Path, signum: signal.Signals) -> None:
    """A service manager stops the endpoint with SIGTERM: exit 0, database closed, no -wal left."""
    path = tmp_path / "station.db"
    token = tmp_path / "token"
    token.write_text("signal-test-token", encoding="utf-8")
    cli = [sys.executable, "-m", "console", "--db", f"sqlite:///{path}"]
    env = _env(tmp_path)
    subprocess.run([*cli, "init-db"], env=env, check=True, capture_output=True, timeout=STARTUP_BOUND_S)
    proc = subprocess.Popen(
        [*cli, "serve-events", "--port", "0", "--token-file", str(token)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # "serve-events: 正在接收事件 http://127.0.0.1:PORT/events ..."
        assert "/events" in line, line
        proc.send_signal(signum)
        assert proc.wait(STOP_BOUND_S) == 0, proc.stderr.read()
        assert "Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert not Path(f"{path}-wal").exists()
