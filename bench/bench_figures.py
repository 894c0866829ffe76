"""The station's figures at district scale (issue 10): `stats` for a year ≤ 300 ms, the monthly PDF ≤ 3 s.

    python bench/bench_figures.py [--cases 20000] [--items 50000] [--dispatches 12000] [--households 60000]
                                  [--backend sqlite|postgresql|both] [--db NAME] [--reps 20] [--smoke] [--explain]

Loads with Core executemany the district of bench_cases.py (60 communities, 40 officers,
``--cases`` theft cases over three years with victims, suspects, vehicles, linked alerts and
``--items`` property items with their custody trails), then a year of dispatches (``--dispatches``,
each from its own alert; a tenth without the copy of the alert's raised_at, so the figures must
read the alert; most arrive, around the 10-minute target), fraud_risk alerts with their anti-fraud
interventions (a twentieth of the dispatches; most closed, stopped ones with money saved), and
``--households`` households whose last verification is spread over the past half year (a tenth
never verified). Then times, each beside a baseline measured in the same run:

- ``stats`` for the last year: ``FiguresService.summary``; baseline: the rows the figures are
  made of (cases of the year and of the year before, their items and the found ones, the year's
  dispatches with their alerts, the closed interventions) loaded into Python and counted there.
  Both must print the same JSON object (checked), so the baseline also checks the SQL.
- the full read for the statistics pane: ``FiguresService.figures`` (the summary and every chart,
  verification coverage included); baseline: the same Python counting plus every household
  loaded and coloured in Python.
- the monthly PDF for the last whole month: ``monthly_brief`` + ``save_monthly_report`` (QPdfWriter,
  offscreen); baseline: the month and the same month a year earlier counted in Python, and the
  same drawing (the drawing alone is printed too).

``--explain`` prints the plans of the figures' dispatch and case queries. ``--db``: a SQLite file /
PostgreSQL database name kept between runs (loaded once). PostgreSQL is reached as
bench/_common.py says (skipped with a note when unreachable). ``--smoke``: 1,000 cases, 2,500
items, 600 dispatches, 2,000 households, 3 repetitions (seconds; for CI).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from _common import backends, check, parse, parser, synthetic_rng
from _district import HEADER, database, load, row, timed
from bench_cases import make_rows as case_rows
from sqlalchemy import Engine, func, select, text

from console.clock import SystemClock
from console.db import session_factory
from console.models import (
    Alert,
    Building,
    Community,
    Dispatch,
    FraudIntervention,
    Household,
    PropertyItem,
    Station,
    TheftCase,
    dispatch_alert,
)
from console.security import Actor, Permission
from console.services.cases import NOTIFY_WITHIN, solve_band
from console.services.dispatch import DEFAULT_RESPONSE_TARGET_S, response_seconds
from console.services.figures import FiguresService, MonthlyBrief, Period, StatsSummary

STATION_TZ = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
YEAR = 365 * 86400
OUTCOMES = ("stopped", "stopped", "transferred", "not_fraud", "unreachable")


# ----------------------------------------------------------------------------- the data
def dispatch_rows(
    rng: Any, first_alert: int, dispatches: int, communities: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """A year of dispatches, each from its own alert, and the fraud alerts' interventions."""
    alerts, sent, covered, cards = [], [], [], []
    raised_times = sorted(NOW - dt.timedelta(seconds=rng.randrange(600, YEAR)) for _ in range(dispatches))
    for d, raised in enumerate(raised_times):
        alert_id = first_alert + d
        fraud = d % 20 == 0
        community = rng.randrange(communities) + 1
        alerts.append(
            {
                "id": alert_id,
                "kind": "fraud_risk" if fraud else ("plate_read", "face_match", "report")[d % 3],
                "severity": "critical" if fraud else "high",
                "severity_rank": 0 if fraud else 1,
                "status": "resolved",
                "community_id": community,
                "summary": f"预警 {alert_id}",
                "count": 1,
                "first_event_at": raised,
                "last_event_at": raised,
                "raised_at": raised,
                "updated_at": raised,
                "version": 1,
                "resolution_note": "",
            }
        )
        dispatched = raised + dt.timedelta(seconds=rng.uniform(30, 180))
        # Around the 10-minute target: most within, a tail well over it; a few never arrive.
        arrived = (
            raised + dt.timedelta(seconds=rng.lognormvariate(6.1, 0.35)) if rng.random() < 0.96 else None
        )
        arrived = max(arrived, dispatched + dt.timedelta(seconds=30)) if arrived else None
        sent.append(
            {
                "id": d + 1,
                "alert_id": alert_id,
                "community_id": community,
                "status": "closed" if arrived else "en_route",
                "received_at": raised if d % 10 else None,  # older rows carry no copy
                "acknowledged_at": raised + dt.timedelta(seconds=20),
                "dispatched_at": dispatched,
                "arrived_at": arrived,
                "closed_at": arrived + dt.timedelta(minutes=40) if arrived else None,
                "note": "",
                "override_reason": "",
                "outcome": "处置完毕" if arrived else "",
                "version": 1,
            }
        )
        covered.append({"dispatch_id": d + 1, "alert_id": alert_id})
        if fraud:
            closed = raised + dt.timedelta(minutes=rng.uniform(5, 600)) if rng.random() < 0.9 else None
            outcome = rng.choice(OUTCOMES) if closed else None
            cards.append(
                {
                    "id": len(cards) + 1,
                    "alert_id": alert_id,
                    "opened_at": raised + dt.timedelta(seconds=40),
                    "outcome": outcome,
                    "saved": Decimal(rng.randrange(1000, 500_000)) if outcome == "stopped" else None,
                    "closed_at": closed,
                    "version": 1,
                }
            )
    return alerts, sent, covered, cards


def household_rows(
    rng: Any, households: int, communities: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Buildings of 6 floors x 2 units x 4 rooms, filled in community order; verification spread over 200 days."""
    buildings: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    per_building = 48
    for h in range(households):
        community = h * communities // households + 1
        if h % per_building == 0 or buildings[-1]["community_id"] != community:
            buildings.append(
                {
                    "id": len(buildings) + 1,
                    "community_id": community,
                    "name": f"{len(buildings) + 1}号楼",
                    "floors": 6,
                    "units": 2,
                    "rooms_per_floor": 4,
                    "version": 1,
                }
            )
        k = h % per_building
        verified = None if rng.random() < 0.1 else NOW - dt.timedelta(days=rng.uniform(0, 200))
        rows.append(
            {
                "id": h + 1,
                "community_id": community,
                "building_id": buildings[-1]["id"],
                "unit": f"{k // 24 + 1}",
                "floor": k % 24 // 4 + 1,
                "room": f"{k % 24 // 4 + 1}0{k % 4 + 1}",
                "housing_use": "自住",
                "last_verified_at": verified,
                "note": "",
                "version": 1,
            }
        )
    return buildings, rows


def make_rows(cases: int, items: int, dispatches: int, households: int) -> dict[Any, list[dict[str, Any]]]:
    """bench_cases' district of cases and items, plus a year of dispatches, interventions, households."""
    tables = case_rows(cases, items, history=cases // 5)
    rng = synthetic_rng(10)
    communities = len(tables[Community.__table__])  # type: ignore[index]
    first_alert = len(tables[Alert.__table__]) + 1  # type: ignore[index]
    alerts, sent, covered, cards = dispatch_rows(rng, first_alert, dispatches, communities)
    tables[Alert.__table__].extend(alerts)  # type: ignore[index]
    buildings, homes = household_rows(rng, households, communities)
    tables.update(
        {
            Dispatch.__table__: sent,
            dispatch_alert: covered,
            FraudIntervention.__table__: cards,
            Building.__table__: buildings,
            Household.__table__: homes,
        }
    )
    return tables


# ----------------------------------------------------------------------------- the baseline
def _in(at: dt.datetime | None, period: Period) -> bool:
    first, after = period.bounds()
    return at is not None and first <= at < after


def python_summary(engine: Engine, period: Period) -> dict[str, Any]:
    """``stats`` the obvious way: the rows loaded into Python and counted there (stats' JSON object)."""
    prior = period.prior_year()
    first, after = prior.bounds()[0], period.bounds()[1]
    with engine.connect() as conn:
        cases = conn.execute(
            select(TheftCase.id, TheftCase.reported_at, TheftCase.solved_at).where(
                TheftCase.merged_into_id.is_(None),
                TheftCase.reported_at >= first,
                TheftCase.reported_at < after,
            )
        ).all()
        items = conn.execute(
            select(
                PropertyItem.case_id,
                PropertyItem.recovered_at,
                PropertyItem.notified_at,
                PropertyItem.returned_at,
            )
        ).all()
        dispatches = conn.execute(
            select(
                Dispatch.dispatched_at, Dispatch.received_at, Alert.raised_at, Dispatch.arrived_at
            ).outerjoin(Alert, Alert.id == Dispatch.alert_id)
        ).all()
        cards = conn.execute(
            select(FraudIntervention.closed_at, FraudIntervention.outcome, FraudIntervention.saved)
        ).all()
        target = conn.execute(select(Station.response_target_seconds).order_by(Station.id).limit(1)).scalar()
    target = int(target) if target is not None else DEFAULT_RESPONSE_TARGET_S
    now = [c for c in cases if _in(c.reported_at, period)]
    before = sum(1 for c in cases if _in(c.reported_at, prior))
    bands = Counter(solve_band(c.reported_at, c.solved_at) for c in now)
    mine = {c.id for c in now}
    counted = [i for i in items if i.case_id in mine or (i.case_id is None and _in(i.recovered_at, period))]
    seconds = []
    made = 0
    for d in dispatches:
        if _in(d.dispatched_at, period):
            made += 1
            s = response_seconds(d.received_at or d.raised_at, d.arrived_at)
            if s is not None:
                seconds.append(s)
    closed = [c for c in cards if _in(c.closed_at, period)]
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "cases": len(now),
        "cases_prior_year": before,
        "yoy_change": round((len(now) - before) / before, 2) if before else None,
        "solved": bands["24h"] + bands["72h"] + bands["later"],
        "solved_24h": bands["24h"],
        "solved_24_72h": bands["72h"],
        "property": {
            "stolen": sum(1 for i in counted if i.case_id is not None),
            "recovered": sum(1 for i in counted if i.recovered_at is not None),
            "returned": sum(1 for i in counted if i.returned_at is not None),
            "unclaimed": sum(1 for i in counted if i.recovered_at is not None and i.returned_at is None),
            "notified_within_48h": sum(
                1
                for i in counted
                if i.recovered_at is not None
                and i.notified_at is not None
                and i.notified_at - i.recovered_at <= NOTIFY_WITHIN
            ),
        },
        "dispatch": {
            "count": made,
            "arrived": len(seconds),
            "within_target": sum(1 for s in seconds if s <= target),
            "median_response_seconds": round(statistics.median(seconds)) if seconds else None,
        },
        "fraud": {
            "interventions": len(closed),
            "stopped": sum(1 for c in closed if c.outcome == "stopped"),
            "saved": float(sum((c.saved or Decimal(0) for c in closed), Decimal(0))),
        },
    }


def python_coverage(engine: Engine) -> dict[int | None, Counter[str]]:
    """Every household loaded and coloured in Python (default thresholds: 30 / 90 days)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Community.grid_cell_id, Household.last_verified_at).join(
                Community, Community.id == Household.community_id
            )
        ).all()
    out: dict[int | None, Counter[str]] = {}
    for cell, verified in rows:
        days = None if verified is None else (NOW - verified).days
        name = "never" if days is None else "green" if days <= 30 else "orange" if days <= 90 else "red"
        out.setdefault(cell, Counter())[name] += 1
    return out


# ----------------------------------------------------------------------------- plans
EXPLAINED = {
    "dispatches of the year": (
        "SELECT count(*) FROM dispatch LEFT OUTER JOIN alert ON alert.id = dispatch.alert_id "
        "WHERE dispatch.dispatched_at >= :a AND dispatch.dispatched_at < :b"
    ),
    "interventions closed in the year": (
        "SELECT count(*) FROM fraud_intervention WHERE closed_at >= :a AND closed_at < :b"
    ),
    "cases of the year and the year before": (
        "SELECT count(*) FROM theft_case WHERE merged_into_id IS NULL AND "
        "((reported_at >= :a AND reported_at < :b) OR (reported_at >= :c AND reported_at < :d))"
    ),
    "found items recovered in the year": (
        "SELECT count(*) FROM property_item WHERE case_id IS NULL AND recovered_at >= :a AND recovered_at < :b"
    ),
}


def explain(engine: Engine, period: Period) -> None:
    a, b = period.bounds()
    c, d = period.prior_year().bounds()
    params: dict[str, Any] = {"a": a, "b": b, "c": c, "d": d}
    if engine.dialect.name == "sqlite":
        params = {k: v.replace(tzinfo=None).isoformat(sep=" ") for k, v in params.items()}
    with engine.connect() as conn:
        for what, sql in EXPLAINED.items():
            if engine.dialect.name == "sqlite":
                plan = [str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql), params)]
            else:
                plan = [r[0] for r in conn.execute(text("EXPLAIN " + sql), params)]
            print(f"  plan, {what}: " + " / ".join(p.strip() for p in plan))


# ----------------------------------------------------------------------------- one backend
def last_year() -> Period:
    today = NOW.astimezone(STATION_TZ).date()
    return Period(today - dt.timedelta(days=364), today)


def last_month() -> Period:
    first = NOW.astimezone(STATION_TZ).date().replace(day=1)
    before = first - dt.timedelta(days=1)
    return Period.month(before.year, before.month)


def run(engine: Engine, args: Any) -> None:
    clock = SystemClock()
    figures = FiguresService(session_factory(engine), clock)
    actor = Actor(None, "bench", "bench", "所领导", frozenset({Permission.VIEW_STATISTICS}))
    year, month = last_year(), last_month()
    with engine.connect() as conn:
        counts = {
            m.__tablename__: conn.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (TheftCase, PropertyItem, Dispatch, FraudIntervention, Alert, Household)
        }
    print(
        f"\n{engine.dialect.name}: "
        + ", ".join(f"{n:,} {t}" for t, n in counts.items())
        + f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    if args.explain:
        explain(engine, year)
    print(HEADER)
    reps = [year] * args.reps

    # stats for a year.
    summary: StatsSummary = figures.summary(actor, year)  # warm caches, as a console open a while
    expected = python_summary(engine, year)
    check(
        summary.as_dict() == expected,
        f"stats and the Python count disagree:\n{summary.as_dict()}\n{expected}",
    )
    check(summary.cases > 0 and summary.dispatch.count > 0, "the year holds no cases or no dispatches")
    cpu: list[float] = []

    def summary_cpu(p: Period) -> None:
        t = time.process_time()
        figures.summary(actor, p)
        cpu.append(time.process_time() - t)

    ours, _ = timed(summary_cpu, reps)
    base, _ = timed(lambda p: python_summary(engine, p), reps[: max(3, len(reps) // 4)])
    print(row("stats (year): summary", len(ours), ours, 300, "rows counted in Python", base))
    if engine.dialect.name == "sqlite":  # the query runs in this process: its CPU time, apart from the load
        print(row("  of which this process's CPU", len(cpu), cpu, None, "(for information)", []))
    months = [month] * args.reps
    check(
        figures.summary(actor, month).as_dict() == python_summary(engine, month), "a month's stats disagree"
    )
    ours, _ = timed(lambda p: figures.summary(actor, p), months)
    base, _ = timed(lambda p: python_summary(engine, p), months[: max(3, len(months) // 4)])
    print(
        row(
            f"stats (month {month.start:%Y-%m}): summary",
            len(ours),
            ours,
            300,
            "rows counted in Python",
            base,
        )
    )

    # The pane's full read.
    full = figures.figures(actor, year)
    check(full.summary == summary, "figures' summary differs from stats")
    coverage = python_coverage(engine)
    check(
        sum(r.households for r in full.coverage.rows) == sum(sum(c.values()) for c in coverage.values()),
        "coverage and the Python count disagree on the number of households",
    )
    ours, _ = timed(lambda p: figures.figures(actor, p), reps)
    base, _ = timed(
        lambda p: (python_summary(engine, p), python_coverage(engine)), reps[: max(3, len(reps) // 4)]
    )
    print(row("figures (year): every chart", len(ours), ours, 300, "+ households coloured in Python", base))

    # The monthly PDF.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from console.widgets.monthly_report import save_monthly_report

    _app = QGuiApplication.instance() or QGuiApplication([])
    out = Path(tempfile.mkdtemp(prefix="bench_figures_")) / "brief.pdf"
    brief: MonthlyBrief = figures.monthly_brief(actor, month)
    check(
        brief.figures.summary.as_dict() == python_summary(engine, month),
        "the brief and the Python count disagree",
    )
    save_monthly_report(brief, out)
    check(out.stat().st_size > 10_000, "the monthly PDF is (nearly) empty")
    drawing: list[float] = []

    def pdf(m: Period) -> None:
        b = figures.monthly_brief(actor, m)
        t = time.perf_counter()
        save_monthly_report(b, out)
        drawing.append(time.perf_counter() - t)

    def pdf_baseline(m: Period) -> None:
        python_summary(engine, m)
        python_summary(engine, m.prior_year())
        save_monthly_report(brief, out)

    pdf_months = [month] * args.pdf_reps
    ours, _ = timed(pdf, pdf_months)
    base, _ = timed(pdf_baseline, pdf_months[: max(2, len(pdf_months) // 2)])
    print(
        row(f"monthly PDF ({month.start:%Y-%m})", len(ours), ours, 3000, "2 months in Python + drawing", base)
    )
    print(row("  of which drawing the PDF", len(drawing), drawing, None, "(for information)", []))
    out.unlink(missing_ok=True)
    out.parent.rmdir()


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--items", type=int, default=50_000)
    ap.add_argument("--dispatches", type=int, default=12_000, help="dispatches over the past year")
    ap.add_argument("--households", type=int, default=60_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--db", help="SQLite file / PostgreSQL database name kept between runs (loaded once)")
    ap.add_argument("--reps", type=int, default=20, help="timed calls per figures measure")
    ap.add_argument("--pdf-reps", type=int, default=5, help="timed monthly PDFs")
    ap.add_argument("--explain", action="store_true", help="print the plans of the figures' main queries")
    args = parse(
        ap,
        smoke={
            "cases": 1_000,
            "items": 2_500,
            "dispatches": 600,
            "households": 2_000,
            "reps": 3,
            "pdf_reps": 2,
        },
    )
    check(
        args.items >= args.cases >= 100 and args.dispatches >= 20,
        "need --items >= --cases >= 100, --dispatches >= 20",
    )
    check(args.reps >= 1 and args.pdf_reps >= 1, "need --reps and --pdf-reps >= 1")
    t = time.perf_counter()
    tables = make_rows(args.cases, args.items, args.dispatches, args.households)
    print(
        f"generated {args.cases:,} cases, {args.items:,} items, {args.dispatches:,} dispatches and "
        f"{args.households:,} households in {time.perf_counter() - t:.1f} s"
    )
    for backend in backends(args.backend):
        with database(backend, "bench_figures", args.db) as engine:
            with engine.connect() as conn:
                have = conn.execute(select(func.count()).select_from(TheftCase)).scalar_one()
            if have:
                print(f"{backend}: reusing {have:,} cases in {args.db}")
            else:
                print(f"{backend}: Core load {load(engine, tables):.1f} s")
            run(engine, args)


if __name__ == "__main__":
    main()
