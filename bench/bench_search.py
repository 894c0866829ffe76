"""Search over 1,000,000 residents (issue 4): exact ID/phone p95 <= 2 ms, partial phone/ID/name p95 <= 30 ms.

Search also finds cases (issue 8): with ``--cases`` (default 20,000 cases, each with a stolen item
and a suspect) it times case numbers, IMEI and frame numbers and suspects' names too, against an
unindexed ``LIKE`` over the case tables; every query runs as a user who may see cases, so the
registry figures include the case lookups each query now makes.

Loads a synthetic district with Core executemany (300,000 households, 1,000,000 residents,
30,000 vehicles) into a fresh SQLite file (and PostgreSQL with --pg URL), then times
SearchService.search - the whole call: classification, the indexed queries, joins to the
address, masking - for a few hundred queries of each kind. Baseline, same run, same table:
one unindexed ``LIKE '%q%'`` over name, ID and phone (LIMIT 50), the obvious way to write it.
It also reports what the search indexes cost a bulk load: loading into the indexed schema
against dropping the search indexes, loading, then rebuild_search_index().

Run: python bench/bench_search.py [--residents N] [--pg postgresql+psycopg://postgres@127.0.0.1/bench]
``--pg scratch`` makes (and drops) a database on the server bench/_common.py names. ``--smoke``:
20,000 residents, 40 queries of each kind, SQLite and ``--pg scratch`` (PostgreSQL skipped with a note when unreachable).
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from _common import parse, parser, pg_reachable, scratch_pg_database, synthetic_rng
from sqlalchemy import Engine, insert, text

from console.clock import SystemClock
from console.db import make_engine, open_database, session_factory
from console.models import (
    Building,
    CaseParty,
    Community,
    Household,
    PropertyItem,
    Resident,
    Station,
    TheftCase,
    Vehicle,
)
from console.security import Actor, Permission
from console.services.registry import SearchService, drop_search_indexes, rebuild_search_index
from console.validators import id_check_character

SURNAMES = "陈林黄张李王吴刘蔡杨郑许谢洪郭曾邱叶苏庄周徐何高柯颜卢罗施赵朱胡孙马梁宋唐韩冯邓彭"
GIVEN = "伟强磊军勇杰涛斌超明辉鹏华建国志文俊峰宇浩芳娜敏静丽艳娟霞玲婷雪慧颖琳欣怡佳梦婉秀英红美"
AREAS = ("350211", "350203", "350206", "350205", "350212", "350524", "360730", "511381")
PHONE_PREFIXES = ("138", "139", "186", "158", "177", "135")


def make_cases(cases: int, people: list[dict], seed: int = 13) -> dict[str, list[dict]]:
    """``cases`` thefts of this year, each with one stolen item (a phone's IMEI or an e-bike's frame)
    and one suspect from the registry."""
    rng = synthetic_rng(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows, items, parties = [], [], []
    for n in range(cases):
        at = start + dt.timedelta(minutes=17 * n)
        rows.append(
            {
                "id": n + 1,
                "case_no": f"GK2026{n + 1:05d}",
                "category": "phone" if n % 2 else "e-bike",
                "title": "手机被盗" if n % 2 else "电动车被盗",
                "status": "open",
                "occurred_at": at,
                "reported_at": at,
                "version": 1,
            }
        )
        items.append(
            {
                "case_id": n + 1,
                "description": "手机" if n % 2 else "电动车",
                "category": "phone" if n % 2 else "e-bike",
                "imei": f"86{n:013d}" if n % 2 else None,
                "frame": None if n % 2 else f"LYD{n:010d}",
                "version": 1,
            }
        )
        suspect = people[rng.randrange(len(people))]
        parties.append(
            {
                "case_id": n + 1,
                "role": "suspect",
                "name": suspect["name"],
                "id_number": suspect["id_number"],
                "version": 1,
            }
        )
    return {"cases": rows, "items": items, "parties": parties}


def make_data(residents: int, seed: int = 7) -> dict[str, list[dict]]:
    rng = synthetic_rng(seed)
    households = max(residents * 3 // 10, 1)
    communities = [
        {"id": c + 1, "station_id": 1, "code": f"C{c:03d}", "name": f"灌口{c:03d}小区", "version": 1}
        for c in range(60)
    ]
    per_community = households // 60 + 1
    buildings, hh = [], []
    for h in range(households):
        c = h // per_community
        b = (h % per_community) // 200
        bid = c * 1000 + b + 1
        if not buildings or buildings[-1]["id"] != bid:
            buildings.append(
                {
                    "id": bid,
                    "community_id": c + 1,
                    "name": str(b + 1),
                    "floors": 25,
                    "units": 2,
                    "rooms_per_floor": 4,
                    "version": 1,
                }
            )
        k = h % 200
        hh.append(
            {
                "id": h + 1,
                "community_id": c + 1,
                "building_id": bid,
                "unit": str(k // 100 + 1),
                "floor": (k % 100) // 4 + 1,
                "room": f"{(k % 100) // 4 + 1}{k % 4 + 1:02d}",
                "housing_use": "自住",
                "note": "",
                "version": 1,
            }
        )
    people = []
    for n in range(residents):
        days = n // 1000
        y, rest = 1940 + days // 336, days % 336
        first17 = f"{AREAS[n % len(AREAS)]}{y:04d}{rest // 28 + 1:02d}{rest % 28 + 1:02d}{n % 1000:03d}"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
        people.append(
            {
                "household_id": rng.randint(1, households),
                "name": name,
                "id_number": first17 + id_check_character(first17),
                "phone": f"{PHONE_PREFIXES[n % 6]}{n:08d}" if n % 10 else None,
                "relation": "",
                "criminal_record": "",
                "version": 1,
            }
        )
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    vehicles = [
        {
            "plate": f"闽D{i:05d}"
            if i % 2
            else "闽" + rng.choice("ABCDE") + "".join(rng.choice(letters) for _ in range(5)),
            "owner_name": people[i * 31 % residents]["name"],
            "owner_id_number": people[i * 31 % residents]["id_number"],
            "owner_phone": people[i * 31 % residents]["phone"],
            "resident_id": i * 31 % residents + 1,
            "kind": "小型汽车",
            "brand": "",
            "colour": "",
            "version": 1,
        }
        for i in range(min(30_000, residents // 30))
    ]
    vehicles = list({v["plate"]: v for v in vehicles}.values())
    return {
        "communities": communities,
        "buildings": buildings,
        "households": hh,
        "residents": people,
        "vehicles": vehicles,
    }


def load(engine: Engine, data: dict[str, list[dict]]) -> float:
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(
            insert(Station),
            [{"id": 1, "code": "GK", "name": "灌口派出所", "district": "集美区", "version": 1}],
        )
        conn.execute(insert(Community), data["communities"])
        conn.execute(insert(Building), data["buildings"])
        for table, rows in (
            (Household, data["households"]),
            (Resident, data["residents"]),
            (Vehicle, data["vehicles"]),
            (TheftCase, data.get("cases", [])),
            (PropertyItem, data.get("items", [])),
            (CaseParty, data.get("parties", [])),
        ):
            for i in range(0, len(rows), 50_000):
                conn.execute(insert(table), rows[i : i + 50_000])
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> tuple[float, float]:
    ms = sorted(s * 1000 for s in samples)
    return statistics.median(ms), ms[max(0, int(len(ms) * 0.95) - 1)]


def timed(fn: Callable[[str], object], queries: list[str]) -> tuple[float, float, float]:
    out, found = [], 0
    for q in queries:
        t = time.perf_counter()
        r = fn(q)
        out.append(time.perf_counter() - t)
        found += bool(r)
    p50, p95 = percentiles(out)
    return p50, p95, found / len(queries)


def run_queries(engine: Engine, data: dict[str, list[dict]], label: str, n: int = 300) -> None:
    rng = synthetic_rng(11)
    people = data["residents"]
    sample = [people[rng.randrange(len(people))] for _ in range(n)]
    phones = [p["phone"] for p in sample if p["phone"]]
    given2 = [p["name"][1:] for p in sample if len(p["name"]) == 3]
    classes = {
        "exact ID number (18)": [p["id_number"] for p in sample],
        "exact phone (11)": phones,
        "ID last 4": [p["id_number"][-4:] for p in sample],
        "ID last 6": [p["id_number"][-6:] for p in sample],
        "phone last 4": [p[-4:] for p in phones],
        "phone first 7": [p[:7] for p in phones],
        "name, full (2-3 chars)": [p["name"] for p in sample],
        "name, 1 char (surname)": [p["name"][0] for p in sample],
        "name, 2-char given name": given2,
        "plate": [v["plate"].lower() for v in data["vehicles"][:n]],
        "address (3号楼 1203)": [
            f"{rng.randint(1, 5)}号楼 {rng.randint(1, 25)}0{rng.randint(1, 4)}" for _ in range(n)
        ],
    }
    service = SearchService(session_factory(engine), SystemClock())
    actor = Actor(
        None, "bench", "bench", "duty_officer", frozenset({Permission.VIEW_REGISTRY, Permission.VIEW_CASES})
    )
    if data.get("cases"):
        picked = [rng.randrange(len(data["cases"])) for _ in range(n)]
        items = data["items"]
        classes["case number"] = [data["cases"][i]["case_no"] for i in picked]
        classes["property IMEI"] = [items[i]["imei"] for i in picked if items[i]["imei"]]
        classes["property frame"] = [items[i]["frame"] for i in picked if items[i]["frame"]]
        classes["suspect name (full)"] = [data["parties"][i]["name"] for i in picked]
    case_kinds = {"case number", "property IMEI", "property frame", "suspect name (full)"}
    for q in classes["exact ID number (18)"][:20]:
        service.search(actor, q)  # warm the page cache and statement caches

    def naive(q: str) -> list:
        with engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT id FROM resident WHERE name LIKE :p OR id_number LIKE :p "
                    "OR phone LIKE :p LIMIT 50"
                ),
                {"p": f"%{q}%"},
            ).all()

    print(
        f"\n{label}: {len(people):,} residents, {len(data['households']):,} households, "
        f"{len(data['vehicles']):,} vehicles"
    )
    print(
        f"{'query kind':26} {'n':>4} {'search p50':>11} {'p95':>8} {'found':>6} | {'baseline LIKE p50':>18} {'p95':>9}"
    )

    def naive_cases(q: str) -> list:
        with engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT c.id FROM theft_case c WHERE c.case_no LIKE :p "
                    "OR c.id IN (SELECT case_id FROM property_item WHERE imei LIKE :p OR serial LIKE :p "
                    "OR frame LIKE :p) "
                    "OR c.id IN (SELECT case_id FROM case_party WHERE name LIKE :p) LIMIT 50"
                ),
                {"p": f"%{q}%"},
            ).all()

    for kind, queries in classes.items():
        p50, p95, found = timed(lambda q: service.search(actor, q), queries)
        base = queries[: min(40, n)]  # the unindexed baseline is slow: 40 suffice for its percentiles
        b50, b95, _ = timed(naive_cases if kind in case_kinds else naive, base)
        print(
            f"{kind:26} {len(queries):>4} {p50:>8.2f} ms {p95:>5.2f} ms {found:>6.0%} | "
            f"{b50:>15.1f} ms {b95:>6.1f} ms"
        )


def targets(args: Any, work: Path, stack: ExitStack) -> list[tuple[str, str, str | None]]:
    """(label, URL, URL for the deferred-index load or None) for each database to search."""
    out: list[tuple[str, str, str | None]] = [
        ("SQLite", f"sqlite:///{work / 'search.db'}", f"sqlite:///{work / 'deferred.db'}")
    ]
    if args.pg == "scratch":
        if pg_reachable():
            out.append(("PostgreSQL", stack.enter_context(scratch_pg_database("bench_search")), None))
    elif args.pg:
        out.append(("PostgreSQL", args.pg, None))
    return out


@contextmanager
def fresh_database(url: str) -> Iterator[Engine]:
    """The database at ``url`` at the current schema and empty (PostgreSQL: its schema recreated)."""
    if url.startswith("postgresql"):
        eng = make_engine(url)
        with eng.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        eng.dispose()
    engine = open_database(url)
    try:
        yield engine
    finally:
        engine.dispose()


def compare_deferred_load(label: str, url: str, data: dict[str, list[dict]]) -> None:
    """Load without the search indexes, then rebuild them: what the indexes cost a bulk load."""
    with fresh_database(url) as deferred:
        drop_search_indexes(deferred)
        bare = load(deferred, data)
        t = time.perf_counter()
        rebuild_search_index(deferred)
        rebuilt = time.perf_counter() - t
    print(
        f"{label}: without search indexes {bare:.1f} s, then rebuild_search_index {rebuilt:.1f} s "
        f"(total {bare + rebuilt:.1f} s)"
    )


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--residents", type=int, default=1_000_000)
    ap.add_argument(
        "--pg",
        help="PostgreSQL URL of a scratch database (its tables are dropped and recreated), "
        "or 'scratch' for one made and dropped here",
    )
    ap.add_argument("--queries", type=int, default=300, help="queries of each kind")
    ap.add_argument("--skip-load-compare", action="store_true", help="do not measure the deferred-index load")
    ap.add_argument("--cases", type=int, default=20_000, help="cases (each with an item and a suspect)")
    args = parse(ap, smoke={"residents": 20_000, "queries": 40, "pg": "scratch", "cases": 2_000})
    t = time.perf_counter()
    data = make_data(args.residents)
    data.update(make_cases(args.cases, data["residents"]))
    print(f"generated {args.residents:,} residents in {time.perf_counter() - t:.1f} s")
    work = Path(tempfile.mkdtemp(prefix="bench_search_"))
    with ExitStack() as stack:
        for label, url, deferred_url in targets(args, work, stack):
            with fresh_database(url) as engine:
                loaded = load(engine, data)
                t = time.perf_counter()
                rebuild_search_index(engine)  # ANALYZE only: the indexes exist already
                analyse = time.perf_counter() - t
                print(
                    f"{label}: Core load into the indexed schema {loaded:.1f} s (+ ANALYZE {analyse:.1f} s)"
                )
                if deferred_url and not args.skip_load_compare:
                    compare_deferred_load(label, deferred_url, data)
                run_queries(engine, data, label, args.queries)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
