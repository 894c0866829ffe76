"""The feed over 1,000,000 stored alerts, on the real FeedPane offscreen, beside a proxy-model baseline.

    python bench/bench_feed.py [--alerts 1000000] [--baseline-rows 100000] [--backend sqlite|postgresql]
                               [--db PATH] [--repeat 5] [--smoke]

A database at the current schema gets 50 communities, 2,000 watchlist entries and ``--alerts``
alerts (bulk Core inserts; most resolved, a few hundred open, a few escalated). ``--db`` keeps
the SQLite file between runs. Then, each timed until the view has repainted
(``view.viewport().repaint()``), median of ``--repeat`` runs:

- first show: a new FeedPane, from construction to its first page painted;
- filters by severity, community, status (and all three), applied in SQL off the GUI thread;
- free text: a plate prefix (watchlist index), a word in the summaries, and a word that matches
  nothing (the worst case: the whole summary window is scanned);
- a burst of 100 new alerts: the GUI thread's share (apply to the model + repaint) and the whole
  path (change feed poll -> change log and rows read off thread -> model -> repaint), timed in the
  Qt event loop until the burst's last alert is in the model.

"(service)" is ``AlertService.feed_page`` for the same filter called directly on this thread:
the database and service share of the pane's time (the rest is the worker hand-off and Qt).

Baseline: ``QSortFilterProxyModel`` over a plain table model holding ``--baseline-rows`` alerts
read from the same database (the whole history is what such a design must load), filtered with
``setFilterFixedString``. At 1,000,000 rows the proxy takes minutes, so by default it holds
100,000 rows and its times are also shown scaled ×(alerts / baseline rows), which is kind to it
(filtering is linear in rows; loading is at least linear).

``--smoke``: 20,000 alerts, a 5,000-row baseline, 2 runs each (seconds; for CI).
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import check, parse, parser, pg_reachable, scratch_pg_database, synthetic_rng
from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import Engine, func, insert, select, text

from console.clock import SystemClock
from console.db import open_database
from console.models import Alert, ChangeLog, Community, Station, WatchlistEntry
from console.services.alerts import FeedFilter
from console.services.container import build_services
from console.widgets.feed import FeedPane
from console.widgets.feed_model import COLUMNS, KIND_TITLES, SEVERITY_TITLES, STATUS_TITLES
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker

COMMUNITIES = 50
ENTRIES = 2000
SEVERITIES = ("critical", "high", "medium", "low")
APP = QApplication.instance() or QApplication(sys.argv[:1])
SERVICE_ONLY: dict[str, list[float]] = {}
DEADLINE_S = 60.0  # a pane that never answers fails the bench instead of hanging it (and CI)


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
    """Off the clock: let the pane's workers finish what is in flight (bounded)."""
    end = time.perf_counter() + DEADLINE_S
    while pane.busy():
        check(time.perf_counter() < end, f"the feed pane was still busy after {DEADLINE_S:g} s")
        APP.processEvents()
        time.sleep(0.0005)
    APP.processEvents()


def run_loop_until(done: Callable[[], bool], *signals: Any) -> None:
    """Run a real QEventLoop until ``done()`` holds, checked whenever one of ``signals`` fires.

    No busy polling (it would fight the pane's worker threads for the GIL); bounded by
    DEADLINE_S so a pane that never answers stops the bench with an error.
    """
    if done():
        return
    loop = QEventLoop()

    def on_signal(*_args: Any) -> None:
        if done():
            loop.quit()

    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    for signal in signals:
        signal.connect(on_signal)
    deadline.start(int(DEADLINE_S * 1000))
    try:
        loop.exec()
    finally:
        deadline.stop()
        for signal in signals:
            signal.disconnect(on_signal)
    check(done(), f"the feed pane did not show what was expected within {DEADLINE_S:g} s")


@contextmanager
def counting(signal: Any) -> Iterator[list[int]]:
    """Count emissions of ``signal`` while the block runs."""
    fired = [0]

    def on_signal(*_args: Any) -> None:
        fired[0] += 1

    signal.connect(on_signal)
    try:
        yield fired
    finally:
        signal.disconnect(on_signal)


def until_shown(pane: FeedPane) -> None:
    """Run the event loop until the pane's model was reset with a new page, then repaint the view.

    Stops there: the detail panel of the selected row loads afterwards, off the clock.
    """
    with counting(pane.model.modelReset) as resets:
        run_loop_until(lambda: resets[0] > 0, pane.model.modelReset)
    repaint(pane.view)


def until_in_model(pane: FeedPane, alert_id: int) -> None:
    """Run the event loop until ``alert_id``'s row was inserted into the pane's model, then repaint.

    The change log is read on the LiveBridge's worker and the rows on the pane's: the GUI thread
    only learns of the burst through their signals, so the clock runs in the event loop.
    """
    run_loop_until(lambda: pane.model.position_of(alert_id) is not None, pane.model.rowsInserted)
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


def show_new_pane(services: Any, actor: Any, worker: DatabaseWorker, bridge: LiveBridge) -> tuple[FeedPane, float]:
    """A new FeedPane (built as the composition root builds it), timed until its first page is painted."""
    t = time.perf_counter()
    pane = FeedPane(services.alerts, services.clock, actor, worker, bridge=bridge, sound=False)
    pane.resize(1600, 900)
    pane.show()
    until_shown(pane)
    elapsed = time.perf_counter() - t
    wait(pane)
    check(pane.model.rowCount() == 200, f"first page shows {pane.model.rowCount()} rows, not 200")
    return pane, elapsed


def bench_first_show(
    services: Any, actor: Any, worker: DatabaseWorker, bridge: LiveBridge, repeat: int
) -> tuple[FeedPane, list[float]]:
    """A new FeedPane ``repeat`` times; returns the last one (still open) and the times."""
    pane, first = show_new_pane(services, actor, worker, bridge)
    firsts = [first]
    for _ in range(repeat - 1):
        pane.shutdown()
        pane.deleteLater()
        pane, first = show_new_pane(services, actor, worker, bridge)
        firsts.append(first)
    return pane, firsts


FILTER_CASES = {
    "filter severity=critical": FeedFilter(severities=frozenset({"critical"})),
    "filter severity=critical+high": FeedFilter(severities=frozenset({"critical", "high"})),
    "filter community=17": FeedFilter(community_ids=frozenset({17})),
    "filter status=open (3 values)": FeedFilter(statuses=frozenset({"new", "acknowledged", "dispatched"})),
    "filter status=resolved": FeedFilter(statuses=frozenset({"resolved"})),
    "filter severity+community+status": FeedFilter(
        severities=frozenset({"high"}), community_ids=frozenset({17}), statuses=frozenset({"resolved"})
    ),
    "text plate prefix 闽D1123": FeedFilter(text="闽D1123"),
    "text word 杀猪盘": FeedFilter(text="杀猪盘"),
    "text matching nothing": FeedFilter(text="没有这个词"),
}


def bench_filters(pane: FeedPane, services: Any, actor: Any, repeat: int) -> dict[str, list[float]]:
    """Each filter applied from the unfiltered feed until repainted; the service alone beside it."""
    results: dict[str, list[float]] = {}
    for name, f in FILTER_CASES.items():
        elapsed = []
        for _ in range(repeat):
            pane.set_filter(FeedFilter())
            wait(pane)
            t = time.perf_counter()
            pane.set_filter(f)
            until_shown(pane)
            elapsed.append(time.perf_counter() - t)
            wait(pane)
        results[name] = elapsed
        # The same query called directly on this thread: the service's share of the pane's time.
        SERVICE_ONLY[name] = timed(lambda f=f: services.alerts.feed_page(actor, f, None, 200), repeat)
        print(f"  {name:36s} rows shown {pane.model.rowCount():4d}", file=sys.stderr)
    pane.set_filter(FeedFilter())
    wait(pane)
    return results


def bench_burst(
    pane: FeedPane, services: Any, actor: Any, engine: Engine, repeat: int
) -> dict[str, list[float]]:
    """100 new alerts: the GUI thread's share, and the whole live path until the last one is shown."""
    gui_share, whole = [], []
    for _ in range(repeat):
        ids = raise_burst(engine)
        rows = services.alerts.alerts_by_ids(actor, ids)
        t = time.perf_counter()
        pane.model.apply_live(rows)
        repaint(pane.view)
        gui_share.append(time.perf_counter() - t)
        wait(pane)
        ids = raise_burst(engine)
        t = time.perf_counter()
        pane.bridge.poll()
        until_in_model(pane, ids[-1])
        whole.append(time.perf_counter() - t)
        wait(pane)
        missing = [i for i in ids if pane.model.position_of(i) is None]
        check(not missing, f"{len(missing)} alerts of the burst never reached the pane")
    return {
        "burst 100: apply + repaint (GUI thread)": gui_share,
        "burst 100: poll + read + apply + repaint": whole,
    }


def bench_pane(engine: Engine, repeat: int) -> dict[str, list[float]]:
    services = build_services(engine, SystemClock())
    actor = services.users.ensure_user("bench", "基准", "duty_officer")
    worker = DatabaseWorker()
    bridge = LiveBridge(services.open_change_feed(), worker)
    pane, firsts = bench_first_show(services, actor, worker, bridge, repeat)
    results = {"first show (200 of all alerts)": firsts}
    results.update(bench_filters(pane, services, actor, repeat))
    results.update(bench_burst(pane, services, actor, engine, repeat))
    pane.shutdown()
    bridge.close()
    worker.shutdown()
    return results


def raise_burst(engine: Engine) -> list[int]:
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


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Engine]:
    """The bench's database (kept between runs with ``--db``), disposed (and removed) afterwards."""
    if args.backend == "sqlite":
        path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "feed.db"
        engine = open_database(f"sqlite:///{path}")
        try:
            yield engine
        finally:
            engine.dispose()
            if not args.db:
                path.unlink(missing_ok=True)
        return
    with scratch_pg_database("bench_feed", name=args.db, keep=bool(args.db)) as url:
        engine = open_database(url)
        try:
            yield engine
        finally:
            engine.dispose()


def report(
    args: argparse.Namespace, backend: str, ours: dict[str, list[float]], base: dict[str, list[float]]
) -> None:
    scale = args.alerts / args.baseline_rows
    print(
        f"\nbackend {backend}, {args.alerts:,} alerts; FeedPane medians of {args.repeat} runs;"
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


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--alerts", type=int, default=1_000_000)
    ap.add_argument("--baseline-rows", type=int, default=100_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--db", help="SQLite file / PostgreSQL database name to keep between runs (seeded once)")
    ap.add_argument("--repeat", type=int, default=5)
    args = parse(ap, smoke={"alerts": 20_000, "baseline_rows": 5_000, "repeat": 2})
    check(args.repeat >= 1 and args.alerts >= 400, "--repeat must be at least 1 and --alerts at least 400")
    if args.backend == "postgresql" and not pg_reachable():
        return
    rng = synthetic_rng(7)
    with database(args) as engine:
        with engine.connect() as c:
            have = c.execute(select(func.count()).select_from(Alert.__table__)).scalar_one()
        if have < args.alerts:
            seed(engine, args.alerts, rng)
        else:
            print(f"reusing {have:,} alerts in {args.db}")
        ours = bench_pane(engine, args.repeat)
        base = bench_baseline(engine, args.baseline_rows, args.repeat)
        report(args, engine.dialect.name, ours, base)


if __name__ == "__main__":
    main()
