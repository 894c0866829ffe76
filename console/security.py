"""Who is acting and what their role allows. Qt-free: checked in the services layer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.errors import PermissionDenied


class Permission(StrEnum):
    VIEW_ALERTS = "view_alerts"
    TRIAGE_ALERTS = "triage_alerts"
    DISPATCH = "dispatch"
    MANAGE_OFFICERS = "manage_officers"
    MANAGE_WATCHLIST = "manage_watchlist"
    VIEW_REGISTRY = "view_registry"
    EDIT_REGISTRY = "edit_registry"
    VERIFY_HOUSEHOLDS = "verify_households"
    IMPORT_REGISTRY = "import_registry"
    VIEW_CASES = "view_cases"
    EDIT_CASES = "edit_cases"
    HANDLE_PROPERTY = "handle_property"  # recover stolen property and call its owner
    UNMASK_PERSONAL_DATA = "unmask_personal_data"
    EXPORT = "export"
    VIEW_STATISTICS = "view_statistics"
    INGEST_EVENTS = "ingest_events"
    CONFIGURE_STATION = "configure_station"
    MANAGE_USERS = "manage_users"  # the system administrator: accounts and their roles
    MANAGE_SECURITY = "manage_security"  # the security administrator: unlock accounts, idle lock
    READ_AUDIT = "read_audit"  # the audit administrator: read and export the audit log


P = Permission

_OPERATIONS = frozenset(
    {
        P.VIEW_ALERTS,
        P.TRIAGE_ALERTS,
        P.DISPATCH,
        P.MANAGE_OFFICERS,
        P.MANAGE_WATCHLIST,
        P.VIEW_REGISTRY,
        P.EDIT_REGISTRY,
        P.VERIFY_HOUSEHOLDS,
        P.IMPORT_REGISTRY,
        P.VIEW_CASES,
        P.EDIT_CASES,
        P.HANDLE_PROPERTY,
        P.UNMASK_PERSONAL_DATA,
        P.EXPORT,
        P.VIEW_STATISTICS,
        P.CONFIGURE_STATION,
    }
)

# The role x permission table, in one place (MLPS 2.0 level 3: the system, security and audit
# administrators are three separate roles; none of them sees residents' data, and the one who
# manages accounts can neither read nor erase the audit log). Role name -> (Chinese title,
# permissions). Stations may edit the permissions in the database; these are the defaults.
DEFAULT_ROLES: dict[str, tuple[str, frozenset[Permission]]] = {
    "duty_officer": (
        "值班民警",
        frozenset(
            {
                P.VIEW_ALERTS,
                P.TRIAGE_ALERTS,
                P.DISPATCH,
                P.MANAGE_OFFICERS,
                P.MANAGE_WATCHLIST,
                P.VIEW_REGISTRY,
                P.VIEW_CASES,
                P.HANDLE_PROPERTY,
                P.EXPORT,
                P.VIEW_STATISTICS,
            }
        ),
    ),
    "community_officer": (
        "社区民警",
        frozenset(
            {
                P.VIEW_ALERTS,
                P.VIEW_REGISTRY,
                P.EDIT_REGISTRY,
                P.VERIFY_HOUSEHOLDS,
                P.IMPORT_REGISTRY,
                P.UNMASK_PERSONAL_DATA,
                P.EXPORT,
            }
        ),
    ),
    "grid_worker": ("网格员", frozenset({P.VIEW_REGISTRY, P.VERIFY_HOUSEHOLDS})),
    "investigator": (
        "办案民警",
        frozenset(
            {
                P.VIEW_ALERTS,
                P.VIEW_REGISTRY,
                P.VIEW_CASES,
                P.EDIT_CASES,
                P.HANDLE_PROPERTY,
                P.MANAGE_WATCHLIST,
                P.UNMASK_PERSONAL_DATA,
                P.EXPORT,
            }
        ),
    ),
    "supervisor": ("所领导", _OPERATIONS),
    "system_admin": ("系统管理员", frozenset({P.MANAGE_USERS, P.CONFIGURE_STATION})),
    "security_admin": ("安全管理员", frozenset({P.MANAGE_SECURITY})),
    "audit_admin": ("审计管理员", frozenset({P.READ_AUDIT})),
    "system": ("外部系统", frozenset({P.INGEST_EVENTS, P.VIEW_ALERTS, P.MANAGE_WATCHLIST, P.EXPORT})),
}

# Roles that see only the households of their own grid cells (console.services.registry.scope).
SCOPED_TO_OWN_GRID_CELLS = frozenset({"community_officer"})

# Roles a person signs in with (``system`` is for device feeds and scripts).
PERSON_ROLES = tuple(name for name in DEFAULT_ROLES if name != "system")


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service method acts."""

    user_id: int | None
    username: str
    display_name: str
    role: str
    permissions: frozenset[Permission]
    os_user: str = ""  # the operating-system user behind the command line's integration account

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Raise PermissionDenied unless the role allows ``permission`` (the service that called
        this writes the refusal to the audit log: ``console.services.base``)."""
        if permission not in self.permissions:
            refused = PermissionDenied(
                "auth.user_lacks_permission", user=self.display_name, permission=permission.value
            )
            refused.actor = self
            raise refused


def system_actor(name: str = "system") -> Actor:
    """The actor for command-line tools and device feeds that act without a person signed in."""
    title, perms = DEFAULT_ROLES["system"]
    return Actor(None, name, title, "system", perms)
