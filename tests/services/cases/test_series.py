"""Series (串案): proposals by each rule, decisions that stick, one timeline, and merged dossiers."""

from __future__ import annotations

import pytest
from case_data import IMEI, OWNER_ID, ago, id_number
from sqlalchemy import insert, select

from console.errors import ValidationError
from console.models import CaseParty, Station, TheftCase, Vehicle
from console.security import Actor
from console.services.alerts import WatchlistService
from console.services.cases import CaseService, SeriesService

SUSPECT_ID = id_number("35021119880808003")


def open_case(cases: CaseService, actor: Actor, **kw: object) -> str:
    values = {"category": "cable", "reported_at": ago(days=2), "summary": "地下室电缆被盗"} | kw
    return cases.open(actor, **values).case_no  # type: ignore[arg-type]


def proposed(series: SeriesService, actor: Actor, case_no: str) -> dict[str, set[str]]:
    return {p.other.case_no: {r.rule for r in p.reasons} for p in series.proposals_for(actor, case_no)}


def test_same_category_at_the_same_community_within_the_window_is_proposed(cases, series, investigator):
    new = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=1))
    earlier = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=20))
    too_old = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=45))
    elsewhere = open_case(cases, investigator, community="双岭花园", reported_at=ago(days=3))
    phone = open_case(cases, investigator, community="灌口花园", category="phone", reported_at=ago(days=3))
    assert proposed(series, investigator, new) == {earlier: {"place"}}
    reason = series.proposals_for(investigator, new)[0].reasons[0]
    assert reason.value == "灌口花园"
    assert {too_old, elsewhere, phone}.isdisjoint(proposed(series, investigator, new))


def test_the_window_is_the_stations_parameter(cases, series, investigator, sessions):
    new = open_case(cases, investigator, place="三号楼地下室", reported_at=ago(days=1))
    older = open_case(cases, investigator, place="三号楼地下室", reported_at=ago(days=40))
    assert proposed(series, investigator, new) == {}
    with sessions.begin() as s:
        s.add(Station(code="GK", name="灌口派出所", series_window_days=60))
    assert proposed(series, investigator, new) == {older: {"place"}}


def test_a_shared_suspect_vehicle_or_property_identifier_is_proposed_at_any_distance(
    cases, series, investigator, sessions, items
):
    a = open_case(cases, investigator, category="e-bike", community="灌口花园", reported_at=ago(days=300))
    b = open_case(cases, investigator, category="phone", community="双岭花园", reported_at=ago(days=5))
    c = open_case(cases, investigator, category="burglary", reported_at=ago(days=2))
    d = open_case(cases, investigator, category="other", reported_at=ago(days=1))
    cases.solve(investigator, a, at=ago(days=299), suspect_ids=[SUSPECT_ID])
    cases.solve(investigator, b, at=ago(days=4), suspect_ids=[SUSPECT_ID])
    with sessions.begin() as s:
        case_a = s.scalar(select(TheftCase.id).where(TheftCase.case_no == a))
        s.execute(insert(Vehicle).values(plate="闽D12345", case_id=case_a, version=1))
    WatchlistService(sessions).add(investigator, plate="闽D12345", reason="涉案车辆", case_no=c)
    items.add(investigator, case_no=b, description="华为手机", category="手机", imei=IMEI)
    items.add(investigator, case_no=d, description="手机一部", category="手机", imei=IMEI)

    assert proposed(series, investigator, a) == {b: {"suspect"}, c: {"vehicle"}}
    assert proposed(series, investigator, b) == {a: {"suspect"}, d: {"property"}}
    suspect = series.proposals_for(investigator, b)[0]
    # the reason names the suspect masked, even for an investigator: full numbers need a stated reason
    assert SUSPECT_ID not in suspect.reasons[0].value
    assert SUSPECT_ID[:6] + "********" + SUSPECT_ID[-4:] in suspect.reasons[0].value
    assert [r.value for r in series.proposals_for(investigator, d)[0].reasons] == [IMEI]


def test_a_dismissed_proposal_stays_dismissed_and_a_confirmed_pair_forms_a_series(
    cases, series, investigator
):
    a = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=10))
    b = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=5))
    c = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=1))
    assert proposed(series, investigator, c) == {a: {"place"}, b: {"place"}}
    assert series.dismiss(investigator, c, a) is True
    assert series.dismiss(investigator, a, c) is False  # the same pair, either way round
    assert proposed(series, investigator, c) == {b: {"place"}}
    assert proposed(series, investigator, a) == {b: {"place"}}
    assert all({p.case.case_no, p.other.case_no} != {a, c} for p in series.open_proposals(investigator))

    view = series.confirm(investigator, c, b)
    assert [x.case_no for x in view.cases] == [b, c]
    assert proposed(series, investigator, c) == {}  # a dismissed, b in the series already
    view = series.confirm(investigator, a, b)  # a joins the series of b
    assert [x.case_no for x in view.cases] == [a, b, c]
    assert series.series_of(investigator, a) == view
    assert all(a not in {p.case.case_no, p.other.case_no} for p in series.open_proposals(investigator))


def test_the_series_timeline_holds_every_case_in_time_order(cases, series, investigator, items):
    a = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=10))
    b = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=5))
    view = series.confirm(investigator, a, b)
    items.add(investigator, case_no=a, description="电缆一捆", category="电缆")
    cases.solve(investigator, b, at=ago(hours=1))
    entries = series.series_timeline(investigator, view.id)
    assert [(e.case_no, e.kind) for e in entries] == [
        (a, "opened"),
        (b, "opened"),
        (a, "series_confirmed"),
        (b, "series_confirmed"),
        (a, "property_added"),
        (b, "solved"),
    ]
    assert entries == sorted(entries, key=lambda e: e.at)
    with pytest.raises(ValidationError) as refused:
        series.series_timeline(investigator, view.id + 99)
    assert refused.value.code == "series.not_found"


def test_open_proposals_pair_open_cases_only(cases, series, investigator):
    a = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=10))
    b = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=5))
    c = open_case(cases, investigator, place="二号楼", category="phone", reported_at=ago(days=9))
    d = open_case(cases, investigator, place="二号楼", category="phone", reported_at=ago(days=8))
    cases.solve(investigator, c, at=ago(days=7))
    cases.solve(investigator, d, at=ago(days=7))
    pairs = {frozenset((p.case.case_no, p.other.case_no)) for p in series.open_proposals(investigator)}
    assert pairs == {frozenset((a, b))}
    newest = series.open_proposals(investigator)[0]
    assert newest.case.case_no == b  # about the newer open case


def test_merging_keeps_both_histories_and_duplicates_no_text(cases, series, investigator, items, sessions):
    keep = open_case(
        cases,
        investigator,
        summary="3号楼地下室电缆被盗",
        narrative="物业报称地下室电缆被剪",
        victim_name="王物业",
        victim_id=OWNER_ID,
        reported_at=ago(days=2),
    )
    gone = open_case(
        cases,
        investigator,
        summary="地下室电缆被盗(重复报案)",
        narrative="住户报称停车场照明断电",
        victim_name="王物业",
        victim_id=OWNER_ID,
        reported_at=ago(days=1),
    )
    items.add(investigator, case_no=gone, description="电缆两捆", category="电缆", owner_id=OWNER_ID)
    items.add(investigator, case_no=gone, description="手机", category="手机", imei=IMEI)
    items.add(investigator, case_no=keep, description="同一手机", category="手机", imei=IMEI)
    cases.link(investigator, gone, other_case_no=keep)

    result = series.merge(investigator, keep, gone)
    assert (result.parties_moved, result.parties_already_there) == (0, 1)
    assert (result.items_moved, result.items_left) == (1, 1)

    kept = cases.show(investigator, keep, unmask=True, reason="核对串案").as_dict()
    assert [p["name"] for p in kept["parties"]] == ["王物业"]  # the owner once
    cable = next(i for i in kept["property"] if i["description"] == "电缆两捆")
    assert cable["owner"]["name"] == "王物业"
    assert kept["narrative"] == "物业报称地下室电缆被剪"  # no text copied in
    assert kept["merged_from"] == [gone]
    assert kept["linked_cases"] == []  # a link between the two is no link any more
    kinds = [(e.get("from_case"), e["kind"]) for e in kept["timeline"]]
    assert (gone, "opened") in kinds and (None, "opened") in kinds
    assert kinds[-1] == (None, "merged")
    assert (gone, "merged") in kinds

    merged = cases.show(investigator, gone).as_dict()
    assert merged["status"] == "closed" and merged["merged_into"] == keep
    assert merged["narrative"] == "住户报称停车场照明断电"  # its own history stays
    assert [i["description"] for i in merged["property"]] == ["手机"]  # the duplicate item stays
    assert merged["timeline"][-1]["detail"] == {"into": keep}
    with sessions() as s:
        texts = list(s.scalars(select(TheftCase.description)))
        assert sorted(texts) == sorted(["物业报称地下室电缆被剪", "住户报称停车场照明断电"])
        assert s.scalar(select(CaseParty.id).where(CaseParty.name == "王物业").offset(1)) is None

    with pytest.raises(ValidationError) as refused:
        series.merge(investigator, keep, gone)
    assert (refused.value.field, refused.value.code) == ("merged_case_no", "series.case.merged")
    assert series.proposals_for(investigator, gone) == []


def test_a_merged_case_in_a_series_leaves_the_kept_case_in_its_place(cases, series, investigator):
    a = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=10))
    b = open_case(cases, investigator, community="灌口花园", reported_at=ago(days=5))
    c = open_case(cases, investigator, category="other", reported_at=ago(days=1))
    view = series.confirm(investigator, a, b)
    series.merge(investigator, c, b)
    assert [x.case_no for x in series.series(investigator, view.id).cases] == [a, c]
    kinds = [(e.case_no, e.kind) for e in series.series_timeline(investigator, view.id)]
    assert (b, "opened") in kinds and (c, "merged") in kinds


def test_proposals_refuse_an_unknown_case(series, investigator):
    with pytest.raises(ValidationError) as refused:
        series.proposals_for(investigator, "GK209900001")
    assert refused.value.field == "case_no"


def test_confirm_refuses_a_case_with_itself(cases, series, investigator):
    a = open_case(cases, investigator)
    with pytest.raises(ValidationError) as refused:
        series.confirm(investigator, a, a.lower())
    assert refused.value.code == "series.pair.self"
