"""The unclaimed-property board and the release receipt: read models over property items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, select

from console.errors import ValidationError
from console.models import CaseParty, CustodyEvent, PropertyItem, Station, TheftCase
from console.services.cases import rules
from console.services.cases.common import shown_id, shown_phone


@dataclass(frozen=True)
class UnclaimedRow:
    """A recovered item waiting for its owner; ``notify_overdue`` once 48 hours pass uncalled."""

    id: int
    case_no: str | None
    description: str
    category: str
    quantity: int
    identifier: str  # IMEI, serial or frame number, whichever the item has
    owner_name: str
    owner_phone: str | None
    recovered_at: dt.datetime
    recovered_place: str
    notified_at: dt.datetime | None
    days_waiting: int
    notify_overdue: bool


@dataclass(frozen=True)
class ReleaseReceipt:
    """What the release receipt (发还清单) of a returned item says."""

    station: str
    item_id: int
    case_no: str | None
    description: str
    category: str
    quantity: int
    identifier: str
    value: Decimal | None
    owner_name: str
    returned_to_id: str  # masked unless the role may see ID numbers
    recovered_at: dt.datetime | None
    recovered_place: str
    returned_at: dt.datetime
    handed_over_by: str


def _identifier(r: object) -> str:
    return next(
        (v for v in (getattr(r, "imei", None), getattr(r, "serial", None), getattr(r, "frame", None)) if v),
        "",
    )


def unclaimed_rows(conn: Connection, now: dt.datetime, unmask: bool) -> list[UnclaimedRow]:
    i, t, p = PropertyItem, TheftCase, CaseParty
    rows = conn.execute(
        select(
            i.id,
            t.case_no,
            i.description,
            i.category,
            i.quantity,
            i.imei,
            i.serial,
            i.frame,
            p.name.label("owner_name"),
            p.phone.label("owner_phone"),
            i.recovered_at,
            i.recovered_place,
            i.notified_at,
        )
        .outerjoin(t, t.id == i.case_id)
        .outerjoin(p, p.id == i.owner_party_id)
        .where(i.status == "recovered")  # the (status, recovered_at) index: oldest first
        .order_by(i.recovered_at, i.id)
    )
    out = []
    for r in rows:
        recovered = r.recovered_at or now
        out.append(
            UnclaimedRow(
                r.id,
                r.case_no,
                r.description,
                r.category,
                r.quantity,
                _identifier(r),
                r.owner_name or "",
                shown_phone(r.owner_phone, unmask),
                recovered,
                r.recovered_place,
                r.notified_at,
                rules.days_unclaimed(recovered, now) or 0,
                r.notified_at is None and now - recovered > rules.NOTIFY_WITHIN,
            )
        )
    return out


def release_receipt(conn: Connection, item_id: int, unmask: bool) -> ReleaseReceipt:
    i, t, p = PropertyItem, TheftCase, CaseParty
    r = conn.execute(
        select(i, t.case_no, p.name.label("owner_name"))
        .outerjoin(t, t.id == i.case_id)
        .outerjoin(p, p.id == i.owner_party_id)
        .where(i.id == item_id)
    ).first()
    if r is None:
        raise ValidationError("id", "property.not_found", item_id=item_id)
    if r.status != "returned" or r.returned_at is None:
        raise ValidationError("status", "property.receipt.not_returned", item_id=item_id, status=r.status)
    c = CustodyEvent
    handed = conn.execute(
        select(c.holder, c.username)
        .where(c.property_item_id == item_id, c.kind == "returned")
        .order_by(c.id.desc())
        .limit(1)
    ).first()
    station = conn.execute(select(Station.name).order_by(Station.id).limit(1)).scalar() or ""
    return ReleaseReceipt(
        station=station,
        item_id=r.id,
        case_no=r.case_no,
        description=r.description,
        category=r.category,
        quantity=r.quantity,
        identifier=_identifier(r),
        value=r.value_yuan,
        owner_name=r.owner_name or (handed.holder if handed else ""),
        returned_to_id=shown_id(r.returned_to_id_number, unmask) or "",
        recovered_at=r.recovered_at,
        recovered_place=r.recovered_place,
        returned_at=r.returned_at,
        handed_over_by=handed.username if handed else "",
    )
