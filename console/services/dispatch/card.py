"""What the anti-fraud intervention card shows for one ``fraud_risk`` alert (Qt-free).

The warning (grade, scheme, bank, amount) comes from the event that raised the alert; the resident
from the registry, found by the event's ID number or else its phone; then the card's call log,
stop-payment request, outcome, and the dispatches sent for the alert. Called only by
``InterventionService.card``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from console.errors import ValidationError
from console.models import (
    Alert,
    Building,
    Community,
    Dispatch,
    Event,
    FraudIntervention,
    Household,
    InterventionCall,
    Officer,
    Resident,
    User,
    dispatch_alert,
    dispatch_officer,
)
from console.validators import mask_id_number, mask_phone

_a = cast(Table, Alert.__table__).c
_e = cast(Table, Event.__table__).c
_f = cast(Table, FraudIntervention.__table__).c
_r = cast(Table, Resident.__table__).c


@dataclass(frozen=True, slots=True)
class CardResident:
    """The person the warning is about, as the registry knows them."""

    name: str
    id_number: str  # masked unless the card was unmasked
    phone: str  # masked unless the card was unmasked
    relation: str
    household_id: int
    address: str  # community, building, unit, room
    moved_out: bool


@dataclass(frozen=True, slots=True)
class CallAttempt:
    at: dt.datetime
    result: str  # reached | no_answer | refused
    note: str
    by: str  # the user's display name; "" when the command line logged it


@dataclass(frozen=True, slots=True)
class CardDispatch:
    dispatch_id: int
    officers: tuple[str, ...]  # "name (badge)"
    status: str  # en_route | on_scene | closed
    dispatched_at: dt.datetime
    arrived_at: dt.datetime | None
    note: str  # where they were sent: the bank, the resident's home


@dataclass(frozen=True, slots=True)
class InterventionCard:
    """Everything the card shows; ``as_of`` is the database server's time when it was read."""

    alert_id: int
    alert_status: str
    severity: str
    raised_at: dt.datetime  # the warning: the countdown runs from here
    as_of: dt.datetime
    level: str  # high | medium | low ("" if the event had none)
    scheme: str  # the code as sent (pig-butchering, refund, ...) or free text
    bank: str
    amount: Decimal | None  # yuan, as the warning gave it
    id_number: str  # the event's, masked unless unmasked
    phone: str  # the event's, masked unless unmasked
    community_name: str
    resident: CardResident | None  # None: nobody in the registry matches
    calls: tuple[CallAttempt, ...]  # oldest first
    dispatches: tuple[CardDispatch, ...]
    stop_payment_requested_at: dt.datetime | None
    outcome: str | None  # stopped | transferred | not_fraud | unreachable, once closed
    saved: Decimal | None
    closed_at: dt.datetime | None
    closed_by: str
    unmasked: bool

    @property
    def closed(self) -> bool:
        return self.closed_at is not None or self.alert_status == "resolved"

    @property
    def elapsed_seconds(self) -> int:
        """Whole seconds from the warning to ``as_of`` (never negative)."""
        return max(0, int((self.as_of - self.raised_at).total_seconds()))


def _money(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def _payload(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text or "")
    except (ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def fraud_alert_row(conn: Connection, alert_id: int) -> Any:
    """The alert's id, kind, status, severity, raised_at, community; refused if it is not a fraud warning."""
    alert = conn.execute(
        select(_a.id, _a.kind, _a.status, _a.severity, _a.raised_at, _a.community_id).where(_a.id == alert_id)
    ).one_or_none()
    if alert is None:
        raise ValidationError("alert_id", "dispatch.alert_unknown", alert_id=alert_id)
    if alert.kind != "fraud_risk":
        raise ValidationError("alert_id", "dispatch.not_a_fraud_alert", alert_id=alert_id, kind=alert.kind)
    return alert


def _resident(conn: Connection, id_number: str | None, phone: str | None) -> Any:
    """The registry's resident with the ID number, else the phone; people still living there first."""
    for column, value in ((_r.id_number, id_number), (_r.phone, phone)):
        if not value:
            continue
        row = conn.execute(
            select(
                _r.name,
                _r.id_number,
                _r.phone,
                _r.relation,
                _r.household_id,
                _r.moved_out_at,
                Community.name.label("community"),
                Building.name.label("building"),
                Household.unit,
                Household.room,
            )
            .select_from(Resident.__table__)
            .join(Household, Household.id == _r.household_id)
            .join(Building, Building.id == Household.building_id)
            .join(Community, Community.id == Household.community_id)
            .where(column == value)
            .order_by(_r.moved_out_at.is_not(None), _r.id)
            .limit(1)
        ).one_or_none()
        if row is not None:
            return row
    return None


def load_card(conn: Connection, alert: Any, now: dt.datetime, *, unmask: bool) -> InterventionCard:
    """The card of ``alert`` (a row from ``fraud_alert_row``), read at the server time ``now``."""
    id_shown = (lambda v: v or "") if unmask else mask_id_number
    phone_shown = (lambda v: v or "") if unmask else mask_phone
    event = conn.execute(
        select(_e.id_number, _e.phone, _e.payload, Community.name)
        .select_from(Event.__table__.outerjoin(Community.__table__, Community.id == _e.community_id))
        .where(_e.alert_id == alert.id)
        .order_by(_e.at, _e.id)
        .limit(1)
    ).one_or_none()
    data = _payload(event.payload) if event is not None else {}
    raw_id = event.id_number if event is not None else None
    raw_phone = event.phone if event is not None else None
    person = _resident(conn, raw_id, raw_phone)
    from console.services.maps import format_address  # the maps package: not at the console's start

    resident = (
        None
        if person is None
        else CardResident(
            person.name,
            id_shown(person.id_number),
            phone_shown(person.phone),
            person.relation,
            person.household_id,
            format_address(person.community, person.building, person.unit, person.room),
            person.moved_out_at is not None,
        )
    )
    community = ""
    if event is not None and event[3]:
        community = str(event[3])
    elif alert.community_id is not None:
        community = str(
            conn.execute(select(Community.name).where(Community.id == alert.community_id)).scalar() or ""
        )
    card = conn.execute(
        select(_f.id, _f.stop_payment_requested_at, _f.outcome, _f.saved, _f.closed_at, User.display_name)
        .select_from(FraudIntervention.__table__.outerjoin(User.__table__, User.id == _f.closed_by))
        .where(_f.alert_id == alert.id)
    ).one_or_none()
    calls: tuple[CallAttempt, ...] = ()
    if card is not None:
        calls = tuple(
            CallAttempt(r.at, r.result, r.note or "", r.display_name or "")
            for r in conn.execute(
                select(InterventionCall.at, InterventionCall.result, InterventionCall.note, User.display_name)
                .select_from(
                    InterventionCall.__table__.outerjoin(
                        User.__table__, User.id == InterventionCall.called_by
                    )
                )
                .where(InterventionCall.intervention_id == card.id)
                .order_by(InterventionCall.at, InterventionCall.id)
            )
        )
    return InterventionCard(
        alert_id=alert.id,
        alert_status=alert.status,
        severity=alert.severity,
        raised_at=alert.raised_at,
        as_of=now,
        level=str(data.get("level") or ""),
        scheme=str(data.get("scheme") or ""),
        bank=str(data.get("bank") or ""),
        amount=_money(data.get("amount")),
        id_number=id_shown(raw_id),
        phone=phone_shown(raw_phone),
        community_name=community,
        resident=resident,
        calls=calls,
        dispatches=_dispatches(conn, alert.id),
        stop_payment_requested_at=card.stop_payment_requested_at if card is not None else None,
        outcome=card.outcome if card is not None else None,
        saved=card.saved if card is not None else None,
        closed_at=card.closed_at if card is not None else None,
        closed_by=(card.display_name or "") if card is not None else "",
        unmasked=unmask,
    )


def _dispatches(conn: Connection, alert_id: int) -> tuple[CardDispatch, ...]:
    d = cast(Table, Dispatch.__table__).c
    rows = list(
        conn.execute(
            select(d.id, d.status, d.dispatched_at, d.arrived_at, d.note)
            .select_from(Dispatch.__table__.join(dispatch_alert, dispatch_alert.c.dispatch_id == d.id))
            .where(dispatch_alert.c.alert_id == alert_id)
            .order_by(d.dispatched_at, d.id)
        )
    )
    if not rows:
        return ()
    officers: dict[int, list[str]] = {}
    for dispatch_id, name, badge in conn.execute(
        select(dispatch_officer.c.dispatch_id, Officer.name, Officer.badge_no)
        .join(Officer, Officer.id == dispatch_officer.c.officer_id)
        .where(dispatch_officer.c.dispatch_id.in_([r.id for r in rows]))
        .order_by(Officer.badge_no)
    ):
        officers.setdefault(dispatch_id, []).append(f"{name} ({badge})")
    return tuple(
        CardDispatch(
            r.id, tuple(officers.get(r.id, ())), r.status, r.dispatched_at, r.arrived_at, r.note or ""
        )
        for r in rows
    )
