"""Watchlists from cases (suspects and vehicles watched with the case linked) and places goods are sold."""

from __future__ import annotations

import pytest
from case_data import ago, id_number
from sqlalchemy import insert, select

from console.errors import ValidationError
from console.models import TheftCase, Vehicle
from console.services.alerts import WatchlistService

SUSPECT_ID = id_number("35021119880808003")
OTHER_SUSPECT = id_number("35021119920202004")


@pytest.fixture
def solved_case(cases, investigator, sessions):
    case_no = cases.open(
        investigator, category="cable", reported_at=ago(days=3), summary="地下室电缆被盗"
    ).case_no
    cases.solve(investigator, case_no, at=ago(days=1), suspect_ids=[SUSPECT_ID, OTHER_SUSPECT])
    with sessions.begin() as s:
        case_id = s.scalar(select(TheftCase.id).where(TheftCase.case_no == case_no))
        s.execute(insert(Vehicle).values(plate="闽D12345", owner_name="陈某", case_id=case_id, version=1))
    return case_no


def test_suspects_and_vehicles_not_yet_watched_are_offered_and_watched_with_the_case(
    case_watch, solved_case, investigator, duty_officer, sessions
):
    offered = case_watch.suspects_and_vehicles_not_watched(investigator, solved_case)
    assert [(c.kind, c.shown) for c in offered] == [
        ("person", SUSPECT_ID),
        ("person", OTHER_SUSPECT),
        ("vehicle", "闽D12345"),
    ]
    masked = case_watch.suspects_and_vehicles_not_watched(duty_officer, solved_case)
    assert SUSPECT_ID not in {c.shown for c in masked} and SUSPECT_ID not in {c.key for c in masked}

    first = case_watch.watch_from_case(duty_officer, solved_case, "person", masked[0].key)
    case_watch.watch_from_case(investigator, solved_case, "vehicle", "闽D12345")
    entry = WatchlistService(sessions).get(investigator, first)
    assert (entry.id_number, entry.case_no, entry.reason) == (
        SUSPECT_ID,
        solved_case,
        f"案件 {solved_case} 嫌疑人",
    )
    left = case_watch.suspects_and_vehicles_not_watched(investigator, solved_case)
    assert [c.shown for c in left] == [OTHER_SUSPECT]


def test_only_the_cases_own_suspects_and_vehicles_can_be_watched_from_it(
    case_watch, solved_case, investigator
):
    stranger = id_number("35021119700101005")
    with pytest.raises(ValidationError) as refused:
        case_watch.watch_from_case(investigator, solved_case, "person", stranger)
    assert (refused.value.field, refused.value.code) == ("key", "case.watch.not_in_case")
    with pytest.raises(ValidationError) as refused:
        case_watch.watch_from_case(investigator, solved_case, "vehicle", "闽A99999")
    assert refused.value.code == "case.watch.not_in_case"
    with pytest.raises(ValidationError) as refused:
        case_watch.watch_from_case(investigator, solved_case, "bicycle", "x")
    assert refused.value.field == "kind"


def test_entries_of_a_solved_case_are_offered_for_expiry_and_stop_matching(
    case_watch, solved_case, investigator, sessions
):
    a = case_watch.watch_from_case(investigator, solved_case, "person", SUSPECT_ID)
    b = case_watch.watch_from_case(investigator, solved_case, "vehicle", "闽D12345")
    assert [e.id for e in case_watch.entries_to_expire(investigator, solved_case)] == [a, b]
    assert case_watch.expire_case_entries(investigator, solved_case, [b]) == [b]
    assert [e.id for e in case_watch.entries_to_expire(investigator, solved_case)] == [a]
    assert case_watch.expire_case_entries(investigator, solved_case) == [a]
    assert case_watch.entries_to_expire(investigator, solved_case) == []
    assert {e.id for e in WatchlistService(sessions).list_active(investigator)}.isdisjoint({a, b})


def test_places_where_goods_are_sold_show_in_the_dossier(case_watch, cases, solved_case, investigator):
    case_watch.add_fence(investigator, solved_case, "灌口废品回收站", "scrap", "灌口镇东孚路 18 号")
    dossier = cases.show(investigator, solved_case).as_dict()
    assert [(f["name"], f["kind_name"], f["address"]) for f in dossier["fences"]] == [
        ("灌口废品回收站", "废品回收站", "灌口镇东孚路 18 号")
    ]
    assert dossier["timeline"][-1]["kind"] == "fence_added"
    with pytest.raises(ValidationError) as refused:
        case_watch.add_fence(investigator, solved_case, "某店", "bar")
    assert refused.value.field == "kind"
    with pytest.raises(ValidationError) as refused:
        case_watch.add_fence(investigator, solved_case, " ", "scrap")
    assert refused.value.field == "name"
