"""Ingest throughput with 10,000 active watchlist entries, beside a raw executemany baseline.

    python bench/bench_ingest.py [--events 100000] [--backend sqlite|postgresql|both] [--repeats 2] [--smoke]

For each backend two fresh databases at the current schema are made: one receives the events
as JSON Lines text through ``IngestService`` (parse, validate, dedupe, match, alerts, a commit
per batch of 1,000), the other receives the very same event rows — already converted to the
driver's column values — by a raw DB-API ``executemany`` with the same commit per 1,000 rows.
The ratio is ingest time / raw time. PostgreSQL is reached as bench/_common.py says (skipped
with a note when unreachable); its databases are created and dropped here. ``--smoke``: 2,000
events, one round.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from _common import PG_ADMIN, backends, parse, parser, synthetic_rng
from sqlalchemy import Engine, insert, text

from console.clock import SystemClock
from console.db import make_engine, session_factory, upgrade
from console.models import Community, Event, Station, WatchlistEntry
from console.security import system_actor
from console.services.intake import IngestService
from console.validators import id_check_character

WATCHLIST = 10_000
COMMUNITIES = 40
BATCH = 1000
HOT = 40  # watchlist hits come from a few "hot" entries, so repeated sightings group into one alert
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plate(rng: random.Random) -> str:
    return "闽" + rng.choice("DEFGH") + "".join(rng.choice("0123456789" + PLATE_LETTERS) for _ in range(5))


def id_number(rng: random.Random) -> str:
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
    first17 = f"350211{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_character(first17)


def seed(engine: Engine, rng: random.Random) -> tuple[list[str], list[str]]:
    """Station, communities and 10,000 active watchlist entries; returns their plates and IDs."""
    now = dt.datetime.now(dt.UTC)
    plates = sorted({plate(rng) for _ in range(WATCHLIST * 7 // 10)})
    people = sorted({id_number(rng) for _ in range(WATCHLIST - len(plates))})
    with engine.begin() as conn:
        conn.execute(insert(Station).values(id=1, code="GK", name="灌口派出所"))
        conn.execute(
            insert(Community),
            [
                {"id": i, "station_id": 1, "code": f"C{i:03d}", "name": f"小区{i:03d}"}
                for i in range(1, COMMUNITIES + 1)
            ],
        )
        conn.execute(
            insert(WatchlistEntry),
            [
                {
                    "kind": "vehicle",
                    "plate": p,
                    "id_number": None,
                    "reason": "涉案车辆",
                    "severity": "high",
                    "created_at": now,
                }
                for p in plates
            ]
            + [
                {
                    "kind": "person",
                    "plate": None,
                    "id_number": n,
                    "reason": "涉诈人员",
                    "severity": "medium",
                    "created_at": now,
                }
                for n in people
            ],
        )
    return plates, people


def make_events(n: int, rng: random.Random, plates: list[str], people: list[str]) -> list[str]:
    """Mostly harmless plate reads and gate entries; ~1 % of them watchlist hits; some fraud and reports."""
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
    lines = []
    for i in range(n):
        at = (now - dt.timedelta(seconds=(n - i) * 0.01)).isoformat(timespec="seconds")
        community = f"C{rng.randrange(1, COMMUNITIES + 1):03d}"
        r = rng.random()
        ev: dict[str, Any]
        if r < 0.85:
            hit = rng.random() < 0.01
            ev = {
                "source": "gate-camera",
                "kind": "plate_read",
                "community": community,
                "plate": rng.choice(plates[:HOT]) if hit else plate(rng),
                "direction": rng.choice(("in", "out")),
                "confidence": round(rng.uniform(0.8, 1.0), 3),
                "device": "north-gate-1",
            }
        elif r < 0.97:
            hit = rng.random() < 0.01
            ev = {
                "source": "access-control",
                "kind": "person_entry",
                "community": community,
                "id_number": rng.choice(people[:HOT]) if hit else id_number(rng),
                "device": "east-door",
            }
        elif r < 0.99:
            ev = {
                "source": "anti-fraud",
                "kind": "fraud_risk",
                "phone": "13812345678",
                "level": rng.choice(("high", "medium", "low")),
                "scheme": "pig-butchering",
                "amount": 20000,
            }
        else:
            ev = {
                "source": "citizen-report",
                "kind": "report",
                "category": "lost-item",
                "text": "钥匙丢失",
                "community": community,
            }
        ev["external_id"] = f"bench-{i}"
        ev["at"] = at
        lines.append(json.dumps(ev, ensure_ascii=False))
    return lines


def raw_rows(engine: Engine, lines: list[str]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The same event rows as ingest stores them, converted to driver values by the column types."""
    from console.services.intake import parse_event

    now = dt.datetime.now(dt.UTC)
    table = Event.__table__
    cols = [
        "source",
        "external_id",
        "kind",
        "at",
        "received_at",
        "community_id",
        "device",
        "plate",
        "id_number",
        "phone",
        "payload",
    ]
    procs = [table.c[c].type._cached_bind_processor(engine.dialect) for c in cols]
    rows = []
    for line in lines:
        p = parse_event(line, now)
        cid = int(p.community[1:]) if p.community else None
        values = (
            p.source,
            p.external_id,
            p.kind,
            p.at,
            now,
            cid,
            p.device,
            p.plate,
            p.id_number,
            p.phone,
            p.payload,
        )
        rows.append(tuple(f(v) if f else v for f, v in zip(procs, values, strict=True)))
    return cols, rows


CPU: dict[str, list[float]] = {"raw": [], "service": []}  # this process's CPU seconds per round


def bench_raw(engine: Engine, cols: list[str], rows: list[tuple[Any, ...]]) -> float:
    mark = "?" if engine.dialect.name == "sqlite" else "%s"
    # Built from the model's own column names and a driver placeholder: no outside text in it.
    sql = f"INSERT INTO event ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"  # noqa: S608
    dbapi = engine.raw_connection()
    try:
        start, cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(rows), BATCH):
            cur = dbapi.cursor()
            cur.executemany(sql, rows[i : i + BATCH])
            cur.close()
            dbapi.commit()
        CPU["raw"].append(time.process_time() - cpu)
        return time.perf_counter() - start
    finally:
        dbapi.close()


def bench_service(engine: Engine, lines: list[str]) -> tuple[float, dict[str, int]]:
    service = IngestService(session_factory(engine), SystemClock(), batch_size=BATCH)
    actor = system_actor("bench")
    start, cpu = time.perf_counter(), time.process_time()
    answers = service.ingest(lines, actor)
    elapsed = time.perf_counter() - start
    CPU["service"].append(time.process_time() - cpu)
    counts: dict[str, int] = {}
    for a in answers:
        counts[a.status] = counts.get(a.status, 0) + 1
    with engine.connect() as conn:
        counts["alerts"] = conn.execute(text("SELECT count(*) FROM alert")).scalar_one()
        counts["grouped"] = conn.execute(text("SELECT coalesce(sum(count - 1), 0) FROM alert")).scalar_one()
    return elapsed, counts


class Databases:
    """Two fresh databases per backend (ingest, raw), removed afterwards."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self._tmp = tempfile.TemporaryDirectory(prefix="bench-ingest-")
        self._pg_names: list[str] = []
        self._admin = make_engine(PG_ADMIN) if backend == "postgresql" else None

    def new(self) -> Engine:
        if self._admin is None:
            url = f"sqlite:///{Path(self._tmp.name) / f'{uuid.uuid4().hex[:8]}.db'}"
        else:
            name = f"bench_ingest_{uuid.uuid4().hex[:8]}"
            with self._admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            self._pg_names.append(name)
            url = self._admin.url.set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        upgrade(engine)
        return engine

    def close(self) -> None:
        if self._admin is not None:
            with self._admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for name in self._pg_names:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            self._admin.dispose()
        self._tmp.cleanup()


def run(backend: str, n: int, repeats: int) -> None:
    """``repeats`` rounds, each on fresh databases, raw and service interleaved; best of each."""
    # Not seed()'s 7: visitors' plates must not replay the watchlist's.
    rng = synthetic_rng(2026)
    dbs = Databases(backend)
    raw_times: list[float] = []
    service_times: list[float] = []
    try:
        lines: list[str] = []
        for _ in range(repeats):
            service_db, raw_db = dbs.new(), dbs.new()
            plates, people = seed(service_db, synthetic_rng(7))
            seed(raw_db, synthetic_rng(7))
            lines = lines or make_events(n, rng, plates, people)
            cols, rows = raw_rows(raw_db, lines)
            raw_times.append(bench_raw(raw_db, cols, rows))
            service_s, counts = bench_service(service_db, lines)
            service_times.append(service_s)
            service_db.dispose()
            raw_db.dispose()
    finally:
        dbs.close()
    raw_s, service_s = min(raw_times), min(service_times)
    print(
        f"{backend:>10}: {n:,} events, {WATCHLIST:,} active watchlist entries, commit per {BATCH}, "
        f"best of {repeats} (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    print(
        f"{'':>10}  raw executemany  {raw_s:7.2f} s  {n / raw_s:>9,.0f} rows/s    "
        f"(rounds: {', '.join(f'{t:.2f}' for t in raw_times)} s)"
    )
    print(
        f"{'':>10}  IngestService    {service_s:7.2f} s  {n / service_s:>9,.0f} events/s  "
        f"(rounds: {', '.join(f'{t:.2f}' for t in service_times)} s)"
    )
    print(f"{'':>10}  ratio {service_s / raw_s:.2f}x the raw insert's time; answers {counts}")
    raw_cpu, service_cpu = min(CPU["raw"]), min(CPU["service"])
    print(
        f"{'':>10}  CPU of this process (less sensitive to other load{'; server excluded' if backend != 'sqlite' else ''}): "
        f"raw {raw_cpu:.2f} s, IngestService {service_cpu:.2f} s = {n / service_cpu:,.0f} events per CPU-second"
    )
    CPU["raw"].clear()
    CPU["service"].clear()


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--repeats", type=int, default=2)
    args = parse(ap, smoke={"events": 2_000, "repeats": 1})
    for backend in backends(args.backend):
        run(backend, args.events, args.repeats)


if __name__ == "__main__":
    main()
