"""The set of services one console uses: ``build_services`` is the one place services are made.

The composition root (console.app) calls it for the window, ``console.commands.open_services``
for every command, and the demo (seeding, the simulated stream) is handed what it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock, SystemClock
from console.db import describe, session_factory
from console.live import ChangeFeed
from console.services.alerts import AlertService, EscalationJob, WatchlistService
from console.services.dispatch import (
    DispatchService,
    InterventionService,
    OfficerService,
    ServiceRequestService,
)
from console.services.intake import IngestService
from console.services.station import (
    AccountService,
    AuditService,
    HealthService,
    JobRunner,
    PeriodicJob,
    StationService,
    UserService,
)

if TYPE_CHECKING:
    from console.services.cases import (
        CaseImportService,
        CaseService,
        CaseWatchService,
        PropertyService,
        SeriesService,
    )
    from console.services.figures import FiguresService
    from console.services.maps import DistrictService, GridMapService
    from console.services.registry import RegistryImportService, SearchService, VerificationService
    from console.services.reporting import ExportService


@dataclass(frozen=True)
class Services:
    """Everything a widget may be handed. Built by ``build_services``; no globals."""

    backend: str  # "sqlite" | "postgresql"
    database: str  # human description: backend and host, never a password
    clock: Clock
    users: UserService
    audit: AuditService
    accounts: AccountService
    health: HealthService
    alerts: AlertService
    escalation: EscalationJob
    # ``services.open_change_feed()``: a new ChangeFeed (own connection) per pane or bridge.
    open_change_feed: Callable[[], ChangeFeed]
    ingest: IngestService
    watchlist: WatchlistService
    station: StationService
    officers: OfficerService
    dispatch: DispatchService
    interventions: InterventionService
    requests: ServiceRequestService  # residents' requests taken by hand, as report alerts
    # The services below are made (and their modules imported) when first asked for: the window's
    # first paint needs none of them, and their imports cost a tenth of a second at every start.
    sessions: sessionmaker[Session]

    @cached_property
    def district(self) -> DistrictService:
        from console.services.maps import DistrictService

        return DistrictService(self.sessions, self.clock)

    @cached_property
    def gridmap(self) -> GridMapService:
        from console.services.maps import GridMapService

        return GridMapService(self.sessions, self.clock)

    @cached_property
    def verification(self) -> VerificationService:
        from console.services.registry import VerificationService

        return VerificationService(self.sessions, self.clock)

    @cached_property
    def registry_import(self) -> RegistryImportService:
        from console.services.registry import RegistryImportService

        return RegistryImportService(self.sessions, self.clock)

    @cached_property
    def search(self) -> SearchService:
        from console.services.registry import SearchService

        return SearchService(self.sessions, self.clock)

    @cached_property
    def cases(self) -> CaseService:
        from console.services.cases import CaseService

        return CaseService(self.sessions, self.clock)

    @cached_property
    def property(self) -> PropertyService:
        from console.services.cases import PropertyService

        return PropertyService(self.sessions, self.clock)

    @cached_property
    def series(self) -> SeriesService:
        from console.services.cases import SeriesService

        return SeriesService(self.sessions, self.clock)

    @cached_property
    def case_watch(self) -> CaseWatchService:
        from console.services.cases import CaseWatchService

        return CaseWatchService(self.sessions, self.clock)

    @cached_property
    def case_import(self) -> CaseImportService:
        from console.services.cases import CaseImportService

        return CaseImportService(self.sessions, self.clock)

    @cached_property
    def export(self) -> ExportService:
        from console.services.reporting import ExportService

        return ExportService(self.sessions, self.clock)

    @cached_property
    def figures(self) -> FiguresService:
        from console.services.figures import FiguresService

        return FiguresService(self.sessions, self.clock)


def build_services(engine: Engine, clock: Clock | None = None) -> Services:
    """Every service of one console, sharing ``engine`` (one per process) and ``clock``."""
    clock = clock or SystemClock()
    sessions = session_factory(engine)
    ingest = IngestService(sessions, clock)
    return Services(
        backend=engine.dialect.name,
        database=describe(engine),
        clock=clock,
        users=UserService(sessions, clock),
        audit=AuditService(sessions, clock),
        accounts=AccountService(sessions, clock),
        health=HealthService(sessions, clock),
        alerts=AlertService(sessions, clock),
        escalation=EscalationJob(sessions, clock),
        open_change_feed=partial(ChangeFeed, engine),
        ingest=ingest,
        watchlist=WatchlistService(sessions, clock),
        station=StationService(sessions, clock),
        officers=OfficerService(sessions, clock),
        dispatch=DispatchService(sessions, clock),
        interventions=InterventionService(sessions, clock),
        requests=ServiceRequestService(sessions, clock, ingest),
        sessions=sessions,
    )


ESCALATE_EVERY_S = 5.0


def station_jobs(services: Services) -> JobRunner:
    """The station's periodic jobs this console takes its share of (started by the caller)."""
    return JobRunner([PeriodicJob("escalation", services.escalation.run_once, ESCALATE_EVERY_S)])
