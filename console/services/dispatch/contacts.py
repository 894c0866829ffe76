"""Notifying a community's property manager (物业) about an alert: an append-only log.

The duty room phones (or meets, radios, messages) the property manager shown in the alert's
detail; each notification is one row — who (the signed-in user), when (the database server's
clock, so every console's log reads in one order), how, and a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import Alert, ManagerContact
from console.models.dispatch import CONTACT_METHODS
from console.security import Actor
from console.services.base import server_time
from console.services.dispatch.rules import check_note

_a = cast(Table, Alert.__table__).c
_m = cast(Table, ManagerContact.__table__).c


@dataclass(frozen=True, slots=True)
class ManagerContactRow:
    """One notification of the property manager about an alert."""

    id: int
    alert_id: int
    at: dt.datetime
    by: str  # the caller's name as shown
    how: str  # phone, in_person, radio, message
    note: str


def log_contact(session: Session, actor: Actor, alert_id: int, how: str, note: str) -> ManagerContactRow:
    """Append one notification; refused for an unknown method (``how``) or alert (``alert_id``)."""
    if how not in CONTACT_METHODS:
        raise ValidationError("how", "dispatch.contact_how_unknown", allowed=", ".join(CONTACT_METHODS))
    note = check_note("note", note.strip())
    community = session.execute(select(_a.community_id).where(_a.id == alert_id)).one_or_none()
    if community is None:
        raise ValidationError("alert_id", "dispatch.alert_unknown", alert_id=alert_id)
    at = server_time(session.connection())
    by = (actor.display_name or actor.username)[:50]
    contact_id = int(
        session.execute(
            insert(ManagerContact)
            .values(
                alert_id=alert_id,
                community_id=community.community_id,
                at=at,
                by_user=actor.user_id,
                by_name=by,
                how=how,
                note=note,
            )
            .returning(ManagerContact.id)
        ).scalar_one()
    )
    return ManagerContactRow(contact_id, alert_id, at, by, how, note)


def contacts_of(conn: Connection, alert_id: int) -> list[ManagerContactRow]:
    """Every notification about ``alert_id``, oldest first."""
    rows = conn.execute(
        select(_m.id, _m.alert_id, _m.at, _m.by_name, _m.how, _m.note)
        .where(_m.alert_id == alert_id)
        .order_by(_m.at, _m.id)
    )
    return [ManagerContactRow(r.id, r.alert_id, r.at, r.by_name, r.how, r.note) for r in rows]
