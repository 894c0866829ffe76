"""A throwaway PostgreSQL cluster of the tests' own, on a free port, that a test may stop or kill.

Tests that take the database away must never touch the machine's shared server: this starts a
new cluster with ``initdb`` and ``pg_ctl`` (found through ``pg_config --bindir``) in a temporary
folder, with trust authentication on 127.0.0.1 only. As root (CI), the cluster runs as the
``postgres`` system user, since PostgreSQL refuses to run as root.

    with ThrowawayCluster(tmp_path) as cluster:
        url = cluster.url            # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        cluster.kill()               # immediate shutdown: what a crash or power cut does
        cluster.start()              # back, same data, same port
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import pytest


def _bindir() -> Path | None:
    for candidate in (shutil.which("pg_config"),):
        if candidate:
            try:
                out = subprocess.run([candidate, "--bindir"], capture_output=True, text=True, check=True)
            except (OSError, subprocess.CalledProcessError):
                continue
            path = Path(out.stdout.strip())
            if (path / "initdb").exists() and (path / "pg_ctl").exists():
                return path
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for path in versions:
        if (path / "initdb").exists():
            return path
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cluster_folder() -> Path:
    """A new folder for a cluster, directly in the system's temporary folder.

    Not under pytest's ``tmp_path``: as root the server runs as ``postgres``, which must be able
    to enter every folder above its data, and each pytest run that starts on the machine (another
    session's, say) makes ``/tmp/pytest-of-root`` private again, locking a running cluster out of
    its own data directory mid-test ("could not access directory ...: Permission denied").
    """
    return Path(tempfile.mkdtemp(prefix="duty-console-pg-"))


def available() -> bool:
    return _bindir() is not None


class ThrowawayCluster:
    """One cluster in ``folder``; ``start`` / ``stop`` / ``kill`` may be called any number of times."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        bindir = _bindir()
        if bindir is None:
            if os.environ.get("DUTY_CONSOLE_REQUIRE_PG") == "1":
                pytest.fail("initdb and pg_ctl not found (pg_config --bindir); install PostgreSQL's server")
            pytest.skip("initdb and pg_ctl not found: PostgreSQL's server programs are not installed")
        self.bindir = bindir
        self.folder = Path(folder)
        self.data = self.folder / "pgdata"
        self.socket_dir = self.folder / "socket"
        self.port = port or free_port()
        self._as_postgres = os.geteuid() == 0
        self._init()

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def database_url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    # ------------------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def _init(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        if self._as_postgres:
            # runuser needs to reach the folder; the temporary folder above may be root's only.
            for part in [self.folder, *self.folder.parents]:
                if part == Path("/"):
                    break
                mode = part.stat().st_mode
                if not mode & 0o001:
                    part.chmod(mode | 0o001)
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.socket_dir}'\n"
                "max_connections = 200\nfsync = off\nfull_page_writes = off\n"
                "shared_buffers = 32MB\nlogging_collector = off\n"
            )

    def start(self, timeout: float = 30.0) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-w", "-t", str(int(timeout)), "start")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.is_up():
                return
            time.sleep(0.1)
        raise RuntimeError(f"throwaway PostgreSQL on port {self.port} did not come up")

    def is_up(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """A clean shutdown (sessions are ended)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def kill(self) -> None:
        """An immediate shutdown: no checkpoint, clients cut off, crash recovery on the next start."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def restart(self) -> None:
        self.kill()
        self.start()

    def __enter__(self) -> ThrowawayCluster:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def throwaway_pg() -> object:
    """A running throwaway cluster (see the module's docstring); removed after the test."""
    with ThrowawayCluster(cluster_folder()) as cluster:
        yield cluster
