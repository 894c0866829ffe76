"""Station: its parameters, its users and roles, its audit log, the health of its database, and its periodic jobs."""

from __future__ import annotations

from console.services.station.accounts import Account, AccountService, check_password
from console.services.station.audit import AuditEntry, AuditFilter, AuditService, ChainCheck
from console.services.station.health import HealthService
from console.services.station.jobs import JobRunner, PeriodicJob
from console.services.station.parameters import StationParameters, StationService
from console.services.station.scope import community_scope, require_in_scope
from console.services.station.users import UserService

__all__ = [
    "Account",
    "AccountService",
    "AuditEntry",
    "AuditFilter",
    "AuditService",
    "ChainCheck",
    "HealthService",
    "JobRunner",
    "PeriodicJob",
    "StationParameters",
    "StationService",
    "UserService",
    "check_password",
    "community_scope",
    "require_in_scope",
]
