"""Which households an actor may see: community officers only their own grid cells' (MLPS 2.0
least privilege). Everyone else with the registry permission sees the whole district.

A community officer's account is linked to an officer (``app_user.officer_id``); the grid cells
that officer keeps (``grid_cell.officer_id``) give the communities. A community no grid cell
holds yet (a station still drawing its cells) is seen by every community officer until it is
assigned. An account that is not linked sees only those: never another officer's cells.
"""

from __future__ import annotations

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from console.errors import PermissionDenied
from console.models import Community, GridCell, User
from console.security import SCOPED_TO_OWN_GRID_CELLS, Actor


def community_scope(conn: Connection | Session, actor: Actor) -> frozenset[int] | None:
    """The community ids ``actor`` may see households of, or None for all of them."""
    if actor.role not in SCOPED_TO_OWN_GRID_CELLS:
        return None
    officer = None
    if actor.user_id is not None:
        officer = conn.execute(select(User.officer_id).where(User.id == actor.user_id)).scalar()
    own_cells = select(GridCell.id).where(GridCell.officer_id == officer) if officer is not None else None
    unassigned = Community.grid_cell_id.is_(None)
    where = unassigned if own_cells is None else or_(unassigned, Community.grid_cell_id.in_(own_cells))
    return frozenset(int(r[0]) for r in conn.execute(select(Community.id).where(where)))


def require_in_scope(scope: frozenset[int] | None, actor: Actor, community_id: int) -> None:
    """PermissionDenied (audited by the calling service) for a household outside the actor's cells."""
    if scope is not None and community_id not in scope:
        refused = PermissionDenied("auth.outside_own_grid_cells", user=actor.display_name)
        refused.actor = actor
        raise refused
