"""A console whose own clock is wrong still dates everything it stores by the database server's
clock: the same stamps, response times, escalations and intake answers as a console whose clock
is right (issue 13, "Clocks"). Run on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import SystemClock
from console.models import Alert, AuditLog, Dispatch, WatchlistEntry
from console.security import Actor, system_actor
from console.services.base import server_time
from console.services.container import Services, build_services
from tests.dispatch_data import DispatchWorld

SHIFT = dt.timedelta(minutes=10)
CLOSE = dt.timedelta(seconds=60)  # far below the shift: a stamp taken from the wrong clock misses it


class ShiftedClock(SystemClock):
    """This computer's clock, set ``shift`` wrong (it stands where the SystemClock would)."""

    def __init__(self, shift: dt.timedelta) -> None:
        super().__init__()
        self.shift = shift
        self.offset = dt.timedelta(0)

    def local(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.shift

    def now(self) -> dt.datetime:  # what the console shows: its wrong time until the skew is measured
        return self.local() + self.offset


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


def console(engine: Engine, shift: dt.timedelta = dt.timedelta(0)) -> Services:
    return build_services(engine, ShiftedClock(shift) if shift else SystemClock())


def aware(stamp: dt.datetime | None) -> dt.datetime:
    assert stamp is not None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def near_now(stamp: dt.datetime | None) -> bool:
    return abs(aware(stamp) - dt.datetime.now(dt.UTC)) < CLOSE


def server_clock(engine: Engine) -> dt.datetime:
    with engine.connect() as conn:
        return server_time(conn)


def take_dispatch_and_resolve(services: Services, actor: Actor, badge: str) -> tuple[int, int, int | None]:
    """A request taken at this console, acknowledged, dispatched, arrived at, resolved."""
    taken = services.requests.take(actor, category="lost-pet", community="滨水小区", text="柯基走失")
    row = services.alerts.acknowledge(actor, taken.alert_id)
    sent = services.dispatch.dispatch(actor, taken.alert_id, [badge])
    arrival = services.dispatch.arrive(actor, sent.dispatch_id)
    services.alerts.resolve(actor, taken.alert_id, "confirmed", expected_version=row.version + 1)
    return taken.alert_id, sent.dispatch_id, arrival.response_seconds


@pytest.mark.parametrize("shift", [SHIFT, -SHIFT], ids=["ahead", "behind"])
def test_a_console_with_a_wrong_clock_stores_the_same_stamps_and_response_times(
    world: DispatchWorld,
    engine: Engine,
    sessions: sessionmaker[Session],
    duty_officer: Actor,
    shift: dt.timedelta,
) -> None:
    world.officer("110001")
    world.officer("110002")
    wrong, right = console(engine, shift), console(engine)
    assert not near_now(wrong.clock.now())  # the console's own clock really is 10 minutes off
    for name, services, badge in (("wrong", wrong, "110001"), ("right", right, "110002")):
        # Every stamp lies between two readings of the server's clock taken around the work (to
        # the second), whichever console did it; the response time fits inside that span too.
        before = server_clock(engine)
        alert_id, dispatch_id, response = take_dispatch_and_resolve(services, duty_officer, badge)
        after = server_clock(engine)
        with sessions() as s:
            alert = s.get_one(Alert, alert_id)
            sent = s.get_one(Dispatch, dispatch_id)
            audited = s.scalars(select(AuditLog.at).where(AuditLog.entity_id.in_([alert_id, dispatch_id])))
            stamps = [
                alert.first_event_at,
                alert.raised_at,
                alert.acknowledged_at,
                alert.dispatched_at,
                alert.resolved_at,
                sent.received_at,
                sent.dispatched_at,
                sent.arrived_at,
                *audited,
            ]
        second = dt.timedelta(seconds=1)
        assert all(before - second <= aware(t) <= after + second for t in stamps), (
            name,
            before,
            stamps,
            after,
        )
        span = (after - before).total_seconds()
        # A response time taken from the console's clock would be 600 s off (or negative).
        assert response is not None and 0 <= response <= span + 1, (name, response, span)


def test_a_console_ahead_does_not_escalate_a_fresh_alert(world: DispatchWorld, engine: Engine) -> None:
    fresh = world.alert(age_s=5)  # the station escalates after 60 s unacknowledged
    assert console(engine, SHIFT).escalation.run_once() == []
    old = world.alert(age_s=120)
    assert console(engine, SHIFT).escalation.run_once() == [old]
    assert fresh != old


def test_a_console_behind_accepts_an_event_from_now_and_dates_its_receipt_by_the_server(
    world: DispatchWorld, engine: Engine, sessions: sessionmaker[Session]
) -> None:
    behind = console(engine, -SHIFT)
    event = {
        "source": "gate-camera",
        "external_id": "clock-1",
        "kind": "report",
        "at": dt.datetime.now(dt.UTC).isoformat(),  # "10 minutes in the future" by the console's clock
        "text": "电动车被偷",
        "category": "theft",
        "community": "滨水小区",
    }
    (answer,) = behind.ingest.ingest([event], system_actor("test"))
    assert answer.status == "accepted", answer
    with sessions() as s:
        assert near_now(s.get_one(Alert, answer.alert_id).raised_at)


def test_a_watchlist_entry_ended_at_a_console_ahead_stops_now_not_in_ten_minutes(
    world: DispatchWorld, engine: Engine, sessions: sessionmaker[Session], duty_officer: Actor
) -> None:
    ahead, right = console(engine, SHIFT), console(engine)
    # Five minutes from now is already past by this console's clock: still accepted.
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    entry = ahead.watchlist.add(duty_officer, plate="闽D12345", reason="盗抢车辆", expires_at=soon)
    assert [r.id for r in right.watchlist.list_active(duty_officer)] == [entry]
    with sessions() as s:
        assert near_now(s.get_one(WatchlistEntry, entry).created_at)
    ahead.watchlist.expire(duty_officer, entry, 1)
    assert [r.id for r in right.watchlist.list_active(duty_officer)] == []
    with sessions() as s:
        assert near_now(s.get_one(WatchlistEntry, entry).expires_at)


@pytest.mark.parametrize("shift", [SHIFT, -SHIFT, dt.timedelta(0)], ids=["ahead", "behind", "right"])
def test_the_skew_is_measured_against_the_database_server(engine: Engine, shift: dt.timedelta) -> None:
    skew = console(engine, shift).health.clock_skew()
    assert skew is not None
    assert abs(skew + shift.total_seconds()) < 5  # server minus console: ahead gives about -600
