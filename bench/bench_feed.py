"""The feed over 1,000,000 stored alerts, on the real FeedPane offscreen, beside a proxy-model baseline.

    python bench/bench_feed.py [--alerts 1000000] [--baseline-rows 100000] [--backend sqlite|postgresql]
                               [--db PATH] [--repeat 5]

A database at the current schema gets 50 communities, 2,000 watchlist entries and ``--alerts``
alerts (bulk Core inserts; most resolved, a few hundred open, a few escalated). ``--db`` keeps
the SQLite file between runs. Then, each timed until the view has repainted
(``view.viewport().repaint()``), median of ``--repeat`` runs:

- first show: a new FeedPane, from construction to its first page painted;
- filters by severity, community, status (and all three), applied in SQL off the GUI thread;
- free text: a plate prefix (watchlist index), a word in the summaries, and a word that matches
  nothing (the worst case: the whole summary window is scanned);
- a burst of 100 new alerts: the GUI thread's share (apply to the model + repaint) and the whole
  path (change feed poll -> rows read off thread -> model -> repaint).

"(service)" is ``AlertService.feed_page`` for the same filter called directly on this thread:
the database and service share of the pane's time (the rest is the worker hand-off and Qt).

Baseline: ``QSortFilterProxyModel`` over a plain table model holding ``--baseline-rows`` alerts
read from the same database (the whole history is what such a design must load), filtered with
``setFilterFixedString``. At 1,000,000 rows the proxy takes minutes, so by default it holds
100,000 rows and its times are also shown scaled ×(alerts / baseline rows), which is kind to it
(filtering is linear in rows; loading is at least linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import Engine, func, insert, select, text

from console.clock import SystemClock
from console.db import make_engine, open_database
from console.models import Alert, ChangeLog, Community, Station, WatchlistEntry
from console.services.alerts import FeedFilter
from console.services.container import build_services
from console.widgets.feed import FeedPane
from console.widgets.feed_model import COLUMNS, KIND_TITLES, SEVERITY_TITLES, STATUS_TITLES
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker

PG_ADMIN = os.environ.get("BENCH_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1/postgres")
COMMUNITIES = 50
ENTRIES = 2000
SEVERITIES = ("critical", "high", "medium", "low")
APP = QApplication.instance() or QApplication(sys.argv[:1])
SERVICE_ONLY: dict[str, list[float]] = {}


def plate_of(i: int) -> str:
    return f"闽D{10000 + i:05d}"


def seed(engine: Engine, n: int, rng: random.Random) -> None:
    t0 = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所"))
        c.execute(
            insert(Community),
            [
                {
                    "id": i,
                    "station_id": 1,
                    "code": f"C{i:03d}",
                    "name": f"小区{i:03d}",
                    "property_manager_phone": "13859210001",
                }
                for i in range(1, COMMUNITIES + 1)
            ],
        )
        c.execute(
            insert(WatchlistEntry),
            [
                {
                    "id": i,
                    "kind": "vehicle",
                    "plate": plate_of(i),
                    "reason": "涉案车辆",
                    "severity": "high",
                    "created_at": now,
                }
                for i in range(1, ENTRIES + 1)
            ],
        )
        # Bulk history: no change-log rows (and no NOTIFY storm); the triggers come back afterwards.
        if engine.dialect.name == "postgresql":
            c.execute(text("ALTER TABLE alert DISABLE TRIGGER USER"))
        else:
            triggers = c.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'alert'")
            ).all()
            for name, _sql in triggers:
                c.execute(text(f"DROP TRIGGER {name}"))
    start = now - dt.timedelta(days=365)
    step = dt.timedelta(days=365) / n
    chunk = 50_000
    for base in range(0, n, chunk):
        rows = []
        for i in range(base, min(n, base + chunk)):
            at = start + step * i
            kind = rng.choices(("plate_read", "person_entry", "fraud_risk", "report"), (50, 20, 15, 15))[0]
            severity = rng.choices(SEVERITIES, (5, 25, 40, 30))[0]
            recent = i >= n - 400
            status = rng.choice(("new", "acknowledged", "dispatched")) if recent else "resolved"
            community = rng.randrange(1, COMMUNITIES + 1)
            entry = rng.randrange(1, ENTRIES + 1) if kind == "plate_read" else None
            summary = {
                "plate_read": f"布控车辆 {plate_of(entry or 0)} 驶入 小区{community:03d} (涉案车辆)",
                "person_entry": f"重点人员 陈某 350211********{rng.randrange(10000):04d} 进入 小区{community:03d}",
                "fraud_risk": f"反诈预警 138****{rng.randrange(10000):04d} {rng.choice(('杀猪盘', '刷单返利', '冒充客服'))}",
                "report": f"群众求助[{rng.choice(('钥匙丢失', '宠物走失', '电动车被盗'))}] 小区{community:03d}",
            }[kind]
            rows.append(
                {
                    "kind": kind,
                    "severity": severity,
                    "severity_rank": SEVERITIES.index(severity),
                    "status": status,
                    "community_id": community,
                    "watchlist_entry_id": entry,
                    "group_key": f"wl:{entry}:c:{community}" if entry else None,
                    "summary": summary,
                    "count": 1,
                    "first_event_at": at,
                    "last_event_at": at,
                    "raised_at": at,
                    "updated_at": at,
                    "escalated_at": at if recent and status == "new" and severity == "critical" else None,
                    "outcome": None if recent else "confirmed",
                    "version": 1,
                    "resolution_note": "",
                }
            )
        with engine.begin() as c:
            c.execute(insert(Alert), rows)
    with engine.begin() as c:
        c.execute(ChangeLog.__table__.delete())
        if engine.dialect.name == "postgresql":
            c.execute(text("ALTER TABLE alert ENABLE TRIGGER USER"))
        else:
            for _name, sql in triggers:
                c.exec_driver_sql(sql)
    with engine.begin() as c:  # committed: PostgreSQL keeps statistics only from a committed ANALYZE
        c.execute(text("ANALYZE"))
    print(f"seeded {n:,} alerts in {time.perf_counter() - t0:.1f} s")


def repaint(view: QTableView) -> None:
    view.viewport().repaint()


def wait(pane: FeedPane) -> None:
    while pane.busy():
        APP.processEvents()
        time.sleep(0.0005)
    APP.processEvents()


def until_shown(pane: FeedPane) -> None:
    """Run the event loop until the pane's model was reset with a new page, then repaint the view.

    A real QEventLoop (no busy polling that would fight the worker thread for the GIL). Stops
    there: the detail panel of the selected row loads afterwards, off the clock.
    """
    loop = QEventLoop()
    pane.model.modelReset.connect(loop.quit)
    loop.exec()
    pane.model.modelReset.disconnect(loop.quit)
    repaint(pane.view)


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.1f} ms"


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_pane(engine: Engine, repeat: int, rng: random.Random) -> dict[str, list[float]]:
    services = build_services(engine, SystemClock())
    actor = services.users.ensure_user("bench", "基准", "duty_officer")
    results: dict[str, list[float]] = {}
    firsts = []
    pane = None
    worker = DatabaseWorker()
    bridge = LiveBridge(services.open_change_feed(), worker)
    for _ in range(repeat):
        if pane is not None:
            pane.shutdown()
            pane.deleteLater()
        t = time.perf_counter()
        pane = FeedPane(
            services.alerts, services.clock, actor, worker, bridge=bridge, sound=False
        )
        pane.resize(1600, 900)
        pane.show()
        until_shown(pane)
        firsts.append(time.perf_counter() - t)
        wait(pane)
        assert pane.model.rowCount() == 200
    assert pane is not None
    results["first show (200 of all alerts)"] = firsts

    def apply(f: FeedFilter) -> Callable[[], None]:
        def run() -> None:
            pane.set_filter(FeedFilter())
            wait(pane)
            t = time.perf_counter()
            pane.set_filter(f)
            until_shown(pane)
            run.elapsed.append(time.perf_counter() - t)  # type: ignore[attr-defined]
            wait(pane)

        run.elapsed = []  # type: ignore[attr-defined]
        return run

    cases = {
        "filter severity=critical": FeedFilter(severities=frozenset({"critical"})),
        "filter severity=critical+high": FeedFilter(severities=frozenset({"critical", "high"})),
        "filter community=17": FeedFilter(community_ids=frozenset({17})),
        "filter status=open (3 values)": FeedFilter(
            statuses=frozenset({"new", "acknowledged", "dispatched"})
        ),
        "filter status=resolved": FeedFilter(statuses=frozenset({"resolved"})),
        "filter severity+community+status": FeedFilter(
            severities=frozenset({"high"}), community_ids=frozenset({17}), statuses=frozenset({"resolved"})
        ),
        "text plate prefix 闽D1123": FeedFilter(text="闽D1123"),
        "text word 杀猪盘": FeedFilter(text="杀猪盘"),
        "text matching nothing": FeedFilter(text="没有这个词"),
    }
    for name, f in cases.items():
        run = apply(f)
        for _ in range(repeat):
            run()
        results[name] = run.elapsed  # type: ignore[attr-defined]
        # The same query called directly on this thread: the service's share of the pane's time.
        SERVICE_ONLY[name] = timed(lambda f=f: services.alerts.feed_page(actor, f, None, 200), repeat)
        print(f"  {name:36s} rows shown {pane.model.rowCount():4d}", file=sys.stderr)
    pane.set_filter(FeedFilter())
    wait(pane)

    gui_share, whole = [], []
    for _ in range(repeat):
        ids = raise_burst(engine, rng)
        rows = services.alerts.alerts_by_ids(actor, ids)
        t = time.perf_counter()
        pane.model.apply_live(rows)
        repaint(pane.view)
        gui_share.append(time.perf_counter() - t)
        ids = raise_burst(engine, rng)
        t = time.perf_counter()
        pane.bridge.poll()
        wait(pane)
        repaint(pane.view)
        whole.append(time.perf_counter() - t)
        assert pane.model.position_of(ids[-1]) is not None
    results["burst 100: apply + repaint (GUI thread)"] = gui_share
    results["burst 100: poll + read + apply + repaint"] = whole
    pane.shutdown()
    bridge.close()
    return results


def raise_burst(engine: Engine, rng: random.Random) -> list[int]:
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "kind": "fraud_risk",
            "severity": "low",
            "severity_rank": 3,
            "status": "new",
            "community_id": 1 + i % 50,
            "summary": f"反诈预警 突发 {i}",
            "count": 1,
            "first_event_at": now,
            "last_event_at": now,
            "raised_at": now,
            "updated_at": now,
            "version": 1,
            "resolution_note": "",
        }
        for i in range(100)
    ]
    with engine.begin() as c:
        return list(
            c.execute(insert(Alert).returning(Alert.id, sort_by_parameter_order=True), rows).scalars()
        )


class PlainModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

    def insert_top(self, new: list[tuple[Any, ...]]) -> None:
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self.rows[0:0] = new
        self.endInsertRows()


def bench_baseline(engine: Engine, n_rows: int, repeat: int) -> dict[str, list[float]]:
    names = {}
    with engine.connect() as c:
        names = dict(c.execute(select(Community.id, Community.name)).all())

    def load() -> list[tuple[Any, ...]]:
        a = Alert.__table__.c
        with engine.connect() as c:
            result = c.execute(
                select(a.severity, a.kind, a.community_id, a.summary, a.count, a.raised_at, a.status, a.id)
                .order_by(a.id.desc())
                .limit(n_rows)
            )
            return [
                (
                    SEVERITY_TITLES[s],
                    KIND_TITLES[k],
                    names.get(cm, ""),
                    sm,
                    cnt,
                    str(at)[:16],
                    STATUS_TITLES[st],
                    i,
                )
                for s, k, cm, sm, cnt, at, st, i in result
            ]

    results: dict[str, list[float]] = {}
    firsts = []
    view = QTableView()
    view.resize(1600, 900)
    view.show()
    proxy = QSortFilterProxyModel()
    model = PlainModel([])
    for _ in range(min(repeat, 3)):
        t = time.perf_counter()
        model = PlainModel(load())
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        view.setModel(proxy)
        repaint(view)
        firsts.append(time.perf_counter() - t)
    results["first show (200 of all alerts)"] = firsts

    def filt(column: int, value: str) -> Callable[[], None]:
        def run() -> None:
            proxy.setFilterFixedString("")
            proxy.setFilterKeyColumn(column)
            t = time.perf_counter()
            proxy.setFilterFixedString(value)
            repaint(view)
            run.elapsed.append(time.perf_counter() - t)  # type: ignore[attr-defined]

        run.elapsed = []  # type: ignore[attr-defined]
        return run

    for name, column, value in (
        ("filter severity=critical", 0, "紧急"),
        ("filter community=17", 2, "小区017"),
        ("filter status=resolved", 6, "已处置"),
        ("text word 杀猪盘", -1, "杀猪盘"),
        ("text matching nothing", -1, "没有这个词"),
    ):
        run = filt(column, value)
        for _ in range(min(repeat, 3)):
            run()
        results[name] = run.elapsed  # type: ignore[attr-defined]
    proxy.setFilterFixedString("")
    burst = []
    for _ in range(min(repeat, 3)):
        new = [("低", "反诈预警", "小区001", f"反诈预警 突发 {i}", 1, "", "待确认", 0) for i in range(100)]
        t = time.perf_counter()
        model.insert_top(new)
        repaint(view)
        burst.append(time.perf_counter() - t)
    results["burst 100: apply + repaint (GUI thread)"] = burst
    view.close()
    return results


def make_db(args: argparse.Namespace) -> tuple[Engine, Callable[[], None]]:
    if args.backend == "sqlite":
        path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "feed.db"
        engine = open_database(f"sqlite:///{path}")
        return engine, (lambda: None) if args.db else (lambda: path.unlink(missing_ok=True))
    admin = make_engine(PG_ADMIN)
    name = args.db or f"bench_feed_{uuid.uuid4().hex[:8]}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        exists = c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
        if not exists:
            c.execute(text(f'CREATE DATABASE "{name}"'))
    engine = open_database(admin.url.set(database=name).render_as_string(hide_password=False))
    if args.db:  # kept between runs
        return engine, engine.dispose

    def drop() -> None:
        engine.dispose()
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return engine, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=1_000_000)
    parser.add_argument("--baseline-rows", type=int, default=100_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--db", help="SQLite file / PostgreSQL database name to keep between runs (seeded once)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    engine, cleanup = make_db(args)
    try:
        with engine.connect() as c:
            have = c.execute(select(func.count()).select_from(Alert.__table__)).scalar_one()
        if have < args.alerts:
            seed(engine, args.alerts, rng)
        else:
            print(f"reusing {have:,} alerts in {args.db}")
        ours = bench_pane(engine, args.repeat, rng)
        base = bench_baseline(engine, args.baseline_rows, args.repeat)
        scale = args.alerts / args.baseline_rows
        print(
            f"\nbackend {engine.dialect.name}, {args.alerts:,} alerts; FeedPane medians of {args.repeat} runs;"
            f" baseline = QSortFilterProxyModel over {args.baseline_rows:,} rows"
            + (f" (and ×{scale:g} scaled)" if scale != 1 else "")
        )
        print(
            f"{'measure':44s} {'FeedPane':>11s} {'(service)':>11s} {'proxy':>11s} {'proxy scaled':>13s}  target"
        )
        targets = {"first show": "≤ 150 ms", "filter": "≤ 50 ms", "text": "≤ 100 ms", "burst": "≤ 20 ms"}
        for name, samples in ours.items():
            b = base.get(name)
            target = next((v for k, v in targets.items() if name.startswith(k)), "")
            b_txt = median_ms(b) if b else f"{'—':>11s}"
            s_txt = f"{statistics.median(b) * 1000 * scale:10.0f} ms" if b and scale != 1 else f"{'':>13s}"
            if name.startswith("burst") and b:
                s_txt = f"{'(no scale)':>13s}"
            own = SERVICE_ONLY.get(name)
            o_txt = median_ms(own) if own else f"{'':>11s}"
            print(f"{name:44s} {median_ms(samples)} {o_txt} {b_txt} {s_txt}  {target}")
    finally:
        engine.dispose()
        cleanup()


if __name__ == "__main__":
    main()
