"""A synthetic district for the case and dispatch benches: station, grid cells, communities, officers.

Rows are plain dicts for Core ``insert()`` executemany with explicit ids (so the benches can point
at them); ``reset_sequences`` then moves PostgreSQL's id sequences past them, so services that
insert through the ORM afterwards get fresh ids. Also the timing helpers both benches print with.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _common import scratch_pg_database
from sqlalchemy import Engine, Table, insert, text

from console.db import open_database
from console.models import Community, GridCell, Officer, Station
from console.validators import id_check_character

SURNAMES = "陈林黄张李王吴刘蔡杨郑许谢洪郭曾邱叶苏庄周徐何高柯颜卢罗施赵朱胡孙马梁宋唐韩冯邓彭"
GIVEN = "伟强磊军勇杰涛斌超明辉鹏华建国志文俊峰宇浩芳娜敏静丽艳娟霞玲婷雪慧颖琳欣怡佳梦婉秀英红美"
AREAS = ("350211", "350203", "350206", "350205", "350212", "350524", "360730", "511381", "430521")
COMMUNITY_WORDS = (
    "禹洲",
    "璟阅",
    "海西",
    "灌口",
    "深青",
    "田头",
    "东辉",
    "上塘",
    "双岭",
    "铁山",
    "井城",
    "坑内",
)
# Jimei's Guankou town: communities spread over about 12 km x 10 km.
LAT0, LON0 = 24.60, 117.98


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def id_number(rng: random.Random, n: int) -> str:
    """A well-formed resident ID number (GB 11643 check character), distinct for distinct ``n``."""
    y = 1960 + n % 45
    first17 = f"{AREAS[n % len(AREAS)]}{y:04d}{(n // 45) % 12 + 1:02d}{(n // 540) % 28 + 1:02d}{(n // 15120) % 1000:03d}"
    return first17 + id_check_character(first17)


def mobile(n: int) -> str:
    return f"{('138', '139', '186', '158', '177')[n % 5]}{n % 10**8:08d}"


def district_rows(
    rng: random.Random, communities: int = 60, cells: int = 20, officers: int = 40
) -> dict[Table, list[dict[str, Any]]]:
    """Station 1, ``cells`` grid cells, ``communities`` with positions, ``officers`` (all available)."""
    out: dict[Table, list[dict[str, Any]]] = {}
    out[Station.__table__] = [  # type: ignore[index]
        {"id": 1, "code": "GK", "name": "灌口派出所", "district": "集美区", "version": 1}
    ]
    out[GridCell.__table__] = [  # type: ignore[index]
        {"id": g + 1, "station_id": 1, "code": f"G{g + 1:02d}", "name": f"灌口{g + 1:02d}网格", "version": 1}
        for g in range(cells)
    ]
    rows = []
    for c in range(communities):
        cell = c % cells  # cells laid out on a 5-wide grid; a cell's communities sit together
        lat = LAT0 + (cell // 5) * 0.022 + rng.uniform(0, 0.02)
        lon = LON0 + (cell % 5) * 0.024 + rng.uniform(0, 0.022)
        name = f"{COMMUNITY_WORDS[c % len(COMMUNITY_WORDS)]}{c + 1:02d}小区"
        rows.append(
            {
                "id": c + 1,
                "station_id": 1,
                "grid_cell_id": cell + 1,
                "code": f"C{c + 1:03d}",
                "name": name,
                "address": f"集美区灌口镇{name}",
                "property_manager_company": f"{name}物业",
                "property_manager_name": person_name(rng),
                "property_manager_phone": mobile(900_000 + c),
                "lat": lat,
                "lon": lon,
                "smart_gate": c % 3 == 0,
                "version": 1,
            }
        )
    out[Community.__table__] = rows  # type: ignore[index]
    roles = ("社区民警", "值班民警", "网格员", "办案队", "巡逻队")
    out[Officer.__table__] = [  # type: ignore[index]
        {
            "id": o + 1,
            "station_id": 1,
            "badge_no": f"{350100 + o}",
            "name": person_name(rng),
            "role": roles[o % len(roles)],
            "team": f"{o % 8 + 1}组",
            "phone": mobile(800_000 + o),
            "status": "available",
            "grid_cell_id": o % cells + 1 if o % 10 else None,  # a tenth cover no cell (patrol)
            "status_since": dt.datetime.now(dt.UTC) - dt.timedelta(minutes=rng.randint(1, 600)),
            "version": 1,
        }
        for o in range(officers)
    ]
    return out


def load(engine: Engine, tables: dict[Table, list[dict[str, Any]]], chunk: int = 10_000) -> float:
    """Core executemany in ``chunk``-row batches, in the order given; seconds taken."""
    started = time.perf_counter()
    with engine.begin() as conn:
        for table, rows in tables.items():
            for i in range(0, len(rows), chunk):
                conn.execute(insert(table), rows[i : i + chunk])
    reset_sequences(engine, list(tables))
    analyse(engine)
    return time.perf_counter() - started


def reset_sequences(engine: Engine, tables: Sequence[Table]) -> None:
    """PostgreSQL: move each table's id sequence past the ids the bulk load gave explicitly."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in tables:
            if "id" in table.c:
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 table names come from our own models
                        f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
                )


def analyse(engine: Engine) -> None:
    """Fresh planner statistics, as a station's database has after its first days."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))


@contextmanager
def database(backend: str, prefix: str, keep: str | None = None) -> Iterator[Engine]:
    """A database at the current schema: a temporary SQLite file or a scratch PostgreSQL database.

    ``keep``: a SQLite file / PostgreSQL database name reused between runs (not removed).
    """
    if backend == "sqlite":
        path = Path(keep) if keep else Path(tempfile.mkdtemp(prefix=f"{prefix}_")) / f"{prefix}.db"
        engine = open_database(f"sqlite:///{path}")
        try:
            yield engine
        finally:
            engine.dispose()
            if not keep:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    with scratch_pg_database(prefix, name=keep, keep=bool(keep)) as url:
        engine = open_database(url)
        try:
            yield engine
        finally:
            engine.dispose()


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``samples`` in milliseconds (nearest rank)."""
    ms = sorted(s * 1000 for s in samples)
    return ms[min(len(ms) - 1, max(0, round(q * len(ms)) - 1))]


def p50_p95(samples: Sequence[float]) -> tuple[float, float]:
    return statistics.median(samples) * 1000, percentile(samples, 0.95)


def timed(fn: Callable[[Any], object], inputs: Sequence[Any]) -> tuple[list[float], list[object]]:
    """Seconds of ``fn(x)`` for each input, and what each call returned."""
    seconds, results = [], []
    for x in inputs:
        t = time.perf_counter()
        results.append(fn(x))
        seconds.append(time.perf_counter() - t)
    return seconds, results


def row(
    measure: str, n: int, ours: Sequence[float], target_ms: float | None, baseline: str, base: Sequence[float]
) -> str:
    """One line of a bench's table: ours p50/p95 against the target, the baseline's p50/p95."""
    p50, p95 = p50_p95(ours)
    verdict = "" if target_ms is None else ("ok" if p95 <= target_ms else "OVER")
    target = f"≤ {target_ms:g} ms" if target_ms is not None else "—"
    b = f"{p50_p95(base)[0]:9.2f} {p50_p95(base)[1]:9.2f}" if base else f"{'—':>9} {'—':>9}"
    return f"{measure:34} {n:>5} {p50:8.2f} {p95:8.2f}  {target:>9} {verdict:>4} | {baseline:30} {b}"


HEADER = (
    f"{'measure':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}  {'target':>9} {'':>4} | "
    f"{'baseline (same run)':30} {'p50 ms':>9} {'p95 ms':>9}"
)
