"""The set of services one console uses, built once by the composition root (console.app)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine

from console.clock import Clock, SystemClock
from console.db import describe, session_factory
from console.live import ChangeFeed
from console.services.alerts import AlertService
from console.services.district import DistrictService
from console.services.gridmap import GridMapService
from console.services.health import HealthService
from console.services.ingest import IngestService
from console.services.registry_import import RegistryImportService
from console.services.search import SearchService
from console.services.station import StationService
from console.services.users import UserService
from console.services.verification import VerificationService
from console.services.watchlist import WatchlistService


@dataclass(frozen=True)
class Services:
    """Everything a widget may be handed. Built by ``build_services``; no globals."""

    backend: str  # "sqlite" | "postgresql"
    database: str  # human description: backend and host, never a password
    clock: Clock
    users: UserService
    health: HealthService
    alerts: AlertService
    # ``services.open_change_feed()``: a new ChangeFeed (own connection) per pane or bridge.
    open_change_feed: Callable[[], ChangeFeed]
    ingest: IngestService
    watchlist: WatchlistService
    district: DistrictService
    gridmap: GridMapService
    verification: VerificationService
    registry_import: RegistryImportService
    search: SearchService
    station: StationService


def build_services(engine: Engine, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    sessions = session_factory(engine)
    return Services(
        backend=engine.dialect.name,
        database=describe(engine),
        clock=clock,
        users=UserService(sessions, clock),
        health=HealthService(sessions, clock),
        alerts=AlertService(sessions, clock),
        open_change_feed=partial(ChangeFeed, engine),
        ingest=IngestService(sessions, clock),
        watchlist=WatchlistService(sessions, clock),
        district=DistrictService(sessions, clock),
        gridmap=GridMapService(sessions, clock),
        verification=VerificationService(sessions, clock),
        registry_import=RegistryImportService(sessions, clock),
        search=SearchService(sessions, clock),
        station=StationService(sessions, clock),
    )
