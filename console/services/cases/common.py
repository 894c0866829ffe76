"""What the case and property services share: the server's clock, finding a case, the timeline."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.clock import Clock
from console.errors import ValidationError
from console.models import CaseTimeline, Resident, TheftCase
from console.security import Actor
from console.services.base import write_audit
from console.validators import mask_id_number, mask_phone


def case_row(session: Session, case_no: str, field: str = "case_no") -> TheftCase:
    """The case with ``case_no`` (trimmed, upper-case); refused naming ``field`` when there is none."""
    key = str(case_no or "").strip().upper()
    found = session.scalars(select(TheftCase).where(TheftCase.case_no == key)).one_or_none()
    if found is None:
        raise ValidationError(field, "case.not_found", case_no=key)
    return found


def resident_for(session: Session, id_number: str | None) -> tuple[int, str] | None:
    """(resident id, name) of the registered resident with ``id_number``, if any."""
    if not id_number:
        return None
    row = session.execute(
        select(Resident.id, Resident.name).where(Resident.id_number == id_number)
    ).one_or_none()
    return (row[0], row[1]) if row else None


def actor_label(actor: Actor) -> str:
    """Who acted, for timelines and custody trails: the display name (the OS user for `cli`)."""
    return actor.display_name or actor.username


def add_timeline(
    session: Session, case_id: int, at: dt.datetime, actor: Actor, kind: str, **detail: Any
) -> None:
    session.execute(
        insert(CaseTimeline).values(
            case_id=case_id,
            at=at,
            kind=kind,
            username=actor.username[:32],
            actor_name=actor_label(actor)[:100],
            detail=json.dumps(detail, ensure_ascii=False, default=_plain) if detail else "",
        )
    )


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


def audit(
    session: Session,
    actor: Actor,
    clock: Clock,
    action: str,
    entity: str,
    entity_id: int | None,
    **detail: Any,
) -> None:
    """``write_audit`` that also records who sat at the keyboard when no person is signed in."""
    if actor.user_id is None:
        detail["by"] = actor_label(actor)
    write_audit(session, actor, action, entity, entity_id, clock, **detail)


def iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def shown_id(value: str | None, unmask: bool) -> str | None:
    if not value:
        return value
    return value if unmask else mask_id_number(value)


def shown_phone(value: str | None, unmask: bool) -> str | None:
    if not value:
        return value
    return value if unmask else mask_phone(value)


def required_text(raw: object, field: str, max_length: int) -> str:
    value = "" if raw is None else str(raw).strip()
    if not value:
        raise ValidationError(field, "case.text.empty")
    if len(value) > max_length:
        raise ValidationError(field, "case.text.too_long", max=max_length)
    return value


def optional_text(raw: object, field: str, max_length: int) -> str:
    value = "" if raw is None else str(raw).strip()
    if len(value) > max_length:
        raise ValidationError(field, "case.text.too_long", max=max_length)
    return value
