"""SQLAlchemy 2.0 schema: one module per aggregate. Importing this package registers every table."""

from console.models.alerts import Alert, Device, Event, WatchlistEntry
from console.models.base import Base, UTCDateTime
from console.models.cases import (
    CaseFence,
    CaseLink,
    CaseParty,
    CaseSeries,
    CaseSeriesMember,
    CaseTimeline,
    CustodyEvent,
    PropertyItem,
    SeriesDismissal,
    TheftCase,
    Vehicle,
)
from console.models.dispatch import (
    Dispatch,
    FraudIntervention,
    InterventionCall,
    Officer,
    OfficerStatusChange,
    ServiceRequest,
    dispatch_alert,
    dispatch_officer,
)
from console.models.live import ChangeLog
from console.models.registry import (
    Building,
    Community,
    GridCell,
    Household,
    Organisation,
    Resident,
    Station,
    VerificationVisit,
)
from console.models.security import AuditLog, Role, User

__all__ = [
    "Alert",
    "AuditLog",
    "Base",
    "Building",
    "CaseFence",
    "CaseLink",
    "CaseParty",
    "CaseSeries",
    "CaseSeriesMember",
    "CaseTimeline",
    "ChangeLog",
    "Community",
    "CustodyEvent",
    "Device",
    "Dispatch",
    "Event",
    "FraudIntervention",
    "GridCell",
    "Household",
    "InterventionCall",
    "Officer",
    "OfficerStatusChange",
    "Organisation",
    "PropertyItem",
    "Resident",
    "Role",
    "SeriesDismissal",
    "ServiceRequest",
    "Station",
    "TheftCase",
    "UTCDateTime",
    "User",
    "Vehicle",
    "VerificationVisit",
    "WatchlistEntry",
    "dispatch_alert",
    "dispatch_officer",
]
