"""The station's own parameters: verification colour thresholds and the escalation delay."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from console.errors import ConflictError, UserError, ValidationError
from console.models import Station
from console.security import Actor, Permission
from console.services.base import Service, guarded_update, write_audit

MAX_DAYS = 3650
MIN_ESCALATE_SECONDS, MAX_ESCALATE_SECONDS = 10, 3600
MIN_RESPONSE_TARGET_SECONDS, MAX_RESPONSE_TARGET_SECONDS = 60, 7200


@dataclass(frozen=True)
class StationParameters:
    """Household colours: green up to ``orange_after_days``, orange up to ``red_after_days``, then red;
    unacknowledged critical/high alerts escalate after ``escalate_after_seconds``."""

    station_id: int
    name: str
    orange_after_days: int
    red_after_days: int
    escalate_after_seconds: int
    version: int
    # A dispatch should be at the door within this many seconds of the warning.
    response_target_seconds: int = 600


def check_parameters(orange_after_days: int, red_after_days: int, escalate_after_seconds: int) -> None:
    """Raise ValidationError naming the field whose rule is broken."""
    if not 1 <= orange_after_days <= MAX_DAYS:
        raise ValidationError("orange_after_days", "station.orange_days.range", max_days=MAX_DAYS)
    if not orange_after_days < red_after_days <= MAX_DAYS:
        raise ValidationError(
            "red_after_days",
            "station.red_days.range",
            orange_days=orange_after_days,
            max_days=MAX_DAYS,
        )
    if not MIN_ESCALATE_SECONDS <= escalate_after_seconds <= MAX_ESCALATE_SECONDS:
        raise ValidationError(
            "escalate_after_seconds",
            "station.escalate_seconds.range",
            low=MIN_ESCALATE_SECONDS,
            high=MAX_ESCALATE_SECONDS,
        )


class StationService(Service):
    def parameters(self, actor: Actor) -> StationParameters:
        """The parameters of the station (the first one; a console serves one station).

        Whoever sees the registry reads them; the system administrator, who sets them, too.
        """
        if not actor.can(Permission.CONFIGURE_STATION):
            actor.require(Permission.VIEW_REGISTRY)
        with self._read() as conn:
            row = conn.execute(select(Station).order_by(Station.id).limit(1)).first()
        if row is None:
            raise UserError("station.none")
        return StationParameters(
            row.id,
            row.name,
            row.orange_after_days,
            row.red_after_days,
            row.escalate_after_seconds,
            row.version,
            row.response_target_seconds,
        )

    def update_parameters(
        self,
        actor: Actor,
        station_id: int,
        expected_version: int,
        *,
        orange_after_days: int,
        red_after_days: int,
        escalate_after_seconds: int,
        response_target_seconds: int | None = None,
    ) -> StationParameters:
        """Change the thresholds; a station edited meanwhile on another console is a ConflictError."""
        actor.require(Permission.CONFIGURE_STATION)
        check_parameters(orange_after_days, red_after_days, escalate_after_seconds)
        target: dict[str, Any] = {}
        if response_target_seconds is not None:
            if not MIN_RESPONSE_TARGET_SECONDS <= response_target_seconds <= MAX_RESPONSE_TARGET_SECONDS:
                raise ValidationError(
                    "response_target_seconds",
                    "dispatch.response_target_invalid",
                    low=MIN_RESPONSE_TARGET_SECONDS,
                    high=MAX_RESPONSE_TARGET_SECONDS,
                )
            target["response_target_seconds"] = response_target_seconds
        with self._write() as s:
            guarded_update(
                s,
                Station,
                station_id,
                expected_version,
                "派出所参数",
                conflict=lambda _now: ConflictError("station.parameters.changed"),
                missing=lambda: ConflictError("station.parameters.changed"),
                orange_after_days=orange_after_days,
                red_after_days=red_after_days,
                escalate_after_seconds=escalate_after_seconds,
                **target,
            )
            changed = s.execute(
                select(Station.name, Station.response_target_seconds).where(Station.id == station_id)
            ).one()
            write_audit(
                s,
                actor,
                "update",
                "station",
                station_id,
                self._clock,
                orange_after_days=orange_after_days,
                red_after_days=red_after_days,
                escalate_after_seconds=escalate_after_seconds,
                **target,
            )
        return StationParameters(
            station_id,
            changed.name,
            orange_after_days,
            red_after_days,
            escalate_after_seconds,
            expected_version + 1,
            changed.response_target_seconds,
        )
