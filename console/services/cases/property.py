"""Stolen property from theft to its owner's hands (contracts/cases.md, "Property items").

Every status change, notification and return appends a custody event (who held the item, from
when, where) and a line in the audit log; an item of a case also appears on the case's timeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.models import CaseParty, CustodyEvent, PropertyItem, TheftCase
from console.security import Actor, Permission
from console.services.base import Service, guarded_update, server_time
from console.services.cases import rules
from console.services.cases.common import (
    actor_label,
    add_timeline,
    audit,
    case_row,
    iso,
    optional_text,
    required_text,
    resident_for,
)
from console.services.cases.service import add_party
from console.services.cases.unclaimed import ReleaseReceipt, UnclaimedRow, release_receipt, unclaimed_rows
from console.validators import validate_id_number, validate_mobile

STATION_STORE = "派出所涉案财物保管室"
STATUS_FILTERS = ("stolen", "recovered", "returned", "unclaimed")
# The identifiers an item is recovered by: option -> (column, maximum length)
IDENTIFIERS = {"imei": 15, "serial": 64, "frame": 32}


@dataclass(frozen=True)
class ItemChange:
    """What `property add|recover|notify|return` print."""

    id: int
    status: str
    case_no: str | None
    matched: bool | None = None
    at: dt.datetime | None = None


@dataclass(frozen=True)
class ItemRow:
    """One line of `property list` and the unclaimed-property board."""

    id: int
    case_no: str | None
    description: str
    category: str
    status: str
    recovered_at: dt.datetime | None
    notified_at: dt.datetime | None
    returned_at: dt.datetime | None
    days_unclaimed: int | None
    notify_overdue: bool  # recovered, owner not called within 48 hours

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_no": self.case_no,
            "description": self.description,
            "category": self.category,
            "status": self.status,
            "recovered_at": iso(self.recovered_at),
            "notified_at": iso(self.notified_at),
            "returned_at": iso(self.returned_at),
            "days_unclaimed": self.days_unclaimed,
        }


def identifier(kind: str, raw: object) -> str:
    """An identifier normalised as stored and matched; ``kind`` is imei, serial or frame."""
    if kind == "imei":
        return rules.normalise_imei(raw)
    return rules.normalise_serial(raw, kind, IDENTIFIERS[kind])


class PropertyService(Service):
    """Property items (涉案财物): add, recover, notify, return, list."""

    def add(
        self,
        actor: Actor,
        *,
        case_no: str,
        description: str,
        category: str,
        serial: str | None = None,
        imei: str | None = None,
        frame: str | None = None,
        value: str | None = None,
        quantity: int = 1,
        owner_id: str | None = None,
        owner_name: str | None = None,
        owner_phone: str | None = None,
    ) -> ItemChange:
        """Register a stolen item of a case; the owner becomes (or is found as) a victim party."""
        actor.require(Permission.EDIT_CASES)
        text = required_text(description, "description", 200)
        kind = required_text(category, "category", 32)
        ids = {k: identifier(k, v) for k, v in (("serial", serial), ("imei", imei), ("frame", frame)) if v}
        amount = rules.parse_value(value) if value not in (None, "") else None
        if quantity < 1:
            raise ValidationError("quantity", "property.quantity.invalid")
        owner_number = validate_id_number(owner_id, "owner_id") if owner_id else None
        phone = validate_mobile(owner_phone, "owner_phone") if owner_phone else None
        name = optional_text(owner_name, "owner_name", 50)
        with self._write() as s:
            now = server_time(s)
            case = case_row(s, case_no, "case")
            owner = _owner_party(s, case.id, owner_number, name, phone)
            item = PropertyItem(
                case_id=case.id,
                description=text,
                category=kind,
                quantity=quantity,
                value_yuan=amount,
                status="stolen",
                owner_party_id=owner,
                **ids,
            )
            s.add(item)
            s.flush()
            where = case.place or case.community_text or ""
            _custody(
                s, actor, item.id, "reported_stolen", case.reported_at, name or "失主", where, "报案登记"
            )
            add_timeline(s, case.id, now, actor, "property_added", item_id=item.id, description=text, **ids)
            audit(
                s, actor, self._clock, "property_add", "property_item", item.id, case_no=case.case_no, **ids
            )
            return ItemChange(item.id, "stolen", case.case_no)

    def recover(
        self,
        actor: Actor,
        *,
        at: str | dt.datetime,
        place: str,
        imei: str | None = None,
        serial: str | None = None,
        frame: str | None = None,
        item_id: int | None = None,
        description: str | None = None,
        by: str | None = None,
    ) -> ItemChange:
        """Recover by identifier or item id: the stolen item of any case, else a new found item."""
        actor.require(Permission.HANDLE_PROPERTY)
        given = [(k, v) for k, v in (("imei", imei), ("serial", serial), ("frame", frame)) if v]
        if len(given) + (item_id is not None) != 1:
            raise ValidationError(None, "property.recover.one_identifier")
        recovered_at = rules.parse_time(at, "at")
        where = required_text(place, "place", 200)
        badge = optional_text(by, "by", 50)
        found_text = optional_text(description, "description", 200)
        key: tuple[str, str] | None = None
        if given:
            kind, raw = given[0]
            key = (kind, identifier(kind, raw))
        with self._write() as s:
            now = server_time(s)
            if recovered_at > now + rules.FUTURE_GRACE:
                raise ValidationError("at", "case.time.future")
            item = _match(s, key, item_id)
            holder = f"民警 {badge}" if badge else actor_label(actor)
            if item is None:
                assert key is not None  # noqa: S101 type narrowing: _match found nothing by id, so a key was given
                found = PropertyItem(
                    case_id=None,
                    description=found_text or "拾获物品",
                    category={"imei": "phone", "frame": "e-bike"}.get(key[0], "other"),
                    quantity=1,
                    value_yuan=None,
                    status="recovered",
                    recovered_at=recovered_at,
                    recovered_place=where,
                    recovered_by=badge,
                    **{key[0]: key[1]},
                )
                s.add(found)
                s.flush()
                _custody(s, actor, found.id, "found", recovered_at, holder, where, "无主/未匹配物品入登记")
                audit(s, actor, self._clock, "property_found", "property_item", found.id, **{key[0]: key[1]})
                return ItemChange(found.id, "recovered", None, matched=False)
            if item.status != "stolen":
                raise ValidationError(
                    "status", "property.status.not_stolen", item_id=item.id, status=item.status
                )
            guarded_update(
                s,
                PropertyItem,
                item.id,
                None,
                f"涉案财物 #{item.id}",
                status="recovered",
                recovered_at=recovered_at,
                recovered_place=where,
                recovered_by=badge,
            )
            _custody(s, actor, item.id, "recovered", recovered_at, holder, where, "追回涉案财物")
            case_no = _case_no(s, item.case_id)
            if item.case_id is not None:
                add_timeline(s, item.case_id, now, actor, "property_recovered", item_id=item.id, place=where)
            audit(s, actor, self._clock, "property_recover", "property_item", item.id, case_no=case_no)
            return ItemChange(item.id, "recovered", case_no, matched=True)

    def notify(self, actor: Actor, item_id: int, *, how: str, note: str | None = None) -> ItemChange:
        """Log the call to the owner ("property found, come and claim it"): who, how and when."""
        actor.require(Permission.HANDLE_PROPERTY)
        if how not in rules.NOTIFY_HOW:
            raise ValidationError("how", "property.notify.how", allowed="|".join(rules.NOTIFY_HOW))
        text = optional_text(note, "note", 500)
        with self._write() as s:
            now = server_time(s)
            item = _item(s, item_id)
            if item.status != "recovered":
                raise ValidationError(
                    "status", "property.status.not_recovered", item_id=item.id, status=item.status
                )
            values: dict[str, Any] = {"notified_how": how}
            if item.notified_at is None:  # the first call is the one the 48-hour rule counts
                values["notified_at"] = now
            guarded_update(s, PropertyItem, item.id, None, f"涉案财物 #{item.id}", **values)
            _custody(
                s, actor, item.id, "notified", now, STATION_STORE, "", f"通知失主认领 ({how}) {text}".strip()
            )
            if item.case_id is not None:
                add_timeline(s, item.case_id, now, actor, "property_notified", item_id=item.id, how=how)
            audit(s, actor, self._clock, "property_notify", "property_item", item.id, how=how, note=text)
            return ItemChange(item.id, item.status, _case_no(s, item.case_id), at=now)

    def return_item(
        self, actor: Actor, item_id: int, *, to_id: str, at: str | dt.datetime | None = None
    ) -> ItemChange:
        """Hand a recovered item back; ``to_id`` must be the owner's ID number when there is an owner."""
        actor.require(Permission.EDIT_CASES)
        number = validate_id_number(to_id, "to_id")
        given_at = rules.parse_time(at, "at") if at not in (None, "") else None
        with self._write() as s:
            now = server_time(s)
            item = _item(s, item_id)
            if item.status != "recovered":
                raise ValidationError(
                    "status", "property.status.not_recovered", item_id=item.id, status=item.status
                )
            owner = s.get(CaseParty, item.owner_party_id) if item.owner_party_id else None
            if owner is not None and owner.id_number and owner.id_number != number:
                raise ValidationError("to_id", "property.return.not_owner")
            returned_at = given_at or now
            if returned_at > now + rules.FUTURE_GRACE:
                raise ValidationError("at", "case.time.future")
            if item.recovered_at is not None and returned_at < item.recovered_at:
                raise ValidationError("at", "property.return.before_recovered")
            guarded_update(
                s,
                PropertyItem,
                item.id,
                None,
                f"涉案财物 #{item.id}",
                status="returned",
                returned_at=returned_at,
                returned_to_id_number=number,
            )
            person = (
                owner.name if owner is not None and owner.name else (resident_for(s, number) or (0, ""))[1]
            )
            _custody(s, actor, item.id, "returned", returned_at, person or "认领人", "", "发还, 已核验身份证")
            if item.case_id is not None:
                add_timeline(s, item.case_id, now, actor, "property_returned", item_id=item.id)
            audit(s, actor, self._clock, "property_return", "property_item", item.id, returned_at=returned_at)
            return ItemChange(item.id, "returned", _case_no(s, item.case_id), at=returned_at)

    def list_items(self, actor: Actor, status: str | None = None) -> list[ItemRow]:
        """Items by status; ``unclaimed`` = recovered and not returned, oldest recovery first."""
        actor.require(Permission.VIEW_CASES)
        if status is not None and status not in STATUS_FILTERS:
            raise ValidationError("status", "property.status.filter", allowed="|".join(STATUS_FILTERS))
        i, t = PropertyItem, TheftCase
        stmt = select(
            i.id, t.case_no, i.description, i.category, i.status, i.recovered_at, i.notified_at, i.returned_at
        ).outerjoin(t, t.id == i.case_id)
        if status == "unclaimed":
            stmt = stmt.where(i.status == "recovered").order_by(i.recovered_at, i.id)
        elif status is not None:
            stmt = stmt.where(i.status == status).order_by(i.id)
        else:
            stmt = stmt.order_by(i.id)
        with self._read() as conn:
            now = server_time(conn)
            return [_row(r, now) for r in conn.execute(stmt)]

    def unclaimed(self, actor: Actor) -> list[UnclaimedRow]:
        """The unclaimed-property board: recovered, not yet returned, oldest first, days waiting."""
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            return unclaimed_rows(conn, server_time(conn), False)  # a board: masked for every role

    def receipt(self, actor: Actor, item_id: int) -> ReleaseReceipt:
        """What the release receipt of a returned item says (the owner's ID masked, for every role:
        the receipt is handed over and filed, and the ID was checked at the counter)."""
        actor.require(Permission.VIEW_CASES)
        with self._read() as conn:
            return release_receipt(conn, item_id, False)


def _row(r: Any, now: dt.datetime) -> ItemRow:
    waiting = r.status == "recovered"
    return ItemRow(
        id=r.id,
        case_no=r.case_no,
        description=r.description,
        category=r.category,
        status=r.status,
        recovered_at=r.recovered_at,
        notified_at=r.notified_at,
        returned_at=r.returned_at,
        days_unclaimed=rules.days_unclaimed(r.recovered_at, now) if waiting else None,
        notify_overdue=bool(
            waiting
            and r.notified_at is None
            and r.recovered_at is not None
            and now - r.recovered_at > rules.NOTIFY_WITHIN
        ),
    )


def _owner_party(s: Session, case_id: int, id_number: str | None, name: str, phone: str | None) -> int | None:
    """The victim party that owns an item: found by ID number in the case, else added."""
    if not (id_number or name or phone):
        return None
    if id_number:
        found = s.scalar(
            select(CaseParty.id).where(CaseParty.case_id == case_id, CaseParty.id_number == id_number)
        )
        if found is not None:
            return found
    return add_party(s, case_id, "victim", name, id_number, phone)


def _match(s: Session, key: tuple[str, str] | None, item_id: int | None) -> PropertyItem | None:
    """The item recovered: by id, or the stolen item with the identifier in any case (newest first).

    With no stolen item but one already recovered or returned, that one is returned so the caller
    refuses a second recovery; with none at all, None (a found item).
    """
    if item_id is not None:
        return _item(s, item_id, "item")
    assert key is not None  # noqa: S101 type narrowing: callers pass an id or a key
    column = getattr(PropertyItem, key[0])
    items = list(s.scalars(select(PropertyItem).where(column == key[1]).order_by(PropertyItem.id.desc())))
    stolen = [i for i in items if i.status == "stolen"]
    return stolen[0] if stolen else (items[0] if items else None)


def _item(s: Session, item_id: int, field: str = "id") -> PropertyItem:
    item = s.get(PropertyItem, item_id)
    if item is None:
        raise ValidationError(field, "property.not_found", item_id=item_id)
    return item


def _case_no(s: Session | Connection, case_id: int | None) -> str | None:
    if case_id is None:
        return None
    return s.scalar(select(TheftCase.case_no).where(TheftCase.id == case_id))


def _custody(
    s: Session, actor: Actor, item_id: int, kind: str, at: dt.datetime, holder: str, where: str, note: str
) -> None:
    s.execute(
        insert(CustodyEvent).values(
            property_item_id=item_id,
            kind=kind,
            at=at,
            user_id=actor.user_id,
            holder=holder[:100],
            username=actor.username[:32],
            location=where[:200],
            note=note,
        )
    )
