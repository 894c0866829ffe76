"""The case list (paging, every filter) and the dossier window's needs: masking, edits, conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
from case_list_data import NOW, CaseWorld, seed_cases
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.errors import ConflictError, PermissionDenied, ValidationError
from console.models import TheftCase
from console.security import Actor
from console.services.cases import CaseFilter, CaseService


@pytest.fixture
def world(engine, cases: CaseService, investigator: Actor) -> CaseWorld:
    return seed_cases(engine, cases, investigator)


def test_pages_run_newest_first_without_gaps_or_repeats(cases, investigator, world):
    first = cases.list_cases(investigator, limit=5)
    second = cases.list_cases(investigator, after=first[-1], limit=5)
    third = cases.list_cases(investigator, after=second[-1], limit=5)
    numbers = [r.case_no for r in first + second + third]
    assert numbers == list(reversed(world.cases))
    assert len(third) == 2
    assert [r.reported_at for r in first] == sorted((r.reported_at for r in first), reverse=True)


def test_rows_carry_what_the_table_shows(cases, investigator, world):
    oldest = cases.list_cases(investigator)[-1]
    assert (oldest.case_no, oldest.category, oldest.category_name) == (world.cases[0], "cable", "电缆")
    assert (oldest.community, oldest.status, oldest.hours_to_solve) == ("小区0", "solved", 5.0)
    assert (oldest.lead_badge, oldest.lead_name) == ("GK001", "民警1")
    assert cases.list_cases(investigator)[0].hours_to_solve is None  # the newest is still open


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (CaseFilter(status="solved"), lambda i: i % 3 == 0),
        (CaseFilter(status="open"), lambda i: i % 3 != 0),
        (CaseFilter(category="cable"), lambda i: i % 4 == 0),
        (CaseFilter(category="手机"), lambda i: i % 4 == 1),  # the 中文 name works too
        (CaseFilter(community="小区1"), lambda i: i % 3 == 1),
        (CaseFilter(officer="GK002"), lambda i: i % 2 == 1),
        (CaseFilter(text="地下室"), lambda i: i % 4 == 0),
        (CaseFilter(status="open", category="phone", community="小区1"), lambda i: i in (1,)),
    ],
)
def test_each_filter_keeps_only_its_cases(cases, investigator, world, given, expected):
    shown = [r.case_no for r in cases.list_cases(investigator, given)]
    assert shown == [no for i, no in reversed(list(enumerate(world.cases))) if expected(i)]
    assert shown  # each filter here matches something


def test_the_period_filter_and_text_over_the_case_number(cases, investigator, world):
    recent = CaseFilter(reported_from=NOW - dt.timedelta(hours=13), reported_to=NOW)
    assert [r.case_no for r in cases.list_cases(investigator, recent)] == world.cases[:-3:-1]
    fragment = world.cases[4][-3:].lower()  # a piece of the number, typed in lower case
    assert world.cases[4] in [r.case_no for r in cases.list_cases(investigator, CaseFilter(text=fragment))]
    assert cases.list_cases(investigator, CaseFilter(text="100%")) == []  # % is a character, not a wildcard
    assert cases.list_cases(investigator, CaseFilter(text="无此案情")) == []


def test_filter_choices_list_communities_with_cases_and_officers(cases, investigator, world):
    choices = cases.filter_choices(investigator)
    assert choices.communities == ("小区0", "小区1", "小区2")
    assert [o.badge for o in choices.officers][:2] == ["GK001", "GK002"]
    assert ("cable", "电缆") in choices.categories
    assert choices.statuses == ("open", "solved", "closed")


def test_the_dossier_masks_party_numbers_and_links_the_registered_resident(
    cases, investigator, duty_officer, world
):
    dossier = cases.show(duty_officer, world.cases[-1])
    victim = dossier.parties[0]
    assert victim["id_number"] != world.resident_id_number and victim["id_number"].endswith(
        world.resident_id_number[-4:]
    )
    assert victim["household_id"] == world.household_id
    assert [a["id"] for a in dossier.alerts] == [world.alert_id]
    assert [(s["plate"], s["device"]) for s in dossier.sightings] == [("闽D12345", "东门道闸")]
    assert "sightings" not in dossier.as_dict()  # `case show` keeps the keys cases.md fixes
    with pytest.raises(PermissionDenied):
        cases.show(duty_officer, world.cases[-1], unmask=True, reason="核对")
    assert cases.show(investigator, world.cases[-1], unmask=True, reason="核对").parties[0]["id_number"] == (
        world.resident_id_number
    )


def test_an_edit_saves_bumps_the_version_and_goes_on_the_timeline(cases, investigator, world):
    case_no = world.cases[-1]
    before = cases.show(investigator, case_no).case
    edited = cases.edit(
        investigator,
        case_no,
        before["version"],
        summary="电动车在车棚被盗",
        narrative="监控显示两名男子凌晨剪锁。",
        status="closed",
        lead_badge="GK001",  # it was GK002's
    )
    assert edited.version == before["version"] + 1
    assert set(edited.changed) == {"summary", "narrative", "status", "lead_officer"}
    after = cases.show(investigator, case_no)
    assert (after.case["summary"], after.case["status"]) == ("电动车在车棚被盗", "closed")
    assert after.case["lead_officer"]["badge"] == "GK001"
    assert after.timeline[-1]["kind"] == "edited"
    assert after.timeline[-1]["detail"]["summary"] == "电动车在车棚被盗"
    same = cases.edit(investigator, case_no, edited.version, summary="电动车在车棚被盗")
    assert same.changed == () and same.version == edited.version  # nothing to save, nothing written
    assert len(cases.show(investigator, case_no).timeline) == len(after.timeline)


def test_a_stale_edit_is_refused_and_the_other_consoles_text_kept(cases, investigator, world, sessions):
    case_no = world.cases[-1]
    read = cases.show(investigator, case_no).case["version"]
    cases.edit(investigator, case_no, read, summary="第一台值班台的修改")
    with pytest.raises(ConflictError):
        cases.edit(investigator, case_no, read, summary="第二台值班台的修改")
    assert cases.show(investigator, case_no).case["summary"] == "第一台值班台的修改"
    with sessions() as s:
        assert s.scalar(select(TheftCase.title).where(TheftCase.case_no == case_no)) == "第一台值班台的修改"


def test_solving_by_edit_stamps_the_time_and_backwards_moves_are_refused(cases, investigator, world):
    open_no = world.cases[-1]
    version = cases.show(investigator, open_no).case["version"]
    cases.edit(investigator, open_no, version, status="solved")
    solved = cases.show(investigator, open_no).case
    assert solved["status"] == "solved" and solved["hours_to_solve"] is not None
    for status in ("open", "lost"):
        with pytest.raises(ValidationError) as refused:
            cases.edit(investigator, open_no, solved["version"], status=status)
        assert refused.value.field == "status"


def test_bad_edits_are_refused_naming_the_field(cases, investigator, duty_officer, world):
    case_no = world.cases[-1]
    version = cases.show(investigator, case_no).case["version"]
    for values, field in (({"summary": " "}, "summary"), ({"lead_badge": "XX999"}, "lead_officer")):
        with pytest.raises(ValidationError) as refused:
            cases.edit(investigator, case_no, version, **values)  # type: ignore[arg-type]
        assert refused.value.field == field
    with pytest.raises(PermissionDenied):
        cases.edit(duty_officer, case_no, version, summary="值班民警不能改")
    assert cases.show(investigator, case_no).case["version"] == version


def test_the_lead_officer_can_be_cleared(cases, investigator, world, sessions: sessionmaker[Session]):
    case_no = world.cases[-1]
    version = cases.show(investigator, case_no).case["version"]
    assert cases.edit(investigator, case_no, version, lead_badge="").changed == ("lead_officer",)
    assert cases.show(investigator, case_no).case["lead_officer"] is None
