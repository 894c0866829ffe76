"""The rules that make an alert of an event: its severity, its summary line and its group key.

Written once and used by ingest (live events) and by the demo generator (a year of history), so
demo data can never drift from what the station's rules say. Qt-free and database-free: plain
values in, plain values out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from console.validators import mask_id_number, mask_personal_text, mask_phone
from console.vocabulary import CATEGORY_TITLES, FRAUD_SEVERITY, LEVEL_TITLES, SEVERITY_RANK, scheme_title

URGENT_RANK = SEVERITY_RANK["high"]  # critical and high sound, flash and escalate
LOW_REPORT_CATEGORIES = frozenset({"lost-item", "lost-pet"})
SUMMARY_TEXT_LIMIT = 60  # characters of a citizen's report shown in the summary


class EventFacts(Protocol):
    """What the rules read of the event that raised an alert (``ParsedEvent`` has all of it)."""

    @property
    def kind(self) -> str: ...
    @property
    def plate(self) -> str | None: ...
    @property
    def id_number(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def name(self) -> str | None: ...
    @property
    def level(self) -> str | None: ...
    @property
    def category(self) -> str | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def direction(self) -> str | None: ...
    @property
    def amount(self) -> float | None: ...
    @property
    def scheme(self) -> str | None: ...
    @property
    def bank(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Facts:
    """An event's facts for callers that hold no parsed event (the demo generator, tests)."""

    kind: str
    plate: str | None = None
    id_number: str | None = None
    phone: str | None = None
    name: str | None = None
    level: str | None = None
    category: str | None = None
    text: str | None = None
    direction: str | None = None
    amount: float | None = None
    scheme: str | None = None
    bank: str | None = None


@dataclass(frozen=True, slots=True)
class Matched:
    """The watchlist entry a plate read or a person entry matched, as the rules read it."""

    entry_id: int
    severity: str
    name: str
    reason: str
    case_no: str | None


def default_watch_severity(kind: str) -> str:
    """The severity of a watchlist entry that sets none: vehicles high, people medium."""
    return "high" if kind == "vehicle" else "medium"


def alert_severity(event: EventFacts, matched: Matched | None) -> str:
    """A watchlist hit takes its entry's severity; fraud risk follows its level; reports are medium or low."""
    if matched is not None:
        return matched.severity
    if event.kind == "fraud_risk":
        return FRAUD_SEVERITY[event.level or "high"]
    return "low" if event.category in LOW_REPORT_CATEGORIES else "medium"


def group_key(matched: Matched | None, community_id: int | None) -> str | None:
    """Hits on one watchlist entry in one community group into one open alert; others never group."""
    if matched is None:
        return None
    return f"wl:{matched.entry_id}:c:{community_id}"


def alert_summary(event: EventFacts, place: str, matched: Matched | None) -> str:
    """The one line the feed shows for the alert (ID numbers and phones masked)."""
    case = ""
    if matched is not None:
        case = f"关联案件 {matched.case_no}: {matched.reason}" if matched.case_no else matched.reason
    if event.kind == "plate_read" and matched is not None:
        verb = "驶出" if event.direction == "out" else "驶入"
        return f"布控车辆 {event.plate} {verb} {place} ({case})"
    if event.kind == "person_entry" and matched is not None:
        who = matched.name or event.name or ""
        return f"重点人员 {who} {mask_id_number(event.id_number)} 进入 {place} ({case})".replace("  ", " ")
    if event.kind == "fraud_risk":
        who = mask_phone(event.phone) if event.phone else mask_id_number(event.id_number)
        parts = [f"反诈预警({LEVEL_TITLES.get(event.level or '', '')}) {who}"]
        if event.scheme:
            parts.append(scheme_title(event.scheme))
        if event.bank:
            parts.append(event.bank)
        if event.amount is not None:
            parts.append(f"涉及金额 ¥{event.amount:,.0f}")
        if place:
            parts.append(place)
        return " ".join(parts)
    title = CATEGORY_TITLES.get(event.category or "other", "其他")
    body = mask_personal_text((event.text or "").replace("\n", " "))
    if len(body) > SUMMARY_TEXT_LIMIT:
        body = body[: SUMMARY_TEXT_LIMIT - 1] + "…"
    return f"群众求助[{title}] {place + ' ' if place else ''}{body}"
