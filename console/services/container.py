"""The set of services one console uses: ``build_services`` is the one place services are made.

The composition root (console.app) calls it for the window, ``console.commands.open_services``
for every command, and the demo (seeding, the simulated stream) is handed what it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine

from console.clock import Clock, SystemClock
from console.db import describe, session_factory
from console.live import ChangeFeed
from console.services.alerts import AlertService, EscalationJob, WatchlistService
from console.services.cases import (
    CaseImportService,
    CaseService,
    CaseWatchService,
    PropertyService,
    SeriesService,
)
from console.services.dispatch import (
    DispatchService,
    InterventionService,
    OfficerService,
    ServiceRequestService,
)
from console.services.figures import FiguresService
from console.services.intake import IngestService
from console.services.maps import DistrictService, GridMapService
from console.services.registry import RegistryImportService, SearchService, VerificationService
from console.services.reporting import ExportService
from console.services.station import (
    AccountService,
    AuditService,
    HealthService,
    JobRunner,
    PeriodicJob,
    StationService,
    UserService,
)


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
    district: DistrictService
    gridmap: GridMapService
    verification: VerificationService
    registry_import: RegistryImportService
    search: SearchService
    station: StationService
    cases: CaseService
    property: PropertyService
    series: SeriesService
    case_watch: CaseWatchService
    officers: OfficerService
    dispatch: DispatchService
    interventions: InterventionService
    requests: ServiceRequestService  # residents' requests taken by hand, as report alerts
    case_import: CaseImportService
    export: ExportService
    figures: FiguresService


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
        district=DistrictService(sessions, clock),
        gridmap=GridMapService(sessions, clock),
        verification=VerificationService(sessions, clock),
        registry_import=RegistryImportService(sessions, clock),
        search=SearchService(sessions, clock),
        station=StationService(sessions, clock),
        cases=CaseService(sessions, clock),
        property=PropertyService(sessions, clock),
        series=SeriesService(sessions, clock),
        case_watch=CaseWatchService(sessions, clock),
        officers=OfficerService(sessions, clock),
        dispatch=DispatchService(sessions, clock),
        interventions=InterventionService(sessions, clock),
        requests=ServiceRequestService(sessions, clock, ingest),
        case_import=CaseImportService(sessions, clock),
        export=ExportService(sessions, clock),
        figures=FiguresService(sessions, clock),
    )


ESCALATE_EVERY_S = 5.0


def station_jobs(services: Services) -> JobRunner:
    """The station's periodic jobs this console takes its share of (started by the caller)."""
    return JobRunner([PeriodicJob("escalation", services.escalation.run_once, ESCALATE_EVERY_S)])
