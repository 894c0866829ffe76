"""`duty-console serve-events [--host H] [--port P] --token-file F`: HTTP endpoint for events."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.commands import settings_and_engine
from console.db import describe, session_factory
from console.errors import UserError
from console.security import system_actor
from console.services.intake import IngestService, make_server


def read_token(path: str) -> str:
    """The bearer token: the file's content without surrounding whitespace; refuses missing/empty."""
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise UserError(f"无法读取令牌文件 {path!r}: {reason} (cannot read the token file)") from None
    if not token:
        raise UserError(f"令牌文件 {path!r} 为空, 拒绝启动 (the token file is empty)")
    return token


def main(args: argparse.Namespace) -> int:
    token = read_token(args.token_file)
    _, engine = settings_and_engine(args)
    try:
        service = IngestService(session_factory(engine))
        try:
            server = make_server(args.host, args.port, token, service, system_actor("serve-events"))
        except OSError as exc:
            raise UserError(f"无法监听 {args.host}:{args.port}: {exc.strerror} (cannot listen)") from None
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
