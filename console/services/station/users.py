"""Users and roles: ensuring the default roles exist, signing in, the demo duty officer."""

from __future__ import annotations

from sqlalchemy import select

from console.errors import UserError
from console.models import Role, User
from console.security import DEFAULT_ROLES, Actor, Permission
from console.services.base import Service, write_audit

DEMO_USERNAME = "demo"


def actor_of(user: User, role: Role) -> Actor:
    """The actor a signed-in user acts as: their role's permissions as stored."""
    perms = frozenset(Permission(p) for p in role.permissions.split() if p in Permission.__members__.values())
    return Actor(user.id, user.username, user.display_name, role.name, perms)


class UserService(Service):
    def ensure_default_roles(self) -> None:
        """Create the default roles that are missing (never overwrites a station's edits)."""
        with self._write() as s:
            existing = set(s.scalars(select(Role.name)))
            for name, (title, perms) in DEFAULT_ROLES.items():
                if name not in existing:
                    s.add(Role(name=name, title=title, permissions=" ".join(sorted(p.value for p in perms))))

    def ensure_user(
        self, username: str, display_name: str, role: str, officer_id: int | None = None
    ) -> Actor:
        """The user ``username``, created with ``role`` if absent (demo data, first start)."""
        self.ensure_default_roles()
        with self._write() as s:
            role_row = s.scalars(select(Role).where(Role.name == role)).one()
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None:
                user = User(
                    username=username, display_name=display_name, role_id=role_row.id, officer_id=officer_id
                )
                s.add(user)
                s.flush()
            else:
                role_row = s.get_one(Role, user.role_id)
            return actor_of(user, role_row)

    def demo_sign_in(self) -> Actor:
        """Demo mode signs in the demo duty officer without a password."""
        actor = self.ensure_user(DEMO_USERNAME, "值班民警(演示)", "duty_officer")
        with self._write() as s:
            write_audit(s, actor, "sign_in", "app_user", actor.user_id, self._clock, mode="demo")
        return actor

    def actor_for(self, username: str) -> Actor:
        with self._write() as s:
            row = s.execute(
                select(User, Role).join(Role, Role.id == User.role_id).where(User.username == username)
            ).one_or_none()
            if row is None or not row[0].active:
                raise UserError("user.not_found", username=repr(username))
            return actor_of(row[0], row[1])
