"""The SQL forms of the station's rules, for aggregates that run the same on SQLite and PostgreSQL.

Each expression here is the counterpart of a Python rule written once elsewhere
(``cases.solve_band``, ``dispatch.response_seconds`` / ``within_target``, ``maps.compute_status``)
and uses that rule's constants; tests/services/figures check that the two agree at the edges.
The figures and their drill-downs build their WHERE clauses from these functions only, so a bar
and the list behind it cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, case, cast, extract, func, literal, or_, select
from sqlalchemy.engine import Connection

from console.models import Alert, Community, Dispatch, FraudIntervention, PropertyItem, Station, TheftCase
from console.services.cases import NOTIFY_WITHIN, SOLVED_FAST, SOLVED_SLOW
from console.services.dispatch import DEFAULT_RESPONSE_TARGET_S
from console.services.figures.types import Period

# Response-time histogram: 2-minute bins up to 30 minutes, then one open bin.
RESPONSE_BIN_SECONDS = 120
RESPONSE_BIN_LIMIT = 1800

DEFAULT_ORANGE_AFTER_DAYS = 30
DEFAULT_RED_AFTER_DAYS = 90


def seconds_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[Any]:
    """``later - earlier`` in seconds (a number; NULL when either is NULL).

    SQLite keeps naive UTC text: julianday's double carries about 40 µs of error on today's
    dates, so the difference is rounded to the millisecond before it is compared or floored.
    """
    if dialect == "sqlite":
        return func.round((func.julianday(later) - func.julianday(earlier)) * 86400.0, 3)
    return extract("epoch", later - earlier)


def whole_seconds(seconds: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """Whole seconds, the fraction dropped (as ``dispatch.response_seconds``; never negative here)."""
    return cast(func.floor(seconds) if dialect == "postgresql" else seconds, BigInteger)


def in_period(column: Any, period: Period) -> ColumnElement[bool]:
    first, after = period.bounds()
    return and_(column >= first, column < after)


def in_range(column: Any, first: dt.datetime, after: dt.datetime) -> ColumnElement[bool]:
    return and_(column >= first, column < after)


def bucket(column: Any, ranges: list[tuple[dt.datetime, dt.datetime]], offset: int = 0) -> ColumnElement[Any]:
    """The index (plus ``offset``) of the half-open UTC range ``column`` falls in; NULL outside all."""
    return case(
        *((in_range(column, a, b), literal(i + offset)) for i, (a, b) in enumerate(ranges)), else_=None
    )


def case_one(cond: ColumnElement[bool] | None) -> ColumnElement[Any]:
    """1 where ``cond`` holds, else 0 (a SUM of it counts the rows)."""
    return case((cond, literal(1)), else_=literal(0)) if cond is not None else literal(0)


# --- cases ---------------------------------------------------------------------------------


def counted_case() -> ColumnElement[bool]:
    """A case the figures count: not a duplicate merged into another dossier of the same crime."""
    return TheftCase.merged_into_id.is_(None)


def solve_band(dialect: str) -> ColumnElement[Any]:
    """``cases.solve_band`` in SQL: '24h', '72h', 'later' or 'open'."""
    taken = seconds_between(TheftCase.solved_at, TheftCase.reported_at, dialect)
    return case(
        (TheftCase.solved_at.is_(None), literal("open")),
        (taken <= SOLVED_FAST.total_seconds(), literal("24h")),
        (taken <= SOLVED_SLOW.total_seconds(), literal("72h")),
        else_=literal("later"),
    )


# --- property ------------------------------------------------------------------------------


def counted_item(period: Period) -> ColumnElement[bool]:
    """Items of the cases reported in ``period``, plus found items (no case) recovered in it."""
    of_cases = select(TheftCase.id).where(in_period(TheftCase.reported_at, period), counted_case())
    return or_(
        PropertyItem.case_id.in_(of_cases),
        and_(PropertyItem.case_id.is_(None), in_period(PropertyItem.recovered_at, period)),
    )


def notified_within_48h(dialect: str) -> ColumnElement[bool]:
    """A recovered item whose owner was called within NOTIFY_WITHIN of the recovery."""
    taken = seconds_between(PropertyItem.notified_at, PropertyItem.recovered_at, dialect)
    return and_(
        PropertyItem.recovered_at.is_not(None),
        PropertyItem.notified_at.is_not(None),
        taken <= NOTIFY_WITHIN.total_seconds(),
    )


PROPERTY_SERIES: dict[str, ColumnElement[bool]] = {
    "stolen": PropertyItem.case_id.is_not(None),
    "recovered": PropertyItem.recovered_at.is_not(None),
    "returned": PropertyItem.returned_at.is_not(None),
    "unclaimed": and_(PropertyItem.recovered_at.is_not(None), PropertyItem.returned_at.is_(None)),
}


def property_condition(name: str, dialect: str) -> ColumnElement[bool] | None:
    if name == "notified_within_48h":
        return notified_within_48h(dialect)
    return PROPERTY_SERIES.get(name)


# --- dispatch ------------------------------------------------------------------------------


def raised_at() -> ColumnElement[Any]:
    """When the warning arose: the dispatch's copy of its alert's raised_at, else the alert's."""
    return func.coalesce(Dispatch.received_at, Alert.raised_at)


def response_seconds(dialect: str) -> ColumnElement[Any]:
    """``dispatch.response_seconds`` in SQL: arrived − raised in whole seconds; NULL before arrival."""
    return whole_seconds(seconds_between(Dispatch.arrived_at, raised_at(), dialect), dialect)


def response_bin(seconds: ColumnElement[Any]) -> ColumnElement[Any]:
    """The histogram bin index of a response time (0 for [0, 120) s, ... the last one open)."""
    last = RESPONSE_BIN_LIMIT // RESPONSE_BIN_SECONDS
    edges = [(seconds < (i + 1) * RESPONSE_BIN_SECONDS, literal(i)) for i in range(last)]
    return case((seconds.is_(None), None), *edges, else_=literal(last))


def bin_of(seconds: int) -> int:
    """``response_bin`` in Python, for a response time already counted by SQL."""
    last = RESPONSE_BIN_LIMIT // RESPONSE_BIN_SECONDS
    return 0 if seconds < 0 else min(seconds // RESPONSE_BIN_SECONDS, last)


def bin_edges() -> list[tuple[int, int | None]]:
    last = RESPONSE_BIN_LIMIT // RESPONSE_BIN_SECONDS
    return [(i * RESPONSE_BIN_SECONDS, (i + 1) * RESPONSE_BIN_SECONDS) for i in range(last)] + [
        (RESPONSE_BIN_LIMIT, None)
    ]


def response_target(conn: Connection) -> int:
    """The station's response target in seconds (as the dispatch service reads it)."""
    target = conn.execute(select(Station.response_target_seconds).order_by(Station.id).limit(1)).scalar()
    return int(target) if target is not None else DEFAULT_RESPONSE_TARGET_S


def closed_intervention(period: Period) -> ColumnElement[bool]:
    return in_period(FraudIntervention.closed_at, period)


# --- verification coverage -------------------------------------------------------------------


def colour_cutoffs(
    conn: Connection, now: dt.datetime
) -> list[tuple[list[int] | None, dt.datetime, dt.datetime]]:
    """(station ids or None for all, green-after, orange-after) per distinct threshold pair.

    The grid map's rule (``maps.compute_status``): green while the whole days since the last
    verification are at most ``orange_after_days``, orange while at most ``red_after_days``, red
    beyond, "never" without one. "At most N whole days" is "verified after now − (N+1) days".
    """
    rows = conn.execute(select(Station.id, Station.orange_after_days, Station.red_after_days)).all()
    groups: dict[tuple[int, int], list[int]] = {}
    for sid, orange, red in rows:
        orange = orange or DEFAULT_ORANGE_AFTER_DAYS
        key = (orange, max(red or DEFAULT_RED_AFTER_DAYS, orange))
        groups.setdefault(key, []).append(sid)
    pairs = list(groups.items()) or [((DEFAULT_ORANGE_AFTER_DAYS, DEFAULT_RED_AFTER_DAYS), [])]
    single = len(pairs) == 1
    return [
        (None if single else ids, now - dt.timedelta(days=orange + 1), now - dt.timedelta(days=red + 1))
        for (orange, red), ids in pairs
    ]


def colour(
    verified: Any, cutoffs: list[tuple[list[int] | None, dt.datetime, dt.datetime]]
) -> ColumnElement[Any]:
    """'green', 'orange', 'red' or 'never' for a household's last verification (see colour_cutoffs)."""

    def newer(which: int) -> ColumnElement[bool]:
        terms = []
        for ids, green_after, orange_after in cutoffs:
            cond = verified > (green_after if which == 0 else orange_after)
            terms.append(cond if ids is None else and_(Community.station_id.in_(ids), cond))
        return or_(*terms)

    return case(
        (verified.is_(None), literal("never")),
        (newer(0), literal("green")),
        (newer(1), literal("orange")),
        else_=literal("red"),
    )
