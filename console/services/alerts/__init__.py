"""Alerts: the rules that raise them, their lifecycle from new to resolved, escalation, details, and the watchlists."""

from __future__ import annotations

from console.services.alerts.details import AlertDetail, DevicePrecision
from console.services.alerts.escalation import DEFAULT_REMIND_EVERY_S, EscalationJob, ReminderLimiter
from console.services.alerts.lifecycle import AlertLifecycle
from console.services.alerts.rows import AlertRow, Cursor
from console.services.alerts.rules import (
    SEVERITY_RANK,
    URGENT_RANK,
    Facts,
    Matched,
    alert_severity,
    alert_summary,
    default_watch_severity,
    group_key,
)
from console.services.alerts.service import OUTCOMES, AlertService, FeedFilter, UrgentCounts
from console.services.alerts.watchlist import WatchlistRow, WatchlistService

__all__ = [
    "DEFAULT_REMIND_EVERY_S",
    "OUTCOMES",
    "SEVERITY_RANK",
    "URGENT_RANK",
    "AlertDetail",
    "AlertLifecycle",
    "AlertRow",
    "AlertService",
    "Cursor",
    "DevicePrecision",
    "EscalationJob",
    "Facts",
    "FeedFilter",
    "Matched",
    "ReminderLimiter",
    "UrgentCounts",
    "WatchlistRow",
    "WatchlistService",
    "alert_severity",
    "alert_summary",
    "default_watch_severity",
    "group_key",
]
