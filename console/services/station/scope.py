"""Which households an actor may see: community officers only their own grid cells' (MLPS 2.0
least privilege). Everyone else with the registry permission sees the whole district.

A community officer's account is linked to an officer (``app_user.officer_id``); the grid cells
that officer keeps (``grid_cell.officer_id``) give the communities. An account that is not linked
sees no household at all — the scope fails closed, never open.
"""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from console.errors import PermissionDenied
from console.models import Community, GridCell, User
from console.security import SCOPED_TO_OWN_GRID_CELLS, Actor


def community_scope(conn: Connection | Session, actor: Actor) -> frozenset[int] | None:
    """The community ids ``actor`` may see households of, or None for all of them."""
    if actor.role not in SCOPED_TO_OWN_GRID_CELLS:
        return None
    if actor.user_id is None:
        return frozenset()
    officer = conn.execute(select(User.officer_id).where(User.id == actor.user_id)).scalar()
    if officer is None:
        return frozenset()
    rows = conn.execute(
        select(Community.id).join(GridCell, GridCell.id == Community.grid_cell_id).where(GridCell.officer_id == officer)
    )
    return frozenset(int(r[0]) for r in rows)


def require_in_scope(scope: frozenset[int] | None, actor: Actor, community_id: int) -> None:
    """PermissionDenied (audited by the calling service) for a household outside the actor's cells."""
    if scope is not None and community_id not in scope:
        refused = PermissionDenied("auth.outside_own_grid_cells", user=actor.display_name)
        refused.actor = actor
        raise refused
