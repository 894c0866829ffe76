"""Watchlists: persons (重点人员, by ID number) and vehicles (布控车辆, by plate) whose sighting raises an alert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.errors import ConflictError, UserError, ValidationError
from console.models import TheftCase, User, WatchlistEntry
from console.models.alerts import SEVERITIES
from console.security import Actor, Permission
from console.services.alerts.rules import default_watch_severity
from console.services.base import Service, guarded_update, write_audit
from console.validators import MAX_REASON, limit_text, mask_id_number, validate_id_number, validate_plate

EDITABLE = frozenset({"reason", "severity", "case_no", "expires_at", "name"})


@dataclass(frozen=True)
class WatchlistRow:
    """One watchlist entry as a screen or export shows it (ID number masked unless permitted)."""

    id: int
    kind: str  # person | vehicle
    plate: str | None
    id_number: str | None
    name: str
    reason: str
    severity: str
    case_id: int | None
    case_no: str | None
    expires_at: dt.datetime | None
    active: bool
    added_by: str | None
    created_at: dt.datetime
    version: int
    added_by_name: str = ""
    """Who added it as people know them (the user's display name); ``added_by`` is the user name."""

    def is_active(self, now: dt.datetime) -> bool:
        return self.active and (self.expires_at is None or self.expires_at > now)


def parse_expiry(
    value: dt.datetime | str | None, now: dt.datetime, field: str = "expires_at"
) -> dt.datetime | None:
    """An aware expiry time in the future (ISO 8601 text accepted); None = never expires."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(field, "validation.time.not_iso") from None
    if not isinstance(value, dt.datetime):
        raise ValidationError(field, "validation.time.not_a_time")
    if value.tzinfo is None:
        raise ValidationError(field, "validation.time.no_offset")
    if value <= now:
        raise ValidationError(field, "watchlist.expiry.past")
    return value


class WatchlistService(Service):
    def add(
        self,
        actor: Actor,
        *,
        plate: str | None = None,
        id_number: str | None = None,
        reason: str,
        severity: str | None = None,
        case_no: str | None = None,
        expires_at: dt.datetime | str | None = None,
        name: str = "",
    ) -> int:
        """Add a person (``id_number``) or vehicle (``plate``) entry; returns its id."""
        actor.require(Permission.MANAGE_WATCHLIST)
        if (plate is None) == (id_number is None):
            raise ValidationError("plate", "watchlist.plate_or_id")
        with self._read() as conn:
            now = self._now(conn)  # created, and "30d" counted, by the server's clock
        kind = "vehicle" if plate is not None else "person"
        values: dict[str, Any] = {
            "kind": kind,
            "plate": validate_plate(plate, "plate") if plate is not None else None,
            "id_number": validate_id_number(id_number, "id_number", today=now.date())
            if id_number is not None
            else None,
            "reason": _reason(reason),
            "severity": _severity(severity) or default_watch_severity(kind),
            "name": _name(name),
            "expires_at": parse_expiry(expires_at, now),
            "active": True,
            "added_by": actor.user_id,
            "created_at": now,
            "version": 1,
        }
        with self._write() as s:
            values["case_id"] = _case_id(s, case_no)
            entry_id = s.execute(
                insert(WatchlistEntry).values(**values).returning(WatchlistEntry.id)
            ).scalar_one()
            write_audit(
                s,
                actor,
                "create",
                "watchlist_entry",
                entry_id,
                self._clock,
                kind=kind,
                plate=values["plate"],
                id_number=mask_id_number(values["id_number"]) or None,
                severity=values["severity"],
                case_no=case_no,
            )
        return entry_id

    def list_active(self, actor: Actor) -> list[WatchlistRow]:
        """Entries that are active and not expired, newest first."""
        actor.require(Permission.VIEW_ALERTS)
        w = WatchlistEntry
        with self._write() as s:
            now = self._now(s)  # compared with stored expiry times
            rows = s.execute(
                _query()
                .where(w.active.is_(True), (w.expires_at.is_(None)) | (w.expires_at > now))
                .order_by(w.id.desc())
            ).all()
            return self._rows(s, actor, rows)

    def get(self, actor: Actor, entry_id: int) -> WatchlistRow:
        actor.require(Permission.VIEW_ALERTS)
        with self._write() as s:
            row = s.execute(_query().where(WatchlistEntry.id == entry_id)).one_or_none()
            if row is None:
                raise UserError("watchlist.not_found", entry_id=entry_id)
            return self._rows(s, actor, [row])[0]

    def update(self, actor: Actor, entry_id: int, expected_version: int, **changes: Any) -> int:
        """Change reason/severity/case_no/expires_at/name; stale ``expected_version`` -> ConflictError.

        Returns the new version.
        """
        actor.require(Permission.MANAGE_WATCHLIST)
        unknown = set(changes) - EDITABLE
        if unknown:
            field = sorted(unknown)[0]
            raise ValidationError(field, "watchlist.field.not_editable")
        values: dict[str, Any] = {}
        if "reason" in changes:
            values["reason"] = _reason(changes["reason"])
        if "severity" in changes:
            values["severity"] = _severity(changes["severity"]) or "high"
        if "name" in changes:
            values["name"] = _name(changes["name"])
        with self._write() as s:
            if "expires_at" in changes:
                values["expires_at"] = parse_expiry(changes["expires_at"], self._now(s))
            if "case_no" in changes:
                values["case_id"] = _case_id(s, changes["case_no"])
            self._versioned_update(s, entry_id, expected_version, values)
            write_audit(
                s,
                actor,
                "update",
                "watchlist_entry",
                entry_id,
                self._clock,
                changes={k: str(v) for k, v in changes.items()},
            )
        return expected_version + 1

    def expire(self, actor: Actor, entry_id: int, expected_version: int) -> int:
        """End an entry now: it stops matching at once. Returns the new version."""
        actor.require(Permission.MANAGE_WATCHLIST)
        with self._write() as s:
            self._versioned_update(
                s, entry_id, expected_version, {"active": False, "expires_at": self._now(s)}
            )
            write_audit(s, actor, "expire", "watchlist_entry", entry_id, self._clock)
        return expected_version + 1

    # ------------------------------------------------------------------

    @staticmethod
    def _versioned_update(s: Session, entry_id: int, expected_version: int, values: dict[str, Any]) -> None:
        guarded_update(
            s,
            WatchlistEntry,
            entry_id,
            expected_version,
            f"布控 #{entry_id}",
            conflict=lambda now: ConflictError("watchlist.changed", entry_id=entry_id, version=now),
            missing=lambda: UserError("watchlist.not_found", entry_id=entry_id),
            **values,
        )

    def _rows(self, s: Session, actor: Actor, rows: Sequence[Any]) -> list[WatchlistRow]:
        unmask = actor.can(Permission.UNMASK_PERSONAL_DATA)
        out = []
        for r in rows:
            number = r.id_number if unmask or r.id_number is None else mask_id_number(r.id_number)
            out.append(
                WatchlistRow(
                    r.id,
                    r.kind,
                    r.plate,
                    number,
                    r.name or "",
                    r.reason,
                    r.severity,
                    r.case_id,
                    r.case_no,
                    r.expires_at,
                    bool(r.active),
                    r.username,
                    r.created_at,
                    r.version,
                    r.display_name or r.username or "",
                )
            )
        shown = [r.id for r in out if r.kind == "person" and r.id_number]
        if unmask and shown:
            write_audit(
                s,
                actor,
                "view_personal_data",
                "watchlist_entry",
                shown[0] if len(shown) == 1 else None,
                self._clock,
                entries=shown[:100],
                count=len(shown),
            )
        return out


def _query() -> Any:
    w = WatchlistEntry
    return (
        select(
            w.id,
            w.kind,
            w.plate,
            w.id_number,
            w.name,
            w.reason,
            w.severity,
            w.case_id,
            TheftCase.case_no,
            w.expires_at,
            w.active,
            User.username,
            User.display_name,
            w.created_at,
            w.version,
        )
        .outerjoin(TheftCase, TheftCase.id == w.case_id)
        .outerjoin(User, User.id == w.added_by)
    )


def _reason(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("reason", "watchlist.reason.required")
    return limit_text(value.strip(), "reason", MAX_REASON)


def _severity(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if value not in SEVERITIES:
        raise ValidationError("severity", "validation.one_of", choices=" | ".join(SEVERITIES))
    return str(value)


def _name(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value.strip()) > 50:
        raise ValidationError("name", "watchlist.name.too_long", max_len=50)
    return value.strip()


def _case_id(s: Session, case_no: str | None) -> int | None:
    if case_no is None or case_no == "":
        return None
    case_id = s.execute(select(TheftCase.id).where(TheftCase.case_no == case_no)).scalar_one_or_none()
    if case_id is None:
        raise ValidationError("case", "watchlist.case.not_found", case_no=case_no)
    return case_id
