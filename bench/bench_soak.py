"""Soak: events at a steady rate, two consoles open on PostgreSQL, the database restarted again and again.

    python bench/bench_soak.py                # 30 minutes, 20 events/s, a restart every 5 minutes
    python bench/bench_soak.py --smoke        # 3 minutes, a restart every minute (CI runs this)

A throwaway PostgreSQL cluster of the bench's own (tests/pg_cluster.py; never the machine's
shared server) holds the demo district. ``duty-console serve-events`` takes the events over HTTP
from senders that resend on a 503 or a dropped connection, as the events contract asks of
them; two ``duty-console run`` consoles are open on the same database, offscreen. Every
``--restart-every`` seconds the cluster is killed (immediate shutdown: what a crash does) and
started again.

At the end it prints, and checks: every event sent is stored exactly once (0 lost, 0 duplicates),
no process printed a traceback, both consoles are still running and stop cleanly. Each console's
resident memory is sampled; growth is measured against the sample at the end of the first sixth
of the run (5 minutes of 30), the baseline of the same run, and must stay under 10 % in the full
run (the smoke run prints it without judging: three minutes is mostly warm-up).
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.pg_cluster

from _common import check, parse, parser
from sqlalchemy import func, select, text

from console.db import make_engine, upgrade
from console.demo.accounts import ensure_demo_accounts
from console.models import Community, Event, WatchlistEntry
from console.services.container import build_services
from tests.pg_cluster import ThrowawayCluster, cluster_folder, free_port

TOKEN = "soak-bench-token"  # noqa: S105 a throwaway server's, on the loopback
CONSOLES = (("demo", "Duty-demo-2026"), ("supervisor", "Supervisor-demo-2026"))
BEIJING = dt.timezone(dt.timedelta(hours=8))


def console_command() -> list[str]:
    return [sys.executable, "-m", "console"]


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sender:
    """Posts events one by one at ``rate`` per second; resends each until it is answered."""

    def __init__(self, port: int, communities: list[str], plates: list[str], rate: float) -> None:
        self.port = port
        self.communities = communities
        self.plates = plates
        self.rate = rate
        self.work: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.answered: dict[str, str] = {}
        self.sent = 0
        self.resends = 0
        self.unavailable = 0
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._post_loop, daemon=True) for _ in range(6)]

    def event(self, k: int) -> dict[str, Any]:
        at = dt.datetime.now(BEIJING).replace(microsecond=0).isoformat()
        community = self.communities[k % len(self.communities)]
        if k % 25 == 0 and self.plates:  # now and then a watched plate: an alert for the consoles
            plate = self.plates[(k // 25) % len(self.plates)]
        else:
            plate = f"闽D{k % 100000:05d}"
        return {
            "source": "soak-gate",
            "external_id": f"s{k}",
            "kind": "plate_read",
            "at": at,
            "community": community,
            "plate": plate,
        }

    def run(self, seconds: float) -> None:
        for t in self.threads:
            t.start()
        start = time.monotonic()
        k = 0
        while (elapsed := time.monotonic() - start) < seconds:
            due = int(elapsed * self.rate) + 1
            while k < due:
                self.work.put(self.event(k))
                k += 1
            time.sleep(0.02)
        self.sent = k

    def finish(self, timeout: float) -> None:
        for _ in self.threads:
            self.work.put(None)
        deadline = time.monotonic() + timeout
        for t in self.threads:
            t.join(max(0.1, deadline - time.monotonic()))

    def _post_loop(self) -> None:
        while (event := self.work.get()) is not None:
            body = json.dumps(event, ensure_ascii=False).encode("utf-8")
            while True:
                status, answer, retry = self._post(body)
                if status == 200 and isinstance(answer, dict) and answer.get("status") in (
                    "accepted",
                    "duplicate",
                ):
                    with self.lock:
                        self.answered[event["external_id"]] = answer["status"]
                    break
                with self.lock:
                    self.resends += 1
                    self.unavailable += status == 503
                time.sleep(retry)

    def _post(self, body: bytes) -> tuple[int, Any, float]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(
                "POST",
                "/events",
                body=body,
                headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
            )
            response = conn.getresponse()
            data = json.loads(response.read().decode("utf-8"))
            retry = float(response.getheader("Retry-After") or 1)
            return response.status, data, min(retry, 5.0)
        except (OSError, http.client.HTTPException, ValueError):
            return 0, None, 0.5
        finally:
            conn.close()


def prepare(cluster: ThrowawayCluster, env: dict[str, str]) -> tuple[str, list[str], list[str]]:
    """A database on the cluster with the demo district and accounts; its community codes and watched plates."""
    name = f"soak_{uuid.uuid4().hex[:8]}"
    admin = make_engine(cluster.url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = cluster.database_url(name)
    engine = make_engine(url)
    upgrade(engine)
    t0 = time.monotonic()
    subprocess.run([*console_command(), "--db", url, "seed-demo"], env=env, check=True, capture_output=True)  # noqa: S603
    ensure_demo_accounts(build_services(engine).accounts, engine)
    print(f"soak: demo district and accounts on a throwaway PostgreSQL ({time.monotonic() - t0:.1f} s)", flush=True)
    with engine.connect() as c:
        communities = [code for (code,) in c.execute(select(Community.code).order_by(Community.id))]
        plates = [
            plate
            for (plate,) in c.execute(
                select(WatchlistEntry.plate).where(WatchlistEntry.kind == "vehicle", WatchlistEntry.active)
            )
            if plate
        ]
    engine.dispose()
    return url, communities, plates


class Processes:
    """The endpoint and the consoles, each with its stderr in a file of the scratch folder."""

    def __init__(self, scratch: Path, env: dict[str, str]) -> None:
        self.scratch = scratch
        self.env = env
        self.logs: dict[str, Path] = {}
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, label: str, command: list[str], stdin: str | None = None) -> None:
        self.logs[label] = log = self.scratch / f"{label}.log"
        env = dict(self.env)
        home = self.scratch / label
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / "data"))
        with open(log, "wb") as err:
            proc = subprocess.Popen(  # noqa: S603 the console of this checkout
                command,
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=env,
            )
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin.encode() + b"\n")
            proc.stdin.close()
        self.procs[label] = proc

    def consoles(self) -> list[str]:
        return [label for label in self.procs if label.startswith("console-")]

    def tail(self, label: str) -> str:
        return self.logs[label].read_text("utf-8", "replace")[-1500:]

    def tracebacks(self) -> dict[str, int]:
        return {label: log.read_text("utf-8", "replace").count("Traceback") for label, log in self.logs.items()}

    def stop(self) -> dict[str, int | None]:
        """SIGTERM to each (a clean stop, as a service manager does); their exit statuses."""
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        exits: dict[str, int | None] = {}
        for label, proc in self.procs.items():
            try:
                exits[label] = proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                exits[label] = None
        return exits

    def kill(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()


class Chaos(threading.Thread):
    """Every ``every`` seconds: kill the database, wait, start it; every 10 s: each console's memory."""

    def __init__(self, cluster: ThrowawayCluster, pids: list[int], every: float, until: float) -> None:
        super().__init__(daemon=True)
        self.cluster, self.pids, self.every, self.until = cluster, pids, every, until
        self.samples: list[tuple[float, list[int]]] = []
        self.restarts: list[float] = []
        self.stopped = threading.Event()

    def sample(self, at: float) -> None:
        self.samples.append((at, [rss_kib(pid) for pid in self.pids]))

    def run(self) -> None:
        start_at = time.monotonic()
        next_restart, next_sample = self.every, 0.0
        while not self.stopped.wait(0.5):
            elapsed = time.monotonic() - start_at
            if elapsed >= next_sample:
                self.sample(elapsed)
                next_sample += 10.0
            if next_restart <= elapsed < self.until - 10:
                down = time.monotonic()
                self.cluster.kill()
                time.sleep(2.0)  # down long enough for every client to notice
                self.cluster.start()
                self.restarts.append(time.monotonic() - down)
                print(f"soak: {elapsed:6.0f} s  database killed, back after {self.restarts[-1]:.1f} s", flush=True)
                next_restart += self.every


def stored_events(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    with engine.connect() as c:
        mine = Event.source == "soak-gate"
        stored = c.execute(select(func.count()).select_from(Event).where(mine)).scalar_one()
        distinct = c.execute(select(func.count(func.distinct(Event.external_id))).where(mine)).scalar_one()
    engine.dispose()
    return stored, distinct


def memory_growth(chaos: Chaos, labels: list[str], seconds: float) -> list[float]:
    """Each console's growth from the sample at a sixth of the run (the baseline) to the last, printed."""
    base = next((s for s in chaos.samples if s[0] >= seconds / 6), chaos.samples[0])
    growth: list[float] = []
    for i, label in enumerate(labels):
        first, last = base[1][i], chaos.samples[-1][1][i]
        peak = max(s[1][i] for s in chaos.samples)
        growth.append((last - first) / first * 100 if first else float("inf"))
        print(
            f"  {label}: resident {first / 1024:.0f} MiB at {base[0]:.0f} s (baseline), "
            f"{last / 1024:.0f} MiB at the end, peak {peak / 1024:.0f} MiB: "
            f"growth {growth[-1]:+.1f} % (end/baseline {last / first if first else 0:.3f})"
        )
    return growth


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--minutes", type=float, default=30.0, help="how long events arrive")
    p.add_argument("--rate", type=float, default=20.0, help="events per second")
    p.add_argument("--restart-every", type=float, default=300.0, help="seconds between database restarts")
    p.add_argument("--consoles", type=int, default=2, choices=(0, 1, 2), help="consoles open on the database")
    args = parse(p, {"minutes": 3.0, "restart_every": 60.0}, argv)
    seconds = args.minutes * 60
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    scratch = Path(tempfile.mkdtemp(prefix="duty-console-soak-"))
    cluster = ThrowawayCluster(cluster_folder())
    cluster.start()
    procs = Processes(scratch, env)
    try:
        url, communities, plates = prepare(cluster, env)
        token_file = scratch / "token"
        token_file.write_text(TOKEN, encoding="utf-8")
        port = free_port()
        command = [*console_command(), "--db", url]
        procs.start("serve-events", [*command, "serve-events", "--port", str(port), "--token-file", str(token_file)])
        for user, password in CONSOLES[: args.consoles]:
            procs.start(f"console-{user}", [*command, "run", "--user", user, "--password-stdin"], stdin=password)
        time.sleep(10)  # the consoles open their windows, the endpoint listens
        for label, proc in procs.procs.items():
            check(proc.poll() is None, f"{label} ended at start: {procs.tail(label)}")

        consoles = procs.consoles()
        sender = Sender(port, communities, plates, args.rate)
        chaos = Chaos(cluster, [procs.procs[c].pid for c in consoles], args.restart_every, seconds)
        chaos.start()
        sender.run(seconds)
        sender.finish(timeout=120)
        chaos.stopped.set()
        chaos.join(30)
        chaos.sample(seconds)
        time.sleep(6)  # the consoles catch up with the last events
        alive = {c: procs.procs[c].poll() is None for c in consoles}
        dead = {c: procs.tail(c) for c, up in alive.items() if not up}
        exits = procs.stop()
        stored, distinct = stored_events(url)
        tracebacks = procs.tracebacks()

        answered = len(sender.answered)
        lost, duplicates = sender.sent - distinct, stored - distinct
        print(
            f"soak: {args.minutes:g} min at {args.rate:g} events/s, {len(consoles)} consoles, database "
            f"restarted {len(chaos.restarts)} times (down {max(chaos.restarts, default=0):.1f} s at most)"
        )
        print(f"  events sent {sender.sent}, answered {answered}, stored {stored} (distinct {distinct}), "
              f"lost {lost}, duplicates {duplicates}")
        print(f"  resends {sender.resends} (of them 503 answers {sender.unavailable})")
        print(f"  tracebacks {tracebacks}; consoles running to the end {alive}; exit statuses {exits}")
        growth = memory_growth(chaos, consoles, seconds)
        check(lost == 0, f"{lost} events lost")
        check(duplicates == 0, f"{duplicates} events stored twice")
        check(answered == sender.sent, f"{sender.sent - answered} events never answered")
        check(not any(tracebacks.values()), f"tracebacks printed: {tracebacks}")
        check(not dead, f"a console stopped during the soak: {dead}")
        check(all(code == 0 for code in exits.values()), f"a process did not stop cleanly: {exits}")
        check(len(chaos.restarts) >= max(1, int(seconds // args.restart_every) - 1), "too few restarts")
        if not args.smoke:
            check(all(g < 10.0 for g in growth), f"resident memory grew {growth} % after the baseline")
        return 0
    finally:
        procs.kill()
        cluster.kill()
        shutil.rmtree(cluster.folder, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
