"""Notifying a community's property manager: who, when (the server's clock), how and a note,
listed in order on the alert; bad input is refused with nothing stored."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied, ValidationError
from console.models import AuditLog, ManagerContact
from console.security import DEFAULT_ROLES, Actor
from console.services.dispatch import DispatchService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def service(sessions: sessionmaker[Session], clock: FixedClock) -> DispatchService:
    return DispatchService(sessions, clock)


def test_a_notification_records_who_when_how_and_the_note_and_lists_in_order(
    world: DispatchWorld, service: DispatchService, duty_officer: Actor, engine: Engine
) -> None:
    alert, other = world.alert(), world.alert(community=2)
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    first = service.notify_manager(duty_officer, alert, "phone", "  林经理已知悉, 派保安到北门  ")
    second = service.notify_manager(duty_officer, alert, "in_person")
    service.notify_manager(duty_officer, other, "radio")
    after = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
    # The server's clock, not the tests' fixed clock (2026-03-14).
    assert before <= first.at <= second.at <= after
    log = service.manager_contacts(duty_officer, alert)
    assert [(c.how, c.note, c.by) for c in log] == [
        ("phone", "林经理已知悉, 派保安到北门", duty_officer.display_name),
        ("in_person", "", duty_officer.display_name),
    ]
    with engine.connect() as c:
        stored = c.execute(select(ManagerContact.by_user).where(ManagerContact.id == first.id)).scalar_one()
        audit = c.execute(select(AuditLog.detail).where(AuditLog.action == "notify_manager")).scalars().all()
    assert stored == duty_officer.user_id
    assert json.loads(audit[0])["how"] == "phone" and len(audit) == 3


def test_an_unknown_method_or_alert_is_refused_and_nothing_is_stored(
    world: DispatchWorld, service: DispatchService, duty_officer: Actor
) -> None:
    alert = world.alert()
    audited = world.count(AuditLog)
    with pytest.raises(ValidationError) as err:
        service.notify_manager(duty_officer, alert, "carrier_pigeon")
    assert err.value.field == "how"
    with pytest.raises(ValidationError) as err:
        service.notify_manager(duty_officer, 999_999, "phone")
    assert err.value.field == "alert_id"
    with pytest.raises(ValidationError) as err:
        service.notify_manager(duty_officer, alert, "phone", "长" * 2001)
    assert err.value.field == "note"
    assert world.count(ManagerContact) == 0 and world.count(AuditLog) == audited
    assert service.manager_contacts(duty_officer, alert) == []


def test_a_role_that_cannot_triage_alerts_cannot_log_a_notification(
    world: DispatchWorld, service: DispatchService
) -> None:
    title, perms = DEFAULT_ROLES["grid_worker"]
    grid_worker = Actor(None, "grid", title, "grid_worker", perms)
    with pytest.raises(PermissionDenied):
        service.notify_manager(grid_worker, world.alert(), "phone")
    assert world.count(ManagerContact) == 0
