"""The anti-fraud card as a duty officer reads it: who the resident is (masked unless the role may
see the numbers), the warning, the calls, dispatches, stop-payment and the outcome."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied, ValidationError
from console.models import Alert, AuditLog, FraudIntervention
from console.security import Actor
from console.services.dispatch import DispatchService, InterventionService
from console.services.station import UserService
from tests.fraud_data import ID_NUMBER, PHONE, FraudWorld


@pytest.fixture
def world(engine: Engine, sessions: sessionmaker[Session]) -> FraudWorld:
    return FraudWorld(engine, sessions)


@pytest.fixture
def cards(sessions: sessionmaker[Session], clock: FixedClock) -> InterventionService:
    return InterventionService(sessions, clock)


@pytest.fixture
def leader(users: UserService) -> Actor:
    """所领导: may dispatch and may see full ID and phone numbers."""
    return users.ensure_user("li", "李所长", "supervisor")


def audited(engine: Engine, action: str) -> int:
    with engine.connect() as c:
        return int(
            c.execute(
                select(func.count()).select_from(AuditLog).where(AuditLog.action == action)
            ).scalar_one()
        )


def test_a_duty_officer_sees_the_resident_and_the_warning_with_numbers_masked(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor, engine: Engine
) -> None:
    alert = world.fraud_warning(age_s=150)
    card = cards.card(duty_officer, alert)
    assert card.resident is not None
    assert (card.resident.name, card.resident.relation) == ("王芳", "户主")
    assert card.resident.address == "滨水小区 3号楼1单元502室"
    assert card.resident.phone == "138****1234" and card.resident.id_number == "350211********003X"
    assert card.phone == "138****1234" and PHONE not in repr(card) and ID_NUMBER not in repr(card)
    assert (card.level, card.scheme, card.bank) == ("high", "pig-butchering", "中国工商银行集美支行")
    assert card.amount == Decimal("50000.5")
    assert 150 <= card.elapsed_seconds < 150 + 60
    assert not card.closed and card.calls == () and card.stop_payment_requested_at is None
    assert audited(engine, "view_personal_data") == 0


def test_a_role_that_may_sees_full_numbers_for_a_stated_reason_and_the_viewing_is_audited(
    world: FraudWorld, cards: InterventionService, leader: Actor, duty_officer: Actor, engine: Engine
) -> None:
    alert = world.fraud_warning()
    assert not cards.card(leader, alert).unmasked  # masked until a reason is given, for every role
    with pytest.raises(ValidationError) as no_reason:
        cards.card(leader, alert, unmask_reason="  ")
    assert no_reason.value.field == "reason"
    with pytest.raises(PermissionDenied):
        cards.card(duty_officer, alert, unmask_reason="核对")
    card = cards.card(leader, alert, unmask_reason="联系银行止付")
    assert card.unmasked and card.resident is not None
    assert (card.resident.phone, card.resident.id_number, card.phone) == (PHONE, ID_NUMBER, PHONE)
    assert audited(engine, "view_personal_data") == 1
    with engine.connect() as c:
        detail = c.execute(
            select(AuditLog.detail).where(AuditLog.action == "view_personal_data")
        ).scalar_one()
    assert "联系银行止付" in detail


def test_the_resident_is_found_by_id_number_and_a_stranger_shows_only_the_warnings_numbers(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor
) -> None:
    by_id = cards.card(duty_officer, world.fraud_warning(phone=None, id_number=ID_NUMBER))
    assert by_id.resident is not None and by_id.resident.name == "王芳"
    stranger = cards.card(duty_officer, world.fraud_warning(phone="13900001111"))
    assert stranger.resident is None and stranger.phone == "139****1111"


def test_call_attempts_are_logged_with_who_and_what(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor
) -> None:
    alert = world.fraud_warning()
    cards.call(duty_officer, alert, "no_answer")
    cards.call(duty_officer, alert, "reached", "本人在银行柜台, 已劝阻")
    calls = cards.card(duty_officer, alert).calls
    assert [(c.result, c.note, c.by) for c in calls] == [
        ("no_answer", "", "张值班"),
        ("reached", "本人在银行柜台, 已劝阻", "张值班"),
    ]
    assert calls[0].at <= calls[1].at


def test_stop_payment_is_requested_once_and_shown(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor, engine: Engine
) -> None:
    alert = world.fraud_warning()
    first = cards.request_stop_payment(duty_officer, alert)
    again = cards.request_stop_payment(duty_officer, alert)
    assert not first.already and again.already and again.requested_at == first.requested_at
    assert cards.card(duty_officer, alert).stop_payment_requested_at == first.requested_at
    assert audited(engine, "intervention_stop_payment") == 1


def test_dispatches_to_the_bank_appear_on_the_card(
    world: FraudWorld,
    cards: InterventionService,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    world.officer("0101")
    alert = world.fraud_warning()
    DispatchService(sessions, clock).dispatch(duty_officer, alert, ["0101"], note="赶往工商银行集美支行")
    (sent,) = cards.card(duty_officer, alert).dispatches
    assert sent.officers == ("警员0101 (0101)",) and sent.note == "赶往工商银行集美支行"
    assert sent.status == "en_route"


def test_closing_as_stopped_with_money_saved_resolves_the_alert_and_the_card_shows_it(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor, engine: Engine
) -> None:
    alert = world.fraud_warning()
    cards.call(duty_officer, alert, "reached")
    cards.close(duty_officer, alert, "stopped", "50000.50")
    card = cards.card(duty_officer, alert)
    assert card.closed and card.outcome == "stopped" and card.saved == Decimal("50000.50")
    assert card.closed_by == "张值班" and card.alert_status == "resolved"
    with engine.connect() as c:
        assert c.execute(select(Alert.status).where(Alert.id == alert)).scalar_one() == "resolved"


def test_money_saved_on_another_outcome_is_refused_naming_the_field_and_nothing_stored(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor, engine: Engine
) -> None:
    alert = world.fraud_warning()
    with pytest.raises(ValidationError) as err:
        cards.close(duty_officer, alert, "transferred", "1000")
    assert err.value.field == "saved"
    assert not cards.card(duty_officer, alert).closed
    assert world.count(FraudIntervention) == 0


@pytest.mark.parametrize("kind", ["plate_read", "report"])
def test_a_card_for_an_alert_that_is_not_a_fraud_warning_is_refused(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor, kind: str
) -> None:
    alert = world.alert(kind=kind)
    for attempt in (
        lambda: cards.card(duty_officer, alert),
        lambda: cards.request_stop_payment(duty_officer, alert),
    ):
        with pytest.raises(ValidationError) as err:
            attempt()
        assert err.value.field == "alert_id" and err.value.code == "dispatch.not_a_fraud_alert"
    with pytest.raises(ValidationError) as unknown:
        cards.card(duty_officer, 999_999)
    assert unknown.value.code == "dispatch.alert_unknown"


def test_stop_payment_after_closing_is_refused(
    world: FraudWorld, cards: InterventionService, duty_officer: Actor
) -> None:
    alert = world.fraud_warning()
    cards.close(duty_officer, alert, "not_fraud")
    with pytest.raises(ValidationError) as err:
        cards.request_stop_payment(duty_officer, alert)
    assert err.value.code == "dispatch.intervention_closed"
    assert cards.card(duty_officer, alert).stop_payment_requested_at is None
