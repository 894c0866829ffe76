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
    raise NotImplementedError


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
