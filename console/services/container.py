"""The set of services one console uses, built once by the composition root (console.app)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine

from console.clock import Clock, SystemClock
from console.db import describe, session_factory
from console.live import ChangeFeed
from console.services.alerts import AlertService, WatchlistService
from console.services.dispatch import DispatchService, InterventionService, OfficerService
from console.services.intake import IngestService
from console.services.maps import DistrictService, GridMapService
from console.services.registry import RegistryImportService, SearchService, VerificationService
from console.services.station import HealthService, StationService, UserService


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
    officers: OfficerService
    dispatch: DispatchService
    interventions: InterventionService


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
        officers=OfficerService(sessions, clock),
        dispatch=DispatchService(sessions, clock),
        interventions=InterventionService(sessions, clock),
    )
