"""The statistics pane's charts, built from the figures service's dataclasses and nothing else.

Each builder turns one chart of ``Figures`` into a ``ChartData`` in the UI language: the bar
heights are the service's numbers as they are (a test compares them one by one), the words and
colours are the pane's. ``category_keys`` and each series' ``key`` are what the service's
``drill_down`` calls the bar (``figures.Bar``).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.services.figures import Figures, ResponseBin
from console.widgets.cases_pane import CATEGORY_TITLES, case_title
from console.widgets.common import ui_language
from console.widgets.figure_chart import ChartData, ChartSeries
from console.widgets.theme import SEVERITY_COLOURS, VERIFICATION_COLOURS

CONTEXT = "FiguresCharts"
# (chart key of the service, tab title); the tab order of the pane.
CHART_TITLES = (
    ("incidents", QT_TRANSLATE_NOOP("FiguresCharts", "警情同比")),
    ("categories", QT_TRANSLATE_NOOP("FiguresCharts", "案件类别")),
    ("solved", QT_TRANSLATE_NOOP("FiguresCharts", "破案时效")),
    ("response", QT_TRANSLATE_NOOP("FiguresCharts", "出警时长")),
    ("property", QT_TRANSLATE_NOOP("FiguresCharts", "财物追回")),
    ("fraud", QT_TRANSLATE_NOOP("FiguresCharts", "反诈劝阻")),
    ("coverage", QT_TRANSLATE_NOOP("FiguresCharts", "核实覆盖")),
)
THIS_PERIOD = "#4c8dff"  # blue: this period, beside the grey of the year before
PRIOR_YEAR = "#8b949e"
SOLVE_COLOURS = {
    "24h": VERIFICATION_COLOURS["green"],
    "72h": "#4c8dff",
    "later": VERIFICATION_COLOURS["orange"],
    "open": "#8b949e",
}
PROPERTY_KEYS = ("stolen", "recovered", "returned", "unclaimed", "notified_within_48h")
PROPERTY_TITLES = {
    "stolen": QT_TRANSLATE_NOOP("FiguresCharts", "被盗"),
    "recovered": QT_TRANSLATE_NOOP("FiguresCharts", "已追回"),
    "returned": QT_TRANSLATE_NOOP("FiguresCharts", "已返还"),
    "unclaimed": QT_TRANSLATE_NOOP("FiguresCharts", "待认领"),
    "notified_within_48h": QT_TRANSLATE_NOOP("FiguresCharts", "48小时内通知失主"),
}
COVERAGE_TITLES = {
    "green": QT_TRANSLATE_NOOP("FiguresCharts", "30天内已核实"),
    "orange": QT_TRANSLATE_NOOP("FiguresCharts", "31–90天"),
    "red": QT_TRANSLATE_NOOP("FiguresCharts", "超过90天"),
    "never": QT_TRANSLATE_NOOP("FiguresCharts", "从未核实"),
}
# The grid map's colours: never-verified households are its grey.
COVERAGE_COLOURS = {
    "green": VERIFICATION_COLOURS["green"],
    "orange": VERIFICATION_COLOURS["orange"],
    "red": VERIFICATION_COLOURS["red"],
    "never": VERIFICATION_COLOURS["grey"],
}


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def chart_title(key: str) -> str:
    return tr(dict(CHART_TITLES)[key])


def month_label(month: str, with_year: bool) -> str:
    """``2026-03`` as 3月 (or Mar); with the year when the period spans two years."""
    year, number = int(month[:4]), int(month[5:7])
    if ui_language() == "en":
        short = calendar.month_abbr[number]
        return f"{short} {year}" if with_year else short
    return f"{year}年{number}月" if with_year else f"{number}月"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.0f}%" if value < 0 or value > 0 else "0%"


def share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _months(months: tuple[str, ...]) -> tuple[str, ...]:
    spans_years = len({m[:4] for m in months}) > 1
    return tuple(month_label(m, spans_years) for m in months)


def incidents(f: Figures) -> ChartData:
    chart = f.incidents
    months = tuple(m.month for m in chart.months)
    return ChartData(
        title=chart_title("incidents"),
        categories=_months(months),
        category_keys=months,
        series=(
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "本期"),
                tuple(m.cases for m in chart.months),
                THIS_PERIOD,
                "cases",
            ),
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "去年同期"),
                tuple(m.prior_year for m in chart.months),
                PRIOR_YEAR,
                "prior_year",
            ),
        ),
        note=QCoreApplication.translate("FiguresCharts", "本期 {0} 起, 去年同期 {1} 起, 同比 {2}").format(
            chart.cases, chart.prior_year, percent(chart.yoy_change)
        ),
    )


def categories(f: Figures) -> ChartData:
    rows = f.categories.rows
    solved = sum(r.solved for r in rows)
    total = sum(r.cases for r in rows)
    return ChartData(
        title=chart_title("categories"),
        categories=tuple(case_title(CATEGORY_TITLES, r.category) for r in rows),
        category_keys=tuple(r.category for r in rows),
        series=(
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "案件"),
                tuple(r.cases for r in rows),
                THIS_PERIOD,
                "",
            ),
        ),
        note=QCoreApplication.translate("FiguresCharts", "共 {0} 起, 已破 {1} 起").format(total, solved),
    )


def solved(f: Figures) -> ChartData:
    months = f.solved.months
    titles = {
        "24h": QCoreApplication.translate("FiguresCharts", "24小时内破案"),
        "72h": QCoreApplication.translate("FiguresCharts", "24–72小时破案"),
        "later": QCoreApplication.translate("FiguresCharts", "72小时后破案"),
        "open": QCoreApplication.translate("FiguresCharts", "未破"),
    }
    fields = {"24h": "within_24h", "72h": "within_72h", "later": "later", "open": "open"}
    s = f.summary
    return ChartData(
        title=chart_title("solved"),
        categories=_months(tuple(m.month for m in months)),
        category_keys=tuple(m.month for m in months),
        series=tuple(
            ChartSeries(
                titles[band], tuple(getattr(m, fields[band]) for m in months), SOLVE_COLOURS[band], band
            )
            for band in ("24h", "72h", "later", "open")
        ),
        stacked=True,
        note=QCoreApplication.translate(
            "FiguresCharts", "已破 {0} 起: 24小时内 {1} 起, 24–72小时 {2} 起"
        ).format(s.solved, s.solved_24h, s.solved_24_72h),
    )


def _minutes(seconds: int) -> str:
    return f"{seconds // 60}" if seconds % 60 == 0 else f"{seconds / 60:.1f}"


def response(f: Figures) -> ChartData:
    chart = f.response
    labels = tuple(
        f"{_minutes(b.lower_seconds)}–{_minutes(b.upper_seconds)}"
        if b.upper_seconds is not None
        else f"≥{_minutes(b.lower_seconds)}"
        for b in chart.bins
    )
    target = chart.target_seconds
    inside = tuple(
        b.dispatches if b.upper_seconds is not None and b.upper_seconds <= target else 0 for b in chart.bins
    )
    beyond = tuple(b.dispatches - i for b, i in zip(chart.bins, inside, strict=True))
    median = chart.median_seconds
    return ChartData(
        title=chart_title("response"),
        categories=labels,
        category_keys=tuple(b.key for b in chart.bins),
        series=(
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "目标内到场"),
                inside,
                VERIFICATION_COLOURS["green"],
                "",
            ),
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "超过目标"), beyond, SEVERITY_COLOURS["high"], ""
            ),
        ),
        stacked=True,
        unit=QCoreApplication.translate("FiguresCharts", "到场用时 (分钟)"),
        target_x=_target_position(chart.bins, target),
        target_label=QCoreApplication.translate("FiguresCharts", "{0} 分钟目标").format(_minutes(target)),
        note=QCoreApplication.translate(
            "FiguresCharts", "派警 {0} 次, 到场 {1} 次, 目标内 {2} 次 ({3}), 中位数 {4}"
        ).format(
            chart.dispatches,
            chart.arrived,
            chart.within_target,
            share(chart.within_target / chart.arrived if chart.arrived else None),
            "—"
            if median is None
            else QCoreApplication.translate("FiguresCharts", "{0} 分 {1} 秒").format(
                median // 60, median % 60
            ),
        ),
    )


def _target_position(bins: tuple[ResponseBin, ...], target: int) -> float | None:
    """Where the target falls on the axis of bins (category i spans i-0.5 .. i+0.5)."""
    for i, b in enumerate(bins):
        upper = b.upper_seconds
        if upper is None or target < upper:
            width = (upper - b.lower_seconds) if upper is not None else 1
            return i - 0.5 + max(0.0, min(1.0, (target - b.lower_seconds) / width))
    return len(bins) - 0.5 if bins else None


def property_chart(f: Figures) -> ChartData:
    p = f.property.figures
    values = tuple(getattr(p, key) for key in PROPERTY_KEYS)
    return ChartData(
        title=chart_title("property"),
        categories=tuple(tr(PROPERTY_TITLES[k]) for k in PROPERTY_KEYS),
        category_keys=PROPERTY_KEYS,
        series=(ChartSeries(QCoreApplication.translate("FiguresCharts", "件数"), values, THIS_PERIOD, ""),),
        note=QCoreApplication.translate("FiguresCharts", "追回率 {0}, 返还率 {1}").format(
            share(p.recovery_rate), share(p.return_rate)
        ),
    )


def fraud(f: Figures) -> ChartData:
    chart = f.fraud
    months = tuple(m.month for m in chart.months)
    return ChartData(
        title=chart_title("fraud"),
        categories=_months(months),
        category_keys=months,
        series=(
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "劝阻"),
                tuple(m.interventions for m in chart.months),
                THIS_PERIOD,
                "interventions",
            ),
            ChartSeries(
                QCoreApplication.translate("FiguresCharts", "成功止付"),
                tuple(m.stopped for m in chart.months),
                VERIFICATION_COLOURS["green"],
                "stopped",
            ),
        ),
        note=QCoreApplication.translate("FiguresCharts", "劝阻 {0} 次, 成功止付 {1} 次, 挽回 ¥{2}").format(
            chart.totals.interventions, chart.totals.stopped, f"{chart.totals.saved:,.0f}"
        ),
    )


def coverage(f: Figures) -> ChartData:
    rows = f.coverage.rows
    households = sum(r.households for r in rows)
    green = sum(r.green for r in rows)
    return ChartData(
        title=chart_title("coverage"),
        categories=tuple(
            r.grid_cell
            if r.grid_cell_id is not None
            else QCoreApplication.translate("FiguresCharts", "未划网格")
            for r in rows
        ),
        category_keys=tuple("none" if r.grid_cell_id is None else str(r.grid_cell_id) for r in rows),
        series=tuple(
            ChartSeries(tr(COVERAGE_TITLES[c]), tuple(getattr(r, c) for r in rows), COVERAGE_COLOURS[c], c)
            for c in ("green", "orange", "red", "never")
        ),
        stacked=True,
        note=QCoreApplication.translate("FiguresCharts", "{0} 户, 30天内已核实 {1} ({2})").format(
            households, green, share(green / households if households else None)
        ),
    )


BUILDERS: dict[str, Callable[[Figures], ChartData]] = {
    "incidents": incidents,
    "categories": categories,
    "solved": solved,
    "response": response,
    "property": property_chart,
    "fraud": fraud,
    "coverage": coverage,
}
