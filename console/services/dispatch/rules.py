"""The rules of dispatch, written once: response time, the target, what may be dispatched.

Every caller — the dispatch service, the export, the statistics, the board — uses these.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from console.errors import ValidationError
from console.models.dispatch import CALL_RESULTS, CONTACT_METHODS, INTERVENTION_OUTCOMES, OFFICER_STATUSES

DEFAULT_RESPONSE_TARGET_S = 600
# Statuses an officer is set to by hand; the others follow dispatches.
MANUAL_STATUSES = ("available", "off_duty")
# An officer in one of these is on an open dispatch ("busy").
BUSY_STATUSES = ("dispatched", "en_route", "on_scene")
MAX_NOTE = 2000
MAX_SAVED = Decimal("999999999999.99")  # Numeric(14, 2)

__all__ = [
    "BUSY_STATUSES",
    "CALL_RESULTS",
    "CONTACT_METHODS",
    "DEFAULT_RESPONSE_TARGET_S",
    "INTERVENTION_OUTCOMES",
    "MANUAL_STATUSES",
    "OFFICER_STATUSES",
    "parse_saved",
    "response_seconds",
    "within_target",
]


def response_seconds(raised_at: dt.datetime | None, arrived_at: dt.datetime | None) -> int | None:
    """From the warning (the time of the event that raised the alert) to arrival, in whole seconds; None before arrival."""
    if raised_at is None or arrived_at is None:
        return None
    delta = arrived_at - raised_at
    return delta.days * 86_400 + delta.seconds  # whole seconds, the fraction dropped


def within_target(seconds: int | None, target_seconds: int) -> bool | None:
    """At the door within the station's response target; None until arrival."""
    return None if seconds is None else seconds <= target_seconds


def parse_saved(value: Any) -> Decimal:
    """Money saved, in yuan: an exact number ≥ 0 with at most 2 decimals (field ``saved``)."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError("saved", "dispatch.saved_not_a_number", value=str(value)) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_SAVED:
        raise ValidationError("saved", "dispatch.saved_negative", value=str(value))
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("saved", "dispatch.saved_precision", value=str(value))
    return amount.quantize(Decimal("0.01"))


def check_note(field: str, note: str) -> str:
    if len(note) > MAX_NOTE:
        raise ValidationError(field, "dispatch.note_too_long", limit=MAX_NOTE)
    return note
