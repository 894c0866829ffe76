"""Dispatch at station scale (issue 9): the dispatch dialog's recommendations ≤ 100 ms, a dispatch on another console p99 ≤ 50 ms.

    python bench/bench_dispatch.py [--officers 200] [--alerts 500] [--live 50]
                                   [--backend sqlite|postgresql|both] [--db NAME] [--reps 200] [--smoke]

Loads with Core executemany a station of 60 communities in 20 grid cells, ``--officers`` officers
(a tenth off duty, the crews of ``--live`` live dispatches busy, the rest available), ``--alerts``
open alerts, the ``--live`` dispatched alerts with their dispatches, and 10,000 resolved alerts of
history. Then, each beside a baseline measured in the same run:

- the dispatch dialog's data: ``DispatchService.recommendations`` for random open alerts;
  baseline: the same ranking recomputed in Python from every officer and community fetched as ORM
  objects (checked to give the same order);
- the dialog's other open alerts of the same community (``DispatchService.joinable_alerts``, one
  dispatch covering several alerts); baseline: every alert of the community fetched as ORM
  objects and filtered in Python (checked to list the same alerts);
- PostgreSQL only: a dispatch reaching another console. Two engines, as two consoles: one calls
  ``DispatchService.dispatch``; the other's ``ChangeFeed`` waits on its LISTEN socket and polls
  until the change arrives. Migration 0008 (branch i9-board) adds change-log triggers on dispatch
  and officer; when the schema has them the bench waits for the dispatch's own change, else for
  the alert's (the dispatch moves the alert to dispatched, which the alert triggers log) and
  says which. Each dispatch is cleared again (not timed) so officers stay available. Baseline: a
  bare NOTIFY round trip between two connections.
- The board's live timers (≤ 3 % of one core): ``board_cpu_share`` shows the board over
  this database for ``--board-seconds`` (60 s) and subtracts the same console without it.

``--db``: a SQLite file / PostgreSQL database name kept between runs (loaded once; every run
uses up ``--reps`` open alerts). PostgreSQL is reached as bench/_common.py says (skipped with a
note when unreachable). ``--smoke``: 20 repetitions (seconds; for CI).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import select as selectors
import time
from typing import Any

from _common import backends, check, parse, parser, synthetic_rng
from _district import HEADER, database, district_rows, load, percentile, row, timed
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from console.clock import SystemClock
from console.db import make_engine, session_factory
from console.live import ChangeFeed
from console.models import Alert, Community, Dispatch, Officer, dispatch_alert, dispatch_officer
from console.security import Actor, Permission
from console.services.dispatch import JOINABLE_LIMIT, DispatchService, Recommendation

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
HISTORY = 10_000
KINDS = (
    ("plate_read", "high", 1),
    ("face_match", "high", 1),
    ("fraud_risk", "critical", 0),
    ("report", "low", 3),
)


def alert_row(n: int, community: int, status: str, raised: dt.datetime) -> dict[str, Any]:
    kind, severity, rank = KINDS[n % len(KINDS)]
    done = status == "resolved"
    return {
        "id": n,
        "kind": kind,
        "severity": severity,
        "severity_rank": rank,
        "status": status,
        "community_id": community,
        "summary": f"预警 {n}",
        "count": 1,
        "first_event_at": raised,
        "last_event_at": raised,
        "raised_at": raised,
        "updated_at": raised,
        "acknowledged_at": raised + dt.timedelta(seconds=40) if status != "new" else None,
        "dispatched_at": raised + dt.timedelta(seconds=90) if status in ("dispatched", "resolved") else None,
        "resolved_at": raised + dt.timedelta(hours=1) if done else None,
        "outcome": "handled" if done else None,
        "version": 1,
        "resolution_note": "",
    }


def make_rows(officers: int, alerts: int, live: int, seed: int = 9) -> dict[Any, list[dict[str, Any]]]:
    rng = synthetic_rng(seed)
    tables = district_rows(rng, officers=officers)
    crew = tables[Officer.__table__]  # type: ignore[index]
    communities = len(tables[Community.__table__])  # type: ignore[index]
    rows = [
        alert_row(
            n + 1,
            rng.randrange(communities) + 1,
            "resolved",
            NOW - dt.timedelta(hours=rng.uniform(2, 24 * 90)),
        )
        for n in range(HISTORY)
    ]
    first = HISTORY + 1
    for n in range(alerts):
        status = "new" if n % 3 else "acknowledged"
        rows.append(
            alert_row(
                first + n,
                rng.randrange(communities) + 1,
                status,
                NOW - dt.timedelta(minutes=rng.uniform(1, 240)),
            )
        )
    dispatches, sent, covered = [], [], []
    busy = iter(range(officers // 10, officers))  # the first tenth are off duty
    for d in range(live):
        alert = rows[-1]["id"] + 1
        raised = NOW - dt.timedelta(minutes=rng.uniform(2, 40))
        rows.append(alert_row(alert, rng.randrange(communities) + 1, "dispatched", raised))
        status = "on_scene" if d % 3 == 0 else "en_route"
        dispatches.append(
            {
                "id": d + 1,
                "alert_id": alert,
                "community_id": rows[-1]["community_id"],
                "status": status,
                "received_at": raised,
                "acknowledged_at": raised + dt.timedelta(seconds=40),
                "dispatched_at": raised + dt.timedelta(seconds=90),
                "arrived_at": raised + dt.timedelta(minutes=8) if status == "on_scene" else None,
                "note": "",
                "override_reason": "",
                "outcome": "",
                "version": 1,
            }
        )
        covered.append({"dispatch_id": d + 1, "alert_id": alert})
        for _ in range(1 + d % 2):
            o = next(busy)
            crew[o]["status"] = "on_scene" if status == "on_scene" else "dispatched"
            sent.append({"dispatch_id": d + 1, "officer_id": o + 1})
    for o in range(officers // 10):
        crew[o]["status"] = "off_duty"
    tables.update(
        {
            Alert.__table__: rows,
            Dispatch.__table__: dispatches,
            dispatch_alert: covered,
            dispatch_officer: sent,
        }
    )
    return tables


# ----------------------------------------------------------------------------- recommendations
def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The service's equirectangular distance (recommend.distance_km), so both rank alike."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    return 6371.0 * math.hypot((lon2 - lon1) * math.cos((lat1 + lat2) / 2), lat2 - lat1)


def recommendations_orm(sessions: sessionmaker[Session], alert_id: int) -> list[int]:
    """The dialog's ranking the obvious way: every officer and community as ORM objects, ranked in Python."""
    with sessions() as s:
        alert = s.get_one(Alert, alert_id)
        communities = s.scalars(select(Community)).all()
        officers = s.scalars(select(Officer)).all()
        mine = next((c for c in communities if c.id == alert.community_id), None)
        sums: dict[int, list[float]] = {}
        for c in communities:
            if c.grid_cell_id is not None and c.lat is not None and c.lon is not None:
                acc = sums.setdefault(c.grid_cell_id, [0.0, 0.0, 0.0])
                acc[0], acc[1], acc[2] = acc[0] + c.lat, acc[1] + c.lon, acc[2] + 1
        centres = {cell: (a / n, b / n) for cell, (a, b, n) in sums.items()}
        here = (
            (mine.lat, mine.lon)
            if mine is not None and mine.lat is not None and mine.lon is not None
            else None
        )
        cell = mine.grid_cell_id if mine is not None else None
        ranked = []
        for o in officers:
            if o.status != "available":
                continue
            centre = centres.get(o.grid_cell_id) if o.grid_cell_id is not None else None
            dist = distance_km(here, centre) if here is not None and centre is not None else None
            ranked.append((cell is not None and o.grid_cell_id == cell, dist, o.badge_no, o.id))
        ranked.sort(key=lambda r: (not r[0], r[1] is None, r[1] or 0.0, r[2]))
        return [r[3] for r in ranked]


# ----------------------------------------------------------------------------- a dispatch on another console
def change_topic(engine: Engine) -> str:
    """'dispatch' when the schema logs dispatch changes (migration 0008), else 'alert'."""
    with engine.connect() as conn:
        triggers = conn.execute(
            text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE :p AND NOT tgisinternal"),
            {"p": "%dispatch%"},
        ).scalar_one()
    return "dispatch" if triggers else "alert"


def wait_for(feed: ChangeFeed, topic: str, entity_id: int, timeout: float = 5.0) -> float:
    """Block on the feed's socket and poll until ``topic:entity_id`` arrives; perf_counter then."""
    fd = feed.fileno()
    check(fd is not None, "the change feed has no socket")
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for change in feed.poll(reconnect=False):
            if change.topic == topic and change.entity_id == entity_id:
                return time.perf_counter()
        selectors.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
    raise TimeoutError(f"{topic}:{entity_id} did not reach the other console within {timeout:g} s")


def feed_latency(engine: Engine, actor: Actor, reps: int) -> None:
    other = make_engine(engine.url.render_as_string(hide_password=False))  # the second console
    feed = ChangeFeed(other)
    dispatch = DispatchService(session_factory(engine), SystemClock())
    topic = change_topic(engine)
    with engine.connect() as conn:
        alerts = (
            conn.execute(
                select(Alert.id)
                .where(Alert.status.in_(("new", "acknowledged")))
                .order_by(Alert.id)
                .limit(reps + 1)
            )
            .scalars()
            .all()
        )
        badges = (
            conn.execute(select(Officer.badge_no).where(Officer.status == "available").order_by(Officer.id))
            .scalars()
            .all()
        )
    check(len(alerts) > 1 and badges, "no open alert or no available officer left to dispatch")
    from_call, after_return = [], []
    try:
        for n, alert_id in enumerate(alerts):
            feed.poll(reconnect=False)  # nothing stale left to hand out
            t0 = time.perf_counter()
            sent = dispatch.dispatch(actor, alert_id, [badges[n % len(badges)]], note="bench")
            t1 = time.perf_counter()
            t2 = wait_for(feed, topic, sent.dispatch_id if topic == "dispatch" else alert_id)
            if n:  # the first warms both connections
                from_call.append(t2 - t0)
                after_return.append(max(0.0, t2 - t1))
            dispatch.clear(actor, sent.dispatch_id, "bench: cleared")
    finally:
        feed.close()
        other.dispose()
    base = notify_round_trips(engine, len(from_call))
    print(
        f"\na dispatch reaching another console's ChangeFeed (PostgreSQL, LISTEN/NOTIFY; waiting for the {topic} change"
        + (
            ""
            if topic == "dispatch"
            else ": this schema has no dispatch trigger yet (migration 0008, branch i9-board)"
        )
        + ")"
    )
    print(f"{'':44} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  target")
    for label, samples, target in (
        ("dispatch called → change in the other feed", from_call, "p99 ≤ 50 ms"),
        ("dispatch returned → change in the other feed", after_return, ""),
        ("baseline: bare NOTIFY round trip", base, ""),
    ):
        p99 = percentile(samples, 0.99)
        verdict = ("ok" if p99 <= 50 else "OVER") if target else ""
        print(
            f"{label:44} {len(samples):>5} {percentile(samples, 0.5):8.2f} {percentile(samples, 0.95):8.2f} {p99:8.2f}  {target} {verdict}"
        )


def notify_round_trips(engine: Engine, n: int) -> list[float]:
    """NOTIFY on one connection → the notification read on another that LISTENs (the floor)."""
    import psycopg

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    out = []
    with psycopg.connect(url, autocommit=True) as listener, psycopg.connect(url, autocommit=True) as sender:
        listener.execute("LISTEN bench_ping")
        for i in range(n + 1):
            t0 = time.perf_counter()
            sender.execute("SELECT pg_notify('bench_ping', %s)", (str(i),))
            got = False
            while not got:
                selectors.select([listener.fileno()], [], [], 5.0)
                got = any(True for _ in listener.notifies(timeout=0))
            if i:
                out.append(time.perf_counter() - t0)
    return out


def board_cpu_share(engine: Engine, seconds: float) -> None:
    """The board's live timers: CPU of this process over ``seconds`` with the board shown, minus the
    same console (worker, live bridge) without it — the share of one core the board costs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.services.container import build_services
    from console.widgets.live_bridge import LiveBridge
    from console.widgets.officers_board import OfficersBoardPane
    from console.widgets.worker import DatabaseWorker

    app = QApplication.instance() or QApplication([])

    def spin(s: float) -> float:
        loop = QEventLoop()
        QTimer.singleShot(int(s * 1000), loop.quit)
        t = time.process_time()
        loop.exec()
        return time.process_time() - t

    services = build_services(engine)
    actor = Actor(None, "bench", "bench", "duty_officer", frozenset(Permission))
    worker = DatabaseWorker()
    bridge = LiveBridge(services.open_change_feed(), worker)
    spin(1.0)
    idle = spin(seconds)
    board = OfficersBoardPane(
        services.officers, services.dispatch, services.clock, actor, worker, bridge=bridge, sound=False
    )
    board.resize(1400, 800)
    board.show()
    spin(3.0)  # first load and paint
    shown = spin(seconds)
    live = sum(1 for r in board.model.rows if getattr(r, "dispatch_id", None)) if hasattr(board, "model") else -1
    board.close()
    board.deleteLater()
    bridge.close()
    worker.shutdown()
    app.processEvents()
    share = max(0.0, shown - idle) / seconds * 100
    print(
        f"\nboard live timers, CPU over {seconds:.0f} s (target ≤ 3 % of one core): {share:.2f} % "
        f"(board shown {shown:.2f} s CPU, same console without it {idle:.2f} s; {live} officers on a job)"
    )


def joinable_orm(sessions: sessionmaker[Session], alert_id: int) -> list[int]:
    """Baseline for the dialog's other alerts: every alert of the community as ORM objects, filtered here."""
    with sessions() as s:
        community = s.get(Alert, alert_id).community_id  # type: ignore[union-attr]
        rows = s.scalars(select(Alert).where(Alert.community_id == community)).all()
        mine = [a.id for a in rows if a.status != "resolved" and a.id != alert_id]
    return sorted(mine, reverse=True)[:JOINABLE_LIMIT]


# ----------------------------------------------------------------------------- one backend
def run(engine: Engine, args: Any) -> None:
    rng = synthetic_rng(31)
    sessions = session_factory(engine)
    service = DispatchService(sessions, SystemClock())
    actor = Actor(None, "bench", "bench", "duty_officer", frozenset(Permission))
    with engine.connect() as conn:
        counts = {
            r[0]: r[1] for r in conn.execute(select(Officer.status, func.count()).group_by(Officer.status))
        }
        open_alerts = (
            conn.execute(select(Alert.id).where(Alert.status.in_(("new", "acknowledged")))).scalars().all()
        )
        live = conn.execute(
            select(func.count()).select_from(Dispatch).where(Dispatch.status != "closed")
        ).scalar_one()
    print(
        f"\n{engine.dialect.name}: officers {counts}, {len(open_alerts):,} open alerts, {live} live dispatches "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    print(HEADER)
    sample = [rng.choice(open_alerts) for _ in range(args.reps)]
    first: list[Recommendation] = service.recommendations(actor, sample[0])
    check(
        [r.officer_id for r in first] == recommendations_orm(sessions, sample[0]),
        "the baseline ranks differently",
    )
    check(len(first) == counts.get("available", 0), "recommendations do not list every available officer")
    ours, _ = timed(lambda a: service.recommendations(actor, a), sample)
    base, _ = timed(lambda a: recommendations_orm(sessions, a), sample[: max(5, len(sample) // 2)])
    print(row("recommendations for an alert", len(ours), ours, 100, "ORM objects, ranked in Python", base))
    check(
        [a.id for a in service.joinable_alerts(actor, sample[0])] == joinable_orm(sessions, sample[0]),
        "the baseline lists other alerts differently",
    )
    ours, _ = timed(lambda a: service.joinable_alerts(actor, a), sample)
    base, _ = timed(lambda a: joinable_orm(sessions, a), sample[: max(5, len(sample) // 2)])
    print(row("other open alerts, same community", len(ours), ours, 100, "ORM objects, filtered in Python", base))
    if engine.dialect.name == "postgresql":
        feed_latency(engine, actor, args.reps)
    else:
        print(
            "(a dispatch on another console: PostgreSQL only; a SQLite console polls its change feed on a timer)"
        )


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--officers", type=int, default=200)
    ap.add_argument("--alerts", type=int, default=500, help="open alerts")
    ap.add_argument("--live", type=int, default=50, help="live dispatches")
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--db", help="SQLite file / PostgreSQL database name kept between runs (loaded once)")
    ap.add_argument("--reps", type=int, default=200, help="timed calls per measure")
    ap.add_argument("--board-seconds", type=float, default=60.0, help="how long the board's CPU is measured")
    args = parse(ap, smoke={"reps": 20, "board_seconds": 2.0})
    check(
        args.officers >= 20 and args.live * 2 <= args.officers * 0.9,
        "--live needs two officers each of the 90 % on duty",
    )
    check(args.reps >= 5 and args.alerts > args.reps, "need --reps >= 5 and more open --alerts than --reps")
    tables = make_rows(args.officers, args.alerts, args.live)
    for n, backend in enumerate(backends(args.backend)):
        with database(backend, "bench_dispatch", args.db) as engine:
            with engine.connect() as conn:
                have = conn.execute(select(func.count()).select_from(Officer)).scalar_one()
            if have:
                print(f"{backend}: reusing {have} officers in {args.db}")
            else:
                print(f"{backend}: Core load {load(engine, tables):.1f} s")
            run(engine, args)
            if n == 0:  # the board's cost is the widget's, not the backend's: measured once
                board_cpu_share(engine, args.board_seconds)


if __name__ == "__main__":
    main()
