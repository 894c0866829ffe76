"""The board's and the alert detail's view of dispatches: clocks, crews, the target, and the change
log that carries a dispatch to every other console's board."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import ChangeLog, Station
from console.security import Actor
from console.services.dispatch import DispatchService, OfficerService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def service(sessions: sessionmaker[Session], clock: FixedClock) -> DispatchService:
    return DispatchService(sessions, clock)


def test_open_clocks_show_crew_alert_and_target_until_cleared(
    world: DispatchWorld, service: DispatchService, duty_officer: Actor, engine: Engine
) -> None:
    world.officer("110001")
    world.officer("110002")
    alert = world.alert(age_s=300)
    sent = service.dispatch(duty_officer, alert, ["110002", "110001"])
    with engine.begin() as c:
        c.execute(update(Station).values(response_target_seconds=420))
    clocks, target = service.open_clocks(duty_officer)
    assert target == 420
    (clock,) = clocks
    assert clock.id == sent.dispatch_id and clock.officers == ("110001", "110002")
    assert clock.alert_summary == "测试预警" and clock.community == "滨水小区"
    assert clock.received_at is not None and clock.arrived_at is None
    assert not clock.overdue(clock.received_at + dt.timedelta(seconds=420), target)
    assert clock.overdue(clock.received_at + dt.timedelta(seconds=421), target)
    service.arrive(duty_officer, sent.dispatch_id)
    service.clear(duty_officer, sent.dispatch_id, "车主已联系, 无异常")
    assert service.open_clocks(duty_officer)[0] == []
    (done,) = service.clocks_of_alert(duty_officer, alert)[0]
    assert done.cleared_at is not None and done.outcome == "车主已联系, 无异常"
    assert not done.overdue(done.cleared_at + dt.timedelta(hours=1), target)


def test_officer_and_dispatch_changes_reach_the_change_log(
    world: DispatchWorld,
    service: DispatchService,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
    engine: Engine,
) -> None:
    officers = OfficerService(sessions, clock)
    added = officers.add(duty_officer, badge="110009", name="陈警官")
    alert = world.alert()
    sent = service.dispatch(duty_officer, alert, ["110009"])
    with engine.connect() as c:
        logged = {(t, e) for t, e in c.execute(select(ChangeLog.topic, ChangeLog.entity_id))}
    assert ("officer", added.id) in logged
    assert ("dispatch", sent.dispatch_id) in logged
