"""Fixtures of the case list and dossier widget tests (named case_*, so no pane's own fixtures clash)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from case_list_data import CaseWorld, seed_cases
from sqlalchemy import Engine

from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker


@pytest.fixture
def case_services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def case_world(engine: Engine, case_services: Services, investigator: Actor) -> CaseWorld:
    return seed_cases(engine, case_services.cases, investigator)


@pytest.fixture
def case_bridge(db_worker: DatabaseWorker, case_services: Services) -> Iterator[LiveBridge]:
    live = LiveBridge(case_services.open_change_feed(), db_worker)
    yield live
    live.close()
