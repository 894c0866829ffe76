"""Issue 13.1, the database goes away: no event lost or stored twice, no sender left without an answer.

PostgreSQL is a throwaway cluster of the tests' own (tests/pg_cluster.py), stopped and killed
here, never the machine's shared server. SQLite's case is a file locked by another program for
longer than the busy timeout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import io
import json
import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from console import cli
from console import db as console_db
from console.db import make_engine, session_factory, upgrade
from console.models import Alert, Community, Event, Station, WatchlistEntry
from console.security import system_actor
from console.services.intake import EventServer, IngestService, make_server
from tests.pg_cluster import ThrowawayCluster, cluster_folder, free_port

TOKEN = "away-test-token"
WATCHED = "闽DA8888"


@pytest.fixture(scope="module")
def cluster() -> Iterator[ThrowawayCluster]:
    """One throwaway cluster for this module; each test makes its own database in it."""
    with ThrowawayCluster(cluster_folder()) as c:
        yield c


def fresh_database(cluster: ThrowawayCluster) -> str:
    """A new database on the (running) cluster at the current schema: one station, community YZ,
    and plate 闽DA8888 on the vehicle watchlist."""
    if not cluster.is_up():
        cluster.start()
    name = f"away_{uuid.uuid4().hex[:8]}"
    admin = make_engine(cluster.url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = cluster.database_url(name)
    engine = make_engine(url)
    upgrade(engine)
    seed(engine)
    engine.dispose()
    return url


def seed(engine: Any) -> None:
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        c.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
        c.execute(
            insert(WatchlistEntry).values(
                kind="vehicle",
                plate=WATCHED,
                reason="涉案车辆",
                severity="high",
                active=True,
                created_at=dt.datetime.now(dt.UTC),
                version=1,
            )
        )


def now_iso() -> str:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).replace(microsecond=0).isoformat()


def make_event(k: int, at: str) -> dict[str, Any]:
    """Event k: every 10th a fraud warning (an alert each), every 10th + 1 the watched plate (all
    grouped into one alert), the rest plates nobody watches (stored, no alert)."""
    if k % 10 == 0:
        return {
            "source": "anti-fraud",
            "external_id": f"f{k}",
            "kind": "fraud_risk",
            "at": at,
            "phone": f"138{k:08d}",
            "level": "high",
        }
    plate = WATCHED if k % 10 == 1 else f"闽D{k:05d}"
    return {
        "source": "gate-camera",
        "external_id": f"g{k}",
        "kind": "plate_read",
        "at": at,
        "community": "YZ",
        "plate": plate,
    }


def key(event: dict[str, Any]) -> tuple[str, str]:
    return event["source"], event["external_id"]


def post(port: int, body: bytes, timeout: float = 30) -> tuple[int, dict[str, str], Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(
            "POST",
            "/events",
            body=body,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        response = conn.getresponse()
        data = json.loads(response.read().decode("utf-8"))
        return response.status, dict(response.getheaders()), data
    finally:
        conn.close()


def lines_of(stream: IO[str], into: queue.Queue[str | None]) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


# ---------------------------------------------------------------------------------------- serve-events


@pytest.fixture
def in_process_server(cluster: ThrowawayCluster) -> Iterator[tuple[EventServer, sessionmaker[Session]]]:
    engine = make_engine(fresh_database(cluster))
    sessions = session_factory(engine)
    server = make_server("127.0.0.1", 0, TOKEN, IngestService(sessions), system_actor("http"))
    server.start()
    yield server, sessions
    server.stop()
    engine.dispose()
    if not cluster.is_up():
        cluster.start()


def test_serve_events_answers_503_with_retry_after_while_postgresql_is_stopped(
    cluster: ThrowawayCluster,
    in_process_server: tuple[EventServer, sessionmaker[Session]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server, sessions = in_process_server
    port = server.server_address[1]
    at = now_iso()
    status, _, answer = post(port, json.dumps(make_event(1, at)).encode())
    assert status == 200 and answer["status"] == "accepted"

    cluster.stop()
    results: list[tuple[int, dict[str, str], Any] | BaseException] = []

    def sender(k: int) -> None:
        try:
            results.append(post(port, json.dumps([make_event(k, at)]).encode()))
        except BaseException as exc:  # a dropped connection is what this test looks for
            results.append(exc)

    threads = [threading.Thread(target=sender, args=(k,)) for k in range(2, 32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 30
    dropped = [r for r in results if isinstance(r, BaseException)]
    assert dropped == []  # every connection got an answer
    for status, headers, body in results:  # type: ignore[misc]
        assert status == 503
        assert int(headers["Retry-After"]) >= 1
        assert "数据库暂时不可用" in body["error"] and "database unavailable" in body["error"]
    assert not [r for r in caplog.records if r.levelno >= 40 or r.exc_info]  # no tracebacks

    cluster.start()
    resent = post(port, json.dumps([make_event(k, at) for k in range(1, 32)]).encode())
    assert resent[0] == 200
    assert [a["status"] for a in resent[2]] == ["duplicate"] + ["accepted"] * 30
    with sessions() as s:
        assert s.execute(select(func.count()).select_from(Event)).scalar_one() == 31


def test_serve_events_answers_503_while_sqlite_is_locked_beyond_the_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(console_db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "station.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed(engine)
    server = make_server("127.0.0.1", 0, TOKEN, IngestService(session_factory(engine)), system_actor("http"))
    server.start()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        at = now_iso()
        status, headers, body = post(server.server_address[1], json.dumps(make_event(5, at)).encode())
        assert status == 503 and int(headers["Retry-After"]) >= 1
        assert "database unavailable" in body["error"]
        other.execute("ROLLBACK")
        status, _, body = post(server.server_address[1], json.dumps(make_event(5, at)).encode())
        assert status == 200 and body["status"] == "accepted"
    finally:
        other.close()
        server.stop()
        engine.dispose()
    assert not [r for r in caplog.records if r.levelno >= 40 or r.exc_info]


# ---------------------------------------------------------------------------------------------- ingest


def ingest_process(url: str, source: str, *options: str, **popen: Any) -> subprocess.Popen[str]:
    env = {**os.environ}
    env.pop("DUTY_CONSOLE_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "console", "--db", url, "ingest", source, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        **popen,
    )


def test_ingest_gives_up_after_retry_for_naming_the_first_unanswered_line(
    cluster: ThrowawayCluster, tmp_path: Path
) -> None:
    url = fresh_database(cluster)
    at = now_iso()
    events = [json.dumps(make_event(k, at), ensure_ascii=False) + "\n" for k in range(5)]
    proc = ingest_process(url, "-", "--retry-for", "2", stdin=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    answers: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=lines_of, args=(proc.stdout, answers), daemon=True).start()
    try:
        proc.stdin.write("".join(events[:3]))
        proc.stdin.flush()
        first = [answers.get(timeout=60) for _ in range(3)]  # answered as soon as the pipe goes quiet
        cluster.stop()
        proc.stdin.write("".join(events[3:]))
        proc.stdin.close()
        assert proc.wait(60) == 2
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
        cluster.start()
    assert [json.loads(a or "")["line"] for a in first] == [1, 2, 3]
    assert answers.get(timeout=10) is None  # nothing after line 3 was answered
    assert "Traceback" not in err
    note, last = err.strip().splitlines()  # one note while waiting, one line when giving up
    assert note.startswith("ingest: ") and "retrying from line 4" in note
    assert last.startswith("duty-console: ")
    assert "请从第 4 行继续" in last and "resume from line 4" in last

    # Resuming is safe even from the start: what was stored comes back "duplicate".
    path = tmp_path / "events.jsonl"
    path.write_text("".join(events), encoding="utf-8")
    again = ingest_process(url, str(path))
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert [json.loads(a)["status"] for a in out.splitlines()] == ["duplicate"] * 3 + ["accepted"] * 2


def run_ingest_in_process(
    url: str, data: bytes, retry_for: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = cli.main(["--db", url, "ingest", "-", "--retry-for", retry_for])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def locked_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, sqlite3.Connection]]:
    """A station database whose write lock another program holds (busy timeout cut to 0.2 s)."""
    monkeypatch.setattr(console_db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "station.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed(engine)
    engine.dispose()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    yield f"sqlite:///{path}", other
    other.close()


def test_ingest_waits_for_a_sqlite_lock_and_then_answers_every_line(
    locked_sqlite: tuple[str, sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, other = locked_sqlite
    at = now_iso()
    data = "".join(json.dumps(make_event(k, at), ensure_ascii=False) + "\n" for k in range(1, 4))
    release = threading.Timer(1.0, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        code, out, err = run_ingest_in_process(url, data.encode(), "60", monkeypatch, capsys)
    finally:
        release.join()
    assert code == 0, err
    assert [json.loads(a)["status"] for a in out.splitlines()] == ["accepted"] * 3
    note, summary = err.strip().splitlines()
    assert "locked" in note and "retrying from line 1" in note
    assert "3 accepted" in summary


def test_ingest_gives_up_on_a_sqlite_lock_held_beyond_retry_for(
    locked_sqlite: tuple[str, sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, _ = locked_sqlite
    data = (json.dumps(make_event(1, now_iso()), ensure_ascii=False) + "\n").encode()
    code, out, err = run_ingest_in_process(url, data, "0.5", monkeypatch, capsys)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("duty-console: ") and "locked" in last and "resume from line 1" in last


# ------------------------------------------------------------------------------ three crashes, 10,000 events


def crash(cluster: ThrowawayCluster, during: Any = None) -> None:
    """Immediate shutdown (what a crash does), down for a moment, then back with crash recovery;
    ``during()`` runs while it is down."""
    cluster.kill()
    if during is not None:
        during()
    time.sleep(0.8)  # senders meanwhile get 503s and connection errors
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:  # say why, then give it one more chance
        log = (cluster.folder / "server.log").read_text(errors="replace")[-2000:]
        print(f"throwaway PostgreSQL did not start: {exc.stderr}\n{log}", file=sys.stderr)
        time.sleep(1)
        cluster.start()


def wait_for_answers(senders: list[HttpSender], count: int, deadline: float) -> None:
    """Until the senders have ``count`` answers, or have all finished, or the deadline passed."""
    while sum(s.answered for s in senders) < count and any(s.thread.is_alive() for s in senders):
        if time.monotonic() > deadline:
            return
        time.sleep(0.02)


class HttpSender:
    """A device feed over HTTP: chunks of events, each resent until it gets a 200 (on a 503 after
    its Retry-After, on a dropped connection at once), every answer kept by event key."""

    def __init__(self, port: int, chunks: queue.Queue[list[dict[str, Any]]]) -> None:
        self.port = port
        self.chunks = chunks
        self.answers: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.answered = 0
        self.unavailable = 0  # 503 answers
        self.dropped = 0  # connections that ended without an answer
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while True:
            try:
                chunk = self.chunks.get_nowait()
            except queue.Empty:
                return
            body = json.dumps(chunk, ensure_ascii=False).encode()
            while True:
                try:
                    status, headers, data = post(self.port, body)
                except (OSError, http.client.HTTPException, ValueError):
                    self.dropped += 1
                    time.sleep(0.1)
                    continue
                if status == 503:
                    self.unavailable += 1
                    time.sleep(float(headers.get("Retry-After", "1")))
                    continue
                assert status == 200, data
                for event, answer in zip(chunk, data, strict=True):
                    self.answers.setdefault(key(event), []).append(answer)
                self.answered += len(chunk)
                break


class PipeWriter:
    """Writes what it is given to a child's stdin from its own thread, in order, then closes it."""

    def __init__(self, child: subprocess.Popen[str]) -> None:
        assert child.stdin is not None
        self._stdin = child.stdin
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.error: OSError | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def put(self, text: str) -> None:
        self._queue.put(text)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(120)

    def _run(self) -> None:
        try:
            while (text := self._queue.get()) is not None:
                self._stdin.write(text)
                self._stdin.flush()
        except OSError as exc:  # the child ended early; the test says what it printed
            self.error = exc
        finally:
            with contextlib.suppress(OSError):
                self._stdin.close()


class Lines:
    """A child process's output, read line by line all along by a thread (so the child never
    blocks on a full pipe) and taken from here as it comes."""

    def __init__(self, stream: IO[str] | None) -> None:
        assert stream is not None
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.ended = False
        threading.Thread(target=lines_of, args=(stream, self._queue), daemon=True).start()

    def take(self, wait: float = 0.0) -> list[str]:
        """Every line seen so far; with ``wait``, until the stream ends (at most ``wait`` s a line)."""
        while not self.ended:
            try:
                line = self._queue.get(timeout=wait) if wait else self._queue.get_nowait()
            except queue.Empty:
                break
            if line is None:
                self.ended = True
            else:
                self.seen.append(line)
        return self.seen


def start_serve_events(url: str, folder: Path) -> tuple[subprocess.Popen[str], int, Lines]:
    token = folder / "token"
    token.write_text(TOKEN, encoding="utf-8")
    port = free_port()
    env = {**os.environ}
    env.pop("DUTY_CONSOLE_DB", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "console", "--db", url, "serve-events", "--port", str(port),
         "--token-file", str(token)],
        stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env,
    )  # fmt: skip
    assert server.stderr is not None
    assert f"http://127.0.0.1:{port}/events" in server.stderr.readline()  # listening
    return server, port, Lines(server.stderr)  # it logs each 503 it answers


def assert_each_event_stored_once_as_answered(
    url: str, events: list[dict[str, Any]], answered: dict[tuple[str, str], list[dict[str, Any]]]
) -> dict[tuple[str, str], tuple[int, int | None]]:
    """Exactly one row per event, and every answer any sender got names that row and its alert."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Event.source, Event.external_id, Event.id, Event.alert_id)).all()
    finally:
        engine.dispose()
    stored = {(src, ext): (eid, aid) for src, ext, eid, aid in rows}
    assert len(rows) == len(events) and set(stored) == {key(e) for e in events}
    for k, got in answered.items():
        for answer in got:
            assert answer["status"] in ("accepted", "duplicate"), answer
            assert (answer["event_id"], answer["alert_id"]) == stored[k]
    return stored


def assert_each_alert_raised_once(
    url: str, events: list[dict[str, Any]], stored: dict[tuple[str, str], tuple[int, int | None]]
) -> None:
    """One alert per fraud warning, one grouping every sighting of the watched plate, none else."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            alerts = conn.execute(select(Alert.id, Alert.kind, Alert.count, Alert.watchlist_entry_id)).all()
    finally:
        engine.dispose()
    fraud = {key(e) for e in events if e["kind"] == "fraud_risk"}
    watched = {key(e) for e in events if e.get("plate") == WATCHED}
    by_alert: dict[int, list[tuple[str, str]]] = {}
    for k, (_, aid) in stored.items():
        if aid is not None:
            by_alert.setdefault(aid, []).append(k)
    assert len(alerts) == len(fraud) + 1
    assert set(by_alert) == {a.id for a in alerts}
    for alert in alerts:
        linked = by_alert[alert.id]
        if alert.kind == "fraud_risk":
            assert len(linked) == 1 and alert.count == 1 and linked[0] in fraud
        else:
            assert alert.watchlist_entry_id is not None
            assert set(linked) == watched and alert.count == len(watched)


@pytest.mark.slow  # about 20 s: 10,000 events, three crash recoveries
def test_three_postgresql_crashes_while_10000_events_arrive_over_http_and_ingest(
    cluster: ThrowawayCluster, tmp_path: Path
) -> None:
    url = fresh_database(cluster)
    at = now_iso()
    events = [make_event(k, at) for k in range(10_000)]
    over_http, over_ingest = events[:6000], events[4000:]  # 2,000 sent both ways

    server, port, server_log = start_serve_events(url, tmp_path)
    chunks: queue.Queue[list[dict[str, Any]]] = queue.Queue()
    for start in range(0, len(over_http), 25):
        chunks.put(over_http[start : start + 25])
    senders = [HttpSender(port, chunks) for _ in range(6)]
    # ingest reads a pipe fed here in pieces of 500 lines, one piece given while the database is
    # down at each crash: however fast the machine, every crash meets lines still to store.
    pieces = [
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in over_ingest[i : i + 500])
        for i in range(0, len(over_ingest), 500)
    ]
    ingest = ingest_process(url, "-", "--retry-for", "60", stdin=subprocess.PIPE)
    # A thread writes the pipe: a piece is larger than the pipe holds, and ingest does not read
    # while it waits for the database, so a write from here could block the very crash() that
    # brings the database back (ingest would give up after its 60 s, and the test with it).
    writer = PipeWriter(ingest)

    def feed(n: int) -> None:
        for _ in range(min(n, len(pieces))):
            writer.put(pieces.pop(0))

    ingest_out, ingest_log = Lines(ingest.stdout), Lines(ingest.stderr)
    kills = 0
    try:
        feed(2)
        deadline = time.monotonic() + 120
        while len(ingest_out.take()) < 1000 and time.monotonic() < deadline:
            time.sleep(0.02)
        for s in senders:  # both streams at once, from ingest's first answers on
            s.thread.start()
        for kills in range(1, 4):
            # a crash after each further 1,000 events over HTTP (of 6,000), or when they are all in
            wait_for_answers(senders, kills * 1000, deadline)
            crash(cluster, during=lambda: feed(2))
            feed(1)
        feed(len(pieces))
        writer.close()
        for s in senders:
            s.thread.join(120)
        ingest.wait(120)
    finally:
        server.terminate()
        server.wait(30)
        if ingest.poll() is None:
            ingest.kill()
    ingest_err, server_err = "".join(ingest_log.take(wait=10)), "".join(server_log.take(wait=10))
    assert writer.error is None, f"ingest stopped reading: {writer.error!r}\n{ingest_err}"
    assert ingest.returncode == 0, ingest_err
    assert kills == 3
    print(
        "stats: 503s",
        sum(s.unavailable for s in senders),
        "dropped",
        sum(s.dropped for s in senders),
        "ingest notes",
        ingest_err.count("retrying"),
    )

    # Every sender got one answer for each event it sent (after resending), none rejected.
    ingest_answers = [json.loads(line) for line in ingest_out.take(wait=10)]
    assert [a["line"] for a in ingest_answers] == list(range(1, len(over_ingest) + 1))
    assert not any(s.thread.is_alive() for s in senders)
    answered: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for s in senders:
        for k, got in s.answers.items():
            answered.setdefault(k, []).extend(got)
    assert set(answered) == {key(e) for e in over_http}
    assert all(len(got) == 1 for got in answered.values())
    for event, answer in zip(over_ingest, ingest_answers, strict=True):
        answered.setdefault(key(event), []).append(answer)
    # The crashes were felt, and answered: 503s over HTTP, a wait note from ingest, no tracebacks.
    assert sum(s.unavailable for s in senders) > 0
    assert "retrying from line" in ingest_err
    assert "Traceback" not in server_err and "Traceback" not in ingest_err

    stored = assert_each_event_stored_once_as_answered(url, events, answered)
    assert_each_alert_raised_once(url, events, stored)
