"""Seed the demo district into a fresh SQLite file and/or a fresh PostgreSQL database.

Prints, per backend, each table's rows, load time (generating + writing, rows/s) and index
re-creation time, and the total wall time, next to a baseline
measured in the same run: a raw ``sqlite3`` executemany of the same number of resident-shaped
rows (no SQLAlchemy, no indexes, no generation cost), i.e. the floor for any loader here.

    python bench/bench_seed.py                       # district scale, both backends
    python bench/bench_seed.py --scale small --backend sqlite
    python bench/bench_seed.py --smoke               # small scale, both backends (CI)

PostgreSQL is reached as bench/_common.py says (skipped with a note when unreachable).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import backends, parse, parser, scratch_pg_database

from console.db import make_engine, upgrade
from console.demo.seed import CST, DemoSummary, seed_demo

NOW = dt.datetime(2026, 3, 14, tzinfo=CST)


def baseline_rows_per_second(n: int) -> float:
    """Raw sqlite3 executemany of ``n`` resident-shaped rows into an unindexed table, one transaction."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "baseline.db")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute(
            "CREATE TABLE resident (id INTEGER PRIMARY KEY, household_id INTEGER, name TEXT, "
            "id_number TEXT, phone TEXT, relation TEXT, criminal_record TEXT, moved_out_at TEXT, "
            "version INTEGER)"
        )
        rows = [
            (
                i,
                i // 3 + 1,
                "陈伟明",
                f"350211198001{i % 28 + 1:02d}{i % 10000:04d}",
                f"138{i:08d}",
                "户主",
                "",
                None,
                1,
            )
            for i in range(1, n + 1)
        ]
        start = time.perf_counter()
        conn.executemany("INSERT INTO resident VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
        seconds = time.perf_counter() - start
        conn.close()
    return n / seconds


def run(url: str, scale: str, label: str) -> DemoSummary:
    engine = make_engine(url)
    upgrade(engine)
    summary = seed_demo(engine, scale, seed=1, now=NOW)
    engine.dispose()
    print(
        f"\n== {label}: scale {scale}, {summary.total_rows:,} rows in {summary.seconds:.1f} s "
        f"({summary.total_rows / summary.seconds:,.0f} rows/s overall)"
    )
    print(f"   {'table':<22}{'rows':>11}{'load s':>9}{'rows/s':>11}{'index s':>9}")
    other_rows, other_s = 0, 0.0
    for t in summary.stages:
        if t.rows < 5000:
            other_rows, other_s = other_rows + t.rows, other_s + t.load_seconds + t.index_seconds
            continue
        rate = t.rows / t.load_seconds if t.load_seconds > 0 else 0.0
        print(f"   {t.table:<22}{t.rows:>11,}{t.load_seconds:>9.2f}{rate:>11,.0f}{t.index_seconds:>9.2f}")
    print(f"   {'(smaller tables)':<22}{other_rows:>11,}{other_s:>9.2f}")
    staged = sum(t.load_seconds + t.index_seconds for t in summary.stages)
    print(f"   {'(planning, commit)':<22}{'':>11}{summary.seconds - staged:>9.2f}")
    return summary


def main() -> int:
    p = parser(__doc__, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", choices=("small", "district"), default="district")
    p.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parse(p, smoke={"scale": "small"})
    results: list[tuple[str, DemoSummary]] = []
    for backend in backends(args.backend):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                results.append(("SQLite", run(f"sqlite:///{Path(tmp) / 'station.db'}", args.scale, "SQLite")))
        else:
            with scratch_pg_database("bench_seed") as url:
                results.append(("PostgreSQL", run(url, args.scale, "PostgreSQL")))
    residents = results[0][1].count("resident") if results else 100_000
    base = baseline_rows_per_second(residents)
    print(
        f"\nbaseline: raw sqlite3 executemany of {residents:,} resident-shaped rows, no indexes: "
        f"{base:,.0f} rows/s ({residents / base:.2f} s)"
    )
    for label, s in results:
        rate = s.total_rows / s.seconds
        print(
            f"{label}: whole seed (generation + load + indexes) {rate:,.0f} rows/s = "
            f"{rate / base:.2f} x the raw baseline; {s.seconds:.1f} s wall time"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
