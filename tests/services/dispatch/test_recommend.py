"""The dispatch dialog's recommendations: available officers of the community's grid cell first,
then the nearest; busy and off-duty officers are not offered."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.security import Actor
from console.services.dispatch import DispatchService
from console.services.dispatch.recommend import distance_km
from tests.dispatch_data import DispatchWorld


def test_same_cell_first_then_by_distance_and_only_available_officers(
    engine: Engine, sessions: sessionmaker[Session], duty_officer: Actor
) -> None:
    world = DispatchWorld(engine)
    world.officer("A-far", cell=1)
    world.officer("B-near", cell=0)
    world.officer("C-near", cell=0)
    world.officer("D-nocell", cell=None)
    world.officer("E-off", cell=0, status="off_duty")
    world.officer("F-busy", cell=0, status="dispatched")
    service = DispatchService(sessions)
    in_g1 = service.recommendations(duty_officer, world.alert(community=1))
    assert [r.badge for r in in_g1] == ["B-near", "C-near", "A-far", "D-nocell"]
    assert in_g1[0].same_cell and not in_g1[2].same_cell and in_g1[3].distance_km is None
    in_g2 = service.recommendations(duty_officer, world.alert(community=2), limit=2)
    assert [r.badge for r in in_g2] == ["A-far", "B-near"]
    assert 6 < (in_g2[1].distance_km or 0) < 8


def test_distance_between_two_communities_in_kilometres() -> None:
    assert abs(distance_km((24.6, 118.0), (24.6, 118.0))) < 1e-9
    assert 11.0 < distance_km((24.6, 118.0), (24.7, 118.0)) < 11.2  # 0.1° of latitude
