"""Rules of case dossiers, written once: categories, the case number, identifiers, money, hours.

Every caller (the case and property services, the import, the demo, the statistics to come)
uses these; none repeats them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from console.clock import STATION_TZ
from console.errors import ValidationError

# Case categories (cases.md): code -> 中文. Every one is a criminal incident (刑事警情).
CATEGORIES: dict[str, str] = {
    "cable": "电缆",
    "phone": "手机",
    "e-bike": "电动车",
    "bicycle": "自行车",
    "burglary": "入室盗窃",
    "vehicle": "机动车",
    "fraud": "诈骗",
    "other": "其他",
}
_CATEGORY_BY_NAME = {name: code for code, name in CATEGORIES.items()}

# Case numbers the console assigns: station prefix, the station-day year of the report, a
# five-digit sequence per year - the form the demo district has always used (GK202600017).
CASE_NO_PREFIX = "GK"
CASE_NO_DIGITS = 5
_CASE_NO = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")

# A report time may run this far ahead of the server's clock (clocks of other machines drift).
FUTURE_GRACE = dt.timedelta(minutes=5)

# Owners not called within this long after recovery are flagged on the unclaimed board.
NOTIFY_WITHIN = dt.timedelta(hours=48)

NOTIFY_HOW = ("phone", "sms", "visit")
MAX_VALUE = Decimal("9999999999.99")  # NUMERIC(12,2)


def category_code(raw: object, field: str = "category") -> str:
    """The category code for a code or its 中文 name; anything else is refused (``field``)."""
    text = "" if raw is None else str(raw).strip()
    code = text.lower() if text.lower() in CATEGORIES else _CATEGORY_BY_NAME.get(text)
    if code is None:
        raise ValidationError(field, "case.category.unknown", value=text, allowed=", ".join(CATEGORIES))
    return code


def case_no_year_prefix(reported_at: dt.datetime) -> str:
    """``GK2026``: the prefix of the numbers assigned to cases reported in that station year."""
    return f"{CASE_NO_PREFIX}{reported_at.astimezone(STATION_TZ):%Y}"


def format_case_no(prefix: str, sequence: int) -> str:
    return f"{prefix}{sequence:0{CASE_NO_DIGITS}d}"


def sequence_of(case_no: str, prefix: str) -> int | None:
    """The sequence of an assigned number with ``prefix``; None for numbers given in another form."""
    tail = case_no[len(prefix) :]
    if case_no.startswith(prefix) and len(tail) == CASE_NO_DIGITS and tail.isdigit():
        return int(tail)
    return None


def normalise_case_no(raw: object, field: str = "case_no") -> str:
    """A case number as stored: trimmed, upper-case; letters, digits and dashes, at most 32."""
    text = "" if raw is None else str(raw).strip().upper()
    if not text:
        raise ValidationError(field, "case.case_no.empty")
    if not _CASE_NO.match(text):
        raise ValidationError(field, "case.case_no.format", value=text)
    return text


def normalise_identifier(raw: object) -> str:
    """Serial and frame numbers as matched: spaces and dashes removed, letters upper-cased."""
    text = "" if raw is None else str(raw)
    return re.sub(r"[\s\-‐‑‒–—－]", "", text).upper()


def normalise_imei(raw: object, field: str = "imei") -> str:
    """15 digits with a valid Luhn check digit (python-stdnum), after normalising."""
    value = normalise_identifier(raw)
    if not value:
        raise ValidationError(field, "property.identifier.empty")
    if len(value) != 15 or not value.isdigit():
        raise ValidationError(field, "property.imei.length", length=len(value))
    from stdnum import imei as stdnum_imei  # loaded when first used, not at the console's start
    from stdnum import luhn

    if not stdnum_imei.is_valid(value):
        expected = luhn.calc_check_digit(value[:14])
        raise ValidationError(field, "property.imei.check_digit", expected=expected)
    return value


def normalise_serial(raw: object, field: str, max_length: int) -> str:
    value = normalise_identifier(raw)
    if not value:
        raise ValidationError(field, "property.identifier.empty")
    if len(value) > max_length:
        raise ValidationError(field, "property.identifier.too_long", max=max_length)
    return value


def parse_value(raw: object, field: str = "value") -> Decimal:
    """Yuan as an exact decimal with at most two places, not negative."""
    text = "" if raw is None else str(raw).strip().replace(",", "").removeprefix("¥").removeprefix("￥")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(field, "property.value.invalid", value=text) from None
    if not value.is_finite():
        raise ValidationError(field, "property.value.invalid", value=text)
    if value < 0:
        raise ValidationError(field, "property.value.negative")
    if value != value.quantize(Decimal("0.01")) or value > MAX_VALUE:
        raise ValidationError(field, "property.value.invalid", value=text)
    return value.quantize(Decimal("0.01"))


def parse_time(raw: object, field: str) -> dt.datetime:
    """An ISO 8601 time with a UTC offset (a spreadsheet's date-time cell counts as station time)."""
    if isinstance(raw, dt.datetime):
        return raw if raw.tzinfo is not None else raw.replace(tzinfo=STATION_TZ)
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise ValidationError(field, "case.time.empty")
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        raise ValidationError(field, "case.time.invalid", value=text) from None
    if value.tzinfo is None:
        raise ValidationError(field, "case.time.no_offset", value=text)
    return value


def hours_to_solve(reported_at: dt.datetime, solved_at: dt.datetime | None) -> float | None:
    """(solved − reported) in hours, one decimal; None while unsolved."""
    if solved_at is None:
        return None
    return round((solved_at - reported_at).total_seconds() / 3600, 1)


# How soon a case was solved (小案快打: "33 within 24 hours, 2 within 72 hours"): the statistics,
# the pane's solved chart and the brief all band cases by these, inclusive at the upper end.
SOLVED_FAST = dt.timedelta(hours=24)
SOLVED_SLOW = dt.timedelta(hours=72)
SOLVE_BANDS = ("24h", "72h", "later", "open")


def solve_band(reported_at: dt.datetime, solved_at: dt.datetime | None) -> str:
    """``24h`` (solved within 24 h of the report), ``72h`` (after 24, within 72), ``later``, ``open``."""
    if solved_at is None:
        return "open"
    taken = solved_at - reported_at
    if taken <= SOLVED_FAST:
        return "24h"
    return "72h" if taken <= SOLVED_SLOW else "later"


def days_unclaimed(recovered_at: dt.datetime | None, now: dt.datetime) -> int | None:
    """Whole days a recovered item has waited for its owner."""
    if recovered_at is None:
        return None
    return max((now - recovered_at).days, 0)


# Series (串案): cases of one category at one place reported within this many days of each other
# are proposed as a series; the station may change it (station.series_window_days).
SERIES_WINDOW_DAYS = 30
SERIES_WINDOW_RANGE = (1, 365)
# Why two cases were proposed as one series, strongest first.
SERIES_RULES = ("suspect", "vehicle", "property", "place")

# Places where stolen goods are sold (销赃地点): code -> 中文.
FENCE_KINDS: dict[str, str] = {
    "scrap": "废品回收站",
    "phone_shop": "二手手机店",
    "pawn": "典当行",
    "market": "二手市场",
    "online": "网络平台",
    "other": "其他",
}
