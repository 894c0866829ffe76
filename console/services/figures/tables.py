"""Each chart's data as a table: the rows the pane exports as CSV and the brief prints.

Pure functions of the chart dataclasses, so a CSV file can never say something the chart does not.
"""

from __future__ import annotations

import csv
from pathlib import Path

from console.errors import ValidationError
from console.services.figures.types import CHARTS, Figures

Table = tuple[tuple[str, ...], tuple[tuple[str | int | float | None, ...], ...]]


def csv_rows(figures: Figures, chart: str) -> Table:
    """(header, rows) of one chart of ``figures``; headers in Chinese (the station's spreadsheets).

    ``chart`` is one of CHARTS; anything else is refused (field ``chart``).
    """
    _check(chart)
    if chart == "incidents":
        return ("月份", "本期案件", "上年同期", "同比"), tuple(
            (r.month, r.cases, r.prior_year, r.yoy_change) for r in figures.incidents.months
        )
    if chart == "categories":
        return ("类别", "类别代码", "案件", "已破案"), tuple(
            (r.label, r.category, r.cases, r.solved) for r in figures.categories.rows
        )
    if chart == "solved":
        return ("月份", "24小时内破案", "24-72小时破案", "72小时后破案", "未破案"), tuple(
            (r.month, r.within_24h, r.within_72h, r.later, r.open) for r in figures.solved.months
        )
    if chart == "response":
        return ("响应时间下限(秒)", "响应时间上限(秒)", "派警数"), tuple(
            (b.lower_seconds, b.upper_seconds, b.dispatches) for b in figures.response.bins
        )
    if chart == "property":
        p = figures.property.figures
        return ("项目", "件数"), (
            ("被盗", p.stolen),
            ("追回", p.recovered),
            ("发还", p.returned),
            ("待领", p.unclaimed),
            ("48小时内通知失主", p.notified_within_48h),
        )
    if chart == "fraud":
        return ("月份", "劝阻", "成功止付", "挽回金额(元)"), tuple(
            (r.month, r.interventions, r.stopped, f"{r.saved:.2f}") for r in figures.fraud.months
        )
    return ("网格", "户数", "已核实", "待核实", "逾期", "从未核实"), tuple(
        (r.grid_cell, r.households, r.green, r.orange, r.red, r.never) for r in figures.coverage.rows
    )


def write_csv(path: str | Path, figures: Figures, chart: str) -> Path:
    """Write ``csv_rows`` as UTF-8 with a BOM (Excel opens it as Chinese), CRLF line ends."""
    header, rows = csv_rows(figures, chart)
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)
    return path


def _check(chart: str) -> None:
    if chart not in CHARTS:
        raise ValidationError("chart", "figures.chart.unknown", value=chart, allowed=", ".join(CHARTS))
