"""Accounts: the password rule, argon2id, lockout after 5 failures, one answer for every failure,
separated administrators, refusals in the audit log, and `duty-console user ...`."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from console import cli
from console.clock import FixedClock
from console.errors import PermissionDenied, UserError, ValidationError
from console.models import AuditLog, User
from console.security import Actor, Permission
from console.services.station import AccountService, AuditFilter, AuditService, UserService, check_password

GOOD = "Night-shift-GK-2026"


@pytest.fixture
def accounts(sessions: sessionmaker[Session], clock: FixedClock) -> AccountService:
    return AccountService(sessions, clock)


@pytest.fixture
def sysadmin(users: UserService) -> Actor:
    return users.ensure_user("root1", "系统管理员", "system_admin")


@pytest.fixture
def secadmin(users: UserService) -> Actor:
    return users.ensure_user("sec1", "安全管理员", "security_admin")


@pytest.fixture
def auditor(users: UserService) -> Actor:
    return users.ensure_user("aud1", "审计管理员", "audit_admin")


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short-1A", "password.too_short"),
        ("password123", "password.common"),
        ("1234567890", "password.common"),
        ("qwertyuiop", "password.common"),
        ("woaini1314520", "password.common"),  # a common Chinese one zxcvbn alone rates fair
        ("wangfang2026", "password.common"),  # the user's own name in it
    ],
)
def test_weak_passwords_are_refused_naming_the_rule(password: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_password(password, username="wangfang", display_name="王芳")
    assert (refused.value.field, refused.value.code) == ("password", code)


def test_passwords_are_stored_as_argon2id(
    accounts: AccountService, sysadmin: Actor, sessions: sessionmaker[Session]
) -> None:
    accounts.add_user(sysadmin, "wangfang", "王芳", "duty_officer", GOOD)
    with sessions() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "wangfang"))
    assert stored is not None and stored.startswith("$argon2id$") and GOOD not in stored
    assert accounts.sign_in("wangfang", GOOD).role == "duty_officer"


def test_five_failures_lock_the_account_until_the_security_administrator_unlocks_it(
    accounts: AccountService, sysadmin: Actor, secadmin: Actor, sessions: sessionmaker[Session]
) -> None:
    accounts.add_user(sysadmin, "wangfang", "王芳", "duty_officer", GOOD)
    for _ in range(5):
        with pytest.raises(UserError) as failed:
            accounts.sign_in("wangfang", "not-the-password")
    with pytest.raises(UserError) as sixth:
        accounts.sign_in("wangfang", GOOD)  # the right password, on the 6th attempt
    # One answer for a wrong password, a locked account and a user who does not exist.
    with pytest.raises(UserError) as stranger:
        accounts.sign_in("nobody-here", GOOD)
    assert failed.value.code == sixth.value.code == stranger.value.code == "auth.failed"
    assert failed.value.params == sixth.value.params == stranger.value.params
    assert next(a for a in accounts.list_users(sysadmin) if a.username == "wangfang").locked
    with pytest.raises(PermissionDenied):
        accounts.unlock(sysadmin, "wangfang")  # the system administrator may not unlock
    accounts.unlock(secadmin, "wangfang")
    assert accounts.sign_in("wangfang", GOOD).username == "wangfang"
    with sessions() as s:
        outcomes = s.execute(
            select(AuditLog.action, AuditLog.outcome)
            .where(AuditLog.username == "wangfang")
            .order_by(AuditLog.id)
        ).all()
    assert outcomes.count(("sign_in", "failed")) == 5
    assert ("account_locked", "ok") in outcomes and ("sign_in", "locked") in outcomes
    assert outcomes[-1] == ("sign_in", "ok")


def test_failures_more_than_15_minutes_apart_do_not_add_up(
    accounts: AccountService, sysadmin: Actor, sessions: sessionmaker[Session]
) -> None:
    accounts.add_user(sysadmin, "wangfang", "王芳", "duty_officer", GOOD)
    for _ in range(4):
        with pytest.raises(UserError):
            accounts.sign_in("wangfang", "wrong-password")
    with sessions.begin() as s:  # the four failures were 16 minutes ago
        s.execute(
            update(User)
            .where(User.username == "wangfang")
            .values(failed_since=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
        )
    with pytest.raises(UserError):
        accounts.sign_in("wangfang", "wrong-password")
    assert accounts.sign_in("wangfang", GOOD).username == "wangfang"


def test_the_three_administrators_are_separated(
    accounts: AccountService,
    sysadmin: Actor,
    secadmin: Actor,
    auditor: Actor,
    sessions: sessionmaker[Session],
) -> None:
    audit = AuditService(sessions)
    # The one who manages accounts can neither read the audit log nor see residents' data.
    with pytest.raises(PermissionDenied):
        audit.entries(sysadmin, AuditFilter())
    assert not sysadmin.can(Permission.UNMASK_PERSONAL_DATA) and not sysadmin.can(Permission.VIEW_REGISTRY)
    # The auditor reads the log but cannot create accounts.
    with pytest.raises(PermissionDenied):
        accounts.add_user(auditor, "x1", "X", "duty_officer", GOOD)
    assert [e.outcome for e in audit.entries(auditor, AuditFilter(username="root1"))] == ["refused"]
    with pytest.raises(PermissionDenied):
        accounts.add_user(secadmin, "x2", "X", "duty_officer", GOOD)


def test_every_refusal_is_in_the_audit_log(
    accounts: AccountService, duty_officer: Actor, auditor: Actor, sessions: sessionmaker[Session]
) -> None:
    with pytest.raises(PermissionDenied):
        accounts.add_user(duty_officer, "x1", "X", "duty_officer", GOOD)
    refused = AuditService(sessions).entries(auditor, AuditFilter(username="zhang"))
    assert [(e.action, e.outcome) for e in refused] == [("add_user", "refused")]
    assert "manage_users" in refused[0].detail


def test_cli_user_add_passwd_unlock_list(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return cli.main(["--db", db_url, "user", *argv])

    assert (
        run(
            "add",
            "wangfang",
            "--role",
            "duty_officer",
            "--name",
            "王芳",
            "--password-stdin",
            stdin=GOOD + "\n",
        )
        == 0
    )
    added = json.loads(capsys.readouterr().out)
    assert added["username"] == "wangfang" and added["role"] == "duty_officer" and added["password_set"]
    # A weak password is refused with the field and the rule; no password on a terminal: one line.
    assert run("passwd", "wangfang", "--password-stdin", stdin="password123\n") == 2
    assert "password" in capsys.readouterr().err
    assert run("passwd", "wangfang") == 2
    err = capsys.readouterr().err
    assert "--password-stdin" in err and "Traceback" not in err
    assert run("passwd", "wangfang", "--password-stdin", stdin="Another-long-GK-pass\n") == 0
    assert run("unlock", "wangfang") == 0
    capsys.readouterr()
    assert run("list") == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [a["username"] for a in listed] == ["wangfang"]
    assert "hash" not in json.dumps(listed)


def test_a_deactivated_account_can_no_longer_sign_in_and_only_the_system_administrator_closes_one(
    accounts: AccountService, sysadmin: Actor, secadmin: Actor, sessions: sessionmaker[Session]
) -> None:
    accounts.add_user(sysadmin, "wang.li", "王力", "duty_officer", GOOD)
    assert accounts.sign_in("wang.li", GOOD).username == "wang.li"
    with pytest.raises(PermissionDenied):
        accounts.deactivate(secadmin, "wang.li")
    with pytest.raises(UserError) as own:
        accounts.deactivate(sysadmin, sysadmin.username)
    assert own.value.code == "user.deactivate_self"
    accounts.deactivate(sysadmin, "wang.li")
    with pytest.raises(UserError) as refused:
        accounts.sign_in("wang.li", GOOD)
    assert refused.value.code == "auth.failed"  # the same answer as a wrong password
    listed = {a.username: a for a in accounts.list_users(sysadmin)}
    assert not listed["wang.li"].active
    with sessions() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.username == sysadmin.username)).all()
    assert "user_deactivate" in actions


def test_an_unknown_user_is_checked_against_a_hash_made_like_a_real_one() -> None:
    # The fixed dummy hash (no hashing at import, for start-up) must cost what a stored password
    # costs to verify: same argon2id parameters as new hashes, so "no such user" is not faster.
    from console.services.station import accounts as module

    assert module._DUMMY_HASH.startswith("$argon2id$")
    assert not module._hasher.check_needs_rehash(module._DUMMY_HASH)
    with pytest.raises(Exception, match="not match"):
        module._hasher.verify(module._DUMMY_HASH, GOOD)
