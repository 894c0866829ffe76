"""The anti-fraud intervention card of a ``fraud_risk`` alert: call attempts, then an outcome.

Closing the card resolves its alert (through the alert lifecycle, in the same transaction).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import Alert, FraudIntervention, InterventionCall
from console.security import Actor, Permission
from console.services.alerts import AlertLifecycle
from console.services.base import Service, guarded_update, server_time
from console.services.dispatch.card import InterventionCard, fraud_alert_row, load_card
from console.services.dispatch.common import audit, locked
from console.services.dispatch.rules import (
    CALL_RESULTS,
    INTERVENTION_OUTCOMES,
    check_note,
    parse_saved,
)

# The alert's outcome when its intervention closes (console.models.alerts.OUTCOMES).
ALERT_OUTCOME = {
    "stopped": "confirmed",
    "transferred": "confirmed",
    "unreachable": "confirmed",
    "not_fraud": "false_alarm",
}

_a = cast(Table, Alert.__table__).c
_f = cast(Table, FraudIntervention.__table__).c


@dataclass(frozen=True, slots=True)
class CallLogged:
    alert_id: int
    attempts: int


@dataclass(frozen=True, slots=True)
class StopPaymentRequested:
    alert_id: int
    requested_at: dt.datetime  # the first request's time: asking twice changes nothing
    already: bool  # it had been requested before


@dataclass(frozen=True, slots=True)
class InterventionClosed:
    alert_id: int
    outcome: str
    saved: Decimal | None
    closed_at: dt.datetime


class InterventionService(Service):
    """Calls to the resident and the bank, and the outcome that closes the card."""

    def card(self, actor: Actor, alert_id: int, *, unmask_reason: str | None = None) -> InterventionCard:
        """The card of a fraud warning: resident, warning, calls, dispatches, stop-payment, outcome.

        ID and phone numbers are masked unless ``unmask_reason`` is given by a role that may see
        them; the reason goes into the audit log beside the numbers seen (this card's only).
        """
        actor.require(Permission.VIEW_ALERTS)
        unmask = unmask_reason is not None
        if unmask:
            actor.require(Permission.UNMASK_PERSONAL_DATA)
            if not (unmask_reason or "").strip():
                raise ValidationError("reason", "unmask.reason_required")
        with self._write() as s:
            conn = s.connection()
            alert = fraud_alert_row(conn, alert_id)
            card = load_card(conn, alert, server_time(conn), unmask=unmask)
            if unmask and (card.id_number or card.phone or card.resident is not None):
                audit(
                    s,
                    actor,
                    "view_personal_data",
                    "alert",
                    alert_id,
                    self._clock,
                    fields=["id_number", "phone"],
                    view="intervention_card",
                    reason=(unmask_reason or "").strip(),
                )
        return card

    def request_stop_payment(self, actor: Actor, alert_id: int) -> StopPaymentRequested:
        """Record that an emergency stop-payment was asked of the bank (once; asking again is a no-op)."""
        actor.require(Permission.DISPATCH)
        with self._write_locked() as s:
            self._fraud_alert(s, alert_id)
            now = server_time(s.connection())
            card = self._open_card(s, actor, alert_id, now)
            requested = s.execute(select(_f.stop_payment_requested_at).where(_f.id == card.id)).scalar_one()
            if requested is not None:
                return StopPaymentRequested(alert_id, requested, True)
            guarded_update(
                s,
                FraudIntervention,
                card.id,
                card.version,
                f"反诈劝阻 #{alert_id}",
                stop_payment_requested_at=now,
            )
            audit(s, actor, "intervention_stop_payment", "alert", alert_id, self._clock)
        return StopPaymentRequested(alert_id, now, False)

    def call(self, actor: Actor, alert_id: int, result: str, note: str = "") -> CallLogged:
        """Log one attempt to reach the resident (``result``: reached, no_answer, refused)."""
        actor.require(Permission.DISPATCH)
        if result not in CALL_RESULTS:
            raise ValidationError("result", "dispatch.call_result_unknown", allowed=", ".join(CALL_RESULTS))
        check_note("note", note)
        with self._write_locked() as s:
            self._fraud_alert(s, alert_id)
            now = server_time(s.connection())
            card = self._open_card(s, actor, alert_id, now)
            s.execute(
                insert(InterventionCall).values(
                    intervention_id=card.id, result=result, note=note, at=now, called_by=actor.user_id
                )
            )
            attempts = int(
                s.execute(
                    select(func.count())
                    .select_from(InterventionCall)
                    .where(InterventionCall.intervention_id == card.id)
                ).scalar_one()
            )
            audit(s, actor, "intervention_call", "alert", alert_id, self._clock, result=result, note=note)
        return CallLogged(alert_id, attempts)

    def close(
        self, actor: Actor, alert_id: int, outcome: str, saved: Decimal | str | float | None = None
    ) -> InterventionClosed:
        """Close the card with ``outcome``; money ``saved`` (yuan, ≥ 0) only with ``stopped``."""
        actor.require(Permission.DISPATCH)
        actor.require(Permission.TRIAGE_ALERTS)
        if outcome not in INTERVENTION_OUTCOMES:
            raise ValidationError(
                "outcome", "dispatch.intervention_outcome_unknown", allowed=", ".join(INTERVENTION_OUTCOMES)
            )
        amount: Decimal | None = None
        if saved is not None:
            if outcome != "stopped":
                raise ValidationError("saved", "dispatch.saved_only_when_stopped", outcome=outcome)
            amount = parse_saved(saved)
        with self._write_locked() as s:
            alert = self._fraud_alert(s, alert_id)
            now = server_time(s.connection())
            card = self._open_card(s, actor, alert_id, now)
            guarded_update(
                s,
                FraudIntervention,
                card.id,
                card.version,
                f"反诈劝阻 #{alert_id}",
                outcome=outcome,
                saved=amount,
                closed_at=now,
                closed_by=actor.user_id,
            )
            lifecycle = AlertLifecycle.in_session(s, self._clock)
            version = alert.version
            if alert.status == "new":
                version = lifecycle.acknowledge(actor, alert_id, version).version
            lifecycle.resolve(
                actor,
                alert_id,
                ALERT_OUTCOME[outcome],
                note=f"反诈劝阻: {outcome}",
                expected_version=version,
                amount_saved=float(amount) if amount is not None else None,
            )
            audit(
                s,
                actor,
                "intervention_close",
                "alert",
                alert_id,
                self._clock,
                outcome=outcome,
                saved=str(amount) if amount is not None else None,
            )
        return InterventionClosed(alert_id, outcome, amount, now)

    @staticmethod
    def _fraud_alert(s: Session, alert_id: int) -> Any:
        alert = s.execute(
            locked(s, select(_a.id, _a.kind, _a.status, _a.version).where(_a.id == alert_id))
        ).one_or_none()
        if alert is None:
            raise ValidationError("alert_id", "dispatch.alert_unknown", alert_id=alert_id)
        if alert.kind != "fraud_risk":
            raise ValidationError(
                "alert_id", "dispatch.not_a_fraud_alert", alert_id=alert_id, kind=alert.kind
            )
        if alert.status == "resolved":
            raise ValidationError("alert_id", "dispatch.intervention_closed", alert_id=alert_id)
        return alert

    @staticmethod
    def _open_card(s: Session, actor: Actor, alert_id: int, now: dt.datetime) -> Any:
        """The alert's open card, opened now if it has none yet."""
        card = s.execute(
            locked(s, select(_f.id, _f.closed_at, _f.version).where(_f.alert_id == alert_id))
        ).one_or_none()
        if card is None:
            s.execute(
                insert(FraudIntervention).values(
                    alert_id=alert_id, opened_at=now, opened_by=actor.user_id, version=1
                )
            )
            card = s.execute(select(_f.id, _f.closed_at, _f.version).where(_f.alert_id == alert_id)).one()
        if card.closed_at is not None:
            raise ValidationError("alert_id", "dispatch.intervention_closed", alert_id=alert_id)
        return card
