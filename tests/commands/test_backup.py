"""`duty-console backup FILE` (contracts/cli.md): a consistent SQLite copy while another console
keeps writing; PostgreSQL is pointed to pg_dump; a restored copy works as the station's database."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from console.cli import main
from console.db import open_database
from console.security import system_actor
from console.services.container import build_services

BATCH = 50


def _events(first: int) -> list[str]:
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return [
        json.dumps(
            {
                "source": "hotline",
                "external_id": f"e-{first + i}",
                "kind": "report",
                "category": "other",
                "text": "路灯坏了",
                "at": at,
            },
            ensure_ascii=False,
        )
        for i in range(BATCH)
    ]


def _count(path: Path, sql: str = "SELECT count(*) FROM event") -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_backup_while_another_console_writes_is_consistent_and_restores(tmp_path, capsys):
    db = tmp_path / "station.db"
    url = f"sqlite:///{db}"
    assert main(["--db", url, "init-db"]) == 0
    engine = open_database(url)
    ingest = build_services(engine).ingest
    actor = system_actor("ingest")
    written = [0]
    stop = threading.Event()

    def keep_writing() -> None:  # another console: 50 events per transaction, without pause
        while not stop.is_set():
            answers = ingest.ingest(_events(written[0]), actor)
            assert all(a.status == "accepted" for a in answers)
            written[0] += BATCH

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while written[0] < 500:
            stop.wait(0.01)
        copies = []
        for i in range(3):  # three backups while the writer goes on
            copy = tmp_path / f"backup-{i}.db"
            before = written[0]
            assert main(["--db", url, "backup", str(copy)]) == 0
            after = written[0]
            copies.append((copy, before, after))
            assert "integrity check ok" in capsys.readouterr().err
    finally:
        stop.set()
        writer.join()
        engine.dispose()
    assert written[0] > 500
    for copy, before, after in copies:
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # it holds the station's personal data
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = _count(copy)
        # whole transactions only, and as of a moment during the backup
        assert stored % BATCH == 0 and before <= stored <= after + BATCH
        ids = {int(x) for (x,) in sqlite3.connect(copy).execute("SELECT substr(external_id, 3) FROM event")}
        assert ids == set(range(stored))

    # restore round trip: the copy, put where a station keeps its database, is that database
    copy, *_ = copies[-1]
    restored = tmp_path / "restored" / "station.db"
    restored.parent.mkdir()
    shutil.copy(copy, restored)
    out = tmp_path / "events.jsonl"
    assert main(["--db", f"sqlite:///{restored}", "export", "events", "--out", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == _count(copy)
    assert main(["--db", f"sqlite:///{restored}", "export", "alerts"]) == 0
    assert main(["--db", f"sqlite:///{restored}", "audit", "verify"]) == 0


def test_backup_refuses_the_database_itself_and_a_missing_database(tmp_path, capsys):
    db = tmp_path / "station.db"
    assert main(["--db", f"sqlite:///{db}", "init-db"]) == 0
    capsys.readouterr()
    assert main(["--db", f"sqlite:///{db}", "backup", str(db)]) == 2
    assert "is the database itself" in capsys.readouterr().err
    assert main(["--db", f"sqlite:///{tmp_path / 'none.db'}", "backup", str(tmp_path / "b.db")]) == 2
    err = capsys.readouterr().err
    assert "no database file" in err and "Traceback" not in err
    assert not (tmp_path / "b.db").exists()


@pytest.mark.postgres
def test_backup_of_postgresql_says_to_use_pg_dump_in_one_line(pg_url, tmp_path, capsys):
    assert main(["--db", pg_url, "backup", str(tmp_path / "b.db")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "pg_dump" in line and "PostgreSQL" in line
    assert not (tmp_path / "b.db").exists()
