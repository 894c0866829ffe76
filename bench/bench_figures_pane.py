"""The statistics pane at district scale (issue 10): period change to painted ≤ 500 ms for a year.

    python bench/bench_figures_pane.py [--cases 20000] [--items 50000] [--alerts 200000]
                                       [--backend sqlite|postgresql|both] [--db NAME] [--reps 20] [--smoke]

Loads the synthetic district of bench_cases.py (``--cases`` theft cases over three years, their
property, the station's alerts) with Core executemany, opens the real ``FiguresPane`` offscreen
on the console's ``DatabaseWorker`` and times, for each repetition, a click on 上一期 / 下一期
(alternating between two whole years) until every chart has been rebuilt and the pane painted
(``figures_shown``, then ``grab()``: the pixels a user would see). Beside it, measured in the same
run: ``FiguresService.figures`` alone for the same periods (the database's share), so the
difference is the pane's own cost (charts, headline, painting).

``--smoke``: 1,000 cases, 2,500 items, 5,000 alerts, 5 repetitions (seconds; for CI).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import Any

from _common import backends, check, parse, parser
from _district import HEADER, database, load, row
from bench_cases import make_rows
from sqlalchemy import Engine, func, select

from console.clock import FixedClock
from console.models import TheftCase
from console.security import DEFAULT_ROLES, Actor
from console.services.container import build_services
from console.services.figures import Period

TIMEOUT_S = 60


def run(engine: Engine, args: Any) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the first QApplication
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.widgets.figures_pane import FiguresPane
    from console.widgets.theme import apply_theme
    from console.widgets.worker import DatabaseWorker

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)  # noqa: S101 type narrowing
    apply_theme(app, "dark")
    with engine.connect() as conn:
        latest = conn.execute(select(func.max(TheftCase.reported_at))).scalar_one()
    # The clock in the last year of the data, so "this year" and the year before are both full.
    now = dt.datetime(latest.year, 12, 31, 12, tzinfo=dt.UTC)
    services = build_services(engine, FixedClock(now))
    actor = Actor(None, "bench", "bench", "supervisor", DEFAULT_ROLES["supervisor"][1])
    worker = DatabaseWorker()
    pane = FiguresPane(services.figures, services.clock, actor, worker)
    pane.resize(1400, 520)
    pane.show()
    shown: list[object] = []
    pane.figures_shown.connect(shown.append)

    def wait_shown(count: int) -> None:
        """Run the event loop until the pane has shown ``count`` loads (no polling: the worker's
        thread gets the interpreter while the GUI thread waits, as in the console)."""
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        pane.figures_shown.connect(loop.quit)
        while len(shown) < count:
            before = len(shown)
            timer.start(TIMEOUT_S * 1000)
            loop.exec()
            check(len(shown) > before, "the pane did not show its figures in time")
        timer.stop()
        pane.figures_shown.disconnect(loop.quit)

    wait_shown(1)
    years: list[Period] = []
    ours: list[float] = []
    for k in range(args.reps):
        t = time.perf_counter()
        pane.period_bar.step(-1 if k % 2 == 0 else 1)  # the year before, then back
        wait_shown(k + 2)
        pane.grab()  # painted: what the user sees
        ours.append(time.perf_counter() - t)
        years.append(pane.period)
    check(all((p.end - p.start).days >= 364 for p in years), "a period measured was not a whole year")
    check(pane.figures is not None and pane.figures.summary.cases > 0, "the charts counted no case")
    base = []
    for period in years:
        t = time.perf_counter()
        services.figures.figures(actor, period)
        base.append(time.perf_counter() - t)
    assert pane.figures is not None  # noqa: S101 type narrowing
    print(HEADER)
    print(row("pane: year, change to painted", len(ours), ours, 500, "FiguresService.figures alone", base))
    print(f"{'':34}   ({pane.figures.summary.cases:,} cases in {pane.period.label()})")
    pane.shutdown()
    worker.shutdown()
    pane.deleteLater()
    app.processEvents()


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--items", type=int, default=50_000)
    ap.add_argument("--alerts", type=int, default=200_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--db", help="SQLite file / PostgreSQL database name kept between runs (loaded once)")
    ap.add_argument("--reps", type=int, default=20, help="period changes timed")
    args = parse(ap, smoke={"cases": 1_000, "items": 2_500, "alerts": 5_000, "reps": 5})
    check(
        args.items >= args.cases >= 100 and args.reps >= 2, "need --items >= --cases >= 100 and --reps >= 2"
    )
    t = time.perf_counter()
    tables = make_rows(args.cases, args.items, args.alerts)
    print(f"generated {args.cases:,} cases and {args.items:,} items in {time.perf_counter() - t:.1f} s")
    for backend in backends(args.backend):
        with database(backend, "bench_figures_pane", args.db) as engine:
            with engine.connect() as conn:
                have = conn.execute(select(func.count()).select_from(TheftCase)).scalar_one()
            if have:
                print(f"{backend}: reusing {have:,} cases in {args.db}")
            else:
                print(f"{backend}: Core load {load(engine, tables):.1f} s")
            run(engine, args)


if __name__ == "__main__":
    main()
