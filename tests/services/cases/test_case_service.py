"""Cases: numbers in the station's format, the bad input cases.md refuses, links and the dossier."""

from __future__ import annotations

import datetime as dt

import pytest
from case_data import OWNER_ID, STRANGER_ID, ago, ahead, stored
from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.errors import PermissionDenied, ValidationError
from console.models import Alert, CaseTimeline
from console.security import Actor
from console.services.cases import CaseService


def open_case(cases: CaseService, actor: Actor, **kw: object) -> str:
    values = {"category": "phone", "reported_at": ago(hours=30), "summary": "住户手机被盗"} | kw
    return cases.open(actor, **values).case_no  # type: ignore[arg-type]


def test_numbers_are_assigned_in_the_station_format_and_given_ones_kept(cases, investigator):
    first = cases.open(
        investigator, category="cable", reported_at="2026-03-01T09:00+08:00", summary="地下室电缆被盗"
    )
    second = cases.open(
        investigator, category="电动车", reported_at="2026-03-02T09:00+08:00", summary="电动车被盗"
    )
    given = cases.open(
        investigator,
        category="phone",
        reported_at="2026-03-03T09:00+08:00",
        summary="x",
        case_no="gk2026-000123",
    )
    assert (first.case_no, second.case_no, given.case_no) == ("GK202600001", "GK202600002", "GK2026-000123")
    assert first.status == "open"
    assert open_case(cases, investigator, reported_at="2026-03-04T09:00+08:00") == "GK202600003"
    assert open_case(cases, investigator, reported_at="2025-12-31T23:30+08:00") == "GK202500001"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"category": "jewellery"}, "category"),
        ({"reported_at": ahead(hours=1)}, "reported_at"),
        ({"reported_at": "2026-03-01 09:00"}, "reported_at"),
        ({"summary": "  "}, "summary"),
        ({"victim_id": STRANGER_ID[:-1] + ("0" if STRANGER_ID[-1] != "0" else "1")}, "victim_id"),
    ],
)
def test_bad_input_to_open_is_refused_naming_the_field_and_stores_nothing(
    cases, investigator, sessions, values, field
):
    before = stored(sessions)
    with pytest.raises(ValidationError) as refused:
        open_case(cases, investigator, **values)
    assert refused.value.field == field
    assert stored(sessions) == before


def test_an_existing_case_number_is_refused(cases, investigator, sessions):
    open_case(cases, investigator, case_no="GK202600042")
    before = stored(sessions)
    with pytest.raises(ValidationError) as refused:
        open_case(cases, investigator, case_no="GK202600042")
    assert refused.value.field == "case_no"
    assert stored(sessions) == before


def test_a_report_a_few_minutes_ahead_of_the_server_clock_is_accepted(cases, investigator):
    assert open_case(cases, investigator, reported_at=ahead(minutes=2))


def test_solving_computes_hours_and_refuses_bad_times_and_solving_twice(cases, investigator, sessions):
    case_no = open_case(cases, investigator, reported_at="2026-03-01T09:00+08:00")
    before = stored(sessions)
    for at in ("2026-03-01T08:59+08:00", ahead(hours=2)):
        with pytest.raises(ValidationError) as refused:
            cases.solve(investigator, case_no, at=at)
        assert refused.value.field == "at"
    assert stored(sessions) == before
    solved = cases.solve(investigator, case_no, at="2026-03-02T10:30+08:00", suspect_ids=[OWNER_ID])
    assert (solved.status, solved.hours_to_solve) == ("solved", 25.5)
    before = stored(sessions)
    with pytest.raises(ValidationError) as refused:
        cases.solve(investigator, case_no, at="2026-03-03T10:30+08:00")
    assert refused.value.field == "status"
    assert stored(sessions) == before
    dossier = cases.show(investigator, case_no)
    assert [p["role"] for p in dossier.parties] == ["suspect"]
    assert dossier.case["hours_to_solve"] == 25.5


def test_a_duty_officer_may_read_a_case_but_not_open_one(cases, investigator, duty_officer):
    case_no = open_case(cases, investigator)
    assert cases.show(duty_officer, case_no).case["case_no"] == case_no
    with pytest.raises(PermissionDenied):
        open_case(cases, duty_officer)


def _alert(sessions: sessionmaker[Session]) -> int:
    now = dt.datetime.now(dt.UTC)
    with sessions.begin() as s:
        return int(
            s.execute(
                insert(Alert)
                .values(
                    kind="plate_read",
                    severity="high",
                    severity_rank=1,
                    summary="布控车辆 闽D12345 出现",
                    first_event_at=now,
                    last_event_at=now,
                    raised_at=now,
                    updated_at=now,
                )
                .returning(Alert.id)
            ).scalar_one()
        )


def test_links_to_an_alert_and_to_another_case_show_in_both_dossiers(cases, investigator, sessions):
    first = open_case(cases, investigator, category="cable", summary="地下室电缆被盗(第一起)")
    second = open_case(cases, investigator, category="cable", summary="地下室电缆被盗(蚂蚁搬家)")
    alert_id = _alert(sessions)
    assert cases.link(investigator, second, alert_id=alert_id).already is False
    assert cases.link(investigator, second, other_case_no=first).other_case_no == first
    before = stored(sessions)
    assert cases.link(investigator, first, other_case_no=second).already is True  # the same link
    assert stored(sessions) == before
    for bad, field in (({"alert_id": alert_id + 99}, "alert"), ({"other_case_no": second}, "case")):
        with pytest.raises(ValidationError) as refused:
            cases.link(investigator, second, **bad)  # type: ignore[arg-type]
        assert refused.value.field == field
    shown = cases.show(investigator, second)
    assert [a["id"] for a in shown.alerts] == [alert_id]
    assert [c["case_no"] for c in shown.linked_cases] == [first]
    assert [c["case_no"] for c in cases.show(investigator, first).linked_cases] == [second]
    assert [t["kind"] for t in shown.timeline] == ["opened", "linked_alert", "linked_case"]


def test_the_dossier_masks_numbers_unless_an_authorised_user_unmasks(cases, investigator, duty_officer):
    case_no = open_case(
        cases, investigator, victim_name="王芳", victim_id=OWNER_ID, victim_phone="13859210001"
    )
    masked = cases.show(investigator, case_no).as_dict()
    assert masked["parties"][0]["id_number"] == OWNER_ID[:6] + "********" + OWNER_ID[-4:]
    assert masked["parties"][0]["phone"] == "138****0001"
    with pytest.raises(ValidationError) as no_reason:
        cases.show(investigator, case_no, unmask=True)  # full numbers need a stated reason
    assert no_reason.value.field == "reason"
    plain = cases.show(investigator, case_no, unmask=True, reason="核对被害人身份").as_dict()
    assert (plain["parties"][0]["id_number"], plain["parties"][0]["phone"]) == (OWNER_ID, "13859210001")
    with pytest.raises(PermissionDenied):
        cases.show(duty_officer, case_no, unmask=True, reason="好奇")
    assert set(masked) >= {
        "case_no",
        "category",
        "status",
        "parties",
        "property",
        "alerts",
        "linked_cases",
        "timeline",
    }


def test_the_timeline_cannot_be_rewritten(cases, investigator, sessions):
    open_case(cases, investigator)
    with pytest.raises(DBAPIError), sessions.begin() as s:
        s.execute(update(CaseTimeline).values(kind="forged"))
    with sessions() as s:
        assert s.scalars(select(CaseTimeline.kind)).all() == ["opened"]
