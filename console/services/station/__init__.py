"""Station: its parameters, its users and roles, its audit log, the health of its database, and its periodic jobs."""

from __future__ import annotations

from console.services.station.audit import AuditService, ChainCheck
from console.services.station.health import HealthService
from console.services.station.jobs import JobRunner, PeriodicJob
from console.services.station.parameters import StationParameters, StationService
from console.services.station.users import UserService

__all__ = [
    "AuditService",
    "ChainCheck",
    "HealthService", "JobRunner", "PeriodicJob", "StationParameters", "StationService", "UserService"]
