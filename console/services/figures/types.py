"""What the figures are made of: the period, the stats summary, each chart's data, a drill-down.

Frozen dataclasses, Qt-free. ``FiguresService`` fills them; the statistics pane, ``stats``,
the monthly brief and the CSV exports all read these same objects, so they cannot disagree.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from console.errors import ValidationError
from console.services.cases import STATION_TZ

# The charts, by name (``drill_down`` and ``csv_rows`` take these).
CHARTS = ("incidents", "categories", "solved", "response", "property", "fraud", "coverage")


# Verification colours per household (coverage chart): the grid map's rule (maps.compute_status).
COVERAGE_COLOURS = ("green", "orange", "red", "never")


@dataclass(frozen=True)
class Period:
    """Station days ``start`` to ``end``, both inclusive, in Asia/Shanghai."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("to", "figures.period.reversed", start=str(self.start), end=str(self.end))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def parse_month(cls, text: str, field: str = "month") -> Period:
        """``YYYY-MM`` as the whole month; anything else is refused (``field``)."""
        try:
            year, month = (int(part) for part in text.strip().split("-"))
            return cls.month(year, month)
        except (ValueError, TypeError):
            raise ValidationError(field, "figures.month.invalid", value=text) from None

    @classmethod
    def parse(cls, start: str, end: str) -> Period:
        """Two ``YYYY-MM-DD`` station days (``--from``, ``--to``); refused naming ``from``/``to``."""
        return cls(_date(start, "from"), _date(end, "to"))

    def prior_year(self) -> Period:
        """The same dates one year earlier (29 February becomes the 28th)."""
        return Period(_year_back(self.start), _year_back(self.end))

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[first instant, instant after the last day) in UTC: a half-open range for SQL."""
        first = dt.datetime.combine(self.start, dt.time(), STATION_TZ)
        after = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), STATION_TZ)
        return first.astimezone(dt.UTC), after.astimezone(dt.UTC)

    def months(self) -> tuple[str, ...]:
        """Each month the period touches, ``YYYY-MM``, in order."""
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(out)

    def month_bounds(self) -> tuple[tuple[str, dt.datetime, dt.datetime], ...]:
        """(``YYYY-MM``, first instant, instant after) per month, clipped to the period, UTC."""
        out = []
        for label in self.months():
            year, month = int(label[:4]), int(label[5:])
            part = Period.month(year, month)
            clipped = Period(max(part.start, self.start), min(part.end, self.end))
            out.append((label, *clipped.bounds()))
        return tuple(out)

    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValidationError(field, "figures.date.invalid", value=text) from None


def _year_back(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


# --- the stats summary (contracts/cases.md, `stats`) ---------------------------------------------


@dataclass(frozen=True)
class PropertyFigures:
    """Items of cases reported in the period plus found items recovered in it."""

    stolen: int  # items of those cases (reported stolen)
    recovered: int  # of all those items, recovered (returned ones included)
    returned: int
    unclaimed: int  # recovered and not (yet) returned
    notified_within_48h: int  # recovered items whose owner was called within 48 h of recovery

    @property
    def recovery_rate(self) -> float | None:
        """Recovered / stolen; None with nothing stolen."""
        return self.recovered / self.stolen if self.stolen else None

    @property
    def return_rate(self) -> float | None:
        """Returned / recovered; None with nothing recovered."""
        return self.returned / self.recovered if self.recovered else None


@dataclass(frozen=True)
class DispatchFigures:
    """Dispatches made in the period, their arrivals and response times against the target."""

    count: int
    arrived: int
    within_target: int
    median_response_seconds: int | None  # None with no arrival
    target_seconds: int


@dataclass(frozen=True)
class FraudFigures:
    """Anti-fraud interventions closed in the period."""

    interventions: int
    stopped: int
    saved: Decimal  # yuan, exact


@dataclass(frozen=True)
class StatsSummary:
    """The station's headline figures for one period — exactly what ``stats`` prints."""

    period: Period
    cases: int
    cases_prior_year: int
    yoy_change: float | None  # (cases - prior) / prior, 2 decimals; None when the prior year has none
    solved: int
    solved_24h: int
    solved_24_72h: int
    property: PropertyFigures
    dispatch: DispatchFigures
    fraud: FraudFigures

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of contracts/cases.md, keys in its order."""
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "cases": self.cases,
            "cases_prior_year": self.cases_prior_year,
            "yoy_change": self.yoy_change,
            "solved": self.solved,
            "solved_24h": self.solved_24h,
            "solved_24_72h": self.solved_24_72h,
            "property": {
                "stolen": self.property.stolen,
                "recovered": self.property.recovered,
                "returned": self.property.returned,
                "unclaimed": self.property.unclaimed,
                "notified_within_48h": self.property.notified_within_48h,
            },
            "dispatch": {
                "count": self.dispatch.count,
                "arrived": self.dispatch.arrived,
                "within_target": self.dispatch.within_target,
                "median_response_seconds": self.dispatch.median_response_seconds,
            },
            "fraud": {
                "interventions": self.fraud.interventions,
                "stopped": self.fraud.stopped,
                "saved": float(self.fraud.saved),
            },
        }


# --- the charts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthIncidents:
    """Cases reported in one month of the period and in the same days a year earlier."""

    month: str  # YYYY-MM (of the period)
    cases: int
    prior_year: int
    yoy_change: float | None  # as StatsSummary.yoy_change


@dataclass(frozen=True)
class IncidentsChart:
    """Incidents per month this year against the same months last year."""

    period: Period
    months: tuple[MonthIncidents, ...]
    cases: int
    prior_year: int
    yoy_change: float | None


@dataclass(frozen=True)
class CategoryCount:
    category: str  # code: cable, phone, ... (cases.rules.CATEGORIES)
    label: str  # 中文: 电缆, 手机, ...
    cases: int
    solved: int


@dataclass(frozen=True)
class CategoriesChart:
    """Cases reported in the period by category, every category listed (zeros too), in CATEGORIES order."""

    period: Period
    rows: tuple[CategoryCount, ...]


@dataclass(frozen=True)
class MonthSolved:
    """Cases reported in one month by how soon they were solved (SOLVE_BANDS)."""

    month: str
    within_24h: int
    within_72h: int  # more than 24 h, at most 72 h
    later: int  # more than 72 h
    open: int  # not solved (yet)

    @property
    def total(self) -> int:
        return self.within_24h + self.within_72h + self.later + self.open


@dataclass(frozen=True)
class SolvedChart:
    period: Period
    months: tuple[MonthSolved, ...]


@dataclass(frozen=True)
class ResponseBin:
    """Arrivals whose response time was in [lower, upper) seconds; upper None: no upper bound."""

    lower_seconds: int
    upper_seconds: int | None
    dispatches: int

    @property
    def key(self) -> str:
        """The bin as the drill-down names it: ``"120-240"`` or ``"1800-"``."""
        return f"{self.lower_seconds}-{'' if self.upper_seconds is None else self.upper_seconds}"


@dataclass(frozen=True)
class ResponseChart:
    """Distribution of response times of the period's dispatches, with the station's target line."""

    period: Period
    bins: tuple[ResponseBin, ...]  # 2-minute bins to 30 minutes, then one open bin
    target_seconds: int
    dispatches: int
    arrived: int
    within_target: int
    median_seconds: int | None


@dataclass(frozen=True)
class PropertyChart:
    """Property recovery and return (the same counts as StatsSummary.property)."""

    period: Period
    figures: PropertyFigures


@dataclass(frozen=True)
class MonthFraud:
    """Interventions closed in one month: how many, how many stopped a payment, money saved."""

    month: str
    interventions: int
    stopped: int
    saved: Decimal


@dataclass(frozen=True)
class FraudChart:
    period: Period
    months: tuple[MonthFraud, ...]
    outcomes: tuple[tuple[str, int], ...]  # (outcome code, interventions) in INTERVENTION_OUTCOMES order
    totals: FraudFigures


@dataclass(frozen=True)
class CellCoverage:
    """Households of one grid cell by verification colour (grid_cell_id None: communities without one)."""

    grid_cell_id: int | None
    grid_cell: str  # its name; "未划网格" for None
    households: int
    green: int
    orange: int
    red: int
    never: int

    @property
    def verified_share(self) -> float | None:
        """Green / households; None for a cell with no households."""
        return self.green / self.households if self.households else None


@dataclass(frozen=True)
class CoverageChart:
    """Verification coverage per grid cell as of ``as_of`` (households' last verification then)."""

    as_of: dt.datetime
    rows: tuple[CellCoverage, ...]  # by grid cell name; the unassigned row last


@dataclass(frozen=True)
class Figures:
    """Every chart of one period, read together (the pane's full set, the brief)."""

    period: Period
    summary: StatsSummary
    incidents: IncidentsChart
    categories: CategoriesChart
    solved: SolvedChart
    response: ResponseChart
    property: PropertyChart
    fraud: FraudChart
    coverage: CoverageChart


# --- drill-down and the monthly brief ----------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar of one chart, as the pane knows it.

    chart:  one of CHARTS.
    x:      the bar's place on its axis: a month ``YYYY-MM`` (incidents, solved, fraud), a category
            code (categories), a ResponseBin.key (response), ``stolen|recovered|returned|unclaimed|
            notified_within_48h`` (property), a grid cell id or ``"none"`` (coverage).
    series: which series of a stacked/grouped bar: incidents ``cases|prior_year``; solved one of
            cases.SOLVE_BANDS; fraud ``interventions|stopped``; coverage one of COVERAGE_COLOURS;
            empty for the others.
    """

    chart: str
    x: str
    series: str = ""


@dataclass(frozen=True)
class DrillRow:
    """One case, dispatch, item, intervention or household behind a bar."""

    kind: str  # case | dispatch | item | intervention | household
    id: int
    ref: str  # case number, "派警 #12", item description, household address
    at: dt.datetime | None  # reported / dispatched / recovered / closed / last verified
    text: str  # a short line: category and summary, community and response time, ...


@dataclass(frozen=True)
class DrillDown:
    bar: Bar
    rows: tuple[DrillRow, ...]  # at most ``limit`` rows, newest first
    total: int  # all rows behind the bar (may exceed len(rows))


@dataclass(frozen=True)
class NotableCase:
    """A case the monthly brief names: solved fastest, or with property returned."""

    case_no: str
    category: str  # 中文
    summary: str
    community: str
    reported_at: dt.datetime
    solved_at: dt.datetime | None
    hours_to_solve: float | None
    items_returned: int


@dataclass(frozen=True)
class MonthlyBrief:
    """Everything the monthly report prints: the month's figures, the same month a year earlier."""

    station: str
    month: Period
    figures: Figures
    prior: StatsSummary  # the same month of the prior year
    solved_fastest: tuple[NotableCase, ...]
    property_returned: tuple[NotableCase, ...]
    generated_at: dt.datetime
