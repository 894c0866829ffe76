"""The station's figures by aggregate SQL, the same on SQLite and PostgreSQL (Qt-free)."""

from __future__ import annotations

from console.security import Actor
from console.services.base import Service
from console.services.figures.types import (
    Bar,
    CoverageChart,
    DrillDown,
    Figures,
    MonthlyBrief,
    Period,
    StatsSummary,
)

DRILL_LIMIT = 500
NOTABLE_LIMIT = 5


class FiguresService(Service):
    """Statistics for station leadership: the stats summary, the charts, drill-downs, the brief.

    Every method needs ``Permission.VIEW_STATISTICS`` and reads in one transaction. Station days
    are Asia/Shanghai: a case reported at 23:30 local on 30 June counts in June.
    """

    def summary(self, actor: Actor, period: Period) -> StatsSummary:
        """The headline figures of ``period`` — what ``duty-console stats`` prints."""
        raise NotImplementedError

    def figures(self, actor: Actor, period: Period) -> Figures:
        """The summary and every chart of ``period``, read together (one transaction)."""
        raise NotImplementedError

    def coverage(self, actor: Actor) -> CoverageChart:
        """Verification coverage per grid cell now (also part of ``figures``)."""
        raise NotImplementedError

    def drill_down(self, actor: Actor, period: Period, bar: Bar, limit: int = DRILL_LIMIT) -> DrillDown:
        """The cases, dispatches, items, interventions or households behind one bar of one chart.

        Uses the same conditions as the figure, so ``total`` equals the bar's height. An unknown
        chart or series is refused (field ``chart`` / ``series``).
        """
        raise NotImplementedError

    def monthly_brief(self, actor: Actor, month: Period, notable: int = NOTABLE_LIMIT) -> MonthlyBrief:
        """The month's figures, the same month a year earlier, and its notable cases (for the PDF)."""
        raise NotImplementedError
