"""Response times in the figures: one pass by whole second gives the bins, the target count and the median."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from factories import add_communities, add_station
from sqlalchemy import Engine, insert

from console.clock import FixedClock
from console.models import Alert, Dispatch
from console.services.container import build_services
from console.services.figures import Bar, Period

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=CST)
MAY = Period.month(2026, 5)


def seed(engine: Engine, seconds: list[int | None], *, copy_raised: bool = True) -> None:
    """One dispatch per entry on 1 May, arriving that many seconds (+0.4 s) after its alert (None: not yet)."""
    with engine.begin() as c:
        sid = add_station(c)
        (comm,) = add_communities(c, sid, ["禹洲璟阅城"])
        for i, s in enumerate(seconds):
            raised = dt.datetime(2026, 5, 1, 8, 0, tzinfo=CST) + dt.timedelta(minutes=i)
            aid = c.execute(
                insert(Alert)
                .values(kind="plate", severity="high", severity_rank=1, status="dispatched", community_id=comm,
                        summary=f"预警{i}", first_event_at=raised, last_event_at=raised, raised_at=raised,
                        updated_at=raised)
                .returning(Alert.id)
            ).scalar_one()  # fmt: skip
            c.execute(
                insert(Dispatch).values(
                    alert_id=aid, community_id=comm, dispatched_at=raised + dt.timedelta(seconds=20),
                    received_at=raised if copy_raised else None,
                    arrived_at=None if s is None else raised + dt.timedelta(seconds=s, microseconds=400_000),
                )
            )  # fmt: skip


def figures(engine: Engine, users):  # type: ignore[no-untyped-def]
    services = build_services(engine, FixedClock(NOW))
    chief = users.ensure_user("wang", "王所长", "supervisor")
    return services, chief


# On both sides of every edge the chart and the target draw: 2-minute bins, the 10-minute target,
# the open bin from 30 minutes; an even number of arrivals, so the median is the middle two's mean.
EDGES = [0, 119, 120, 599, 600, 601, 1799, 1800, 5000, 250]


@pytest.mark.parametrize("copy_raised", [True, False], ids=["raised-copied", "raised-from-alert"])
def test_response_figures_follow_the_rules_at_every_edge(engine, users, copy_raised):
    seed(engine, [*EDGES, None, None], copy_raised=copy_raised)
    services, chief = figures(engine, users)
    f = services.figures.figures(chief, MAY)
    d = f.summary.dispatch
    assert (d.count, d.arrived, d.within_target) == (12, 10, 6)
    assert d.median_response_seconds == round(statistics.median(EDGES)) == 600
    by_bin = {b.lower_seconds: b.dispatches for b in f.response.bins}
    assert by_bin[0] == 2 and by_bin[120] == 1 and by_bin[240] == 1  # 0 and 119; 120; 250
    assert by_bin[480] == 1 and by_bin[600] == 2 and by_bin[1680] == 1 and by_bin[1800] == 2
    assert sum(by_bin.values()) == d.arrived
    for b in f.response.bins:  # the list behind each bar is as long as the bar
        assert services.figures.drill_down(chief, MAY, Bar("response", b.key)).total == b.dispatches


def test_an_odd_number_of_arrivals_has_its_middle_one_as_median(engine, users):
    seed(engine, [900, 30, 601, 601, 599])
    services, chief = figures(engine, users)
    d = services.figures.summary(chief, MAY).dispatch
    assert (d.median_response_seconds, d.within_target) == (601, 2)


def test_a_month_without_arrivals_has_no_median(engine, users):
    seed(engine, [None, None])
    services, chief = figures(engine, users)
    d = services.figures.summary(chief, MAY).dispatch
    assert (d.count, d.arrived, d.median_response_seconds) == (2, 0, None)
    assert all(b.dispatches == 0 for b in services.figures.figures(chief, MAY).response.bins)
