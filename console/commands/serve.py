"""`duty-console serve-events [--host H] [--port P] --token-file F [--cert C --key K]`: endpoint for events.

Plain HTTP only on the loopback address; any other address needs a certificate and key and
serves HTTPS, so the bearer token and residents' data never cross the station network in clear.
"""

from __future__ import annotations

import argparse
import ipaddress
import signal
import ssl
import sys
import threading
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


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and "localhost"; any other name or address reaches the network."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def tls_context(host: str, cert: str | None, key: str | None) -> ssl.SSLContext | None:
    """The server's TLS context; None on loopback without a certificate; refuses the network in clear."""
    if not cert and not key:
        if is_loopback(host):
            return None
        raise UserError("cli.serve.needs_tls", host=host)
    if not cert or not key:
        raise UserError("cli.serve.needs_tls", host=host)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError("cli.serve.tls_unusable", cert=repr(cert), key=repr(key), reason=reason) from None
    return context


def main(args: argparse.Namespace) -> int:
    context = tls_context(args.host, getattr(args, "cert", None), getattr(args, "key", None))
    token = read_token(args.token_file)
    _, engine, services = open_services(args)
    try:
        server = make_server(
            args.host,
            args.port,
            token,
            services.ingest,
            system_actor("serve-events"),
            ssl_context=context,
        )
        # Ctrl+C is how it is meant to stop, and SIGTERM (a service manager's stop) the same way:
        # requests in flight are answered, the database is closed, the exit status is 0. The
        # handlers only set a flag, so a signal arriving at any moment (even while the line below
        # is printed) cannot interrupt anything half-way. Set before the line saying it listens,
        # which is what a supervisor waits for.
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda _signum, _frame: stopping.set())
        try:
            server.start()
        except OSError as exc:
            raise UserError(
                "cli.serve.cannot_listen", host=args.host, port=args.port, reason=exc.strerror or str(exc)
            ) from None
        print(
            f"serve-events: 正在接收事件 {server.url} -> {describe(engine)} (Ctrl+C 停止)",
            file=sys.stderr,
            flush=True,
        )
        try:
            while not stopping.wait(0.5):
                pass
        finally:
            server.stop()
        return 0
    finally:
        engine.dispose()
