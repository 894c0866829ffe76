"""The HTTP endpoint, in-process on port 0: tokens, size limit, arrays, per-event answers."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import Community, Event, Station
from console.security import system_actor
from console.services.intake import MAX_BODY, EventServer, IngestService, make_server

TOKEN = "s3cret-token"


@pytest.fixture
def server(sessions: sessionmaker[Session], clock: FixedClock) -> Iterator[EventServer]:
    with sessions.begin() as s:
        s.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        s.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
    srv = make_server("127.0.0.1", 0, TOKEN, IngestService(sessions, clock), system_actor("http"))
    srv.start()
    yield srv
    srv.stop()


def event(n: int, clock: FixedClock, **fields: Any) -> dict[str, Any]:
    base = {
        "source": "gate-camera",
        "external_id": f"h{n}",
        "kind": "plate_read",
        "at": clock.now().isoformat(),
        "community": "YZ",
        "plate": "闽D12345",
    }
    base.update(fields)
    return base


def post(server: EventServer, body: bytes, token: str | None = TOKEN) -> tuple[int, Any]:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), int(port), timeout=10)
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    conn.request("POST", "/events", body=body, headers=headers)
    response = conn.getresponse()
    data = json.loads(response.read().decode("utf-8"))
    conn.close()
    return response.status, data


def stored(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.execute(select(func.count()).select_from(Event)).scalar_one()


def test_one_event_gets_one_answer(
    server: EventServer, clock: FixedClock, sessions: sessionmaker[Session]
) -> None:
    status, answer = post(server, json.dumps(event(1, clock)).encode())
    assert status == 200
    assert (
        answer["status"] == "accepted" and isinstance(answer["event_id"], int) and answer["alert_id"] is None
    )
    assert stored(sessions) == 1


def test_an_array_gets_answers_in_order(
    server: EventServer, clock: FixedClock, sessions: sessionmaker[Session]
) -> None:
    body = [
        event(1, clock),
        event(1, clock),
        event(2, clock, plate="闽D1"),
        42,
        event(3, clock, community="无此小区"),
    ]
    status, answers = post(server, json.dumps(body, ensure_ascii=False).encode())
    assert status == 200
    assert [a["status"] for a in answers] == ["accepted", "duplicate", "rejected", "rejected", "rejected"]
    assert answers[1]["event_id"] == answers[0]["event_id"]
    assert [a["error"]["field"] for a in answers[2:]] == ["plate", None, "community"]
    assert stored(sessions) == 1


@pytest.mark.parametrize("token", [None, "wrong", "", TOKEN + "x"])
def test_wrong_or_missing_token_is_401_and_stores_nothing(
    server: EventServer, clock: FixedClock, sessions: sessionmaker[Session], token: str | None
) -> None:
    status, answer = post(server, json.dumps(event(1, clock)).encode(), token=token)
    assert status == 401 and "error" in answer
    assert stored(sessions) == 0


def test_a_body_over_one_mib_is_refused_before_it_is_read(
    server: EventServer, sessions: sessionmaker[Session]
) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=10) as sock:
        head = (
            f"POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n["
        )
        sock.sendall(head.encode())  # only the first byte of the body is ever sent
        reply = sock.recv(65536).decode("utf-8", "replace")
    assert reply.startswith("HTTP/1.1 413")
    assert stored(sessions) == 0


def test_bad_json_or_a_non_event_body_is_400_with_a_message(server: EventServer) -> None:
    status, answer = post(server, b'{"source": ')
    assert status == 400 and "JSON" in answer["error"]
    status, answer = post(server, b'"just a string"')
    assert status == 400 and answer["error"]
    status, answer = post(server, b"\xff\xfe")
    assert status == 400 and "UTF-8" in answer["error"]


def test_only_post_to_events(server: EventServer) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), int(port), timeout=10)
    conn.request("GET", "/events")
    assert conn.getresponse().status == 405
    conn.close()
    conn = http.client.HTTPConnection(str(host), int(port), timeout=10)
    conn.request("POST", "/other", body=b"{}", headers={"Authorization": f"Bearer {TOKEN}"})
    assert conn.getresponse().status == 404
    conn.close()


def test_an_empty_token_refuses_to_start(sessions: sessionmaker[Session], clock: FixedClock) -> None:
    with pytest.raises(ValueError):
        make_server("127.0.0.1", 0, "", IngestService(sessions, clock), system_actor("http"))


def test_200_clients_at_once_are_all_answered_without_a_reset(
    server: EventServer, clock: FixedClock, sessions: sessionmaker[Session]
) -> None:
    """Devices reconnecting together after a network blink: every connection is accepted and answered.

    The standard library's server (listen queue 5) reset hundreds of these connections.
    """
    clients, requests, per_request = 200, 2, 5
    start = threading.Barrier(clients)
    statuses: list[int] = []
    answers: list[dict[str, Any]] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client(c: int) -> None:
        host, port = server.server_address
        try:
            start.wait(30)
            conn = http.client.HTTPConnection(host, port, timeout=60)
            for r in range(requests):  # two requests on one kept-alive connection
                body = [event(c * 100 + r * 10 + i, clock) for i in range(per_request)]
                conn.request(
                    "POST",
                    "/events",
                    body=json.dumps(body, ensure_ascii=False).encode(),
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
                )
                response = conn.getresponse()
                got = json.loads(response.read())
                with lock:
                    statuses.append(response.status)
                    answers.extend(got if isinstance(got, list) else [got])
            conn.close()
        except (OSError, http.client.HTTPException, threading.BrokenBarrierError) as exc:
            with lock:
                failures.append(f"client {c}: {exc!r}")

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert failures == []
    assert statuses == [200] * (clients * requests)
    assert len(answers) == clients * requests * per_request
    assert {a["status"] for a in answers} == {"accepted"}
    assert stored(sessions) == clients * requests * per_request
