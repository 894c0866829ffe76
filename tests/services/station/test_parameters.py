"""Station parameters: a leader moves the colour thresholds and every map recolours; others may not."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ConflictError, PermissionDenied, ValidationError
from console.models import AuditLog
from console.security import Actor
from console.services.maps import GridMapService
from console.services.station import StationService, UserService
from tests.grid_data import seed_grid


@pytest.fixture
def station(sessions: sessionmaker[Session], clock: FixedClock, engine: Engine) -> StationService:
    seed_grid(engine, clock.now())
    return StationService(sessions, clock)


@pytest.fixture
def leader(users: UserService) -> Actor:
    return users.ensure_user("zeng", "曾所长", "supervisor")


def test_a_leader_widens_the_thresholds_and_fewer_households_are_overdue(
    station: StationService, leader: Actor, sessions: sessionmaker[Session], clock: FixedClock
) -> None:
    gridmap = GridMapService(sessions, clock)
    before = gridmap.load(leader).counts()
    params = station.parameters(leader)
    assert (params.orange_after_days, params.red_after_days, params.escalate_after_seconds) == (30, 90, 60)
    saved = station.update_parameters(
        leader,
        params.station_id,
        params.version,
        orange_after_days=60,
        red_after_days=180,
        escalate_after_seconds=120,
    )
    assert station.parameters(leader) == saved
    after = gridmap.load(leader).counts()
    assert after["green"] > before["green"]
    assert after["red"] < before["red"]
    assert after["never"] == before["never"]  # never verified stays never verified
    with sessions() as s:
        actions = s.execute(select(AuditLog.action, AuditLog.entity, AuditLog.username)).all()
    assert ("update", "station", "zeng") in actions


def test_a_duty_officer_sees_the_parameters_but_may_not_change_them(
    station: StationService, duty_officer: Actor
) -> None:
    params = station.parameters(duty_officer)
    with pytest.raises(PermissionDenied):
        station.update_parameters(
            duty_officer,
            params.station_id,
            params.version,
            orange_after_days=10,
            red_after_days=20,
            escalate_after_seconds=60,
        )


def test_the_system_administrator_reads_and_sets_the_parameters_an_auditor_neither(
    station: StationService, users: UserService
) -> None:
    admin = users.ensure_user("root1", "系统管理员", "system_admin")  # sets them, sees no household
    params = station.parameters(admin)
    saved = station.update_parameters(
        admin,
        params.station_id,
        params.version,
        orange_after_days=45,
        red_after_days=120,
        escalate_after_seconds=90,
    )
    assert station.parameters(admin) == saved and saved.orange_after_days == 45
    with pytest.raises(PermissionDenied):
        station.parameters(users.ensure_user("aud1", "审计管理员", "audit_admin"))


@pytest.mark.parametrize(
    ("orange", "red", "escalate", "field"),
    [(0, 90, 60, "orange_after_days"), (90, 90, 60, "red_after_days"), (30, 90, 5, "escalate_after_seconds")],
)
def test_impossible_thresholds_are_refused_naming_the_field(
    station: StationService, leader: Actor, orange: int, red: int, escalate: int, field: str
) -> None:
    params = station.parameters(leader)
    with pytest.raises(ValidationError) as refused:
        station.update_parameters(
            leader,
            params.station_id,
            params.version,
            orange_after_days=orange,
            red_after_days=red,
            escalate_after_seconds=escalate,
        )
    assert refused.value.field == field
    assert station.parameters(leader) == params  # nothing stored


def test_a_change_made_meanwhile_on_another_console_is_a_conflict(
    station: StationService, leader: Actor
) -> None:
    params = station.parameters(leader)
    kw = {"orange_after_days": 40, "red_after_days": 100, "escalate_after_seconds": 60}
    station.update_parameters(leader, params.station_id, params.version, **kw)
    with pytest.raises(ConflictError):
        station.update_parameters(leader, params.station_id, params.version, **kw)
