"""Helpers for the case and property tests: valid identifiers, times relative to now, row counts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.models import AuditLog, CaseParty, CaseTimeline, CustodyEvent, PropertyItem, TheftCase
from console.validators import id_check_character


def id_number(first17: str) -> str:
    return first17 + id_check_character(first17)


OWNER_ID = id_number("35021119850312001")
STRANGER_ID = id_number("35021119900101002")
IMEI = "490154203237518"  # valid Luhn check digit
IMEI_BAD = "490154203237517"


def ago(**delta: float) -> str:
    """An ISO time that far before now (the services stamp with the database server's clock)."""
    return (
        (dt.datetime.now(dt.UTC) - dt.timedelta(**delta))
        .astimezone(dt.timezone(dt.timedelta(hours=8)))
        .isoformat()
    )


def ahead(**delta: float) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(**delta)).isoformat()


def stored(sessions: sessionmaker[Session]) -> dict[str, int]:
    """Row counts of everything a case command may write (to show a refusal stored nothing)."""
    tables = {
        "case": TheftCase,
        "party": CaseParty,
        "item": PropertyItem,
        "custody": CustodyEvent,
        "timeline": CaseTimeline,
        "audit": AuditLog,
    }
    with sessions() as s:
        counts = {name: s.scalar(select(func.count()).select_from(t)) or 0 for name, t in tables.items()}
        counts["versions"] = int(s.scalar(select(func.coalesce(func.sum(TheftCase.version), 0))) or 0) + int(
            s.scalar(select(func.coalesce(func.sum(PropertyItem.version), 0))) or 0
        )
    return counts
