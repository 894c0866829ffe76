"""Station: its parameters, its users and roles, and the health of its database."""

from __future__ import annotations

from console.services.station.health import HealthService
from console.services.station.parameters import StationParameters, StationService
from console.services.station.users import UserService

__all__ = ["HealthService", "StationParameters", "StationService", "UserService"]
