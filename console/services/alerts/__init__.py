"""Alerts: the rules that raise them, their lifecycle from new to resolved, their details, and the watchlists."""

from __future__ import annotations

from console.services.alerts.details import AlertDetail, DevicePrecision
from console.services.alerts.service import OUTCOMES, AlertRow, AlertService, Cursor, FeedFilter
from console.services.alerts.watchlist import WatchlistRow, WatchlistService

__all__ = [
    "OUTCOMES",
    "AlertDetail",
    "AlertRow",
    "AlertService",
    "Cursor",
    "DevicePrecision",
    "FeedFilter",
    "WatchlistRow",
    "WatchlistService",
]
