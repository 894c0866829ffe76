"""`duty-console serve-events [--host H] [--port P] --token-file F`: HTTP endpoint for events."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.commands import open_services
from console.db import describe
from console.errors import UserError
from console.security import system_actor
from console.services.intake import make_server


def read_token(path: str) -> str:
    """The bearer token: the file's content without surrounding whitespace; refuses missing/empty."""
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise UserError("cli.token.unreadable", path=repr(path), reason=reason) from None
    if not token:
        raise UserError("cli.token.empty", path=repr(path))
    return token


def main(args: argparse.Namespace) -> int:
    token = read_token(args.token_file)
    _, engine, services = open_services(args)
    try:
        try:
            server = make_server(args.host, args.port, token, services.ingest, system_actor("serve-events"))
        except OSError as exc:
            raise UserError(
                "cli.serve.cannot_listen", host=args.host, port=args.port, reason=exc.strerror
            ) from None
        print(f"serve-events: 正在接收事件 {server.url} -> {describe(engine)} (Ctrl+C 停止)", file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return 0
    finally:
        engine.dispose()
