"""Judging a case's fields, once, for `case open`, `case solve` and each row of `import cases`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from console.errors import ValidationError
from console.services.cases import rules
from console.services.cases.common import optional_text, required_text
from console.validators import validate_id_number, validate_mobile

T = TypeVar("T")


@dataclass(frozen=True)
class CaseInput:
    """A case's fields as given, checked for form (times against the clock come later)."""

    case_no: str | None
    category: str
    reported_at: dt.datetime
    summary: str
    occurred_at: dt.datetime | None = None
    solved_at: dt.datetime | None = None
    community: str = ""
    place: str = ""
    narrative: str = ""
    victim_name: str = ""
    victim_id: str | None = None
    victim_phone: str | None = None


class _Collector:
    """Runs checks and keeps every refusal, so a rejected row names all its broken columns."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationError as exc:
            self.errors.append(exc)
            return None


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def judge_case(
    values: dict[str, Any], *, case_no_required: bool = False
) -> tuple[CaseInput | None, list[ValidationError]]:
    """Check the form of a case's fields; the input and no errors, or None and every error found."""
    c = _Collector()
    case_no: str | None = None
    if case_no_required or not _blank(values.get("case_no")):
        case_no = c.check(lambda: rules.normalise_case_no(values.get("case_no")))
    category = c.check(lambda: rules.category_code(values.get("category")))
    reported = c.check(lambda: rules.parse_time(values.get("reported_at"), "reported_at"))
    occurred = None
    if not _blank(values.get("occurred_at")):
        occurred = c.check(lambda: rules.parse_time(values.get("occurred_at"), "occurred_at"))
    solved = None
    if not _blank(values.get("solved_at")):
        solved = c.check(lambda: rules.parse_time(values.get("solved_at"), "solved_at"))
    summary = c.check(lambda: required_text(values.get("summary"), "summary", 200))
    community = c.check(lambda: optional_text(values.get("community"), "community", 100)) or ""
    place = c.check(lambda: optional_text(values.get("place"), "place", 200)) or ""
    narrative = c.check(lambda: optional_text(values.get("narrative"), "narrative", 20000)) or ""
    victim_name = c.check(lambda: optional_text(values.get("victim_name"), "victim_name", 50)) or ""
    victim_id = None
    if not _blank(values.get("victim_id")):
        victim_id = c.check(lambda: validate_id_number(str(values["victim_id"]), "victim_id"))
    victim_phone = None
    if not _blank(values.get("victim_phone")):
        victim_phone = c.check(lambda: validate_mobile(str(values["victim_phone"]), "victim_phone"))
    if reported is not None and occurred is not None and occurred > reported:
        c.errors.append(ValidationError("occurred_at", "case.occurred_at.after_reported"))
    if reported is not None and solved is not None and solved < reported:
        c.errors.append(ValidationError("solved_at", "case.solve.before_reported"))
    if c.errors or category is None or reported is None or summary is None:
        return None, c.errors
    return (
        CaseInput(
            case_no=case_no,
            category=category,
            reported_at=reported,
            summary=summary,
            occurred_at=occurred,
            solved_at=solved,
            community=community,
            place=place,
            narrative=narrative,
            victim_name=victim_name,
            victim_id=victim_id,
            victim_phone=victim_phone,
        ),
        [],
    )


def check_reported(reported_at: dt.datetime, now: dt.datetime, field: str = "reported_at") -> None:
    if reported_at > now + rules.FUTURE_GRACE:
        raise ValidationError(field, "case.time.future")


def check_solved(
    solved_at: dt.datetime, reported_at: dt.datetime, now: dt.datetime, field: str = "at"
) -> None:
    if solved_at < reported_at:
        raise ValidationError(field, "case.solve.before_reported")
    if solved_at > now + rules.FUTURE_GRACE:
        raise ValidationError(field, "case.time.future")
