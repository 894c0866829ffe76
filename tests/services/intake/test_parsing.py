"""Parsing one event per contracts/events.md: every rule names its field; no input crashes the intake."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.errors import ValidationError
from console.services.intake import ParsedEvent, parse_event

NOW = dt.datetime(2026, 3, 14, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
AT = "2026-03-14T21:07:55+08:00"  # 8 minutes ahead of NOW is too far; use AT_OK in events
AT_OK = "2026-03-14T20:58:00+08:00"
ID_NUMBER = "35021119881204003X"

VALID: dict[str, dict[str, Any]] = {
    "plate_read": {
        "source": "gate-camera",
        "external_id": "cam1-0001",
        "kind": "plate_read",
        "at": AT_OK,
        "community": "YZ",
        "plate": "闽D12345",
        "direction": "in",
        "confidence": 0.93,
        "device": "north-gate-1",
    },
    "person_entry": {
        "source": "access-control",
        "external_id": "ac-1",
        "kind": "person_entry",
        "at": AT_OK,
        "community": "禹洲璟阅城",
        "id_number": ID_NUMBER,
        "name": "张三",
        "confidence": 1,
    },
    "fraud_risk": {
        "source": "anti-fraud",
        "external_id": "af-1",
        "kind": "fraud_risk",
        "at": AT_OK,
        "phone": "13812341234",
        "level": "high",
        "scheme": "pig-butchering",
        "bank": "工商银行",
        "amount": 50000,
    },
    "report": {
        "source": "citizen-report",
        "external_id": "cr-1",
        "kind": "report",
        "at": AT_OK,
        "text": "钥匙丢了",
        "category": "lost-item",
        "reporter_phone": "0592-1234567",
    },
}


def with_(base: str, **changes: Any) -> dict[str, Any]:
    event = dict(VALID[base])
    for key, value in changes.items():
        if value is _DROP:
            event.pop(key, None)
        else:
            event[key] = value
    return event


_DROP = object()


def rejected_field(raw: Any) -> str | None:
    with pytest.raises(ValidationError) as info:
        parse_event(raw, NOW)
    assert info.value.message  # never an empty reason
    return info.value.field


@pytest.mark.parametrize("kind", list(VALID))
def test_valid_events_of_every_kind_parse(kind: str) -> None:
    event = parse_event(json.dumps(VALID[kind], ensure_ascii=False), NOW)
    assert isinstance(event, ParsedEvent)
    assert event.kind == kind
    assert event.at.utcoffset() == dt.timedelta(0)
    assert event.at == dt.datetime.fromisoformat(AT_OK)


def test_plate_is_normalised_and_id_number_gets_upper_case_x() -> None:
    plate = parse_event(with_("plate_read", plate="闽d·123 45"), NOW)
    assert plate.plate == "闽D12345"
    person = parse_event(with_("person_entry", id_number=ID_NUMBER.lower()), NOW)
    assert person.id_number == ID_NUMBER


def test_unknown_fields_are_kept_in_the_payload() -> None:
    line = json.dumps(with_("plate_read", colour="白", lane=2), ensure_ascii=False)
    event = parse_event(line, NOW)
    assert json.loads(event.payload)["colour"] == "白"
    from_dict = parse_event(with_("plate_read", colour="白"), NOW)
    assert json.loads(from_dict.payload)["colour"] == "白"


def test_at_a_few_minutes_ahead_is_accepted_but_not_more_than_five() -> None:
    ahead4 = (NOW + dt.timedelta(minutes=4)).isoformat()
    assert parse_event(with_("report", at=ahead4), NOW).at == NOW + dt.timedelta(minutes=4)
    assert rejected_field(with_("report", at=AT)) == "at"


def test_a_report_needs_no_community_and_an_informal_reporter_phone_is_kept() -> None:
    event = parse_event(VALID["report"], NOW)
    assert event.community is None
    assert json.loads(event.payload)["reporter_phone"] == "0592-1234567"


@pytest.mark.parametrize(
    ("kind", "changes", "field"),
    [
        ("report", {"source": _DROP}, "source"),
        ("report", {"source": ""}, "source"),
        ("report", {"source": "s" * 65}, "source"),
        ("report", {"source": 7}, "source"),
        ("report", {"source": "a\x00b"}, "source"),
        ("report", {"external_id": _DROP}, "external_id"),
        ("report", {"external_id": "x" * 129}, "external_id"),
        ("report", {"external_id": ["1"]}, "external_id"),
        ("report", {"kind": _DROP}, "kind"),
        ("report", {"kind": "fire_alarm"}, "kind"),
        ("report", {"at": _DROP}, "at"),
        ("report", {"at": "yesterday"}, "at"),
        ("report", {"at": "2026-03-14T20:58:00"}, "at"),  # no UTC offset
        ("report", {"at": 1773493080}, "at"),
        ("report", {"at": "0001-01-01T00:00:00+08:00"}, "at"),
        ("report", {"device": "d" * 65}, "device"),
        ("plate_read", {"community": _DROP}, "community"),
        ("person_entry", {"community": None}, "community"),
        ("plate_read", {"plate": _DROP}, "plate"),
        ("plate_read", {"plate": "闽D1234"}, "plate"),
        ("plate_read", {"plate": "闽DI2345"}, "plate"),
        ("plate_read", {"plate": 12345}, "plate"),
        ("plate_read", {"direction": "up"}, "direction"),
        ("plate_read", {"confidence": 1.5}, "confidence"),
        ("plate_read", {"confidence": -0.1}, "confidence"),
        ("plate_read", {"confidence": "high"}, "confidence"),
        ("plate_read", {"confidence": True}, "confidence"),
        ("person_entry", {"id_number": _DROP}, "id_number"),
        ("person_entry", {"id_number": "350211198812040031"}, "id_number"),  # wrong check character
        ("person_entry", {"id_number": "35021119900307123"}, "id_number"),
        ("person_entry", {"name": 5}, "name"),
        ("person_entry", {"confidence": 2}, "confidence"),
        ("fraud_risk", {"phone": _DROP}, "id_number"),  # neither id_number nor phone
        ("fraud_risk", {"phone": "1381234123"}, "phone"),
        ("fraud_risk", {"phone": "15412341234"}, "phone"),  # unallocated prefix
        ("fraud_risk", {"id_number": "123"}, "id_number"),
        ("fraud_risk", {"level": _DROP}, "level"),
        ("fraud_risk", {"level": "extreme"}, "level"),
        ("fraud_risk", {"amount": -1}, "amount"),
        ("fraud_risk", {"amount": "lots"}, "amount"),
        ("report", {"text": _DROP}, "text"),
        ("report", {"text": ""}, "text"),
        ("report", {"text": "字" * 2001}, "text"),
        ("report", {"category": _DROP}, "category"),
        ("report", {"category": "fire"}, "category"),
    ],
)
def test_every_rule_of_the_contract_names_its_field(kind: str, changes: dict[str, Any], field: str) -> None:
    event = with_(kind, **changes)
    assert rejected_field(event) == field
    # The same through the wire form (JSON text, then bytes).
    assert rejected_field(json.dumps(event, ensure_ascii=False)) == field
    assert rejected_field(json.dumps(event).encode()) == field


def test_boundaries_that_are_allowed() -> None:
    assert parse_event(with_("report", text="字" * 2000), NOW).text == "字" * 2000
    assert parse_event(with_("report", source="s" * 64, external_id="x" * 128), NOW).source == "s" * 64
    assert parse_event(with_("plate_read", confidence=0), NOW).confidence == 0.0
    assert parse_event(with_("fraud_risk", amount=0), NOW).amount == 0.0
    assert (
        parse_event(with_("plate_read", plate="闽DD12345"), NOW).plate == "闽DD12345"
    )  # new-energy, 8 chars


@pytest.mark.parametrize(
    "raw",
    [
        "[1, 2]",
        "5",
        "null",
        '"text"',
        "{",
        "not json",
        "",
        '{"amount": NaN}',
        b"\xff\xfe{}",
        b'{"a": "\xe4"}',
        "[" * 100_000,
        ["a", "list"],
        3.5,
        None,
    ],
)
def test_what_is_not_one_json_object_is_rejected_with_field_null(raw: Any) -> None:
    assert rejected_field(raw) is None


def test_bad_encoding_is_named() -> None:
    with pytest.raises(ValidationError) as info:
        parse_event(b'{"source": "\xb0\xa1"}', NOW)  # GBK bytes, not UTF-8
    assert "UTF-8" in info.value.message


def test_lone_surrogates_are_refused_by_field() -> None:
    assert rejected_field('{"source": "\\ud800", "external_id": "1"}') == "source"
    # A str handed over directly (not read from bytes) may even hold one literally.
    assert rejected_field(json.dumps(with_("report", colour="x")).replace('"x"', '"\ud800"')) is None


# --- property tests: no input raises anything but ValidationError ------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
CONTRACT_KEYS = [
    "source",
    "external_id",
    "kind",
    "at",
    "community",
    "device",
    "plate",
    "direction",
    "confidence",
    "id_number",
    "name",
    "phone",
    "level",
    "scheme",
    "bank",
    "amount",
    "text",
    "category",
    "reporter_phone",
]
plausible = st.sampled_from(
    [
        AT_OK,
        AT,
        "闽D12345",
        ID_NUMBER,
        "13812341234",
        "plate_read",
        "person_entry",
        "fraud_risk",
        "report",
        "YZ",
        "high",
        "theft",
        "in",
        0.5,
        -1,
        10**30,
        "",
        "\x00",
        "\ud800",
    ]
)
events = st.dictionaries(st.sampled_from(CONTRACT_KEYS), plausible | json_values, max_size=12)


def _never_crashes(raw: Any) -> None:
    try:
        parse_event(raw, NOW)
    except ValidationError as exc:
        assert exc.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(json_values)
def test_any_json_value_is_parsed_or_rejected(value: Any) -> None:
    _never_crashes(value)
    _never_crashes(json.dumps(value))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(events)
def test_any_mix_of_contract_fields_is_parsed_or_rejected(event: dict[str, Any]) -> None:
    _never_crashes(event)
    try:
        text = json.dumps(event, ensure_ascii=False)
    except UnicodeEncodeError:
        return
    _never_crashes(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_parsed_or_rejected(data: bytes) -> None:
    _never_crashes(data)
