"""`duty-console export (alerts|events|households|cases|dispatches) [--since ISO] [--format jsonl|csv] [--out FILE]
[--unmask --user NAME]` (contracts/cli.md). Masked unless an authorised user gives their password."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import TextIO

from console.commands import identity, open_services
from console.commands.ingest import utf8_stdout
from console.errors import UserError
from console.security import Actor, Permission, system_actor


def parse_since(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        since = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise UserError("cli.since.not_iso", value=repr(value)) from None
    if since.tzinfo is None:
        raise UserError("cli.since.no_offset")
    return since


def main(args: argparse.Namespace) -> int:
    utf8_stdout()
    if args.unmask and not args.user:
        raise UserError("cli.unmask.needs_user")
    since = parse_since(args.since)
    _, engine, services = open_services(args)
    try:
        service = services.export
        actor: Actor = system_actor("export")
        if args.unmask:
            actor = identity.signed_in(services, args)
            if not actor.can(Permission.UNMASK_PERSONAL_DATA):
                raise UserError("cli.unmask.role_may_not_unmask", user=args.user)
            if not actor.can(Permission.EXPORT):
                raise UserError("cli.unmask.role_may_not_export", user=args.user)
        out: TextIO
        if args.out:
            try:
                out = open(args.out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise UserError("cli.file.cannot_write", path=repr(args.out), reason=exc.strerror) from None
        else:
            out = sys.stdout
        try:
            count = service.export(actor, args.what, out, since=since, fmt=args.format, unmask=args.unmask)
        except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        finally:
            if out is not sys.stdout:
                out.close()
            else:
                out.flush()
        print(
            f"export: {count} 条 {args.what} ({count} records){' 明文 (unmasked)' if args.unmask else ''}",
            file=sys.stderr,
        )
        return 0
    finally:
        engine.dispose()
