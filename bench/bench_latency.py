"""End-to-end latency: an event ingested by another process -> its alert row in a running FeedPane.

    python bench/bench_latency.py [--events 1000] [--rate 100] [--backend sqlite|postgresql|both]
                                  [--producer ingest|core|both] [--smoke]

For each backend a fresh database gets 10 communities and ``--events`` hotlisted vehicles. A
producer PROCESS then writes ``--events`` times at ``--rate`` per second, each write raising a
new alert, and stamps the wall clock just before and just after each write:

- ``ingest``: plate reads of hotlisted plates through ``console.services.intake.ingest.IngestService``
  (the real ingest path; one event per call, committed before it returns);
- ``core``: one alert row per transaction by a plain Core insert, as ingest inserts them.

This process runs a FeedPane (1600×900, its own LiveBridge and change feed) in a Qt event loop
and stamps the wall clock when the alert's row is inserted into the pane's model
(``rowsInserted``). Latency = model time - producer stamp: "write returned" is from the commit,
"write called" also includes the write itself.

Baselines measured in the same run, also process to process at the same rate:
- PostgreSQL: the bare LISTEN/NOTIFY round trip (``NOTIFY`` from the producer, a blocking
  ``notifies()`` loop here);
- SQLite: a bare 100 ms poll (``PRAGMA data_version``, then read the new rows) of rows inserted
  by the producer — the floor any polling design has.

PostgreSQL is reached as bench/_common.py says (skipped with a note when unreachable).
``--smoke``: 20 events at 40/s per producer (seconds; for CI).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import backends, check, parse, parser, scratch_pg_database

COMMUNITIES = 10
BEIJING = dt.timezone(dt.timedelta(hours=8))


def plate_of(i: int) -> str:
    return f"闽D{10000 + i:05d}"


# ----------------------------------------------------------------------------- producer process
def produce(url: str, mode: str, events: int, rate: float) -> None:
    """Runs in the child process: paced writes, one JSON line per write on stdout."""
    from sqlalchemy import insert, text

    from console.db import make_engine
    from console.models import Alert

    engine = make_engine(url)
    start = time.perf_counter() + 0.2
    if mode == "ingest":
        from console.clock import SystemClock
        from console.db import session_factory
        from console.security import system_actor
        from console.services.intake import IngestService

        ingest = IngestService(session_factory(engine), SystemClock())
        actor = system_actor("bench")
        ingest.ingest([], actor)
    for i in range(events):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        if mode == "ingest":
            event = {
                "source": "gate-camera",
                "external_id": f"lat-{i}",
                "kind": "plate_read",
                "at": dt.datetime.now(BEIJING).isoformat(timespec="seconds"),
                "community": f"C{1 + i % COMMUNITIES:03d}",
                "plate": plate_of(i),
                "direction": "in",
                "device": "north-gate-1",
            }
            t0 = time.time()
            (answer,) = ingest.ingest([event], actor)
            t1 = time.time()
            print(json.dumps({"id": answer.alert_id, "t0": t0, "t1": t1}), flush=True)
        elif mode == "core":  # an alert row inserted the way ingest inserts it, nothing else
            now = dt.datetime.now(dt.UTC)
            row = {
                "kind": "plate_read",
                "severity": "high",
                "severity_rank": 1,
                "status": "new",
                "community_id": 1 + i % COMMUNITIES,
                "summary": f"布控车辆 {plate_of(i)} 驶入",
                "count": 1,
                "first_event_at": now,
                "last_event_at": now,
                "raised_at": now,
                "updated_at": now,
                "version": 1,
                "resolution_note": "",
            }
            t0 = time.time()
            with engine.begin() as c:
                alert_id = c.execute(insert(Alert).values(**row).returning(Alert.id)).scalar_one()
            t1 = time.time()
            print(json.dumps({"id": alert_id, "t0": t0, "t1": t1}), flush=True)
        elif mode == "notify":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(text("SELECT pg_notify('bench_ping', :p)"), {"p": repr(time.time())})
        else:  # "insert": a bare row for the SQLite poll baseline
            with engine.begin() as c:
                c.execute(text("INSERT INTO bench_ping (t) VALUES (:t)"), {"t": time.time()})
    engine.dispose()


def spawn(url: str, mode: str, events: int, rate: float) -> subprocess.Popen[str]:
    # This very script with the bench's own arguments, no shell: nothing untrusted in the command.
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            __file__,
            "--produce",
            url,
            "--mode",
            mode,
            "--events",
            str(events),
            "--rate",
            str(rate),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


# ----------------------------------------------------------------------------- baselines
def notify_baseline(url: str, events: int, rate: float) -> list[float]:
    import psycopg
    from sqlalchemy.engine import make_url

    conn = psycopg.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
    )
    conn.execute("LISTEN bench_ping")
    child = spawn(url, "notify", events, rate)
    out = []
    deadline = time.time() + events / rate + 30
    while len(out) < events and time.time() < deadline:
        for n in conn.notifies(timeout=1.0, stop_after=1):
            out.append(time.time() - float(n.payload))
    child.wait()
    conn.close()
    return out


def poll_baseline(url: str, events: int, rate: float) -> list[float]:
    import sqlite3

    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from console.db import make_engine

    engine = make_engine(url)
    with engine.begin() as c:
        c.execute(text("CREATE TABLE IF NOT EXISTS bench_ping (id INTEGER PRIMARY KEY, t REAL)"))
    engine.dispose()
    conn = sqlite3.connect(make_url(url).database or "")
    child = spawn(url, "insert", events, rate)
    out: list[float] = []
    last, version = 0, None
    deadline = time.time() + events / rate + 30
    while len(out) < events and time.time() < deadline:
        v = conn.execute("PRAGMA data_version").fetchone()[0]
        if v != version:
            version = v
            rows = conn.execute("SELECT id, t FROM bench_ping WHERE id > ? ORDER BY id", (last,)).fetchall()
            now = time.time()
            for i, t in rows:
                out.append(now - t)
                last = i
        time.sleep(0.1)
    child.wait()
    conn.close()
    return out


# ----------------------------------------------------------------------------- the feed
def seed(url: str, events: int) -> None:
    from sqlalchemy import insert

    from console.db import open_database
    from console.models import Community, Station, WatchlistEntry

    engine = open_database(url)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所"))
        c.execute(
            insert(Community),
            [
                {"id": i, "station_id": 1, "code": f"C{i:03d}", "name": f"小区{i:03d}"}
                for i in range(1, COMMUNITIES + 1)
            ],
        )
        c.execute(
            insert(WatchlistEntry),
            [
                {
                    "kind": "vehicle",
                    "plate": plate_of(i),
                    "reason": "涉案车辆",
                    "severity": "high",
                    "created_at": now,
                }
                for i in range(events)
            ],
        )
    engine.dispose()


def feed_latency(
    url: str, events: int, rate: float, producer: str
) -> tuple[list[float], list[float], list[float], int, float]:
    from PySide6.QtCore import QEventLoop, QModelIndex, QTimer
    from PySide6.QtWidgets import QApplication

    from console.clock import SystemClock
    from console.db import make_engine
    from console.services.container import build_services
    from console.widgets.feed import FeedPane
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.worker import DatabaseWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    engine = make_engine(url)
    services = build_services(engine, SystemClock())
    actor = services.users.ensure_user("bench", "基准", "duty_officer")
    worker = DatabaseWorker()
    bridge = LiveBridge(services.open_change_feed(), worker)
    pane = FeedPane(
        services.alerts,
        services.clock,
        actor,
        worker,
        bridge=bridge,
        sound=False,
        page_size=200,
    )
    pane.resize(1600, 900)
    pane.show()
    while pane.busy():
        app.processEvents()
    seen: dict[int, float] = {}

    def on_rows_inserted(_parent: QModelIndex, first: int, last: int) -> None:
        now = time.time()
        for i in range(first, last + 1):
            row = pane.model.row_at(i)
            if row is not None:
                seen.setdefault(row.id, now)

    pane.model.rowsInserted.connect(on_rows_inserted)
    child = spawn(url, producer, events, rate)
    started = time.time()
    lines: queue.Queue[str] = queue.Queue()

    def read_lines() -> None:
        check(child.stdout is not None, "the producer has no stdout pipe")
        for text_line in child.stdout:
            lines.put(text_line)

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    sent: dict[int, tuple[float, float]] = {}
    deadline = time.time() + events / rate + 60
    # The console's own event loop, idle between events as in a duty room: a busy loop here
    # would hold the GIL against the pane's worker thread and measure the benchmark, not the pane.
    loop = QEventLoop()

    def collect() -> None:
        while not lines.empty():
            record = json.loads(lines.get())
            if record["id"] is not None:
                sent[record["id"]] = (record["t0"], record["t1"])
        done = child.poll() is not None and not reader.is_alive() and lines.empty()
        if (done and all(i in seen for i in sent)) or time.time() > deadline:
            loop.quit()

    ticker = QTimer()
    ticker.timeout.connect(collect)
    ticker.start(20)
    try:
        loop.exec()
    finally:
        ticker.stop()
        if child.poll() is None:
            child.kill()
    pane.shutdown()
    bridge.close()
    engine.dispose()
    elapsed = max((t1 for _t0, t1 in sent.values()), default=started) - started
    from_call = [seen[i] - t0 for i, (t0, _t1) in sent.items() if i in seen]
    from_commit = [seen[i] - t1 for i, (_t0, t1) in sent.items() if i in seen]
    took = [t1 - t0 for t0, t1 in sent.values()]
    return from_call, from_commit, took, len(sent) - len(from_call), len(sent) / elapsed if elapsed else 0.0


# ----------------------------------------------------------------------------- report
def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:46s} (no samples)"
    return (
        f"  {label:46s} n={len(values):5d}  p50 {pct(values, 50):7.1f} ms  p99 {pct(values, 99):7.1f} ms"
        f"  max {max(values) * 1000:7.1f} ms"
    )


@contextlib.contextmanager
def database_url(backend: str) -> Iterator[str]:
    """A fresh database of ``backend``, removed afterwards."""
    if backend == "postgresql":
        with scratch_pg_database("bench_latency") as url:
            yield url
        return
    with tempfile.TemporaryDirectory(prefix="bench_latency_") as folder:
        yield f"sqlite:///{Path(folder) / 'latency.db'}"


def run(backend: str, events: int, rate: float, producers: list[str]) -> None:
    with database_url(backend) as url:
        seed(url, events)
        if backend == "postgresql":
            base = notify_baseline(url, events, rate)
            base_label = "baseline: bare NOTIFY round trip"
        else:
            base = poll_baseline(url, events, rate)
            base_label = "baseline: bare 100 ms data_version poll"
        target = "p99 ≤ 25 ms" if backend == "postgresql" else "p99 ≤ 120 ms"
        print(f"\n{backend}: {events} events at {rate:g}/s from another process (target {target})")
        print(line(base_label, base))
        for producer in producers:
            from_call, from_commit, took, missing, achieved = feed_latency(url, events, rate, producer)
            how = (
                "IngestService.ingest, one event per call"
                if producer == "ingest"
                else "Core insert of an alert row"
            )
            print(f"  producer: {how}; achieved {achieved:.0f}/s")
            print(line("  the write alone (commit included)", took))
            print(line("  write returned -> row in FeedPane model", from_commit))
            print(line("  write called -> row in FeedPane model", from_call))
            print(
                f"    alerts raised {len(from_call) + missing}, reached the pane {len(from_call)}, missing {missing}"
            )
            check(from_call, f"no alert of the {producer} producer reached the pane")


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--rate", type=float, default=100.0)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument(
        "--producer",
        choices=("ingest", "core", "both"),
        default="both",
        help="write through IngestService, as plain Core alert inserts, or both (default)",
    )
    ap.add_argument("--produce", help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="ingest", help=argparse.SUPPRESS)
    args = parse(ap, smoke={"events": 20, "rate": 40.0})
    if args.produce:
        produce(args.produce, args.mode, args.events, args.rate)
        return
    for backend in backends(args.backend, order=("postgresql", "sqlite")):
        run(
            backend,
            args.events,
            args.rate,
            ["ingest", "core"] if args.producer == "both" else [args.producer],
        )


if __name__ == "__main__":
    main()
