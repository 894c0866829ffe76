"""`duty-console user add|passwd|unlock|list`: accounts from the command line.

Whoever runs these holds the database already (its file, or its server's credentials), so they
act as the integration account ``cli`` with the account permissions, recorded in the audit log
beside the operating-system user. Passwords are asked on the terminal (twice) or read from
standard input with ``--password-stdin``; never taken from an argument.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from console.commands import identity, open_services
from console.security import PERSON_ROLES, Permission

PERMISSIONS = frozenset({Permission.MANAGE_USERS, Permission.MANAGE_SECURITY})


def add_parsers(sub: Any) -> None:
    user = sub.add_parser("user", help="accounts: add, set a password, unlock, list")
    user_sub = user.add_subparsers(dest="action", metavar="<action>", required=True)
    add = user_sub.add_parser("add", help="create an account; prints it as JSON")
    add.add_argument("username", help="1-32 lower-case letters, digits or _ . -")
    add.add_argument("--role", required=True, choices=PERSON_ROLES, help="the account's role")
    add.add_argument(
        "--name", default="", metavar="DISPLAY", help="the name the console shows (default: username)"
    )
    passwd = user_sub.add_parser("passwd", help="set an account's password")
    passwd.add_argument("username", help="the account whose password is set")
    for p in (add, passwd):
        identity.add_password_stdin(p)
    unlock = user_sub.add_parser("unlock", help="lift a lockout after failed sign-ins")
    unlock.add_argument("username", help="the locked account")
    user_sub.add_parser("list", help="every account, one JSON object per line (never a password hash)")


def main(args: argparse.Namespace) -> int:
    actor = identity.cli_actor(PERMISSIONS, "命令行账户管理")
    password = ""
    if args.action in ("add", "passwd"):
        # Asked before the database is opened, so a typo in the password costs no connection.
        password = identity.read_password(
            args, f"用户 {args.username} 的新密码 (new password): ", confirm=True
        )
    _, engine, services = open_services(args)
    try:
        accounts = services.accounts
        if args.action == "add":
            account = accounts.add_user(actor, args.username, args.name, args.role, password)
            print(json.dumps(_shown(account), ensure_ascii=False))
        elif args.action == "passwd":
            accounts.set_password(actor, args.username, password)
            print(json.dumps({"username": args.username, "password": "changed"}))
        elif args.action == "unlock":
            accounts.unlock(actor, args.username)
            print(json.dumps({"username": args.username, "locked": False}))
        else:
            for account in accounts.list_users(actor):
                print(json.dumps(_shown(account), ensure_ascii=False))
    finally:
        engine.dispose()
    return 0


def _shown(account: Any) -> dict[str, Any]:
    return {
        "username": account.username,
        "name": account.display_name,
        "role": account.role,
        "active": account.active,
        "password_set": account.has_password,
        "locked": account.locked,
        "failed_sign_ins": account.failed_sign_ins,
    }
