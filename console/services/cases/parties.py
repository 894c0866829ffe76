"""Adding people and vehicles to a case from the dossier: a suspect, victim or complainant; a vehicle.

Neither bumps the case's version (an officer editing the case text elsewhere is not in conflict
with a new suspect), but both touch the case row so every console's change feed hears of it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import TheftCase, Vehicle
from console.security import Actor
from console.services.cases.common import add_timeline, optional_text, resident_for
from console.validators import mask_id_number, validate_id_number, validate_mobile, validate_plate

PARTY_ROLES = ("suspect", "victim", "complainant")


def touch_case(s: Session, case_id: int) -> None:
    """Rewrite a column with its own value: the change-log trigger fires, the version stays."""
    s.execute(update(TheftCase).where(TheftCase.id == case_id).values(place=TheftCase.place))


def checked_party(
    role: str, name: object, id_number: object, phone: object, today: dt.date
) -> tuple[str, str | None, str | None]:
    """(name, ID number, phone) of a new party, or a refusal naming the field."""
    if role not in PARTY_ROLES:
        raise ValidationError("role", "case.party.role", allowed="|".join(PARTY_ROLES))
    text = optional_text(name, "name", 50)
    number = str(id_number or "").strip()
    mobile = str(phone or "").strip()
    checked_id = validate_id_number(number, "id_number", today=today) if number else None
    checked_phone = validate_mobile(mobile, "phone") if mobile else None
    if not text and checked_id is None:
        raise ValidationError("name", "case.party.who")
    return text, checked_id, checked_phone


def attach_vehicle(
    s: Session,
    case_id: int,
    case_no: str,
    plate: object,
    *,
    kind: str,
    brand: str,
    colour: str,
    owner_name: str,
    owner_id_number: str | None,
) -> tuple[int, str]:
    """(vehicle id, plate): a new vehicle of the case, or a known one with no case yet linked to it."""
    checked = validate_plate(str(plate or ""), "plate")
    found = s.execute(select(Vehicle.id, Vehicle.case_id).where(Vehicle.plate == checked)).one_or_none()
    if found is not None:
        if found.case_id not in (None, case_id):
            other = s.scalar(select(TheftCase.case_no).where(TheftCase.id == found.case_id))
            raise ValidationError("plate", "case.vehicle.other_case", plate=checked, case_no=other)
        s.execute(update(Vehicle).where(Vehicle.id == found.id).values(case_id=case_id))
        return found.id, checked
    resident = resident_for(s, owner_id_number)
    vehicle = Vehicle(
        plate=checked,
        kind=optional_text(kind, "kind", 16) or "小型汽车",
        brand=optional_text(brand, "brand", 50),
        colour=optional_text(colour, "colour", 16),
        owner_name=optional_text(owner_name, "owner_name", 50) or (resident[1] if resident else ""),
        owner_id_number=owner_id_number,
        resident_id=resident[0] if resident else None,
        case_id=case_id,
    )
    s.add(vehicle)
    s.flush()
    return vehicle.id, checked


def note_added(s: Session, case_id: int, now: dt.datetime, actor: Actor, kind: str, **detail: object) -> None:
    """Timeline entry for a new party or vehicle (ID numbers masked), and the live touch."""
    if detail.get("id_number"):
        detail["id_number"] = mask_id_number(str(detail["id_number"]))
    add_timeline(s, case_id, now, actor, kind, **detail)
    touch_case(s, case_id)
