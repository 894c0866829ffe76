"""What stands behind one bar: the rows, found with the very conditions the figure counted with."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, select

from console.errors import ValidationError
from console.models import Alert, Community, Dispatch, FraudIntervention, Household, PropertyItem, TheftCase
from console.services.cases import CATEGORIES, SOLVE_BANDS, hours_to_solve
from console.services.figures import sql
from console.services.figures.types import COVERAGE_COLOURS, Bar, DrillDown, DrillRow, Period


def drill_down(conn: Connection, period: Period, bar: Bar, limit: int, now: dt.datetime) -> DrillDown:
    dialect = conn.dialect.name
    if bar.chart in ("incidents", "categories", "solved"):
        return _cases(conn, period, bar, limit, dialect)
    if bar.chart == "property":
        return _items(conn, period, bar, limit, dialect)
    if bar.chart == "response":
        return _dispatches(conn, period, bar, limit, dialect)
    if bar.chart == "fraud":
        return _interventions(conn, period, bar, limit)
    if bar.chart == "coverage":
        return _households(conn, bar, limit, now)
    raise ValidationError("chart", "figures.chart.unknown", value=bar.chart, allowed="")


def _refuse(bar: Bar) -> ValidationError:
    return ValidationError("series", "figures.series.unknown", chart=bar.chart, value=f"{bar.x}/{bar.series}")


def _month(period: Period, label: str, bar: Bar) -> tuple[int, tuple[str, dt.datetime, dt.datetime]]:
    for i, bounds in enumerate(period.month_bounds()):
        if bounds[0] == label:
            return i, bounds
    raise _refuse(bar)


def _page(conn: Connection, query: Any, order: Any, limit: int) -> tuple[list[Any], int]:
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = list(conn.execute(query.order_by(*order).limit(limit)).all())
    return rows, int(total)


def _cases(conn: Connection, period: Period, bar: Bar, limit: int, dialect: str) -> DrillDown:
    q = (
        select(
            TheftCase.id,
            TheftCase.case_no,
            TheftCase.reported_at,
            TheftCase.solved_at,
            TheftCase.category,
            TheftCase.title,
            func.coalesce(Community.name, TheftCase.community_text),
        )
        .outerjoin(Community, Community.id == TheftCase.community_id)
        .where(sql.counted_case())
    )
    if bar.chart == "incidents":
        i, (_m, first, after) = _month(period, bar.x, bar)
        if bar.series == "prior_year":
            _m, first, after = period.prior_year().month_bounds()[i]
        elif bar.series not in ("", "cases"):
            raise _refuse(bar)
        q = q.where(sql.in_range(TheftCase.reported_at, first, after))
    elif bar.chart == "categories":
        q = q.where(sql.in_period(TheftCase.reported_at, period), TheftCase.category == bar.x)
    else:
        if bar.series not in SOLVE_BANDS:
            raise _refuse(bar)
        _i, (_m, first, after) = _month(period, bar.x, bar)
        q = q.where(sql.in_range(TheftCase.reported_at, first, after), sql.solve_band(dialect) == bar.series)
    rows, total = _page(conn, q, (TheftCase.reported_at.desc(), TheftCase.id.desc()), limit)
    out = []
    for cid, case_no, reported, solved, category, title, community in rows:
        hours = hours_to_solve(reported, solved)
        took = "" if hours is None else f" · {hours} h"
        place = f"{community} · " if community else ""
        out.append(
            DrillRow(
                "case", cid, case_no, reported, f"{CATEGORIES.get(category, category)} · {place}{title}{took}"
            )
        )
    return DrillDown(bar, tuple(out), total)


def _items(conn: Connection, period: Period, bar: Bar, limit: int, dialect: str) -> DrillDown:
    cond = sql.property_condition(bar.x, dialect)
    if cond is None:
        raise _refuse(bar)
    q = (
        select(
            PropertyItem.id,
            PropertyItem.description,
            PropertyItem.recovered_at,
            PropertyItem.status,
            TheftCase.case_no,
        )
        .outerjoin(TheftCase, TheftCase.id == PropertyItem.case_id)
        .where(sql.counted_item(period), cond)
    )
    rows, total = _page(conn, q, (PropertyItem.id.desc(),), limit)
    out = [
        DrillRow("item", iid, desc, recovered, f"{case_no or '拾获物品'} · {status}")
        for iid, desc, recovered, status, case_no in rows
    ]
    return DrillDown(bar, tuple(out), total)


def _dispatches(conn: Connection, period: Period, bar: Bar, limit: int, dialect: str) -> DrillDown:
    keys = {f"{lo}-{'' if hi is None else hi}": i for i, (lo, hi) in enumerate(sql.bin_edges())}
    if bar.x not in keys:
        raise _refuse(bar)
    seconds = sql.response_seconds(dialect)
    q = (
        select(Dispatch.id, Dispatch.dispatched_at, seconds, Community.name, Alert.summary)
        .outerjoin(Alert, Alert.id == Dispatch.alert_id)
        .outerjoin(Community, Community.id == Dispatch.community_id)
        .where(sql.in_period(Dispatch.dispatched_at, period), sql.response_bin(seconds) == keys[bar.x])
    )
    rows, total = _page(conn, q, (Dispatch.dispatched_at.desc(), Dispatch.id.desc()), limit)
    out = [
        DrillRow("dispatch", did, f"派警 #{did}", at, f"{community or ''} · {int(secs)} s · {summary or ''}")
        for did, at, secs, community, summary in rows
    ]
    return DrillDown(bar, tuple(out), total)


def _interventions(conn: Connection, period: Period, bar: Bar, limit: int) -> DrillDown:
    fi = FraudIntervention
    _i, (_m, first, after) = _month(period, bar.x, bar)
    q = select(fi.id, fi.alert_id, fi.closed_at, fi.outcome, fi.saved).where(
        sql.in_range(fi.closed_at, first, after)
    )
    if bar.series == "stopped":
        q = q.where(fi.outcome == "stopped")
    elif bar.series not in ("", "interventions"):
        raise _refuse(bar)
    rows, total = _page(conn, q, (fi.closed_at.desc(), fi.id.desc()), limit)
    out = [
        DrillRow("intervention", iid, f"预警 #{alert_id}", closed, f"{outcome} · ¥{saved or 0}")
        for iid, alert_id, closed, outcome, saved in rows
    ]
    return DrillDown(bar, tuple(out), total)


def _households(conn: Connection, bar: Bar, limit: int, now: dt.datetime) -> DrillDown:
    if bar.series not in COVERAGE_COLOURS:
        raise _refuse(bar)
    colour = sql.colour(Household.last_verified_at, sql.colour_cutoffs(conn, now))
    q = (
        select(Household.id, Community.name, Household.unit, Household.room, Household.last_verified_at)
        .join(Community, Community.id == Household.community_id)
        .where(colour == bar.series)
    )
    if bar.x == "none":
        q = q.where(Community.grid_cell_id.is_(None))
    elif bar.x.isdigit():
        q = q.where(Community.grid_cell_id == int(bar.x))
    else:
        raise _refuse(bar)
    rows, total = _page(conn, q, (Household.last_verified_at, Household.id), limit)
    out = [
        DrillRow("household", hid, f"{community} {unit}{room}", verified, bar.series)
        for hid, community, unit, room, verified in rows
    ]
    return DrillDown(bar, tuple(out), total)
