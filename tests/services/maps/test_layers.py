"""The district map's layers: officers' destinations from open dispatches, and confirmed series as paths.

Data made through the real services (dispatch, cases, series) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.errors import PermissionDenied
from console.security import DEFAULT_ROLES, Actor
from console.services.cases import CaseService, SeriesService
from console.services.dispatch import DispatchService
from console.services.maps import DistrictService
from tests.dispatch_data import DispatchWorld


@pytest.fixture
def world(engine: Engine) -> DispatchWorld:
    return DispatchWorld(engine)  # 滨水小区, 双岭花园 (cell G1) and 铁山新村 (G2), all placed


@pytest.fixture
def district(sessions: sessionmaker[Session], clock: FixedClock) -> DistrictService:
    return DistrictService(sessions, clock)


def _grid_worker() -> Actor:
    title, perms = DEFAULT_ROLES["grid_worker"]
    return Actor(99, "grid_worker", title, "grid_worker", perms)


def test_open_dispatches_show_who_is_heading_to_which_community(
    world: DispatchWorld,
    district: DistrictService,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    duty_officer: Actor,
) -> None:
    for badge in ("010101", "010102", "010103"):
        world.officer(badge)
    dispatch = DispatchService(sessions, clock)
    to_shuangling = dispatch.dispatch(duty_officer, world.alert(community=1), ["010102", "010101"])
    to_tieshan = dispatch.dispatch(duty_officer, world.alert(community=2), ["010103"])
    dispatch.arrive(duty_officer, to_tieshan.dispatch_id)

    shown = district.officer_destinations(duty_officer)

    assert [d.dispatch_id for d in shown] == [to_tieshan.dispatch_id, to_shuangling.dispatch_id]
    tieshan, shuangling = shown
    assert shuangling.community_name == "双岭花园" and (shuangling.lat, shuangling.lon) == (24.604, 117.994)
    assert shuangling.officers == (("010101", "警员010101"), ("010102", "警员010102"))
    assert shuangling.status == "en_route" and shuangling.arrived_at is None
    assert tieshan.status == "on_scene" and tieshan.arrived_at is not None

    # Cleared: the officers are back, nothing is heading there any more.
    dispatch.clear(duty_officer, to_tieshan.dispatch_id, "车主已找到")
    assert [d.dispatch_id for d in district.officer_destinations(duty_officer)] == [to_shuangling.dispatch_id]


def test_officers_destinations_need_the_right_to_see_alerts(
    world: DispatchWorld, district: DistrictService
) -> None:
    with pytest.raises(PermissionDenied):
        district.officer_destinations(_grid_worker())


def _open(cases: CaseService, actor: Actor, case_no: str, reported_at: str, community: str | None) -> None:
    cases.open(
        actor,
        category="cable",
        reported_at=reported_at,
        summary="地下室电缆被盗",
        case_no=case_no,
        community=community,
    )


def test_a_confirmed_series_is_a_path_through_its_cases_in_report_order(
    world: DispatchWorld,
    district: DistrictService,
    sessions: sessionmaker[Session],
    clock: FixedClock,
    investigator: Actor,
) -> None:
    cases, series = CaseService(sessions, clock), SeriesService(sessions, clock)
    # Opened out of order; one case names a community the registry does not know (cannot be drawn).
    _open(cases, investigator, "GK202600003", "2026-05-20T02:00:00+08:00", "铁山新村")
    _open(cases, investigator, "GK202600001", "2026-05-02T01:30:00+08:00", "滨水小区")
    _open(cases, investigator, "GK202600002", "2026-05-11T03:10:00+08:00", "某废品收购站")
    _open(cases, investigator, "GK202600004", "2026-05-25T03:10:00+08:00", "滨水小区")
    _open(cases, investigator, "GK202600009", "2026-05-26T03:10:00+08:00", "双岭花园")  # in no series
    view = series.confirm(investigator, "GK202600001", "GK202600003", label="蚂蚁搬家电缆串案")
    series.confirm(investigator, "GK202600001", "GK202600002")
    series.confirm(investigator, "GK202600004", "GK202600003")

    (path,) = district.series_paths(investigator)

    assert (path.id, path.label) == (view.id, "蚂蚁搬家电缆串案")
    assert [s.case_no for s in path.stops] == ["GK202600001", "GK202600002", "GK202600003", "GK202600004"]
    assert [s.community_name for s in path.placed] == ["滨水小区", "铁山新村", "滨水小区"]
    assert [(s.lat, s.lon) for s in path.placed] == [(24.600, 117.990), (24.610, 118.060), (24.600, 117.990)]
    assert path.unplaced == ("GK202600002",)
    assert path.stops[1].community_name == "某废品收购站"
    # Asking for one series by id gives the same path; an unknown id gives none.
    assert district.series_paths(investigator, view.id) == [path]
    assert district.series_paths(investigator, view.id + 100) == []


def test_no_series_no_paths_and_series_need_the_right_to_see_cases(
    world: DispatchWorld, district: DistrictService, investigator: Actor
) -> None:
    assert district.series_paths(investigator) == []
    with pytest.raises(PermissionDenied):
        district.series_paths(_grid_worker())
