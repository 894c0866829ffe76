"""Parse and validate one incoming event per contracts/events.md (Qt-free, no database).

``parse_event`` takes whatever arrived — a JSON text line, raw bytes, or an already decoded
object — and returns a frozen :class:`ParsedEvent` or raises
:class:`console.errors.ValidationError` naming the field and the rule. For any input at all no
other exception escapes: a device feed must never be able to crash the duty room's intake.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Literal, overload

from console.errors import ValidationError
from console.validators import PROVINCES, validate_id_number, validate_mobile, validate_plate

KINDS = ("plate_read", "person_entry", "fraud_risk", "report")
LEVELS = ("high", "medium", "low")
CATEGORIES = ("theft", "lost-item", "lost-pet", "disturbance", "other")
DIRECTIONS = ("in", "out")
FUTURE_TOLERANCE = dt.timedelta(minutes=5)
MAX_TEXT = 2000
# Objects and arrays inside an event may nest this deep (the event itself is level 1). Deeper
# events are refused: every reader of the stored payload (exports, the detail pane) can then
# walk it without running out of stack.
MAX_DEPTH = 32

# The common 7-character plate already written the normalised way: a strict subset of what
# validate_plate accepts, checked with one regex instead of the full rule chain (ingest speed).
_PLAIN_PLATE = re.compile(
    "[" + "".join(sorted(PROVINCES)) + "][A-HJ-NP-Z][0-9A-HJ-NP-Z]{4}[0-9A-HJ-NP-Z挂学警港澳]"
)
# ID numbers seen valid before (residents pass the gates every day); bounded, cleared when full.
_VALID_IDS: dict[str, str] = {}
_VALID_IDS_MAX = 100_000


@dataclass(frozen=True, slots=True)
class ParsedEvent:
    """One valid event; ``community`` is still the code or name as sent (resolved at ingest)."""

    source: str
    external_id: str
    kind: str
    at: dt.datetime
    payload: str  # the event as received (JSON text), unknown extra fields included
    community: str | None = None
    device: str | None = None
    plate: str | None = None
    id_number: str | None = None
    phone: str | None = None
    name: str | None = None
    level: str | None = None
    category: str | None = None
    text: str | None = None
    confidence: float | None = None
    direction: str | None = None
    amount: float | None = None
    scheme: str | None = None
    bank: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The idempotency key ``(source, external_id)``."""
        return (self.source, self.external_id)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def decode_json(raw: str | bytes | bytearray) -> Any:
    """Decode one JSON text strictly (no NaN/Infinity); ValidationError(field None) otherwise."""
    if isinstance(raw, bytes | bytearray):
        try:
            raw = bytes(raw).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                None,
                "intake.json.not_utf8",
                byte=exc.start + 1,
            ) from None
    try:
        return _DECODER.decode(raw)
    except RecursionError:
        raise ValidationError(None, "intake.json.too_deep") from None
    except ValueError as exc:  # JSONDecodeError, huge integers, NaN
        raise ValidationError(None, "intake.json.invalid", reason=str(exc)) from None


def _storable(value: str, field: str | None) -> str:
    """Refuse text no database column can hold: NUL characters and lone surrogates."""
    if "\x00" in value:
        raise ValidationError(field, "intake.text.nul")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(field, "intake.text.surrogates") from None
    return value


@overload
def _text(
    obj: dict[str, Any], field: str, *, required: Literal[True], max_len: int, min_len: int = 1
) -> str: ...
@overload
def _text(
    obj: dict[str, Any], field: str, *, required: bool, max_len: int, min_len: int = 1
) -> str | None: ...
def _text(obj: dict[str, Any], field: str, *, required: bool, max_len: int, min_len: int = 1) -> str | None:
    value = obj.get(field)
    if type(value) is str and min_len <= len(value) <= max_len and value.isascii() and "\x00" not in value:
        return value  # the common case, decided in C; anything else takes the careful path below
    if value is None:
        if required:
            raise ValidationError(field, "intake.field.required")
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "intake.field.not_string")
    if not min_len <= len(value) <= max_len:
        raise ValidationError(
            field,
            "intake.field.length",
            min_len=min_len,
            max_len=max_len,
            length=len(value),
        )
    return _storable(value, field)


@overload
def _choice(obj: dict[str, Any], field: str, choices: tuple[str, ...], *, required: Literal[True]) -> str: ...
@overload
def _choice(obj: dict[str, Any], field: str, choices: tuple[str, ...], *, required: bool) -> str | None: ...
def _choice(obj: dict[str, Any], field: str, choices: tuple[str, ...], *, required: bool) -> str | None:
    value = obj.get(field)
    if value is None:
        if required:
            raise ValidationError(field, "intake.field.required_choice", choices=" | ".join(choices))
        return None
    if not isinstance(value, str) or value not in choices:
        raise ValidationError(field, "validation.one_of", choices=" | ".join(choices))
    return value


def _number(obj: dict[str, Any], field: str, *, low: float, high: float | None) -> float | None:
    value = obj.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, "intake.field.not_number")
    number = float(value) if not isinstance(value, float) else value
    if math.isnan(number) or math.isinf(number):
        raise ValidationError(field, "intake.field.not_finite")
    if number < low or (high is not None and number > high):
        if high is None:
            raise ValidationError(field, "intake.field.at_least", low=f"{low:g}")
        raise ValidationError(field, "intake.field.range", low=f"{low:g}", high=f"{high:g}")
    return number


def _optional_string(obj: dict[str, Any], field: str) -> str | None:
    value = obj.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "intake.field.not_string")
    return _storable(value, field)


def _id_number(raw: Any, now: dt.datetime) -> str:
    """validate_id_number, remembered: a number valid once stays valid (its birth date is past)."""
    if isinstance(raw, str):
        known = _VALID_IDS.get(raw)
        if known is not None:
            return known
    value = validate_id_number(raw, "id_number", today=now.date())
    if len(_VALID_IDS) >= _VALID_IDS_MAX:
        _VALID_IDS.clear()
    _VALID_IDS[raw] = value
    return value


def parse_at(value: Any, now: dt.datetime) -> dt.datetime:
    """An ISO 8601 timestamp with a UTC offset, not more than 5 minutes ahead of ``now``."""
    if value is None:
        raise ValidationError("at", "intake.field.required")
    if not isinstance(value, str):
        raise ValidationError("at", "intake.at.not_string")
    try:
        at = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError("at", "intake.at.not_iso") from None
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError("at", "intake.at.no_offset")
    try:
        at = at.astimezone(dt.UTC)
    except OverflowError:
        raise ValidationError("at", "intake.at.out_of_range") from None
    if at > now + FUTURE_TOLERANCE:
        raise ValidationError("at", "intake.at.future")
    return at


def parse_event(raw: Any, now: dt.datetime) -> ParsedEvent:
    """Validate one event (JSON text, bytes or decoded object) received at ``now``.

    Raises ValidationError naming the field; ``field`` is None when the input is not a JSON
    object at all (bad encoding, bad JSON, an array or a number).
    """
    if isinstance(raw, str | bytes | bytearray):
        obj = decode_json(raw)
        payload = (raw if isinstance(raw, str) else bytes(raw).decode("utf-8")).strip()
        if not payload.isascii():
            _storable(payload, None)  # a str given directly may hold what no column can store
    else:
        obj = raw
        payload = None
    if not isinstance(obj, dict):
        raise ValidationError(None, "intake.event.not_object")
    _check_depth(obj)
    try:
        return _parse_object(obj, payload, now)
    except ValidationError:
        raise
    except (RecursionError, TypeError, ValueError, OverflowError) as exc:  # pathological objects
        raise ValidationError(None, "intake.event.unprocessable", reason=type(exc).__name__) from None


def _check_depth(obj: dict[str, Any]) -> None:
    """Refuse an event nested deeper than MAX_DEPTH, naming the top-level field that holds it."""
    stack: list[tuple[Any, int, str]] = [(v, 2, k) for k, v in obj.items() if isinstance(v, dict | list)]
    while stack:
        value, depth, field = stack.pop()
        if depth > MAX_DEPTH:
            raise ValidationError(str(field), "intake.json.depth", limit=MAX_DEPTH)
        children = value.values() if isinstance(value, dict) else value
        stack.extend((c, depth + 1, field) for c in children if isinstance(c, dict | list))


def _payload_of(obj: dict[str, Any]) -> str:
    try:
        text = json.dumps(obj, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        raise ValidationError(None, "intake.event.not_serialisable") from None
    return _storable(text, "payload")


def _parse_object(obj: dict[str, Any], payload: str | None, now: dt.datetime) -> ParsedEvent:
    source = _text(obj, "source", required=True, max_len=64)
    external_id = _text(obj, "external_id", required=True, max_len=128)
    kind = _choice(obj, "kind", KINDS, required=True)
    at = parse_at(obj.get("at"), now)
    community = _text(obj, "community", required=kind in ("plate_read", "person_entry"), max_len=200)
    device = _text(obj, "device", required=False, max_len=64)
    fields: dict[str, Any] = {}
    if kind == "plate_read":
        plate = obj.get("plate")
        if plate is None:
            raise ValidationError("plate", "intake.field.required")
        fields["plate"] = (
            plate
            if isinstance(plate, str) and _PLAIN_PLATE.fullmatch(plate)
            else validate_plate(plate, "plate")
        )
        fields["direction"] = _choice(obj, "direction", DIRECTIONS, required=False)
        fields["confidence"] = _number(obj, "confidence", low=0.0, high=1.0)
    elif kind == "person_entry":
        number = obj.get("id_number")
        if number is None:
            raise ValidationError("id_number", "intake.field.required")
        fields["id_number"] = _id_number(number, now)
        fields["name"] = _optional_string(obj, "name")
        fields["confidence"] = _number(obj, "confidence", low=0.0, high=1.0)
    elif kind == "fraud_risk":
        number, phone = obj.get("id_number"), obj.get("phone")
        if number is None and phone is None:
            raise ValidationError("id_number", "intake.event.id_or_phone")
        if number is not None:
            fields["id_number"] = _id_number(number, now)
        if phone is not None:
            fields["phone"] = validate_mobile(phone, "phone")
        fields["level"] = _choice(obj, "level", LEVELS, required=True)
        fields["scheme"] = _optional_string(obj, "scheme")
        fields["bank"] = _optional_string(obj, "bank")
        fields["amount"] = _number(obj, "amount", low=0.0, high=None)
    else:  # report
        fields["text"] = _text(obj, "text", required=True, max_len=MAX_TEXT)
        fields["category"] = _choice(obj, "category", CATEGORIES, required=True)
        reporter = _optional_string(obj, "reporter_phone")
        if reporter is not None:
            # Optional and free-form in the contract: kept in the payload, searchable when it is a mobile.
            with contextlib.suppress(ValidationError):
                fields["phone"] = validate_mobile(reporter, "reporter_phone")
    return ParsedEvent(
        source=source,
        external_id=external_id,
        kind=kind,
        at=at,
        payload=payload if payload is not None else _payload_of(obj),
        community=community,
        device=device,
        **fields,
    )
