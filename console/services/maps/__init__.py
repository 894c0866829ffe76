"""Maps: the grid map's snapshot and layout of households, and the district map of communities."""

from __future__ import annotations

from console.services.maps.district import AlertMarker, CommunitySummary, DistrictService, parse_outline
from console.services.maps.gridmap import GridMapService, HouseholdDetail
from console.services.maps.layers import OfficerDestination, SeriesPath, SeriesStop
from console.services.maps.snapshot import (
    GREEN,
    HOUSING_USES,
    NEVER,
    ORANGE,
    RED,
    RENTAL_USES,
    STATUS_NAMES,
    Block,
    GridSnapshot,
    Layout,
    MapFilter,
    aspect_bucket,
    compute_layout,
    format_address,
)

__all__ = [
    "GREEN",
    "HOUSING_USES",
    "NEVER",
    "ORANGE",
    "RED",
    "RENTAL_USES",
    "STATUS_NAMES",
    "AlertMarker",
    "Block",
    "CommunitySummary",
    "DistrictService",
    "GridMapService",
    "GridSnapshot",
    "HouseholdDetail",
    "Layout",
    "MapFilter",
    "OfficerDestination",
    "SeriesPath",
    "SeriesStop",
    "aspect_bucket",
    "compute_layout",
    "format_address",
    "parse_outline",
]
