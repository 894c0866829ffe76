"""A community officer sees the households of their own grid cells only — on the grid map, in the
household dialog and in search — and an account tied to no officer sees none (fails closed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import engine_on_copy, seeded_demo_file
from sqlalchemy import Engine, select

from console.errors import PermissionDenied
from console.models import AuditLog, Community, GridCell, Household, Resident
from console.services.container import Services, build_services

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_demo_file(tmp_path_factory.mktemp("scope"), NOW)


@pytest.fixture
def engine(district: Path, tmp_path: Path) -> Iterator[Engine]:
    yield from engine_on_copy(district, tmp_path)


def _own_and_other(engine: Engine) -> tuple[int, set[int], int]:
    """An officer keeping some cells, the communities of those cells, and a household outside them."""
    with engine.connect() as conn:
        officer = conn.execute(
            select(GridCell.officer_id).where(GridCell.officer_id.is_not(None)).order_by(GridCell.id).limit(1)
        ).scalar_one()
        own = set(
            conn.execute(
                select(Community.id)
                .join(GridCell, GridCell.id == Community.grid_cell_id)
                .where(GridCell.officer_id == officer)
            ).scalars()
        )
        outside = conn.execute(
            select(Household.id).where(Household.community_id.not_in(own)).order_by(Household.id).limit(1)
        ).scalar_one()
    assert own
    return officer, own, outside


def test_a_community_officer_sees_only_their_own_cells(engine: Engine) -> None:
    services: Services = build_services(engine)
    officer, own, outside = _own_and_other(engine)
    supervisor = services.users.ensure_user("chief", "所长", "supervisor")
    setup = services.users.ensure_user("admin1", "管理员", "system_admin")
    yang = services.users.ensure_user("yang", "杨明", "community_officer")
    services.accounts.link_officer(setup, "yang", officer)

    everyone = services.gridmap.load(supervisor)
    mine = services.gridmap.load(yang)
    assert 0 < len(mine.household_id) < len(everyone.household_id)
    with engine.connect() as conn:
        communities = dict(conn.execute(select(Household.id, Household.community_id)).all())
    assert {communities[int(i)] for i in mine.household_id} <= own

    with pytest.raises(PermissionDenied):
        services.gridmap.household_detail(yang, outside)
    assert services.gridmap.household_detail(supervisor, outside).household_id == outside
    with engine.connect() as conn:
        refused = (
            conn.execute(
                select(AuditLog.action).where(AuditLog.username == "yang", AuditLog.outcome == "refused")
            )
            .scalars()
            .all()
        )
    assert refused == ["household_detail"]

    # Search: a resident outside the officer's cells is not found by them.
    with engine.connect() as conn:
        name = conn.execute(
            select(Resident.name).where(Resident.household_id == outside).limit(1)
        ).scalar_one()
    assert any(h.household_id == outside for h in services.search.search(supervisor, name))
    assert all(
        h.community_id in own for h in services.search.search(yang, name) if h.community_id is not None
    )


def test_an_account_tied_to_no_officer_sees_no_household(engine: Engine) -> None:
    services = build_services(engine)
    lone = services.users.ensure_user("lone", "未关联", "community_officer")
    assert len(services.gridmap.load(lone).household_id) == 0
