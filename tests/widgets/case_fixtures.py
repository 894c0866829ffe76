"""Fixtures shared by the case list and dossier widget tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from case_list_data import CaseWorld, seed_cases
from sqlalchemy import Engine

from console.clock import FixedClock
from console.security import Actor
from console.services.container import Services, build_services
from console.services.station import UserService
from console.widgets.live_bridge import LiveBridge
from console.widgets.worker import DatabaseWorker


@pytest.fixture
def services(engine: Engine, clock: FixedClock) -> Services:
    return build_services(engine, clock)


@pytest.fixture
def investigator(users: UserService) -> Actor:
    return users.ensure_user("li", "李办案", "investigator")


@pytest.fixture
def world(engine: Engine, services: Services, investigator: Actor) -> CaseWorld:
    return seed_cases(engine, services.cases, investigator)


@pytest.fixture
def bridge(db_worker: DatabaseWorker, services: Services) -> Iterator[LiveBridge]:
    live = LiveBridge(services.open_change_feed(), db_worker)
    yield live
    live.close()


def wait_idle(qtbot: Any, widget: Any) -> None:
    qtbot.waitUntil(lambda: not widget.busy(), timeout=10_000)
