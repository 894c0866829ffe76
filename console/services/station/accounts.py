"""Accounts: signing in with a password, lockout, the password rule, and who manages accounts.

CJIS and MLPS 2.0 level 3 set the rules kept here:
- passwords are hashed with argon2id; at least 10 characters, and not a common or easily guessed
  one (zxcvbn's estimate, told the station's own common words);
- 5 failed sign-ins within 15 minutes lock the account until the security administrator unlocks
  it — the 6th attempt fails even with the right password;
- an unknown user name, a wrong password and a locked account get the same answer, after the
  same work, so a message never tells which user names exist;
- every sign-in, failure, lock, unlock, new account and password change is in the audit log.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.errors import UserError, ValidationError
from console.models import Role, User
from console.security import DEFAULT_ROLES, PERSON_ROLES, Actor, Permission
from console.services.base import Service, server_time, write_audit
from console.services.station.users import UserService, actor_of

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
LOCK_AFTER_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
USERNAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,31}")
# Words zxcvbn does not know but a station's staff would reach for first.
STATION_WORDS = (
    "woaini", "aini", "1314", "520", "5201314", "woaini1314", "jingcha", "gongan", "paichusuo",
    "zhiban", "duty", "console", "police", "110", "gk", "guankou", "jimei", "xiamen", "qwer", "asdf",
)  # fmt: skip

_hasher = PasswordHasher()  # argon2id with the library's current parameters
# Verified against when the user name is unknown, so that answer takes as long as a wrong password.
# A fixed hash, not one made at import: hashing costs 0.2-0.3 s of every start-up. Its parameters
# must stay those of _hasher (a test checks check_needs_rehash), or the timing would differ.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$SJ1PKXDXulLifDoLlo1yPA$gqfpDmh7kbKHaqBEo2KHhtLJ7xYqCaXpDUGGrapoSc0"
)


@dataclass(frozen=True)
class Account:
    """One account as the administrators' list shows it (never the hash)."""

    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool
    locked: bool
    failed_sign_ins: int


def check_password(password: str, *, username: str = "", display_name: str = "") -> None:
    """Raise ValidationError (field ``password``) unless ``password`` meets the station's rule."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", "password.too_short", min=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password", "password.too_long", max=MAX_PASSWORD_LENGTH)
    from zxcvbn import zxcvbn  # its dictionaries take a moment to load: only when a password is set

    hints = [w for w in (username, display_name, *STATION_WORDS) if w]
    if zxcvbn(password, user_inputs=hints)["score"] < 3:
        raise ValidationError("password", "password.common")


class AccountService(Service):
    # ------------------------------------------------------------------ signing in

    def sign_in(self, username: str, password: str) -> Actor:
        """The actor for ``username`` if the password matches and the account is not locked.

        Otherwise ``UserError("auth.failed")`` — the same for every reason. Failures are counted
        towards the lockout and audited; the counter and the audit row are committed even though
        the caller gets an error.
        """
        with self._write_locked() as s:
            now = server_time(s)
            row = s.execute(
                select(User, Role).join(Role, Role.id == User.role_id).where(User.username == username)
            ).one_or_none()
            if row is None or not row[0].active or not row[0].password_hash:
                _verify(_DUMMY_HASH, password)
                stranger = Actor(None, username[:32], username[:32], "", frozenset())
                write_audit(s, stranger, "sign_in", "app_user", None, self._clock, outcome="failed")
                actor = None
            else:
                user, role = row
                actor = self._check(s, user, role, password, now)
        if actor is None:
            raise UserError("auth.failed", attempts=LOCK_AFTER_FAILURES)
        return actor

    def _check(self, s: Session, user: User, role: Role, password: str, now: dt.datetime) -> Actor | None:
        actor = actor_of(user, role)
        if user.locked_at is not None:
            _verify(_DUMMY_HASH, password)
            write_audit(s, actor, "sign_in", "app_user", user.id, self._clock, outcome="locked")
            return None
        if _verify(user.password_hash, password):
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.failed_logins, user.failed_since = 0, None
            write_audit(s, actor, "sign_in", "app_user", user.id, self._clock)
            return actor
        since = user.failed_since
        if since is None or now - since > FAILURE_WINDOW:
            user.failed_logins, user.failed_since = 1, now
        else:
            user.failed_logins += 1
        write_audit(s, actor, "sign_in", "app_user", user.id, self._clock, outcome="failed")
        if user.failed_logins >= LOCK_AFTER_FAILURES:
            user.locked_at = now
            write_audit(
                s, actor, "account_locked", "app_user", user.id, self._clock, failures=user.failed_logins
            )
        return None

    # ------------------------------------------------------------------ first start

    def needs_first_admin(self) -> bool:
        """True while no system administrator can sign in (a new, real database)."""
        with self._read() as conn:
            count = conn.execute(
                select(func.count())
                .select_from(User)
                .join(Role, Role.id == User.role_id)
                .where(Role.name == "system_admin", User.active.is_(True), User.password_hash != "")
            ).scalar_one()
        return count == 0

    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        """Create the system administrator on a database that has none (refused otherwise)."""
        if not self.needs_first_admin():
            raise UserError("auth.first_admin_exists")
        setup = Actor(None, "setup", "首次启动", "", frozenset({Permission.MANAGE_USERS}))
        self.add_user(setup, username, display_name, "system_admin", password)
        return self.sign_in(username, password)

    def provision(self, username: str, display_name: str, role: str, password: str) -> None:
        """Create or reset an account without an administrator (the demo district's accounts)."""
        setup = Actor(None, "setup", "演示数据", "", frozenset({Permission.MANAGE_USERS}))
        if self._exists(username):
            self.set_password(setup, username, password)
        else:
            self.add_user(setup, username, display_name, role, password)

    # ------------------------------------------------------------------ administration

    def add_user(self, actor: Actor, username: str, display_name: str, role: str, password: str) -> Account:
        actor.require(Permission.MANAGE_USERS)
        username = username.strip().lower()
        if not USERNAME.fullmatch(username):
            raise ValidationError("username", "user.name_rule")
        display_name = display_name.strip() or username
        if len(display_name) > 50:
            raise ValidationError("display_name", "validation.too_long", max=50)
        if role not in PERSON_ROLES:
            raise ValidationError("role", "validation.one_of", choices=" | ".join(PERSON_ROLES))
        check_password(password, username=username, display_name=display_name)
        UserService(self._sessions, self._clock).ensure_default_roles()
        with self._write_locked() as s:
            if s.scalar(select(User.id).where(User.username == username)) is not None:
                raise ValidationError("username", "user.exists", username=username)
            role_row = s.scalars(select(Role).where(Role.name == role)).one()
            user = User(
                username=username,
                display_name=display_name,
                role_id=role_row.id,
                password_hash=_hasher.hash(password),
            )
            s.add(user)
            s.flush()
            write_audit(s, actor, "user_add", "app_user", user.id, self._clock, username=username, role=role)
            return _account(user, role_row)

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """A user sets their own password; the system administrator sets anyone's."""
        if actor.username != username:
            actor.require(Permission.MANAGE_USERS)
        with self._write_locked() as s:
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None:
                raise UserError("user.not_found", username=repr(username))
            check_password(password, username=username, display_name=user.display_name)
            user.password_hash = _hasher.hash(password)
            write_audit(s, actor, "password_change", "app_user", user.id, self._clock)

    def link_officer(self, actor: Actor, username: str, officer_id: int | None) -> None:
        """Tie an account to the officer it belongs to (a community officer then sees the
        households of that officer's grid cells); None unties it."""
        actor.require(Permission.MANAGE_USERS)
        with self._write_locked() as s:
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None:
                raise UserError("user.not_found", username=repr(username))
            user.officer_id = officer_id
            write_audit(
                s, actor, "user_link_officer", "app_user", user.id, self._clock, officer_id=officer_id
            )

    def unlock(self, actor: Actor, username: str) -> None:
        """The security administrator lifts a lockout (and the failure count)."""
        actor.require(Permission.MANAGE_SECURITY)
        with self._write_locked() as s:
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None:
                raise UserError("user.not_found", username=repr(username))
            was_locked = user.locked_at is not None
            user.locked_at, user.failed_logins, user.failed_since = None, 0, None
            write_audit(s, actor, "account_unlock", "app_user", user.id, self._clock, was_locked=was_locked)

    def deactivate(self, actor: Actor, username: str) -> None:
        """The system administrator closes an account: it can no longer sign in (kept for the audit
        log, which names it). Closing one's own account is refused: the station would lose its
        administrator."""
        actor.require(Permission.MANAGE_USERS)
        if actor.username == username:
            raise UserError("user.deactivate_self")
        with self._write_locked() as s:
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None:
                raise UserError("user.not_found", username=repr(username))
            was_active = bool(user.active)
            user.active = False
            write_audit(s, actor, "user_deactivate", "app_user", user.id, self._clock, was_active=was_active)

    def list_users(self, actor: Actor) -> list[Account]:
        if not (actor.can(Permission.MANAGE_USERS) or actor.can(Permission.MANAGE_SECURITY)):
            actor.require(Permission.MANAGE_USERS)
        with self._write() as s:
            rows = s.execute(
                select(User, Role).join(Role, Role.id == User.role_id).order_by(User.username)
            ).all()
            return [_account(u, r) for u, r in rows]

    def _exists(self, username: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(User.id).where(User.username == username)).first() is not None


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _account(user: User, role: Role) -> Account:
    return Account(
        user.username,
        user.display_name,
        role.name,
        bool(user.active),
        bool(user.password_hash),
        user.locked_at is not None,
        int(user.failed_logins or 0),
    )


ROLE_TITLES = {name: title for name, (title, _) in DEFAULT_ROLES.items()}
