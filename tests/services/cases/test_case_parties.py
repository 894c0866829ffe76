"""Suspects and vehicles added to a case from the dossier: stored, masked, heard live, never a conflict."""

from __future__ import annotations

import time

import pytest
from case_data import ago, id_number
from sqlalchemy import Engine, create_engine

from console.db import session_factory
from console.errors import ConflictError, PermissionDenied, ValidationError
from console.live import ChangeFeed
from console.services.cases import CaseService, CaseWatchService

SUSPECT_ID = id_number("35021119880808003")


@pytest.fixture
def open_case(cases, investigator):
    return cases.open(
        investigator, category="cable", reported_at=ago(hours=5), summary="地下室电缆被盗"
    ).case_no


def _changes(feed: ChangeFeed, want: int) -> list[tuple[str, int]]:
    got: list[tuple[str, int]] = []
    deadline = time.monotonic() + 5
    while len(got) < want and time.monotonic() < deadline:
        got += [(c.topic, c.entity_id) for c in feed.poll()]
        time.sleep(0.01)
    return got


def test_a_suspect_and_a_vehicle_join_the_case_masked_and_on_the_timeline(
    cases, open_case, investigator, duty_officer
):
    before = cases.show(investigator, open_case).case["version"]
    cases.add_party(
        investigator, open_case, "suspect", name="张某", id_number=SUSPECT_ID, phone="13800000009"
    )
    assert cases.add_vehicle(investigator, open_case, "闽d 12345", brand="五菱") == "闽D12345"
    shown = cases.show(duty_officer, open_case)
    suspect = shown.parties[-1]
    assert (suspect["role"], suspect["name"], suspect["phone"]) == ("suspect", "张某", "138****0009")
    assert suspect["id_number"] == SUSPECT_ID[:6] + "********" + SUSPECT_ID[-4:]
    assert [(v["plate"], v["brand"]) for v in shown.vehicles] == [("闽D12345", "五菱")]
    kinds = [t["kind"] for t in shown.timeline]
    assert kinds[-2:] == ["party_added", "vehicle_added"]
    assert SUSPECT_ID not in str(shown.timeline)  # the timeline keeps the number masked
    # an officer editing the case text meanwhile is not in conflict with a new suspect
    assert shown.case["version"] == before
    cases.edit(investigator, open_case, before, summary="地下室电缆被盗, 嫌疑人张某")


def test_bad_parties_and_vehicles_are_refused_naming_the_field(cases, open_case, investigator, duty_officer):
    refusals = [
        (
            lambda: cases.add_party(investigator, open_case, "suspect", id_number="350211198808080031"),
            "id_number",
        ),
        (lambda: cases.add_party(investigator, open_case, "suspect"), "name"),
        (lambda: cases.add_party(investigator, open_case, "witness", name="李某"), "role"),
        (lambda: cases.add_party(investigator, open_case, "suspect", name="李某", phone="123"), "phone"),
        (lambda: cases.add_vehicle(investigator, open_case, "闽D1234"), "plate"),
        (lambda: cases.add_vehicle(investigator, "GK000000000", "闽D12345"), "case_no"),
    ]
    for call, field in refusals:
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.field == field
    assert cases.show(investigator, open_case).parties == ()
    assert cases.show(investigator, open_case).vehicles == ()
    with pytest.raises(PermissionDenied):
        cases.add_party(duty_officer, open_case, "suspect", name="李某")


def test_a_vehicle_of_another_case_is_refused(cases, open_case, investigator):
    other = cases.open(
        investigator, category="vehicle", reported_at=ago(hours=2), summary="车内财物被盗"
    ).case_no
    cases.add_vehicle(investigator, other, "闽D12345")
    with pytest.raises(ValidationError) as refused:
        cases.add_vehicle(investigator, open_case, "闽D12345")
    assert (refused.value.field, refused.value.code) == ("plate", "case.vehicle.other_case")


def test_another_console_hears_of_new_parties_vehicles_watch_entries_and_fences(
    engine: Engine, cases, case_watch, open_case, investigator
):
    case_id = cases.show(investigator, open_case).case["id"]
    feed = ChangeFeed(engine)
    try:
        assert feed.poll() == []
        cases.add_party(investigator, open_case, "suspect", name="张某", id_number=SUSPECT_ID)
        assert ("case", case_id) in _changes(feed, 1)
        cases.add_vehicle(investigator, open_case, "闽D12345")
        assert ("case", case_id) in _changes(feed, 1)
        case_watch.add_fence(investigator, open_case, "灌口废品回收站", "scrap")
        assert ("case", case_id) in _changes(feed, 1)
        case_watch.watch_from_case(investigator, open_case, "vehicle", "闽D12345")
        assert ("case", case_id) in _changes(feed, 2)
    finally:
        feed.close()


def test_two_consoles_on_one_database_a_stale_edit_is_refused_and_the_newer_kept(
    engine: Engine, open_case, investigator
):
    # two consoles: two engines (two connection pools) on the same database
    other_engine = create_engine(engine.url)
    try:
        here, there = CaseService(session_factory(engine)), CaseService(session_factory(other_engine))
        seen = here.show(investigator, open_case).case["version"]
        there.edit(investigator, open_case, seen, summary="另一台: 嫌疑人已到案")
        with pytest.raises(ConflictError):
            here.edit(investigator, open_case, seen, summary="这一台: 旧的案情")
        assert here.show(investigator, open_case).case["summary"] == "另一台: 嫌疑人已到案"
        assert (
            CaseWatchService(session_factory(other_engine)).entries_to_expire(investigator, open_case) == []
        )
    finally:
        other_engine.dispose()
