"""The officers' board: added officers are available, duty changes are kept as history, and a
status that follows a dispatch cannot be set by hand."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied, ValidationError
from console.models import Officer
from console.security import Actor
from console.services.dispatch import DispatchService, OfficerService
from console.services.station import UserService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def officers(sessions: sessionmaker[Session], clock: FixedClock, world: DispatchWorld) -> OfficerService:
    return OfficerService(sessions, clock)


def test_an_added_officer_is_available_in_their_grid_cell(
    officers: OfficerService, duty_officer: Actor
) -> None:
    row = officers.add(duty_officer, badge="350001", name="林建国", team="值班一组", grid="灌口二网格")
    assert (row.badge, row.status, row.grid_cell, row.dispatch_id) == ("350001", "available", "G2", None)
    assert row.status_since is not None
    assert [r.badge for r in officers.board(duty_officer)] == ["350001"]


def test_going_off_and_on_duty_is_kept_in_the_history(officers: OfficerService, duty_officer: Actor) -> None:
    officers.add(duty_officer, badge="350001", name="林建国")
    assert officers.set_status(duty_officer, "350001", "off_duty", "下班").status == "off_duty"
    assert officers.set_status(duty_officer, "350001", "available").status == "available"
    assert [(status, reason) for _, status, _, reason in officers.history(duty_officer, "350001")] == [
        ("available", "added"),
        ("off_duty", "下班"),
        ("available", ""),
    ]


def test_statuses_that_follow_dispatches_cannot_be_set_by_hand(
    officers: OfficerService, world: DispatchWorld, duty_officer: Actor, sessions: sessionmaker[Session]
) -> None:
    world.officer("350001")
    with pytest.raises(ValidationError) as err:
        officers.set_status(duty_officer, "350001", "on_scene")
    assert err.value.field == "status"
    DispatchService(sessions).dispatch(duty_officer, world.alert(), ["350001"])
    with pytest.raises(ValidationError) as err:
        officers.set_status(duty_officer, "350001", "off_duty")
    assert err.value.field == "status" and world.status_of("350001") == "dispatched"
    with pytest.raises(ValidationError) as err:
        officers.set_status(duty_officer, "999999", "off_duty")
    assert err.value.field == "badge"


def test_bad_officer_input_names_the_field_and_stores_nothing(
    officers: OfficerService, world: DispatchWorld, duty_officer: Actor
) -> None:
    officers.add(duty_officer, badge="350001", name="林建国")
    for kwargs, field in (
        ({"badge": "350001", "name": "重复"}, "badge"),
        ({"badge": "", "name": "无警号"}, "badge"),
        ({"badge": "350002", "name": " "}, "name"),
        ({"badge": "350002", "name": "王", "grid": "G9"}, "grid"),
    ):
        with pytest.raises(ValidationError) as err:
            officers.add(duty_officer, **kwargs)
        assert err.value.field == field
    assert world.count(Officer) == 1


def test_a_grid_worker_may_not_manage_officers(officers: OfficerService, users: UserService) -> None:
    worker = users.ensure_user("wu", "吴网格", "grid_worker")
    with pytest.raises(PermissionDenied):
        officers.add(worker, badge="350001", name="林建国")
