"""The other alerts one dispatch may cover: open ones of the same community, offered newest
first; a typed number of another community or a resolved alert is refused with its reason."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ValidationError
from console.messages import text
from console.security import Actor
from console.services.dispatch import DispatchService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def service(sessions: sessionmaker[Session], clock: FixedClock) -> DispatchService:
    return DispatchService(sessions, clock)


def test_the_dialog_is_offered_the_open_alerts_of_the_same_community_newest_first(
    world: DispatchWorld, service: DispatchService, duty_officer: Actor
) -> None:
    alert = world.alert()
    older, newer = world.alert(), world.alert(status="acknowledged")
    world.alert(status="resolved")
    world.alert(community=1)  # 双岭花园: same grid cell, another community
    offered = service.joinable_alerts(duty_officer, alert)
    assert [a.id for a in offered] == [newer, older]
    assert offered[0].status == "acknowledged" and offered[0].summary == "测试预警"
    assert service.joinable_alerts(duty_officer, 999_999) == []


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda w: w.alert(community=2), "dispatch.alerts_other_community"),
        (lambda w: w.alert(status="resolved"), "dispatch.alert_resolved"),
        (lambda w: 999_999, "dispatch.alert_unknown"),
    ],
)
def test_a_typed_alert_of_another_community_resolved_or_missing_is_refused_in_words(
    world: DispatchWorld, service: DispatchService, duty_officer: Actor, make: object, code: str
) -> None:
    alert = world.alert()
    other = make(world)  # type: ignore[operator]
    with pytest.raises(ValidationError) as err:
        service.joinable_alert(duty_officer, alert, other)
    assert err.value.field == "alert_id" and err.value.code == code
    assert f"#{other}" in err.value.text("zh_CN") and f"#{other}" in err.value.text("en")
    assert text(code, "en", alert_id=other) == err.value.text("en")
    # The dispatch itself refuses the same, with nothing stored.
    world.officer("110001")
    with pytest.raises(ValidationError) as err:
        service.dispatch(duty_officer, alert, ["110001"], also_alerts=[other])
    assert err.value.code == code and world.status_of("110001") == "available"


def test_a_typed_alert_of_the_same_community_is_accepted(
    world: DispatchWorld, service: DispatchService, duty_officer: Actor
) -> None:
    alert, other = world.alert(), world.alert(status="dispatched")
    found = service.joinable_alert(duty_officer, alert, other)
    assert (found.id, found.status) == (other, "dispatched")
