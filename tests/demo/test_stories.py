"""The demo district tells the station's stories: read back through the product's own services.

Cases (the article's figures, a solved cable series, property from theft to its owner's hands,
an unclaimed board) and dispatch (two shifts, response clocks against the target, anti-fraud cards).
The figures are counted here with plain SQL as ``cases.md`` defines them; the figures service is
built elsewhere.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter

import pytest
from sqlalchemy import Engine, func, select
from stdnum import imei as stdnum_imei

from console.demo.seed import seed_demo
from console.models import FraudIntervention, PropertyItem, TheftCase
from console.security import Actor
from console.services.cases import CaseFilter, hours_to_solve
from console.services.container import build_services
from console.services.station import UserService

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 3, 14, 21, 0, tzinfo=CST)  # the night shift is on


@pytest.fixture
def leader(users: UserService) -> Actor:
    """Station leadership: sees cases, dispatches and exports."""
    return users.ensure_user("wang", "王所长", "supervisor")


def _count_cases(engine: Engine, start: dt.datetime, end: dt.datetime) -> tuple[int, int, int]:
    """(cases, solved within 24 h, solved within 24–72 h) reported in [start, end)."""
    t = TheftCase
    with engine.connect() as conn:
        rows = conn.execute(
            select(t.reported_at, t.solved_at).where(t.reported_at >= start, t.reported_at < end)
        ).all()
    hours = [hours_to_solve(r.reported_at, r.solved_at) for r in rows]
    fast = sum(1 for h in hours if h is not None and h <= 24)
    slower = sum(1 for h in hours if h is not None and 24 < h <= 72)
    return len(rows), fast, slower


def test_a_half_year_reads_like_the_article(engine: Engine) -> None:
    """Cases down about 43 % on the same half-year a year earlier; ~33 solved within 24 h, ~2 within 72 h."""
    seed_demo(engine, "small", seed=3, now=NOW)
    half_year = dt.timedelta(days=182)
    cases, fast, slower = _count_cases(engine, NOW - half_year, NOW)
    prior, _, _ = _count_cases(engine, NOW - half_year - dt.timedelta(days=365), NOW - dt.timedelta(days=365))
    assert 50 <= cases <= 64
    assert -0.48 <= round((cases - prior) / prior, 2) <= -0.38
    assert 29 <= fast <= 37
    assert 1 <= slower <= 4
    # The whole last year is there too, and the year before it had more.
    year, _, _ = _count_cases(engine, NOW - dt.timedelta(days=365), NOW)
    before, _, _ = _count_cases(engine, NOW - dt.timedelta(days=730), NOW - dt.timedelta(days=365))
    assert 90 <= year < before


def test_cable_series_is_solved_at_the_scrap_yard_and_property_reaches_its_owners(
    engine: Engine, leader: Actor
) -> None:
    seed_demo(engine, "small", seed=3, now=NOW)
    services = build_services(engine)
    rows = services.cases.list_cases(leader, CaseFilter(text="蚂蚁搬家"))
    assert len(rows) == 1
    dossier = services.cases.show(leader, rows[0].case_no)
    assert dossier.case["status"] == "solved"
    assert dossier.case["hours_to_solve"] < 24
    assert sum(1 for p in dossier.parties if p["role"] == "suspect") == 4
    assert any("废品回收站" in f["name"] for f in dossier.fences)
    (cable,) = dossier.property
    trail = [e["kind"] for e in cable["custody"]]
    assert trail[:3] == ["reported_stolen", "recovered", "stored"] and "notified" in trail
    series = services.series.series_of(leader, rows[0].case_no)
    assert series is not None and len(series.cases) >= 2
    assert all(c.category == "cable" and c.status in ("solved", "closed") for c in series.cases)

    # Returned items: a custody trail from report to return, the owner called before.
    returned = services.property.list_items(leader, "returned")
    assert len(returned) > 50
    item = next(r for r in returned if r.case_no and r.category == "手机")
    phone = next(p for p in services.cases.show(leader, item.case_no).property if p["id"] == item.id)
    kinds = [e["kind"] for e in phone["custody"]]
    assert kinds[0] == "reported_stolen" and kinds[-1] == "returned"
    assert kinds.index("notified") < kinds.index("returned")
    assert "身份证" in phone["custody"][-1]["note"]
    with engine.connect() as conn:
        imeis = conn.execute(select(PropertyItem.imei).where(PropertyItem.imei.is_not(None))).scalars().all()
    assert len(imeis) > 20 and all(stdnum_imei.is_valid(v) for v in imeis)

    # The unclaimed board: items waiting, found items with no case, one or two owners never called.
    board = services.property.unclaimed(leader)
    assert len(board) >= 5
    assert [r.recovered_at for r in board] == sorted(r.recovered_at for r in board)
    assert sum(1 for r in board if r.case_no is None) >= 2
    # Overdue as of the demo's clock (the board counts from the real now, long after NOW here).
    uncalled = [r for r in board if r.case_no is not None and r.notify_overdue]
    overdue_at_seed = [r for r in uncalled if NOW - r.recovered_at > dt.timedelta(hours=48)]
    assert 1 <= len(overdue_at_seed) <= 2
    assert any(r.notified_at is not None and not r.notify_overdue for r in board)


def test_dispatch_history_shifts_and_anti_fraud_cards(engine: Engine, leader: Actor) -> None:
    seed_demo(engine, "small", seed=3, now=NOW)
    services = build_services(engine)

    board = services.officers.board(leader)
    day = [o for o in board if o.team.endswith("白班")]
    night = [o for o in board if o.team.endswith("夜班")]
    assert day and night
    assert all(o.status == "off_duty" for o in day)  # 21:00: the day shift has gone home
    assert all(o.status != "off_duty" for o in night)

    out = io.StringIO()
    services.export.export(leader, "dispatches", out)
    dispatches = [json.loads(line) for line in out.getvalue().splitlines()]
    from_alerts = [d for d in dispatches if d["alert_id"] is not None and d["arrived_at"]]
    assert len(from_alerts) > 100
    within = sum(1 for d in from_alerts if d["within_target"])
    assert 0.8 <= within / len(from_alerts) < 1.0  # most at the door in ten minutes, a few not
    assert all(d["officers"] for d in dispatches)
    first = min(dt.datetime.fromisoformat(d["dispatched_at"]) for d in dispatches)
    assert NOW - first > dt.timedelta(days=300)  # a year of them

    with engine.connect() as conn:
        cards = conn.execute(
            select(FraudIntervention.alert_id, FraudIntervention.outcome).order_by(FraudIntervention.id)
        ).all()
        assert conn.execute(select(func.count()).select_from(FraudIntervention)).scalar_one() == len(cards)
    outcomes = Counter(c.outcome for c in cards)
    assert {"stopped", "transferred", "not_fraud", "unreachable"} <= set(outcomes)
    assert outcomes[None] >= 1  # an open card on a warning still being worked
    stopped = services.interventions.card(leader, next(c.alert_id for c in cards if c.outcome == "stopped"))
    assert stopped.saved is not None and stopped.saved > 0
    assert stopped.alert_status == "resolved"
    assert stopped.calls and stopped.calls[-1].result == "reached"
    unreachable = services.interventions.card(
        leader, next(c.alert_id for c in cards if c.outcome == "unreachable")
    )
    assert unreachable.saved is None and {c.result for c in unreachable.calls} == {"no_answer"}
