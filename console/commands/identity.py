"""Who a command acts as, and how it reads a password.

Without ``--user`` a command acts as the integration account ``cli``, with only the permissions
that command needs and the operating-system user recorded beside it in the audit log (whoever
runs it holds the database already). With ``--user NAME`` it signs in as that user: the password
is asked on the terminal, or read from standard input with ``--password-stdin`` (for scripts) —
never taken from an argument, where other users of the machine could read it. A failed password
counts towards that account's lockout like a failed sign-in in the window.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from console.errors import UserError
from console.security import Actor, Permission

if TYPE_CHECKING:
    from console.services.container import Services


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): still auditable
        return "?"


def cli_actor(permissions: frozenset[Permission], title: str = "命令行") -> Actor:
    """The integration account ``cli`` holding ``permissions``, naming the operating-system user."""
    user = os_user()
    return Actor(None, "cli", f"{title} ({user})", "system", permissions, os_user=user)


def add_password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (for scripts) instead of the terminal",
    )


def read_password(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """The password from standard input (``--password-stdin``) or asked on the terminal."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise UserError("cli.password.empty_stdin")
        return password
    if not sys.stdin.isatty():
        raise UserError("cli.password.no_terminal")
    try:
        password = getpass.getpass(prompt)
        if confirm and getpass.getpass("再输入一次 (again): ") != password:
            raise UserError("password.mismatch")
    except EOFError:
        raise UserError("cli.password.no_terminal") from None
    return password


def signed_in(services: Services, args: argparse.Namespace) -> Actor:
    """The actor for ``--user NAME``, signed in with a password (counts towards the lockout)."""
    password = read_password(args, f"用户 {args.user} 的密码 (password): ")
    return services.accounts.sign_in(args.user, password)
