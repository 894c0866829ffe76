"""HTTP endpoint for events: ``POST /events`` with one event object or an array of them.

Standard library only (``ThreadingHTTPServer``). Every request must carry
``Authorization: Bearer <token>``; a wrong or missing token gets 401 and nothing is stored.
Bodies over 1 MiB are refused with 413 before they are read. Answers follow the ingest
contract: one answer object for one event, an array of answers (same order) for an array.
Accepted events are committed before the response is written.
"""

from __future__ import annotations

import hmac
import json
import logging
import ssl
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sqlalchemy.exc import DBAPIError

from console.errors import ValidationError
from console.security import Actor
from console.services.intake.ingest import IngestService
from console.services.intake.parsing import decode_json

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
PATH = "/events"


class EventServer(ThreadingHTTPServer):
    """The server; ``server_address`` tells the port actually bound (pass port 0 in tests)."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        token: str,
        service: IngestService,
        actor: Actor,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if not token:
            raise ValueError("an empty token would let anyone in")
        self.token = token.encode("utf-8")
        self.service = service
        self.actor = actor
        self.ssl_context = ssl_context
        super().__init__(address, _Handler)
        if ssl_context is not None:
            # The handshake runs on the first read, in the request's own thread, so a client that
            # stalls mid-handshake cannot hold up the accept loop.
            self.socket = ssl_context.wrap_socket(
                self.socket, server_side=True, do_handshake_on_connect=False
            )

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that stalls or disconnects is logged, not printed as a traceback."""
        log.warning("request from %s failed", client_address, exc_info=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://{host}:{port}{PATH}"


def make_server(
    host: str,
    port: int,
    token: str,
    service: IngestService,
    actor: Actor,
    ssl_context: ssl.SSLContext | None = None,
) -> EventServer:
    """The event server; with ``ssl_context`` it speaks HTTPS only."""
    return EventServer((host, port), token, service, actor, ssl_context)


class _Handler(BaseHTTPRequestHandler):
    server: EventServer
    server_version = "duty-console-events/1"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may stall mid-request before its connection is dropped

    def do_POST(self) -> None:
        if self.path.split("?", 1)[0] != PATH:
            self._reply(
                HTTPStatus.NOT_FOUND, {"error": f"未知路径, 请用 POST {PATH} (unknown path)"}, close=True
            )
            return
        length = self._content_length()
        if length is None:
            return
        if not self._authorised():
            self._reply(
                HTTPStatus.UNAUTHORIZED,
                {"error": "令牌无效或缺失 (missing or wrong bearer token)"},
                close=True,
                extra={"WWW-Authenticate": 'Bearer realm="events"'},
            )
            return
        body = self.rfile.read(length)
        try:
            value = decode_json(body)
        except ValidationError as exc:
            self._reply(HTTPStatus.BAD_REQUEST, {"error": exc.message})
            return
        if isinstance(value, list):
            events, single = value, False
        elif isinstance(value, dict):
            events, single = [value], True
        else:
            self._reply(
                HTTPStatus.BAD_REQUEST,
                {"error": "请求体应为一个事件对象或事件数组 (body must be an event object or an array)"},
            )
            return
        try:
            answers = [a.as_dict() for a in self.server.service.ingest(events, self.server.actor)]
        except DBAPIError as exc:
            log.warning("database error while ingesting: %s", exc)
            self._reply(
                HTTPStatus.SERVICE_UNAVAILABLE, {"error": "数据库不可用, 请稍后重发 (database unavailable)"}
            )
            return
        self._reply(HTTPStatus.OK, answers[0] if single else answers)

    def do_GET(self) -> None:
        self._reply(
            HTTPStatus.METHOD_NOT_ALLOWED, {"error": f"请用 POST {PATH} (use POST)"}, extra={"Allow": "POST"}
        )

    do_PUT = do_DELETE = do_PATCH = do_GET

    # ------------------------------------------------------------------

    def _content_length(self) -> int | None:
        """The declared body length, or None after refusing the request (nothing read)."""
        if self.headers.get("Transfer-Encoding"):
            self._reply(
                HTTPStatus.LENGTH_REQUIRED,
                {"error": "需要 Content-Length (Content-Length required)"},
                close=True,
            )
            return None
        raw = self.headers.get("Content-Length")
        try:
            length = int(raw) if raw is not None else -1
        except ValueError:
            length = -1
        if length < 0:
            self._reply(
                HTTPStatus.LENGTH_REQUIRED,
                {"error": "需要 Content-Length (Content-Length required)"},
                close=True,
            )
            return None
        if length > MAX_BODY:
            self._reply(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                {"error": f"请求体超过 {MAX_BODY} 字节 (body larger than 1 MiB)"},
                close=True,
            )
            return None
        return length

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(given.strip().encode("utf-8", "replace"), self.server.token)

    def _reply(
        self, status: HTTPStatus, body: Any, *, close: bool = False, extra: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if close:  # the unread body must not be taken for the next request
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s - %s", self.address_string(), format % args)
