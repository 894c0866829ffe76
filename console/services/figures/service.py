"""The station's figures by aggregate SQL, the same on SQLite and PostgreSQL (Qt-free)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, select

from console.models import (
    Alert,
    Community,
    Dispatch,
    FraudIntervention,
    GridCell,
    Household,
    PropertyItem,
    Station,
    TheftCase,
)
from console.security import Actor, Permission
from console.services.base import Service
from console.services.cases import CATEGORIES, hours_to_solve
from console.services.dispatch import INTERVENTION_OUTCOMES
from console.services.figures import sql
from console.services.figures.drill import drill_down
from console.services.figures.types import (
    Bar,
    CategoriesChart,
    CategoryCount,
    CellCoverage,
    CoverageChart,
    DispatchFigures,
    DrillDown,
    Figures,
    FraudChart,
    FraudFigures,
    IncidentsChart,
    MonthFraud,
    MonthIncidents,
    MonthlyBrief,
    MonthSolved,
    NotableCase,
    Period,
    PropertyChart,
    PropertyFigures,
    ResponseBin,
    ResponseChart,
    SolvedChart,
    StatsSummary,
)

DRILL_LIMIT = 500
NOTABLE_LIMIT = 5
UNASSIGNED_CELL = "未划网格"
PRIOR = 1000  # bucket offset of the prior year's months in the cases query


def yoy_change(now: int, before: int) -> float | None:
    """(now − before) / before to 2 decimals; None when there was nothing before."""
    return round((now - before) / before, 2) if before else None


class FiguresService(Service):
    """Statistics for station leadership: the stats summary, the charts, drill-downs, the brief.

    Every method needs ``Permission.VIEW_STATISTICS`` and reads in one transaction. Station days
    are Asia/Shanghai: a case reported at 23:30 local on 30 June counts in June.
    """

    def summary(self, actor: Actor, period: Period) -> StatsSummary:
        """The headline figures of ``period`` — what ``duty-console stats`` prints."""
        actor.require(Permission.VIEW_STATISTICS)
        with self._read() as conn:
            return self._figures(conn, period, with_coverage=False).summary

    def figures(self, actor: Actor, period: Period) -> Figures:
        """The summary and every chart of ``period``, read together (one transaction)."""
        actor.require(Permission.VIEW_STATISTICS)
        with self._read() as conn:
            return self._figures(conn, period, with_coverage=True)

    def coverage(self, actor: Actor) -> CoverageChart:
        """Verification coverage per grid cell now (also part of ``figures``)."""
        actor.require(Permission.VIEW_STATISTICS)
        with self._read() as conn:
            return self._coverage(conn)

    def drill_down(self, actor: Actor, period: Period, bar: Bar, limit: int = DRILL_LIMIT) -> DrillDown:
        """The cases, dispatches, items, interventions or households behind one bar of one chart.

        Uses the same conditions as the figure, so ``total`` equals the bar's height. An unknown
        chart or series is refused (field ``chart`` / ``series``).
        """
        actor.require(Permission.VIEW_STATISTICS)
        with self._read() as conn:
            return drill_down(conn, period, bar, limit, self._now(conn))

    def monthly_brief(self, actor: Actor, month: Period, notable: int = NOTABLE_LIMIT) -> MonthlyBrief:
        """The month's figures, the same month a year earlier, and its notable cases (for the PDF)."""
        actor.require(Permission.VIEW_STATISTICS)
        with self._read() as conn:
            figures = self._figures(conn, month, with_coverage=True)
            prior = self._figures(conn, month.prior_year(), with_coverage=False).summary
            station = conn.execute(select(Station.name).order_by(Station.id).limit(1)).scalar() or ""
            fastest = self._solved_fastest(conn, month, notable)
            returned = self._property_returned(conn, month, notable)
            made = self._now(conn)
        return MonthlyBrief(station, month, figures, prior, fastest, returned, made)

    # --- the reads ------------------------------------------------------------------------

    def _figures(self, conn: Connection, period: Period, *, with_coverage: bool) -> Figures:
        dialect = conn.dialect.name
        incidents, categories, solved, counts = self._cases(conn, period, dialect)
        prop = self._property(conn, period, dialect)
        response = self._response(conn, period, dialect)
        fraud = self._fraud(conn, period)
        summary = StatsSummary(
            period=period,
            cases=incidents.cases,
            cases_prior_year=incidents.prior_year,
            yoy_change=incidents.yoy_change,
            solved=counts["24h"] + counts["72h"] + counts["later"],
            solved_24h=counts["24h"],
            solved_24_72h=counts["72h"],
            property=prop,
            dispatch=DispatchFigures(
                count=response.dispatches,
                arrived=response.arrived,
                within_target=response.within_target,
                median_response_seconds=response.median_seconds,
                target_seconds=response.target_seconds,
            ),
            fraud=fraud.totals,
        )
        coverage = self._coverage(conn) if with_coverage else CoverageChart(self._now(conn), ())
        return Figures(
            period,
            summary,
            incidents,
            categories,
            solved,
            response,
            PropertyChart(period, prop),
            fraud,
            coverage,
        )

    def _cases(
        self, conn: Connection, period: Period, dialect: str
    ) -> tuple[IncidentsChart, CategoriesChart, SolvedChart, Counter[str]]:
        """One GROUP BY over the cases of the period and of the same dates a year earlier."""
        months = period.month_bounds()
        prior_months = period.prior_year().month_bounds()
        now_ranges = [(a, b) for _m, a, b in months]
        prior_ranges = [(a, b) for _m, a, b in prior_months]
        bucket = func.coalesce(
            sql.bucket(TheftCase.reported_at, now_ranges),
            sql.bucket(TheftCase.reported_at, prior_ranges, PRIOR),
        )
        band = sql.solve_band(dialect)
        # Grouped over a subquery's columns: PostgreSQL would not match the CASE expressions of
        # SELECT and GROUP BY, whose bound parameters are numbered apart.
        inner = (
            select(bucket.label("b"), TheftCase.category.label("category"), band.label("band"))
            .where(
                sql.counted_case(),
                sql.in_period(TheftCase.reported_at, period)
                | sql.in_period(TheftCase.reported_at, period.prior_year()),
            )
            .subquery()
        )
        rows = conn.execute(
            select(inner.c.b, inner.c.category, inner.c.band, func.count()).group_by(
                inner.c.b, inner.c.category, inner.c.band
            )
        ).all()
        per_month: Counter[int] = Counter()
        bands: dict[tuple[int, str], int] = Counter()
        by_category: Counter[str] = Counter()
        solved_by_category: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        for b, category, band_name, n in rows:
            if b is None:
                continue
            per_month[int(b)] += n
            if int(b) < PRIOR:
                bands[(int(b), band_name)] += n
                by_category[category] += n
                totals[band_name] += n
                if band_name != "open":
                    solved_by_category[category] += n
        month_rows = tuple(
            MonthIncidents(
                m, per_month[i], per_month[PRIOR + i], yoy_change(per_month[i], per_month[PRIOR + i])
            )
            for i, (m, _a, _b) in enumerate(months)
        )
        cases = sum(r.cases for r in month_rows)
        prior = sum(r.prior_year for r in month_rows)
        incidents = IncidentsChart(period, month_rows, cases, prior, yoy_change(cases, prior))
        known = [
            CategoryCount(c, label, by_category[c], solved_by_category[c]) for c, label in CATEGORIES.items()
        ]
        # A category written before the list was fixed still counts (shown under its code).
        known += [
            CategoryCount(c, c, n, solved_by_category[c])
            for c, n in sorted(by_category.items())
            if c not in CATEGORIES
        ]
        categories = CategoriesChart(period, tuple(known))
        solved = SolvedChart(
            period,
            tuple(
                MonthSolved(m, bands[(i, "24h")], bands[(i, "72h")], bands[(i, "later")], bands[(i, "open")])
                for i, (m, _a, _b) in enumerate(months)
            ),
        )
        return incidents, categories, solved, totals

    def _property(self, conn: Connection, period: Period, dialect: str) -> PropertyFigures:
        def count_if(cond: Any) -> Any:
            return func.coalesce(func.sum(sql.case_one(cond)), 0)

        row = conn.execute(
            select(
                *(
                    count_if(sql.property_condition(name, dialect))
                    for name in ("stolen", "recovered", "returned", "unclaimed", "notified_within_48h")
                )
            ).where(sql.counted_item(period))
        ).one()
        return PropertyFigures(*(int(v) for v in row))

    def _response(self, conn: Connection, period: Period, dialect: str) -> ResponseChart:
        """One GROUP BY over the period's dispatches by whole response second; the rest in Python.

        The bins, the count within target and the median all follow from how many dispatches took
        each whole second, so the response expression is computed once per dispatch instead of
        once per bin edge and again for the target and the median (bench_figures: three passes
        over a year of dispatches were most of ``stats``).
        """
        target = sql.response_target(conn)
        inner = (
            select(
                sql.response_seconds(dialect).label("s"),
                sql.case_one(Dispatch.arrived_at.is_not(None)).label("arrived"),
            )
            .outerjoin(Alert, Alert.id == Dispatch.alert_id)
            .where(sql.in_period(Dispatch.dispatched_at, period))
            .subquery()
        )
        rows = conn.execute(
            select(inner.c.s, inner.c.arrived, func.count()).group_by(inner.c.s, inner.c.arrived)
        ).all()
        per_bin: Counter[int] = Counter()
        per_second: Counter[int] = Counter()
        dispatches = arrived = 0
        for s, was_arrived, n in rows:
            dispatches += n
            arrived += n if was_arrived else 0
            if s is not None:
                per_second[int(s)] += n
                per_bin[sql.bin_of(int(s))] += n
        within = sum(n for s, n in per_second.items() if s <= target)
        bins = tuple(ResponseBin(lo, hi, per_bin[i]) for i, (lo, hi) in enumerate(sql.bin_edges()))
        return ResponseChart(period, bins, target, dispatches, arrived, within, _median(per_second))

    def _fraud(self, conn: Connection, period: Period) -> FraudChart:
        months = period.month_bounds()
        fi = FraudIntervention
        bucket = sql.bucket(fi.closed_at, [(a, b) for _m, a, b in months])
        inner = (
            select(bucket.label("b"), fi.outcome.label("outcome"), fi.saved.label("saved"))
            .where(sql.closed_intervention(period))
            .subquery()
        )
        rows = conn.execute(
            select(inner.c.b, inner.c.outcome, func.count(), func.sum(inner.c.saved)).group_by(
                inner.c.b, inner.c.outcome
            )
        ).all()
        count: Counter[int] = Counter()
        stopped: Counter[int] = Counter()
        saved: dict[int, Decimal] = {}
        outcomes: Counter[str] = Counter()
        for b, outcome, n, amount in rows:
            if b is None:
                continue
            i = int(b)
            count[i] += n
            outcomes[outcome or ""] += n
            if outcome == "stopped":
                stopped[i] += n
            saved[i] = saved.get(i, Decimal("0.00")) + Decimal(str(amount or 0)).quantize(Decimal("0.01"))
        month_rows = tuple(
            MonthFraud(m, count[i], stopped[i], saved.get(i, Decimal("0.00")))
            for i, (m, _a, _b) in enumerate(months)
        )
        totals = FraudFigures(
            sum(r.interventions for r in month_rows),
            sum(r.stopped for r in month_rows),
            sum((r.saved for r in month_rows), Decimal("0.00")),
        )
        return FraudChart(period, month_rows, tuple((o, outcomes[o]) for o in INTERVENTION_OUTCOMES), totals)

    def _coverage(self, conn: Connection) -> CoverageChart:
        now = self._now(conn)  # compared with stored verification dates
        colour = sql.colour(Household.last_verified_at, sql.colour_cutoffs(conn, now))
        inner = (
            select(Community.grid_cell_id.label("cell"), colour.label("colour"))
            .join(Community, Community.id == Household.community_id)
            .subquery()
        )
        rows = conn.execute(
            select(inner.c.cell, inner.c.colour, func.count()).group_by(inner.c.cell, inner.c.colour)
        ).all()
        names = dict(conn.execute(select(GridCell.id, GridCell.name)).all())
        counts: dict[int | None, Counter[str]] = {}
        for cell, colour_name, n in rows:
            counts.setdefault(cell, Counter())[colour_name] += n
        for cell_id in names:
            counts.setdefault(cell_id, Counter())
        out = [
            CellCoverage(
                cell,
                names.get(cell, UNASSIGNED_CELL) if cell is not None else UNASSIGNED_CELL,
                sum(c.values()),
                c["green"],
                c["orange"],
                c["red"],
                c["never"],
            )
            for cell, c in counts.items()
        ]
        out.sort(key=lambda r: (r.grid_cell_id is None, r.grid_cell))
        return CoverageChart(now, tuple(out))

    def _solved_fastest(self, conn: Connection, month: Period, limit: int) -> tuple[NotableCase, ...]:
        taken = sql.seconds_between(TheftCase.solved_at, TheftCase.reported_at, conn.dialect.name)
        rows = conn.execute(
            _notable_select()
            .where(
                sql.counted_case(),
                sql.in_period(TheftCase.reported_at, month),
                TheftCase.solved_at.is_not(None),
            )
            .order_by(taken, TheftCase.case_no)
            .limit(limit)
        ).all()
        return tuple(_notable(r, 0) for r in rows)

    def _property_returned(self, conn: Connection, month: Period, limit: int) -> tuple[NotableCase, ...]:
        returned = (
            select(
                PropertyItem.case_id,
                func.count().label("n"),
                func.max(PropertyItem.returned_at).label("last"),
            )
            .where(PropertyItem.case_id.is_not(None), sql.in_period(PropertyItem.returned_at, month))
            .group_by(PropertyItem.case_id)
            .subquery()
        )
        rows = conn.execute(
            _notable_select()
            .add_columns(returned.c.n)
            .join(returned, returned.c.case_id == TheftCase.id)
            .order_by(returned.c.last.desc(), TheftCase.case_no)
            .limit(limit)
        ).all()
        return tuple(_notable(r[:-1], int(r[-1])) for r in rows)


def _median(counts: Counter[int]) -> int | None:
    """The median of the values counted in ``counts`` (the mean of the middle two, rounded)."""
    total = sum(counts.values())
    if not total:
        return None
    wanted = {(total - 1) // 2, total // 2}
    middle, seen = [], 0
    for value in sorted(counts):
        hits = [i for i in wanted if seen <= i < seen + counts[value]]
        middle += [value] * len(hits)
        seen += counts[value]
        if len(middle) == len(wanted):
            break
    return round(sum(middle) / len(middle))


def _notable_select() -> Any:
    return select(
        TheftCase.case_no,
        TheftCase.category,
        TheftCase.title,
        func.coalesce(Community.name, TheftCase.community_text),
        TheftCase.reported_at,
        TheftCase.solved_at,
    ).outerjoin(Community, Community.id == TheftCase.community_id)


def _notable(row: Any, items_returned: int) -> NotableCase:
    case_no, category, title, community, reported, solved = row
    return NotableCase(
        case_no,
        CATEGORIES.get(category, category),
        title,
        community or "",
        reported,
        solved,
        hours_to_solve(reported, solved),
        items_returned,
    )
