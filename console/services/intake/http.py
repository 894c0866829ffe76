"""HTTP endpoint for events: ``POST /events`` with one event object or an array of them.

Served by aiohttp on an event loop of its own thread: connections cost a coroutine, not a
thread, and the listen backlog (``BACKLOG``) is sized for a few hundred devices connecting at
once. Every request must carry ``Authorization: Bearer <token>``; a wrong or missing token gets
401 and nothing is stored. Bodies over 1 MiB are refused with 413 before they are read. Answers
follow the ingest contract: one answer object for one event, an array of answers (same order)
for an array. Accepted events are committed before the response is written.

The blocking ingest runs in a bounded pool of ``WORKERS`` threads; at most ``MAX_WAITING``
requests (and ``MAX_WAITING_BYTES`` of their bodies) wait for a worker, more are answered 503
with ``Retry-After`` before their body is read. While the database is away (server down or
restarting, connection cut, SQLite locked beyond its busy timeout) every request is answered 503
with ``Retry-After`` and a message in both languages: no connection is closed without an answer,
and the sender may resend the same events (ingest is idempotent by ``(source, external_id)``).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import ssl
import threading
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from console.db import database_away
from console.errors import DatabaseUnavailable, ValidationError
from console.messages import bilingual
from console.security import Actor
from console.services.intake.ingest import IngestService
from console.services.intake.parsing import decode_json

if TYPE_CHECKING:  # aiohttp is imported when a server starts, not by every user of the intake
    from aiohttp import web

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
PATH = "/events"
SERVER_NAME = "duty-console-events/1"
WORKERS = 8  # threads running ingest (each holds one database connection while it works)
MAX_WAITING = 256  # requests admitted beyond those being worked on; more get 503
MAX_WAITING_BYTES = 64 * 1024 * 1024  # and their bodies together, so memory stays bounded
BACKLOG = 1024  # connections the kernel queues before they are accepted (the OS may cap it)
RETRY_AFTER_DATABASE = 2  # seconds a sender is asked to wait while the database is away
RETRY_AFTER_BUSY = 1  # seconds a sender is asked to wait while the workers are all taken
BODY_TIMEOUT = 30.0  # seconds a client may take to send its body
KEEPALIVE_TIMEOUT = 30.0  # seconds an idle kept-alive connection stays open
SHUTDOWN_TIMEOUT = 10.0  # seconds requests in progress get to finish when the server stops

Reply = tuple[HTTPStatus, Any, dict[str, str]]


class EventServer:
    """The endpoint: ``start()`` listens and serves from a thread of its own, ``stop()`` ends it.

    ``url`` and ``server_address`` tell where it listens once started (pass port 0 in tests).
    """

    def __init__(
        self,
        address: tuple[str, int],
        token: str,
        service: IngestService,
        actor: Actor,
        ssl_context: ssl.SSLContext | None = None,
        *,
        workers: int = WORKERS,
        max_waiting: int = MAX_WAITING,
        backlog: int = BACKLOG,
    ) -> None:
        if not token:
            raise ValueError("an empty token would let anyone in")
        self.address = address
        self.token = token.encode("utf-8")
        self.service = service
        self.actor = actor
        self.ssl_context = ssl_context
        self.workers = workers
        self.max_waiting = max_waiting
        self.backlog = backlog
        self._admitted = 0  # requests holding a place: being read, waiting for a worker or worked on
        self._admitted_bytes = 0
        self._pool: ThreadPoolExecutor | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._bound: tuple[str, int] | None = None
        self._away = False  # the last ingest found the database away (logged once per outage)
        self._state = threading.Lock()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Bind and start serving; returns once the port listens. OSError if it cannot listen."""
        if self._thread is not None:
            raise RuntimeError("the event server is already running")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="events-http", daemon=True)
        thread.start()
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="events-ingest")
        try:
            asyncio.run_coroutine_threadsafe(self._open(), loop).result()
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            loop.close()
            self._pool.shutdown(wait=False)
            self._pool = None
            raise
        self._loop, self._thread = loop, thread

    def stop(self) -> None:
        """Stop listening, let requests in progress finish (their events are committed), end the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._close(), loop).result(SHUTDOWN_TIMEOUT + 5)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            loop.close()
            if self._pool is not None:
                self._pool.shutdown(wait=True)
            self._loop = self._thread = self._pool = None

    async def _open(self) -> None:
        from aiohttp import web

        logging.getLogger("aiohttp.server").addFilter(_QUIET)  # once: filters are a set

        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(
            app,
            handle_signals=False,
            keepalive_timeout=KEEPALIVE_TIMEOUT,
            shutdown_timeout=SHUTDOWN_TIMEOUT,
        )
        await runner.setup()
        host, port = self.address
        site = web.TCPSite(runner, host, port, ssl_context=self.ssl_context, backlog=self.backlog)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        bound = runner.addresses[0]
        self._bound = (str(bound[0]), int(bound[1]))

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def server_address(self) -> tuple[str, int]:
        """(host, port) actually bound; before ``start()`` the address asked for."""
        return self._bound or self.address

    @property
    def url(self) -> str:
        port = self.server_address[1]
        host = self.address[0]  # as asked ("0.0.0.0" stays "0.0.0.0"): the address it listens on
        if ":" in host:
            host = f"[{host}]"
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://{host}:{port}{PATH}"

    # ------------------------------------------------------------------ one request

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.method != "POST":
            return _response(
                (HTTPStatus.METHOD_NOT_ALLOWED, {"error": f"请用 POST {PATH} (use POST)"}, {"Allow": "POST"})
            )
        if request.path != PATH:
            return _response(
                (HTTPStatus.NOT_FOUND, {"error": f"未知路径, 请用 POST {PATH} (unknown path)"}, {})
            )
        refused = self._refuse_before_reading(request)
        if refused is not None:
            return refused
        length = request.content_length or 0
        if not self._admit(length):
            return _response(
                (
                    HTTPStatus.SERVICE_UNAVAILABLE,
                    {"error": bilingual("intake.http.busy", seconds=RETRY_AFTER_BUSY)},
                    {"Retry-After": str(RETRY_AFTER_BUSY)},
                )
            )
        try:
            try:
                body = await asyncio.wait_for(request.read(), BODY_TIMEOUT)
            except TimeoutError:
                return _response(
                    (HTTPStatus.REQUEST_TIMEOUT, {"error": "请求体发送超时 (request body timed out)"}, {}),
                    close=True,
                )
            except (ConnectionError, OSError, asyncio.IncompleteReadError) as exc:
                log.info("client %s went away mid-request: %s", request.remote, exc)
                return _response(
                    (HTTPStatus.BAD_REQUEST, {"error": "请求体不完整 (incomplete body)"}, {}), close=True
                )
            loop = asyncio.get_running_loop()
            reply = await loop.run_in_executor(self._pool, self._ingest, body)
        finally:
            self._release(length)
        return _response(reply)

    def _refuse_before_reading(self, request: web.Request) -> web.StreamResponse | None:
        """411, 413 or 401 before a byte of the body is read; None when the request may go on."""
        if request.headers.get("Transfer-Encoding") or request.content_length is None:
            return _response(
                (HTTPStatus.LENGTH_REQUIRED, {"error": "需要 Content-Length (Content-Length required)"}, {}),
                close=True,
            )
        if request.content_length > MAX_BODY:
            return _response(
                (
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                    {"error": f"请求体超过 {MAX_BODY} 字节 (body larger than 1 MiB)"},
                    {},
                ),
                close=True,  # the unread body must not be taken for the next request
            )
        if not self._authorised(request.headers.get("Authorization", "")):
            return _response(
                (
                    HTTPStatus.UNAUTHORIZED,
                    {"error": "令牌无效或缺失 (missing or wrong bearer token)"},
                    {"WWW-Authenticate": 'Bearer realm="events"'},
                )
            )
        return None

    def _authorised(self, header: str) -> bool:
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(given.strip().encode("utf-8", "replace"), self.token)

    def _admit(self, length: int) -> bool:
        """Take a place for a request (runs on the loop's thread only); False when all are taken."""
        if self._admitted and (
            self._admitted >= self.workers + self.max_waiting
            or self._admitted_bytes + length > MAX_WAITING_BYTES
        ):
            return False
        self._admitted += 1
        self._admitted_bytes += length
        return True

    def _release(self, length: int) -> None:
        self._admitted -= 1
        self._admitted_bytes -= length

    def _ingest(self, body: bytes) -> Reply:
        """Decode and ingest one body (in a worker thread): the status, the JSON body, extra headers."""
        try:
            value = decode_json(body)
        except ValidationError as exc:
            return HTTPStatus.BAD_REQUEST, {"error": exc.message}, {}
        if isinstance(value, list):
            events, single = value, False
        elif isinstance(value, dict):
            events, single = [value], True
        else:
            return (
                HTTPStatus.BAD_REQUEST,
                {"error": "请求体应为一个事件对象或事件数组 (body must be an event object or an array)"},
                {},
            )
        try:
            answers = [a.as_dict() for a in self.service.ingest(events, self.actor)]
        except Exception as exc:
            return self._failure(exc)
        if self._away:
            with self._state:
                if self._away:
                    self._away = False
                    log.warning("database back: events are stored again")
        return HTTPStatus.OK, (answers[0] if single else answers), {}

    def _failure(self, exc: Exception) -> Reply:
        """The answer to a request whose ingest failed: 503 while the database is away, else 500."""
        if database_away(exc) or isinstance(exc, DatabaseUnavailable):  # a full disk: unavailable too
            with self._state:  # said once per outage, not once per request
                if not self._away:
                    self._away = True
                    log.warning("database away, answering 503 until it is back: %s", _one_line(exc))
            return (
                HTTPStatus.SERVICE_UNAVAILABLE,
                {"error": bilingual("intake.http.database_away", seconds=RETRY_AFTER_DATABASE)},
                {"Retry-After": str(RETRY_AFTER_DATABASE)},
            )
        log.error("ingest failed, answered 500", exc_info=exc)  # a bug: the traceback is wanted
        return HTTPStatus.INTERNAL_SERVER_ERROR, {"error": bilingual("intake.http.internal_error")}, {}


def _one_line(exc: BaseException) -> str:
    words = str(exc).strip().splitlines()
    return words[0] if words else type(exc).__name__


class _MalformedRequestsQuietly(logging.Filter):
    """aiohttp answers a malformed request (a bad Content-Length, say) with 400 itself, then logs it
    with a traceback as if it were a server error: a hostile sender could fill the log. One line."""

    def filter(self, record: logging.LogRecord) -> bool:
        from aiohttp.http_exceptions import HttpProcessingError

        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            log.info("malformed request refused with 400: %s", _one_line(exc))
            return False
        return True


_QUIET = _MalformedRequestsQuietly()


def _response(reply: Reply, *, close: bool = False) -> web.StreamResponse:
    from aiohttp import web

    status, body, extra = reply
    response = web.Response(
        status=int(status),
        body=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        content_type="application/json",
        charset="utf-8",
        headers={"Server": SERVER_NAME, **extra},
    )
    if close:
        response.force_close()
    return response


def make_server(
    host: str,
    port: int,
    token: str,
    service: IngestService,
    actor: Actor,
    ssl_context: ssl.SSLContext | None = None,
    **limits: int,
) -> EventServer:
    """The event server (not yet listening: call ``start()``); with ``ssl_context`` it speaks HTTPS only."""
    return EventServer((host, port), token, service, actor, ssl_context, **limits)
