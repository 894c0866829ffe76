"""`ingest` into a SQLite file, SIGKILLed at 100 random moments (issue 13, item 3).

After every kill the file passes ``PRAGMA integrity_check``; re-running the input to completion
then stores exactly what one uninterrupted run stores: every distinct event once, every alert
once with the right count. Starting Python and importing the console costs seconds on a busy
machine, so most runs are forked from a process that has imported it already (the child opens
its own database connections, like a fresh process); every twentieth is a real
``python -m console ... ingest FILE``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert

from console.db import make_engine, session_factory, upgrade
from console.models import Community, Station
from console.security import system_actor
from console.services.alerts import WatchlistService

KILLS = 100
REAL_PROCESS_EVERY = 20
EVENTS = 5000  # five transactions of 1,000
WATCHED = 30  # plates on the watchlist; every tenth event is one of them

# Forks one ingest per line read on stdin ({"args": [...], "out": FILE}: the child's answers go to
# FILE); prints the child's pid, then how it ended ("exit N" or "signal N"). Imports everything an
# ingest needs first, opens no database.
ZYGOTE = """
import json, os, sys
import console.cli, console.commands.ingest, console.services.container, console.db
import alembic.command, alembic.script, alembic.runtime.migration
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        out = os.open(job["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os._exit(console.cli.main(job["args"]))
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}", flush=True)
"""


def _station_db(path: Path) -> str:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        c.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
    watch = WatchlistService(session_factory(engine))
    for k in range(WATCHED):
        watch.add(system_actor("test"), plate=f"闽A{k:05d}", reason="涉案车辆")
    engine.dispose()
    return url


def _events(path: Path) -> None:
    at = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).replace(microsecond=0).isoformat()
    with path.open("w", encoding="utf-8") as f:
        for i in range(EVENTS):
            plate = f"闽A{(i // 10) % WATCHED:05d}" if i % 10 == 0 else f"闽D{i:05d}"
            event = {"source": "gate-camera", "external_id": f"e{i}", "kind": "plate_read", "at": at}
            f.write(json.dumps({**event, "community": "YZ", "plate": plate}, ensure_ascii=False) + "\n")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:  # closed: the file is replaced later
        return "\n".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def _stored(path: Path) -> tuple[int, int, int, list[tuple[str, int]], int]:
    """Events, distinct events, events without their alert, (plate, count) per alert, alerts."""
    with contextlib.closing(sqlite3.connect(path)) as conn:  # closed: the file is replaced later
        events, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT source || ':' || external_id) FROM event"
        ).fetchone()
        unlinked = conn.execute(
            "SELECT count(*) FROM event WHERE plate LIKE '闽A%' AND alert_id IS NULL"
        ).fetchone()[0]
        per_alert = conn.execute(
            "SELECT e.plate, a.count FROM alert a JOIN event e ON e.alert_id = a.id"
            " GROUP BY a.id ORDER BY e.plate"
        ).fetchall()
        alerts = conn.execute("SELECT count(*) FROM alert").fetchone()[0]
    return events, distinct, unlinked, per_alert, alerts


class Ingests:
    """Runs of ``ingest FILE`` into one SQLite file, each killed at a chosen moment or left to finish."""

    def __init__(self, folder: Path, events: Path, empty: Path) -> None:
        self.events, self.empty = events, empty
        self.db = folder / "station.db"
        self.url = f"sqlite:///{self.db}"
        self.answers = folder / "answers.jsonl"
        self.env = {k: v for k, v in os.environ.items() if k != "DUTY_CONSOLE_DB"}
        self.zygote = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=self.env,
        )

    def close(self) -> None:
        assert self.zygote.stdin is not None
        self.zygote.stdin.close()
        self.zygote.wait(timeout=30)

    def start_empty(self) -> None:
        for side in (Path(f"{self.db}-wal"), Path(f"{self.db}-shm")):  # never let an old log replay
            side.unlink(missing_ok=True)
        shutil.copy(self.empty, self.db)

    def first_answer(self, alive: Callable[[], bool]) -> float:
        """Wait until the run has answered its first batch (it is writing); seconds waited."""
        started = time.monotonic()
        while alive() and (not self.answers.exists() or self.answers.stat().st_size == 0):
            time.sleep(0.002)
        return time.monotonic() - started

    def forked(self, early: float | None = None, late: float | None = None) -> tuple[str, float, float]:
        """One forked ingest: SIGKILLed ``early`` s after it starts, or ``late`` s after its first
        answer, or (neither) left to finish. How it ended, when it first answered, when it ended."""
        assert self.zygote.stdin is not None and self.zygote.stdout is not None
        self.answers.unlink(missing_ok=True)
        job = {"args": ["--db", self.url, "ingest", str(self.events)], "out": str(self.answers)}
        self.zygote.stdin.write(json.dumps(job) + "\n")
        self.zygote.stdin.flush()
        pid = int(self.zygote.stdout.readline())
        started = time.monotonic()
        first = 0.0
        if early is not None:
            time.sleep(early)
        else:
            first = self.first_answer(lambda: _running(pid))
            time.sleep(late or 0.0)
        if early is not None or late is not None:
            with contextlib.suppress(ProcessLookupError):  # it finished first
                os.kill(pid, signal.SIGKILL)
        return self.zygote.stdout.readline().strip(), first, time.monotonic() - started

    def real(self, late: float) -> str:
        """``python -m console ... ingest``, killed ``late`` s after its first answer."""
        with self.answers.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "console", "--db", self.url, "ingest", str(self.events)],
                stdout=out,
                stderr=subprocess.DEVNULL,
                env=self.env,
            )
        self.first_answer(lambda: proc.poll() is None)
        time.sleep(late)
        proc.kill()
        code = proc.wait(timeout=60)
        return "signal 9" if code == -signal.SIGKILL else f"exit {code}"


@pytest.mark.slow
def test_sigkill_at_100_moments_leaves_a_sound_file_and_a_re_run_stores_exactly_the_input(
    tmp_path: Path,
) -> None:
    rng = random.Random(13)
    _events(tmp_path / "events.jsonl")
    _station_db(tmp_path / "empty.db")
    runs = Ingests(tmp_path, tmp_path / "events.jsonl", tmp_path / "empty.db")
    db = runs.db
    try:
        runs.start_empty()
        how, first, ended = runs.forked()  # a whole run from an empty file: kills spread over it
        whole = _stored(db)
        assert how == "exit 0" and whole[:3] == (EVENTS, EVENTS, 0) and whole[4] == WATCHED, whole
        runs.start_empty()
        kills = completed = 0
        progress: list[int] = []  # events stored by each killed run
        while kills < KILLS:
            before = _stored(db)[0]
            if kills % REAL_PROCESS_EVERY == REAL_PROCESS_EVERY - 1:
                how = runs.real(rng.uniform(0, ended - first))
            elif rng.random() < 0.25:  # while starting or writing its first batch
                how, _, _ = runs.forked(early=rng.uniform(0, first))
            else:  # while writing
                how, _, _ = runs.forked(late=rng.uniform(0, ended - first))
            assert _integrity(db) == "ok", f"after kill {kills}: {how}"
            if how == "signal 9":
                kills += 1
                progress.append(_stored(db)[0] - before)
                continue
            assert how == "exit 0", how  # finished before the kill: a sound run; start again empty
            assert _stored(db) == whole
            completed += 1
            runs.start_empty()
        how, _, _ = runs.forked()  # re-run the input to completion
        assert how == "exit 0"
        assert _integrity(db) == "ok"
        assert _stored(db) == whole
        mid_way = sum(1 for p in progress if p > 0)
        # The kills fell while it wrote, not only before or after: runs stored part of the file.
        assert mid_way >= KILLS // 10 and completed < KILLS // 2, (mid_way, completed)
        print(  # for the record (pytest -s)
            f"{kills} kills, {completed} runs finished first, {mid_way} killed after storing some events;"
            f" an uninterrupted run: first answer {first:.2f} s, done {ended:.2f} s"
        )
    finally:
        runs.close()
