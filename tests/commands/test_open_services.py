"""Every command reaches the database one way: one engine, services from ``build_services``."""

from __future__ import annotations

import ast
import datetime as dt
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import console.db
import console.services.container
from console.cli import COMMANDS, main

ROOT = Path(console.db.__file__).parent


class Counts:
    """How many engines and service sets the commands made."""

    def __init__(self) -> None:
        self.engines = 0
        self.builds = 0


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    seen = Counts()
    create_engine = console.db.create_engine
    build_services = console.services.container.build_services

    def counting_create_engine(*args: Any, **kwargs: Any) -> Any:
        seen.engines += 1
        return create_engine(*args, **kwargs)

    def counting_build_services(*args: Any, **kwargs: Any) -> Any:
        seen.builds += 1
        return build_services(*args, **kwargs)

    monkeypatch.setattr(console.db, "create_engine", counting_create_engine)
    monkeypatch.setattr(console.services.container, "build_services", counting_build_services)
    yield seen


def _invocations(tmp_path: Path) -> list[tuple[str, list[str], int]]:
    """(command module, argv after --db, expected exit status) in the order they run on one database."""
    token = tmp_path / "token"
    token.write_text("secret\n", encoding="utf-8")
    events = tmp_path / "events.jsonl"
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    event = {"source": "citizen-report", "kind": "report", "category": "other", "text": "路灯坏了", "at": now}
    events.write_text(
        json.dumps({**event, "external_id": "t-1"}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    registry = tmp_path / "registry.csv"
    registry.write_text("小区,楼栋,户室,姓名\n海景花园,3,1203,张伟\n", encoding="utf-8")
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "case_no,category,reported_at,summary\nGK202600101,cable,2026-03-01T21:00+08:00,地下室电缆被盗\n",
        encoding="utf-8",
    )
    return [
        ("database", ["init-db"], 0),
        ("demo", ["seed-demo", "--scale", "small"], 0),
        ("registry", ["import", "registry", str(registry)], 0),
        ("registry", ["import", "cases", str(cases)], 0),
        ("watchlist", ["watchlist", "add", "--plate", "闽DA8888", "--reason", "涉案车辆"], 0),
        ("watchlist", ["watchlist", "list", "--format", "jsonl"], 0),
        ("ingest", ["ingest", str(events)], 0),
        ("simulate", ["simulate", "--rate", "20", "--duration", "0.5", "--seed", "1"], 0),
        ("export", ["export", "alerts"], 0),
        ("audit", ["audit", "verify"], 0),
        ("backup", ["backup", str(tmp_path / "backup.db")], 0),
        ("users", ["user", "list"], 0),
        ("figures", ["stats", "--from", "2026-01-01", "--to", "2026-06-30"], 0),
        ("cases", ["case", "open", "--category", "cable", "--reported-at", now, "--summary", "电缆被盗"], 0),
        ("cases", ["property", "list", "--format", "jsonl"], 0),
        ("dispatch", ["officer", "list"], 0),
        # the port is taken (below): the service is made, then the listen is refused (exit 2)
        ("serve", ["serve-events", "--port", "{port}", "--token-file", str(token)], 2),
    ]


def test_every_command_opens_one_engine_and_gets_its_services_from_the_one_builder(
    tmp_path: Path, counts: Counts, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'station.db'}"
    said: dict[str, str] = {}
    invocations = _invocations(tmp_path)
    # `run` is proven by tests/commands/test_run_demo.py (it needs the window)
    assert {module for module, _, _ in invocations} == set(COMMANDS.values()) - {"run"}
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        for module, argv, expected in invocations:
            counts.engines = counts.builds = 0
            rc = main(["--db", url, *(port if word == "{port}" else word for word in argv)])
            out, err = capsys.readouterr()
            assert rc == expected, f"{' '.join(argv)}: {err}"
            # init-db touches the schema alone, backup copies the file: one engine and no services
            builds = 0 if module in ("database", "backup") else 1
            assert (counts.engines, counts.builds) == (1, builds), f"{module}: {' '.join(argv)}"
            said[" ".join(argv[:2])] = out + err
    # each did its work through the services it was given
    assert "闽DA8888" in said["watchlist list"]
    assert (
        json.loads(said["ingest " + str(tmp_path / "events.jsonl")].splitlines()[0])["status"] == "accepted"
    )
    assert "simulate: 共" in said["simulate --rate"]
    assert len(said["officer list"].splitlines()) > 3  # the demo district's officers
    assert "127.0.0.1" in said["serve-events --port"]  # it could not listen where it was told


def _service_constructions(path: Path) -> list[str]:
    """Calls in ``path`` that make a service or a session factory themselves."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name == "session_factory" or (name.endswith("Service") and name != "Service"):
                found.append(f"{path.name}:{node.lineno} {name}(")
    return found


def test_no_command_or_demo_module_makes_services_itself() -> None:
    modules = sorted((ROOT / "commands").glob("*.py")) + sorted((ROOT / "demo").glob("*.py"))
    assert len(modules) > 10
    assert [hit for path in modules for hit in _service_constructions(path)] == []
