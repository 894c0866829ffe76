"""What the demo district's stages hand each other: the scale, the registry built, the activity planned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from console.demo import data as D

# The duty room works two shifts (Beijing time): day 08:00–20:00, night 20:00–08:00. An officer
# whose shift is not on at the demo clock's "now" is off duty.
DAY_SHIFT_HOURS = (8, 20)
SHIFT_NAMES = {"day": "白班", "night": "夜班"}


def shift_at(at: dt.datetime) -> str:
    """``day`` or ``night``: the shift on duty at ``at``."""
    hour = at.astimezone(dt.timezone(dt.timedelta(hours=8))).hour
    return "day" if DAY_SHIFT_HOURS[0] <= hour < DAY_SHIFT_HOURS[1] else "night"


@dataclass(frozen=True)
class Scale:
    communities: int
    grid_cells: int
    buildings: int
    events: int
    alerts: int
    cases: int
    service_requests: int
    watch_people: int
    watch_vehicles: int
    max_visits: int  # verification visits per verified household (1 = only the latest)
    recent_new: int  # alerts raised in the last hour, still "new"
    officers: dict[str, int]


SCALE_PARAMS = {
    "small": Scale(
        communities=6,
        grid_cells=3,
        buildings=28,
        events=12_000,
        alerts=400,
        cases=106,
        service_requests=24,
        watch_people=16,
        watch_vehicles=8,
        max_visits=3,
        recent_new=6,
        officers={"所领导": 3, "值班民警": 6, "社区民警": 3, "网格员": 3, "办案队": 5},
    ),
    "district": Scale(
        communities=150,
        grid_cells=25,
        buildings=2_000,
        events=1_000_000,
        alerts=20_000,
        cases=106,
        service_requests=600,
        watch_people=300,
        watch_vehicles=120,
        max_visits=1,
        recent_new=12,
        officers={"所领导": 4, "值班民警": 12, "社区民警": 13, "网格员": 25, "办案队": 10},
    ),
}


@dataclass
class Registry:
    """What the activity stage needs to know about the registry it builds on (internal)."""

    scale: Scale
    seed: int
    now: dt.datetime
    station_id: int = 0
    ids: D.IdNumberFactory | None = None
    male_names: list[str] = field(default_factory=list)
    female_names: list[str] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    user_of_officer: dict[int, int] = field(default_factory=dict)
    communities: list[dict[str, Any]] = field(default_factory=list)
    community_households: np.ndarray = field(default_factory=lambda: np.zeros(0))
    devices: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # community idx -> (code, kind)
    res_id: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    res_comm: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    res_age: np.ndarray = field(default_factory=lambda: np.zeros(0))
    res_names: list[str] = field(default_factory=list)
    res_id_numbers: list[str] = field(default_factory=list)
    res_phones: list[str | None] = field(default_factory=list)
    res_record: list[str] = field(default_factory=list)
    plates: list[str] = field(default_factory=list)  # residents' vehicles
    plate_comm: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    visitor_plates: list[str] = field(default_factory=list)

    def users_with(self, *roles: str) -> list[int]:
        return [self.user_of_officer[o["id"]] for o in self.officers if o["role"] in roles]

    def officers_with(self, *roles: str) -> list[dict[str, Any]]:
        return [o for o in self.officers if o["role"] in roles]


@dataclass
class Watch:
    """A watchlist entry as the alert generator needs it."""

    id: int
    kind: str  # person | vehicle
    key: str  # id number or plate
    name: str
    reason: str
    severity: str
    case_no: str | None
    created: dt.datetime
    expires: dt.datetime | None
    active: bool


@dataclass
class Activity:
    cases: list[dict[str, Any]] = field(default_factory=list)
    watches: list[Watch] = field(default_factory=list)
    watched_residents: set[int] = field(default_factory=set)  # resident indexes on a person watchlist
