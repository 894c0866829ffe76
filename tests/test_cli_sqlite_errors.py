"""A SQLite database that cannot be used says what is wrong with the FILE, in one line, exit 2.

There is no server or network behind a SQLite URL: each message names the file or folder and
the fix, never "check the database server".
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import event, inspect

from console import db as console_db
from console.db import (
    ENV_SQLITE_BUSY_MS,
    _alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)
from console.errors import DatabaseUnavailable

SERVER_ADVICE = ("数据库服务器", "database server")


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    environ.pop("DUTY_CONSOLE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
        cwd=cwd,
    )


def assert_file_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("duty-console: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    for advice in SERVER_ADVICE:
        assert advice not in lines[0]


@pytest.fixture
def unwritable_dir(tmp_path: Path) -> Path:
    """A folder in which no file can be created (root ignores modes: /sys refuses even root)."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_a_database_in_a_missing_folder_that_cannot_be_made(tmp_path: Path) -> None:
    result = run_cli("--db", "sqlite:////proc/nope/s.db", "init-db")
    assert_file_error(result, "/proc/nope", "无法在文件夹", "Cannot create the database file")


def test_a_database_in_a_read_only_folder(unwritable_dir: Path) -> None:
    result = run_cli("--db", f"sqlite:///{unwritable_dir}/station.db", "init-db")
    assert_file_error(result, str(unwritable_dir), "可写", "writable")


def test_a_read_only_data_directory_without_db(unwritable_dir: Path, tmp_path: Path) -> None:
    """No --db: the embedded database in the user's data directory, which cannot be written."""
    env = {"XDG_DATA_HOME": str(unwritable_dir / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    assert_file_error(run_cli("init-db", env=env), str(unwritable_dir / "data"), "writable")


def test_a_text_file_given_as_the_database_is_not_a_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("这不是数据库 — shift notes\n" * 100, encoding="utf-8")
    result = run_cli("--db", f"sqlite:///{notes}", "init-db")
    assert_file_error(result, str(notes), "不是 SQLite 数据库文件", "is not a SQLite database file")
    assert notes.read_text(encoding="utf-8").startswith("这不是数据库")  # left as it was


def test_a_folder_given_as_the_database(tmp_path: Path) -> None:
    result = run_cli("--db", f"sqlite:///{tmp_path}", "init-db")
    assert_file_error(result, str(tmp_path), "是文件夹", "is a folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only file")
def test_a_read_only_database_file(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    assert run_cli("--db", f"sqlite:///{path}", "init-db").returncode == 0
    path.chmod(0o444)
    assert_file_error(run_cli("--db", f"sqlite:///{path}", "init-db"), str(path), "只读")


def test_a_database_that_refuses_writes_says_read_only(tmp_path: Path) -> None:
    """SQLite's own read-only error (as for a read-only file), raised from a real connection."""
    path = tmp_path / "station.db"
    engine = make_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", lambda conn, _record: conn.execute("PRAGMA query_only=ON"))
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            upgrade(engine)
    finally:
        engine.dispose()
    assert caught.value.code == "db.sqlite.read_only"
    assert str(path) in caught.value.text("en")
    assert "server" not in caught.value.text("en")


def test_a_database_locked_by_another_program_says_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console_db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "station.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("BEGIN EXCLUSIVE")
    engine = make_engine(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            upgrade(engine)
    finally:
        engine.dispose()
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.code == "db.sqlite.locked"
    assert "被另一个程序" in caught.value.text() and "locked" in caught.value.text("en")


def _holding_the_write_lock(path: Path) -> sqlite3.Connection:
    """Another program in the middle of a write: it holds SQLite's write lock (BEGIN IMMEDIATE)."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


WATCH = ("watchlist", "add", "--plate", "闽D12345", "--reason", "涉案车辆")


def test_a_write_waits_out_a_short_lock_then_goes_through(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    other = _holding_the_write_lock(path)
    release = threading.Timer(1.0, lambda: other.execute("COMMIT"))  # well inside the wait
    release.start()
    try:
        result = run_cli("--db", f"sqlite:///{path}", *WATCH, env={ENV_SQLITE_BUSY_MS: "60000"})
    finally:
        release.join()
        other.close()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit()


def test_a_write_that_waits_past_the_bound_says_so_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    other = _holding_the_write_lock(path)
    try:
        result = run_cli("--db", f"sqlite:///{path}", *WATCH, env={ENV_SQLITE_BUSY_MS: "300"})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_file_error(result, str(path), "0.3", "locked")
    with sqlite3.connect(path) as check:  # nothing half-written
        assert check.execute("SELECT count(*) FROM watchlist_entry").fetchone() == (0,)


def test_tilde_is_expanded_for_the_folder_and_the_file(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    result = run_cli("--db", "sqlite:///~/duty/station.db", "init-db", env={"HOME": str(home)}, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert str(home / "duty" / "station.db") in result.stderr
    assert list(cwd.iterdir()) == []  # no literal "~" folder or file next to the officer's work
    engine = make_engine(f"sqlite:///{home / 'duty' / 'station.db'}")
    try:
        assert "alembic_version" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_init_db_says_created_then_current_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    url = f"sqlite:///{path}"
    head = head_revision()

    created = run_cli("--db", url, "init-db")
    assert created.returncode == 0, created.stderr
    assert (
        "创建数据库结构" in created.stderr
        and f"Created the schema in SQLite {path} (version {head})" in created.stderr
    )
    assert "已是当前结构" not in created.stderr

    again = run_cli("--db", url, "init-db")
    assert again.returncode == 0, again.stderr
    assert "已是当前结构" in again.stderr and f"(version {head}); nothing changed" in again.stderr

    from alembic import command

    engine = make_engine(url)
    try:
        command.downgrade(_alembic_config(engine), "-1")
        older = current_revision(engine)
    finally:
        engine.dispose()
    assert older is not None and older != head
    upgraded = run_cli("--db", url, "init-db")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"from version {older} to {head}" in upgraded.stderr and "升级到" in upgraded.stderr
