"""`serve-events` listens beyond 127.0.0.1 only with TLS (--cert and --key), and then speaks HTTPS."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

from console import cli
from console.db import open_database
from console.models import Community, Station

TOKEN = "tls-test-token"
ALL_INTERFACES = "0.0.0.0"  # noqa: S104 - the very address the command must guard


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    path = tmp_path / "token"
    path.write_text(TOKEN, encoding="utf-8")
    return path


@pytest.fixture
def station_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'station.db'}"
    engine = open_database(url)
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        c.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
    engine.dispose()
    return url


@pytest.fixture
def cert_and_key(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with the openssl tool."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl tool is needed to make a test certificate")
    cert, key = tmp_path / "events.crt", tmp_path / "events.key"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.mark.parametrize("host", [ALL_INTERFACES, "192.168.10.5", "::", "events.station.local"])
def test_a_network_address_without_tls_is_refused_in_one_line(
    host: str, token_file: Path, station_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        ["--db", station_db, "serve-events", "--host", host, "--port", "0", "--token-file", str(token_file)]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert host in err and "--cert" in err and "--key" in err


def test_a_certificate_without_its_key_is_refused(
    token_file: Path, station_db: str, cert_and_key: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    cert, _ = cert_and_key
    argv = [
        "--db",
        station_db,
        "serve-events",
        "--host",
        ALL_INTERFACES,
        "--token-file",
        str(token_file),
        "--cert",
        str(cert),
    ]
    assert cli.main(argv) == 2
    assert "--key" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def tls_server(
    tmp_path: Path, token_file: Path, station_db: str, cert_and_key: tuple[Path, Path]
) -> Iterator[int]:
    """`serve-events --host 0.0.0.0 --cert --key` as a real process; yields its port."""
    cert, key = cert_and_key
    port = free_port()
    env = dict(os.environ, DUTY_CONSOLE_DB=station_db)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "console",
            "serve-events",
            "--host",
            ALL_INTERFACES,
            "--port",
            str(port),
            "--token-file",
            str(token_file),
            "--cert",
            str(cert),
            "--key",
            str(key),
        ],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert f"https://0.0.0.0:{port}/events" in first, first
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


def test_with_a_certificate_it_serves_https_on_the_network_address(
    tls_server: int, cert_and_key: tuple[Path, Path]
) -> None:
    cert, _ = cert_and_key
    context = ssl.create_default_context(cafile=str(cert))
    conn = http.client.HTTPSConnection("127.0.0.1", tls_server, context=context, timeout=10)
    body = {
        "source": "gate-camera",
        "external_id": "tls-1",
        "kind": "plate_read",
        "at": "2026-12-01T10:00:00+08:00",
        "community": "YZ",
        "plate": "闽D12345",
    }
    conn.request(
        "POST",
        "/events",
        body=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    response = conn.getresponse()
    answer = json.loads(response.read())
    conn.close()
    assert response.status == 200 and answer["status"] == "accepted"

    plain = http.client.HTTPConnection("127.0.0.1", tls_server, timeout=10)
    with pytest.raises((http.client.HTTPException, ConnectionError, OSError)):
        plain.request("POST", "/events", body=b"{}", headers={"Authorization": f"Bearer {TOKEN}"})
        plain.getresponse().read()
    plain.close()
