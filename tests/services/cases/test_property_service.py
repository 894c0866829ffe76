"""Stolen property: recovered by identifier in any case, notified, returned to its owner only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from case_data import IMEI, IMEI_BAD, OWNER_ID, STRANGER_ID, ago, ahead, stored
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from console.errors import PermissionDenied, ValidationError
from console.models import CustodyEvent, PropertyItem


@pytest.fixture
def two_cases(cases, investigator):
    cable = cases.open(
        investigator, category="cable", reported_at=ago(days=9), summary="地下室电缆被盗"
    ).case_no
    phone = cases.open(
        investigator, category="phone", reported_at=ago(days=3), summary="住户手机被盗"
    ).case_no
    return cable, phone


def test_recovering_by_imei_finds_the_stolen_item_in_another_case(
    items, cases, investigator, duty_officer, two_cases
):
    cable, phone = two_cases
    items.add(investigator, case_no=cable, description="铜芯电缆(捆)", category="电缆", value="2400")
    added = items.add(
        investigator,
        case_no=phone,
        description="智能手机",
        category="phone",
        imei=IMEI,
        value="5999.50",
        owner_id=OWNER_ID,
    )
    assert (added.status, added.case_no) == ("stolen", phone)
    got = items.recover(
        duty_officer, imei="49-015420 323751-8", at=ago(hours=5), place="二手手机店", by="012345"
    )
    assert (got.id, got.status, got.case_no, got.matched) == (added.id, "recovered", phone, True)
    item = cases.show(investigator, phone).property[0]
    assert item["value"] == 5999.5 and item["recovered_place"] == "二手手机店"
    assert [e["kind"] for e in item["custody"]] == ["reported_stolen", "recovered"]


def test_value_is_stored_as_an_exact_decimal(items, investigator, sessions, two_cases):
    added = items.add(investigator, case_no=two_cases[0], description="电缆", category="cable", value="0.10")
    with sessions() as s:
        assert s.scalar(select(PropertyItem.value_yuan).where(PropertyItem.id == added.id)) == Decimal("0.10")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"imei": IMEI_BAD}, "imei"),
        ({"imei": "49015420323751"}, "imei"),
        ({"value": "-1"}, "value"),
        ({"value": "12.345"}, "value"),
        ({"case_no": "GK209900001"}, "case"),
        ({"owner_id": OWNER_ID[:-1] + ("0" if OWNER_ID[-1] != "0" else "1")}, "owner_id"),
    ],
)
def test_bad_input_to_add_is_refused_and_stores_nothing(
    items, investigator, sessions, two_cases, values, field
):
    before = stored(sessions)
    with pytest.raises(ValidationError) as refused:
        items.add(
            investigator, **({"case_no": two_cases[1], "description": "手机", "category": "phone"} | values)
        )
    assert refused.value.field == field
    assert stored(sessions) == before


def test_an_unmatched_identifier_becomes_a_found_item_and_recovering_twice_is_refused(
    items, duty_officer, sessions
):
    found = items.recover(duty_officer, frame="ab-1234 5678", at=ago(hours=2), place="灌口大道路边")
    assert (found.status, found.case_no, found.matched) == ("recovered", None, False)
    before = stored(sessions)
    for again in ({"frame": "AB12345678"}, {"item_id": found.id}):
        with pytest.raises(ValidationError) as refused:
            items.recover(duty_officer, at=ago(hours=1), place="灌口大道", **again)  # type: ignore[arg-type]
        assert refused.value.field == "status"
    assert stored(sessions) == before
    with pytest.raises(ValidationError) as refused:
        items.recover(duty_officer, serial="X1", at=ahead(hours=3), place="灌口大道")
    assert refused.value.field == "at"


def test_return_checks_the_owners_id_number_and_needs_a_recovery_first(
    items, investigator, duty_officer, sessions, two_cases
):
    added = items.add(
        investigator, case_no=two_cases[1], description="手机", category="phone", imei=IMEI, owner_id=OWNER_ID
    )
    before = stored(sessions)
    with pytest.raises(ValidationError) as refused:
        items.return_item(investigator, added.id, to_id=OWNER_ID)
    assert refused.value.field == "status"
    items.recover(duty_officer, item_id=added.id, at=ago(hours=30), place="废品回收站")
    before = stored(sessions)
    with pytest.raises(ValidationError) as refused:
        items.return_item(investigator, added.id, to_id=STRANGER_ID)
    assert refused.value.field == "to_id"
    assert stored(sessions) == before
    called = items.notify(duty_officer, added.id, how="phone", note="请带身份证来所认领")
    back = items.return_item(investigator, added.id, to_id=OWNER_ID)
    assert (
        back.status == "returned" and called.at is not None and back.at is not None and back.at >= called.at
    )
    with pytest.raises(ValidationError) as refused:
        items.recover(duty_officer, imei=IMEI, at=ago(hours=1), place="x")
    assert refused.value.field == "status"
    with pytest.raises(PermissionDenied):
        items.return_item(duty_officer, added.id, to_id=OWNER_ID)


def test_unclaimed_board_oldest_recovery_first_with_days_waiting(
    items, investigator, duty_officer, two_cases
):
    cable, phone = two_cases
    a = items.add(investigator, case_no=cable, description="电缆", category="cable").id
    b = items.add(investigator, case_no=phone, description="手机", category="phone", owner_id=OWNER_ID).id
    c = items.add(investigator, case_no=phone, description="充电宝", category="other").id
    items.recover(duty_officer, item_id=a, at=ago(days=1, hours=1), place="废品回收站")
    items.recover(duty_officer, item_id=b, at=ago(days=4), place="二手手机店")
    found = items.recover(duty_officer, serial="SN-001", at=ago(days=2, hours=1), place="路边").id
    items.recover(duty_officer, item_id=c, at=ago(days=6), place="二手手机店")
    items.return_item(investigator, c, to_id=OWNER_ID)
    board = items.list_items(duty_officer, "unclaimed")
    assert [(r.id, r.days_unclaimed) for r in board] == [(b, 4), (found, 2), (a, 1)]
    assert [r.notify_overdue for r in board] == [True, True, False]
    assert board[1].case_no is None
    assert [r.id for r in items.list_items(duty_officer, "returned")] == [c]
    assert [r.status for r in items.list_items(duty_officer)] == [
        "recovered",
        "recovered",
        "returned",
        "recovered",
    ]


def test_custody_events_cannot_be_rewritten(items, investigator, sessions, two_cases):
    items.add(investigator, case_no=two_cases[0], description="电缆", category="cable")
    with pytest.raises(DBAPIError), sessions.begin() as s:
        s.execute(update(CustodyEvent).values(location="别处"))
