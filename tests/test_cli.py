"""The command line as other programs see it: exit status, one-line errors, schema handling."""

from __future__ import annotations

import importlib
import logging
import os
import subprocess
import sys
import types
from collections.abc import Callable
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


class _FakeDemo(types.ModuleType):
    def __init__(self, empty: bool) -> None:
        super().__init__("console.services.demo")
        self.empty = empty
        self.seeded: list[str] = []

    def is_empty(self, engine: object) -> bool:
        return self.empty

    def seed_demo(self, engine: object, scale: str, progress: Callable[[str, int, int], None]) -> None:
        progress("household", 10, 20)
        self.seeded.append(scale)


class _FakeSimulate(types.ModuleType):
    def __init__(self) -> None:
        super().__init__("console.services.simulate")
        self.started: list[float] = []

    def start_background_simulation(self, engine: object, rate: float) -> str:
        self.started.append(rate)
        return "running"


@pytest.mark.parametrize("empty", [True, False])
def test_run_demo_seeds_only_an_empty_database_and_starts_the_stream(
    empty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo, simulate = _FakeDemo(empty), _FakeSimulate()
    monkeypatch.setitem(sys.modules, "console.services.demo", demo)
    monkeypatch.setitem(sys.modules, "console.services.simulate", simulate)
    progress: list[str] = []
    handle = run_command.prepare_demo(object(), progress.append, Settings(simulate_rate=3.5))
    assert demo.seeded == (["small"] if empty else [])
    assert progress == (["正在生成演示辖区数据…", "正在生成演示辖区数据: household 10/20"] if empty else [])
    assert (simulate.started, handle) == ([3.5], "running")


def test_run_demo_without_the_demo_modules_starts_anyway(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_import = importlib.import_module

    def missing(name: str, package: str | None = None) -> types.ModuleType:
        if name in ("console.services.demo", "console.services.simulate"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, package)

    monkeypatch.setattr(run_command.importlib, "import_module", missing)
    with caplog.at_level(logging.WARNING):
        assert run_command.prepare_demo(object(), lambda _m: None, Settings()) is None
    assert "console.services.demo not available yet" in caplog.text
