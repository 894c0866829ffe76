"""A resident's request taken by hand becomes a `report` alert with its category, in the feed and
dispatched like any alert; the board's current job says what it is; bad input stores nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ValidationError
from console.models import Alert, AuditLog, Event
from console.security import Actor
from console.services.dispatch import DispatchService, OfficerService, ServiceRequestService
from console.services.intake import IngestService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def now_clock() -> FixedClock:
    # Dispatch stamps the server's time; the request is taken "now" as the console sees it.
    return FixedClock(dt.datetime.now(dt.UTC))


@pytest.fixture
def requests(sessions: sessionmaker[Session], now_clock: FixedClock) -> ServiceRequestService:
    return ServiceRequestService(sessions, now_clock, IngestService(sessions, now_clock))


def test_a_lost_pet_becomes_a_report_alert_that_is_dispatched_like_any_other(
    world: DispatchWorld,
    requests: ServiceRequestService,
    sessions: sessionmaker[Session],
    now_clock: FixedClock,
    duty_officer: Actor,
    engine: Engine,
) -> None:
    world.officer("110001")
    taken = requests.take(
        duty_officer,
        category="lost-pet",
        community="滨水小区",
        text="3 号楼王阿姨的柯基走失, 黄白色, 戴红色项圈",
        reporter_phone="13859212345",
    )
    with engine.connect() as c:
        alert = c.execute(select(Alert).where(Alert.id == taken.alert_id)).one()
        raw = json.loads(c.execute(select(Event.payload).where(Event.id == taken.event_id)).scalar_one())
        audited = (
            c.execute(select(AuditLog.action).where(AuditLog.entity_id == taken.alert_id)).scalars().all()
        )
    assert (alert.kind, alert.severity, alert.status) == ("report", "low", "new")
    assert (
        alert.community_id == world.communities[0] and "寻宠求助" in alert.summary and "柯基" in alert.summary
    )
    assert alert.first_event_at == now_clock.now()
    assert raw["category"] == "lost-pet" and raw["source"] == "duty-room" and raw["taken_by"] == "zhang"
    assert "take_request" in audited
    dispatch = DispatchService(sessions, now_clock)
    sent = dispatch.dispatch(duty_officer, taken.alert_id, ["110001"])
    board = {r.badge: r for r in OfficerService(sessions, now_clock).board(duty_officer)}
    assert board["110001"].dispatch_id == sent.dispatch_id
    clocks, _ = dispatch.open_clocks(duty_officer)
    assert "寻宠求助" in clocks[0].alert_summary and clocks[0].received_at == now_clock.now()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"category": "theft"}, "category"),
        ({"community": "  "}, "community"),
        ({"text": ""}, "text"),
        ({"text": "长" * 2001}, "text"),
        ({"reporter_phone": "12345"}, "reporter_phone"),
        ({"community": "不存在的小区"}, "community"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_stored(
    world: DispatchWorld, requests: ServiceRequestService, duty_officer: Actor, fields: dict, field: str
) -> None:
    given = {"category": "lost-item", "community": "滨水小区", "text": "钥匙丢在快递柜旁", **fields}
    with pytest.raises(ValidationError) as err:
        requests.take(duty_officer, **given)
    assert err.value.field == field
    assert world.count(Alert) == world.count(Event) == 0
