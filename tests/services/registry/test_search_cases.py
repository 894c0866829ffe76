"""Search finds cases: by case number (or its start), by a stolen item's IMEI / serial / frame number,
and by a suspect's name; suspects' numbers masked unless the user may see them; only for users who
may see cases."""

from __future__ import annotations

import pytest
from case_data import IMEI, ago, id_number
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import AuditLog
from console.services.cases import CaseService, PropertyService
from console.services.registry import SearchService, classify

SUSPECT_ID = id_number("35021119880808003")


@pytest.fixture
def world(sessions: sessionmaker[Session], investigator) -> dict[str, str]:
    cases, items = CaseService(sessions), PropertyService(sessions)
    phone = cases.open(
        investigator, category="phone", reported_at=ago(days=2), summary="地铁站手机被盗"
    ).case_no
    cable = cases.open(
        investigator, category="cable", reported_at=ago(days=1), summary="地下室电缆被盗"
    ).case_no
    bike = cases.open(
        investigator, category="e-bike", reported_at=ago(hours=3), summary="车棚电动车被盗"
    ).case_no
    items.add(investigator, case_no=phone, description="华为手机", category="phone", imei=IMEI)
    items.add(investigator, case_no=bike, description="雅迪电动车", category="e-bike", frame="LYDZ-2026 0001")
    items.add(investigator, case_no=cable, description="电缆", category="cable", serial="YJV22-350")
    cases.add_party(investigator, cable, "suspect", name="欧阳锋", id_number=SUSPECT_ID)
    cases.add_party(investigator, phone, "victim", name="欧阳娜")  # a victim is not a suspect
    return {"phone": phone, "cable": cable, "bike": bike}


@pytest.fixture
def search(sessions: sessionmaker[Session], clock: FixedClock) -> SearchService:
    return SearchService(sessions, clock)


def case_hits(hits) -> list[tuple[str, str]]:
    return [(h.case_no, h.matched) for h in hits if h.kind == "case"]


def test_a_case_number_or_its_start_finds_the_case(search, world, duty_officer):
    assert case_hits(search.search(duty_officer, world["cable"].lower())) == [(world["cable"], "案件编号")]
    start = world["cable"][:6]  # GK2026: every case of the year
    assert {no for no, _ in case_hits(search.search(duty_officer, start))} == set(world.values())
    hit = next(h for h in search.search(duty_officer, world["bike"]) if h.kind == "case")
    assert (hit.title, hit.detail) == (world["bike"], "车棚电动车被盗")


def test_property_identifiers_find_their_case(search, world, duty_officer):
    assert "identifier" in classify(IMEI)
    assert case_hits(search.search(duty_officer, IMEI)) == [(world["phone"], "涉案财物IMEI 华为手机")]
    assert case_hits(search.search(duty_officer, "lydz-2026-0001")) == [
        (world["bike"], "涉案财物车架号 雅迪电动车")
    ]
    assert case_hits(search.search(duty_officer, "YJV22 350")) == [(world["cable"], "涉案财物序列号 电缆")]
    assert case_hits(search.search(duty_officer, IMEI[:-1] + "0")) == []


def test_a_suspects_name_finds_the_case_masked_unless_the_user_may_see(
    search, world, duty_officer, investigator, sessions
):
    hits = [h for h in search.search(duty_officer, "欧阳锋") if h.kind == "case"]
    assert [(h.case_no, h.matched) for h in hits] == [(world["cable"], "嫌疑人姓名 欧阳锋")]
    assert hits[0].id_number == SUSPECT_ID[:6] + "********" + SUSPECT_ID[-4:]
    assert case_hits(search.search(duty_officer, "欧阳")) == [
        (world["cable"], "嫌疑人姓名 欧阳锋")
    ]  # not the victim
    shown = [h for h in search.search(investigator, "欧阳锋") if h.kind == "case"]
    assert shown[0].id_number == SUSPECT_ID
    with sessions() as s:
        audited = s.scalars(select(AuditLog.detail).where(AuditLog.action == "view_personal_data")).all()
    assert any(world["cable"] in (d or "") for d in audited)  # seeing the full number is audited


def test_a_role_that_may_not_see_cases_gets_no_case_hits(search, world, community_officer):
    assert case_hits(search.search(community_officer, world["cable"])) == []
    assert case_hits(search.search(community_officer, "欧阳锋")) == []
