"""The anti-fraud card: only on fraud warnings, calls counted, money saved exact and only when
the transfer was stopped, and closing resolves the alert."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import ValidationError
from console.models import Alert, AuditLog, FraudIntervention, InterventionCall
from console.security import Actor
from console.services.dispatch import InterventionService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)


@pytest.fixture
def cards(sessions: sessionmaker[Session], clock: FixedClock) -> InterventionService:
    return InterventionService(sessions, clock)


def test_calls_are_counted_and_closing_with_money_saved_resolves_the_alert(
    world: DispatchWorld, cards: InterventionService, duty_officer: Actor, engine: Engine
) -> None:
    alert = world.alert(kind="fraud_risk")
    assert cards.call(duty_officer, alert, "no_answer").attempts == 1
    assert cards.call(duty_officer, alert, "reached", "本人已接听, 正在银行柜台").attempts == 2
    closed = cards.close(duty_officer, alert, "stopped", "0.30")
    assert closed.saved == Decimal("0.30") and closed.outcome == "stopped"
    with engine.connect() as c:
        card = c.execute(select(FraudIntervention)).one()
        status, outcome, saved_float = c.execute(
            select(Alert.status, Alert.outcome, Alert.fraud_amount_saved).where(Alert.id == alert)
        ).one()
        results = list(c.execute(select(InterventionCall.result).order_by(InterventionCall.id)).scalars())
        actions = list(c.execute(select(AuditLog.action, AuditLog.detail).order_by(AuditLog.id)))
    assert card.saved == Decimal("0.30") and card.outcome == "stopped" and card.closed_at is not None
    assert (status, outcome, saved_float) == ("resolved", "confirmed", 0.3)
    assert results == ["no_answer", "reached"]
    assert [a for a, _ in actions if a.startswith("intervention")] == [
        "intervention_call",
        "intervention_call",
        "intervention_close",
    ]
    assert json.loads(next(d for a, d in actions if a == "intervention_close"))["saved"] == "0.30"


@pytest.mark.parametrize(
    ("outcome", "saved", "field"),
    [
        ("transferred", "100", "saved"),
        ("not_fraud", "0", "saved"),
        ("stopped", "-0.01", "saved"),
        ("stopped", "abc", "saved"),
        ("stopped", "1.001", "saved"),
        ("stopped", "NaN", "saved"),
        ("refunded", None, "outcome"),
    ],
)
def test_money_saved_only_with_stopped_and_never_negative(
    world: DispatchWorld,
    cards: InterventionService,
    duty_officer: Actor,
    outcome: str,
    saved: str | None,
    field: str,
) -> None:
    alert = world.alert(kind="fraud_risk")
    with pytest.raises(ValidationError) as err:
        cards.close(duty_officer, alert, outcome, saved)
    assert err.value.field == field
    assert world.count(FraudIntervention) == 0


def test_other_alerts_take_no_intervention(
    world: DispatchWorld, cards: InterventionService, duty_officer: Actor
) -> None:
    for kind in ("plate_read", "person_entry", "report"):
        alert = world.alert(kind=kind)
        with pytest.raises(ValidationError) as err:
            cards.call(duty_officer, alert, "reached")
        assert err.value.field == "alert_id"
    with pytest.raises(ValidationError) as err:
        cards.call(duty_officer, world.alert(kind="fraud_risk"), "hung_up")
    assert err.value.field == "result"
    assert world.count(FraudIntervention) == 0 and world.count(InterventionCall) == 0
