"""The command line as other programs see it: exit status, one-line errors, schema handling."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from console.commands import run as run_command
from console.config import Settings
from console.db import current_revision, head_revision, make_engine

DEAD_PG = "postgresql+psycopg://nobody@127.0.0.1:1/x"
FUTURE_REVISION = "9999_from_the_future"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    environ.pop("DUTY_CONSOLE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "console", *args], capture_output=True, text=True, timeout=120, env=environ
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("duty-console: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert result.stdout == ""


def test_unreachable_postgresql_is_one_line_and_exit_2() -> None:
    result = run_cli("--db", DEAD_PG, "init-db")
    assert_one_line_error(result, "无法连接数据库", "127.0.0.1:1")


@pytest.mark.parametrize(
    ("url", "says"),
    [("not a url at all", "数据库地址格式不正确"), ("mysql://someone@host/db", "不支持的数据库类型")],
)
def test_malformed_or_unsupported_url_is_one_line_and_exit_2(url: str, says: str) -> None:
    assert_one_line_error(run_cli("--db", url, "init-db"), says)


def test_init_db_on_a_fresh_sqlite_path_creates_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "new" / "station.db"
    result = run_cli("--db", f"sqlite:///{path}", "init-db")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    engine = make_engine(f"sqlite:///{path}")
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"household", "alert", "event", "theft_case", "app_user", "audit_log"} <= tables
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def _snapshot(engine: Engine) -> tuple[str | None, set[str]]:
    return current_revision(engine), set(inspect(engine).get_table_names())


def test_a_database_from_a_newer_console_is_refused_and_left_unchanged(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE_REVISION})
        before = _snapshot(engine)
        result = run_cli("--db", db_url, "init-db")
        assert_one_line_error(result, "更新版本", FUTURE_REVISION)
        assert _snapshot(engine) == before
    finally:
        with engine.begin() as conn:  # the PostgreSQL database is shared by the whole session
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head_revision()})
        engine.dispose()


@pytest.mark.qt
def test_run_refuses_an_unreachable_database_without_a_traceback(tmp_path: Path) -> None:
    """`run` shows a dialog; offscreen nobody clicks it, so check the headless half: no traceback."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda *a, **k: print('DIALOG:', a[2].splitlines()[2]))\n"
        "from console.cli import main\n"
        f"sys.exit(main(['--db', {DEAD_PG!r}, 'run']))\n"
    )
    environ = {**os.environ, **env}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=environ
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "DIALOG: 无法连接数据库 PostgreSQL 127.0.0.1:1/x" in result.stdout


def test_run_demo_seeds_an_empty_database_once_and_keeps_alerts_coming(tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from console.db import open_database
    from console.models import Event, Household
    from console.services.container import build_services

    engine = open_database(f"sqlite:///{tmp_path / 'station.db'}")
    services = build_services(engine)

    def count(table: type) -> int:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    progress: list[str] = []
    handle = run_command.prepare_demo(engine, services, progress.append, Settings(simulate_rate=20))
    try:
        assert progress[0] == "正在生成演示辖区数据…"
        households, events_before = count(Household), count(Event)
        assert households > 1000
        deadline = time.monotonic() + 30
        while count(Event) <= events_before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert count(Event) > events_before, "the simulated stream stored no event"
    finally:
        handle.stop()
    again: list[str] = []
    run_command.prepare_demo(engine, services, again.append, Settings(simulate_rate=1)).stop()
    assert again == []  # a database that holds data is never seeded again
    assert count(Household) == households
    engine.dispose()
