"""Validation and masking of plates, resident ID numbers and mobile numbers (Qt-free).

Every ``validate_*`` function returns the normalised value or raises
:class:`console.errors.ValidationError` naming the field and the rule; for any input at all
(``None``, numbers, arbitrary text) no other exception escapes.

- Plates follow GA 36-2018: a province abbreviation, the issuing-authority letter, then a
  5-character serial (ordinary plates, 7 in all) or a 6-character new-energy serial (8 in all).
  No maintained library does this, so it is ours.
- Resident ID numbers follow GB 11643: 6-digit area code, birth date, 3-digit sequence and an
  ISO 7064 MOD 11-2 check character. The check character and birth date come from
  python-stdnum, but not its ``validate``: that one also checks the area code against the birth
  date and rejects real residents (e.g. everyone in 350211 born before 1983).
- Mobile numbers are checked against libphonenumber's allocated mainland mobile ranges.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from console.errors import ValidationError

__all__ = [
    "PROVINCES",
    "birth_date_of",
    "csv_cell",
    "id_check_character",
    "mask_id_number",
    "mask_personal_data",
    "mask_personal_text",
    "mask_phone",
    "normalise_plate",
    "pii_int_as_text",
    "validate_id_number",
    "validate_mobile",
    "validate_plate",
]


# ---------------------------------------------------------------------------------------------
# Shared helpers

_DIGITS = frozenset("0123456789")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _to_halfwidth(text: str) -> str:
    """Full-width ASCII (U+FF01–U+FF5E, as typed with a Chinese input method) to half-width."""
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def _require_text(raw: object, field: str) -> str:
    if not isinstance(raw, str):
        raise ValidationError(field, "validation.not_text")
    return raw


# ---------------------------------------------------------------------------------------------
# Plates (GA 36-2018)

PROVINCES = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
# Letters and digits a serial may use: I and O are never used (they read as 1 and 0).
_PLATE_ALNUM = frozenset("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
_AUTHORITY_LETTERS = frozenset("ABCDEFGHJKLMNPQRSTUVWXYZ")
# Trailer, driving-school, police, Hong Kong and Macau plates end in a character.
_PLATE_SPECIAL_LAST = frozenset("挂学警港澳")
_NEV_LETTERS = frozenset("DF")
# Separators people and cameras put between the parts of a plate: middle dots, dots, dashes.
_PLATE_SEPARATORS = frozenset("·•・･‧∙⋅.．-－‐‑‒–—")


def normalise_plate(raw: str) -> str:
    """Remove spaces, middle dots and dashes; full-width to half-width; upper-case Latin letters.

    ``"粤b·a1234"`` -> ``"粤BA1234"``. Never raises for text; anything else becomes ``""``.
    """
    if not isinstance(raw, str):
        return ""
    out = []
    for c in _to_halfwidth(raw):
        if c.isspace() or c in _PLATE_SEPARATORS:
            continue
        out.append(c.upper() if "a" <= c <= "z" else c)
    return "".join(out)


def validate_plate(raw: str, field: str = "plate") -> str:
    """Check a GA 36 plate and return it normalised (e.g. ``闽D12345``, ``闽DD12345``, ``闽D12345D``)."""
    plate = normalise_plate(_require_text(raw, field))
    if not plate:
        raise ValidationError(field, "validation.empty")
    for letter in ("I", "O"):
        if letter in plate:
            raise ValidationError(field, "validation.plate.letter_i_or_o", letter=letter)
    if len(plate) not in (7, 8):
        raise ValidationError(
            field,
            "validation.plate.length",
            length=len(plate),
        )
    if plate[0] not in PROVINCES:
        raise ValidationError(
            field,
            "validation.plate.province",
            char=plate[0],
        )
    if plate[1] not in _AUTHORITY_LETTERS:
        raise ValidationError(field, "validation.plate.authority")
    serial = plate[2:]
    if len(serial) == 5:
        body, last = serial[:4], serial[4]
        if not (
            all(c in _PLATE_ALNUM for c in body) and (last in _PLATE_ALNUM or last in _PLATE_SPECIAL_LAST)
        ):
            raise ValidationError(
                field,
                "validation.plate.serial",
                specials="/".join("挂学警港澳"),
            )
        return plate
    small_nev = (
        serial[0] in _NEV_LETTERS and serial[1] in _PLATE_ALNUM and all(c in _DIGITS for c in serial[2:])
    )
    large_nev = all(c in _DIGITS for c in serial[:5]) and serial[5] in _NEV_LETTERS
    if not (small_nev or large_nev):
        raise ValidationError(
            field,
            "validation.plate.nev_serial",
        )
    return plate


# ---------------------------------------------------------------------------------------------
# Resident ID numbers (GB 11643, ISO 7064 MOD 11-2)

_EARLIEST_BIRTH = dt.date(1900, 1, 1)


def id_check_character(first17: str) -> str:
    """The GB 11643 check character (``0``–``9`` or ``X``) for the first 17 digits of an ID number."""
    if not isinstance(first17, str) or len(first17) != 17 or not set(first17) <= _DIGITS:
        raise ValidationError("id_number", "validation.id.first17_digits")
    from stdnum.cn import ric  # stdnum and phonenumbers load when first used, not at start-up

    # stdnum's calc_check_digit expects the whole number and ignores its last character.
    return ric.calc_check_digit(first17 + "0")


def birth_date_of(id_number: str) -> dt.date:
    """The birth date written in an ID number (positions 7–14, YYYYMMDD)."""
    if not isinstance(id_number, str):
        raise ValidationError("id_number", "validation.not_text")
    digits = _to_halfwidth(id_number.strip())
    if len(digits) < 14 or not set(digits[:14]) <= _DIGITS:
        raise ValidationError("id_number", "validation.id.birth_date")
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError as StdnumValidationError

    try:
        return ric.get_birth_date(digits[:14] + "0000")
    except (StdnumValidationError, ValueError):
        raise ValidationError("id_number", "validation.id.birth_date") from None


def validate_id_number(raw: str, field: str = "id_number", *, today: dt.date | None = None) -> str:
    """Check an 18-character resident ID number and return it with an upper-case ``X``.

    Surrounding spaces are dropped and full-width digits accepted. The birth date must be real,
    not before 1900 and not after ``today`` (default: the local date). The area code is not
    checked against the birth date on purpose (see the module docstring).
    """
    value = _to_halfwidth(_require_text(raw, field).strip())
    if value.endswith("x"):
        value = value[:-1] + "X"
    if not value:
        raise ValidationError(field, "validation.empty")
    if len(value) != 18:
        raise ValidationError(field, "validation.id.length", length=len(value))
    if not set(value[:17]) <= _DIGITS:
        raise ValidationError(field, "validation.id.first17_digits")
    if value[17] not in _DIGITS and value[17] != "X":
        raise ValidationError(field, "validation.id.last_char")
    try:
        born = birth_date_of(value)
    except ValidationError:
        raise ValidationError(field, "validation.id.birth_date") from None
    if born < _EARLIEST_BIRTH:
        raise ValidationError(field, "validation.id.birth_before_1900")
    if born > (today or dt.date.today()):
        raise ValidationError(field, "validation.id.birth_future")
    expected = id_check_character(value[:17])
    if value[17] != expected:
        raise ValidationError(field, "validation.id.check_char", expected=expected)
    return value


# ---------------------------------------------------------------------------------------------
# Mobile numbers

_PHONE_SEPARATORS = frozenset("-－‐‑‒–—()（）.")


def validate_mobile(raw: str, field: str = "phone") -> str:
    """Check a mainland mobile number and return its bare 11 digits.

    Spaces, dashes and a ``+86`` / ``0086`` / ``86`` prefix are accepted. Prefixes that are not
    allocated to mobile networks (e.g. 154, 194) are refused, as libphonenumber refuses them.
    """
    text = _to_halfwidth(_require_text(raw, field))
    digits = "".join(c for c in text if not c.isspace() and c not in _PHONE_SEPARATORS)
    if not digits:
        raise ValidationError(field, "validation.empty")
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            break
    else:
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
    if len(digits) != 11 or not set(digits) <= _DIGITS or digits[0] != "1":
        raise ValidationError(field, "validation.phone.mobile_11")
    import phonenumbers

    mobile_types = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in mobile_types
    ):
        raise ValidationError(field, "validation.phone.range", prefix=digits[:3])
    return digits


# ---------------------------------------------------------------------------------------------
# Masks for screens and exports


def _mask(value: str | None, keep_head: int, keep_tail: int) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    if len(text) < keep_head + keep_tail + 4:
        # Too short to show ends and still hide a meaningful middle: hide it all.
        return "*" * len(text)
    return text[:keep_head] + "*" * (len(text) - keep_head - keep_tail) + text[-keep_tail:]


def mask_id_number(value: str | None) -> str:
    """``350211********1234``: first 6 and last 4 shown; ``""`` for ``None`` or ``""``."""
    return _mask(value, 6, 4)


def mask_phone(value: str | None) -> str:
    """``138****1234``: first 3 and last 4 shown; ``""`` for ``None`` or ``""``."""
    return _mask(value, 3, 4)


# An 18-character ID number or an 11-digit mobile number (optionally +86 / 0086 / 86 in front,
# optionally grouped 3-4-4 by spaces or dashes) anywhere in text, but never a piece of a longer
# run of digits (a bank card, an order number).
_ID_IN_TEXT = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
_MOBILE_IN_TEXT = re.compile(r"(?<![0-9])(?:(?:\+|00)?86[ -]?)?(1[3-9][0-9](?:[ -]?[0-9]{4}){2})(?![0-9])")
_PII_INT = re.compile(r"1[3-9][0-9]{9}|(?:86|0086)1[3-9][0-9]{9}|[1-9][0-9]{17}")


def _mask_id_match(match: re.Match[str]) -> str:
    value = match.group(0)
    valid = id_check_character(value[:17]) == value[17].upper()
    return mask_id_number(value) if valid else value


def _mask_mobile_match(match: re.Match[str]) -> str:
    digits = match.group(1).replace(" ", "").replace("-", "")
    return mask_phone(digits)


# Lengths of free text a user types or pastes. Long enough for any real note, short enough that a
# pasted megabyte is refused with words instead of filling the database, the audit log and the
# panes. Columns with a width (a resident's name, String(50)) get that width, so PostgreSQL never
# refuses what SQLite took.
MAX_NOTE = 2000
MAX_REASON = 500
MAX_QUERY = 200


def limit_text(value: str, field: str, limit: int) -> str:
    """``value`` when it has at most ``limit`` characters; else ValidationError (its field, the limit).

    Any other character is kept as typed, control characters included, except NUL: PostgreSQL
    cannot store it in text, so it is refused by name rather than failing inside the database.
    """
    if len(value) > limit:
        raise ValidationError(field, "text.too_long", limit=limit, length=len(value))
    if "\x00" in value:
        raise ValidationError(field, "text.nul")
    return value


def mask_personal_text(text: str) -> str:
    """``text`` with every valid resident ID number and every mobile number in it masked.

    Masks by recognising the numbers wherever they stand (a report's free text, an unknown
    payload field such as ``sfz`` or ``tel``), not by the name of the field that holds them.
    """
    if not text or not any(c.isdigit() for c in text):
        return text
    text = _ID_IN_TEXT.sub(_mask_id_match, text)
    return _MOBILE_IN_TEXT.sub(_mask_mobile_match, text)


def pii_int_as_text(literal: str) -> int | str:
    """A ``json.loads(parse_int=...)`` hook: a JSON number that reads as a mobile or ID number
    stays text (so it can be masked like one); every other number is an ``int``."""
    return literal if _PII_INT.fullmatch(literal) else int(literal)


def mask_personal_data(value: Any) -> Any:
    """``value`` (str, list, dict, nested at any depth) with every string masked by
    :func:`mask_personal_text`. Numbers that may hold a phone or ID must already be text (load
    JSON with ``parse_int=pii_int_as_text``). Works without recursion, so depth is no limit."""
    if isinstance(value, str):
        return mask_personal_text(value)
    if not isinstance(value, dict | list):
        return value
    root: list[Any] = [value]
    stack: list[Any] = []
    # Copy containers level by level: (source container, its copy) pairs still to fill.
    copy_of = _shallow_copy(value)
    root[0] = copy_of
    stack.append(copy_of)
    while stack:
        box = stack.pop()
        keys = box.keys() if isinstance(box, dict) else range(len(box))
        for k in list(keys):
            item = box[k]
            if isinstance(item, str):
                box[k] = mask_personal_text(item)
            elif isinstance(item, dict | list):
                box[k] = _shallow_copy(item)
                stack.append(box[k])
    return root[0]


def _shallow_copy(box: Any) -> Any:
    return dict(box) if isinstance(box, dict) else list(box)


# OWASP's CSV-injection rule: a spreadsheet runs a cell that begins with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: one beginning with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return gets a leading ``'`` (OWASP's CSV-injection rule)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
