"""Dispatch: officers and their board, dispatches from alerts with response clocks, anti-fraud interventions."""

from __future__ import annotations

from console.services.dispatch.card import CallAttempt, CardDispatch, CardResident, InterventionCard
from console.services.dispatch.clocks import DispatchClock
from console.services.dispatch.contacts import ManagerContactRow
from console.services.dispatch.dispatches import Arrival, Cleared, DispatchSent, DispatchService
from console.services.dispatch.interventions import (
    ALERT_OUTCOME,
    CallLogged,
    InterventionClosed,
    InterventionService,
    StopPaymentRequested,
)
from console.services.dispatch.joinable import JOINABLE_LIMIT, JoinableAlert
from console.services.dispatch.officers import OfficerRow, OfficerService
from console.services.dispatch.recommend import Recommendation, recommend_officers
from console.services.dispatch.requests import REQUEST_CATEGORIES, RequestTaken, ServiceRequestService
from console.services.dispatch.rules import (
    BUSY_STATUSES,
    CALL_RESULTS,
    CONTACT_METHODS,
    DEFAULT_RESPONSE_TARGET_S,
    INTERVENTION_OUTCOMES,
    MANUAL_STATUSES,
    OFFICER_STATUSES,
    response_seconds,
    within_target,
)

__all__ = [
    "ALERT_OUTCOME",
    "BUSY_STATUSES",
    "CALL_RESULTS",
    "CONTACT_METHODS",
    "DEFAULT_RESPONSE_TARGET_S",
    "INTERVENTION_OUTCOMES",
    "JOINABLE_LIMIT",
    "MANUAL_STATUSES",
    "OFFICER_STATUSES",
    "REQUEST_CATEGORIES",
    "Arrival",
    "CallAttempt",
    "CallLogged",
    "CardDispatch",
    "CardResident",
    "Cleared",
    "DispatchClock",
    "DispatchSent",
    "DispatchService",
    "InterventionCard",
    "InterventionClosed",
    "InterventionService",
    "JoinableAlert",
    "ManagerContactRow",
    "OfficerRow",
    "OfficerService",
    "Recommendation",
    "RequestTaken",
    "ServiceRequestService",
    "StopPaymentRequested",
    "recommend_officers",
    "response_seconds",
    "within_target",
]
