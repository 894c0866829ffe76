"""Import a generated 300,000-row registry CSV into a fresh SQLite file (issue 4: <= 60 s).

Baseline in the same run: the same rows parsed with the csv module and written with raw sqlite3
executemany into the same tables (no validation, no upsert, no lookups) - the floor any import
could reach. Run: python bench/bench_import.py [--rows N] [--keep DIR] [--smoke]
``--smoke``: 3,000 rows (seconds; for CI).
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path

from _common import parse, parser, synthetic_rng

from console.clock import SystemClock
from console.db import open_database, session_factory
from console.security import Actor, Permission
from console.services.registry import RegistryImportService
from console.validators import id_check_character

HEADER = [
    "小区",
    "小区编码",
    "网格",
    "楼栋",
    "单元",
    "户室",
    "房屋用途",
    "姓名",
    "身份证号",
    "手机号",
    "与户主关系",
    "最近核实",
]
SURNAMES = "陈林黄张李王吴刘蔡杨郑许谢洪郭曾邱叶苏庄周徐何高"
GIVEN = "伟强磊军勇杰涛斌超明辉鹏华芳娜敏静丽艳娟霞玲婷雪慧颖"
USES = ["自住"] * 6 + ["出租"] * 3 + ["群租", "空置", "商用"]


def generate(path: Path, rows: int, seed: int = 4) -> None:
    rng = synthetic_rng(seed)
    start = dt.date(1950, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        n = 0
        hh = 0
        while n < rows:
            community = hh // 5000
            building = (hh // 200) % 25 + 1
            unit = (hh // 100) % 2 + 1
            floor = (hh // 4) % 25 + 1
            room = f"{floor}{hh % 4 + 1:02d}"
            use = rng.choice(USES)
            verified = (dt.date(2026, 3, 1) - dt.timedelta(days=rng.randint(0, 400))).isoformat()
            people = 0 if use == "空置" else rng.randint(1, 4)
            base = [
                f"灌口{community:03d}小区",
                f"GK{community:03d}",
                f"网格{community // 4 + 1}",
                f"{building}号楼",
                str(unit),
                room,
                use,
            ]
            if people == 0:
                w.writerow([*base, "", "", "", "", verified])
                n += 1
            for p in range(people):
                if n >= rows:
                    break
                born = start + dt.timedelta(days=n // 900)
                first17 = f"350211{born:%Y%m%d}{n % 900:03d}"
                name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
                w.writerow(
                    [
                        *base,
                        name,
                        first17 + id_check_character(first17),
                        f"138{n:08d}",
                        "户主" if p == 0 else "家属",
                        verified,
                    ]
                )
                n += 1
            hh += 1


def baseline(csv_path: Path, db_path: Path) -> float:
    """csv parse + raw sqlite3 executemany of households and residents into the real schema."""
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO station (code, name, district, orange_after_days, red_after_days, "
        "escalate_after_seconds, version) VALUES ('B', 'b', '', 30, 90, 60, 1)"
    )
    conn.execute(
        "INSERT INTO community (station_id, code, name, address, property_manager_company, "
        "property_manager_name, property_manager_phone, smart_gate, version) "
        "VALUES (1, 'B', 'b', '', '', '', '', 0, 1)"
    )
    conn.execute(
        "INSERT INTO building (community_id, name, floors, units, rooms_per_floor, version) "
        "VALUES (1, 'b', 1, 1, 1, 1)"
    )
    households: dict[tuple[str, str, str, str], int] = {}
    residents = []
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for row in reader:
            key = (row[0], row[3], row[4], row[5])
            hid = households.setdefault(key, len(households) + 1)
            if row[7]:
                residents.append((hid, row[7], row[8], row[9], row[10]))
    conn.executemany(
        "INSERT INTO household (id, community_id, building_id, unit, floor, room, housing_use, note, "
        "version) VALUES (?, 1, 1, ?, 1, ?, '自住', '', 1)",
        [(hid, k[1] + k[2], k[0] + k[3]) for k, hid in households.items()],
    )
    conn.executemany(
        "INSERT INTO resident (household_id, name, id_number, phone, relation, criminal_record, "
        "version) VALUES (?, ?, ?, ?, ?, '', 1)",
        residents,
    )
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--rows", type=int, default=300_000)
    ap.add_argument("--keep", type=Path)
    args = parse(ap, smoke={"rows": 3_000})
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_import_"))
    work.mkdir(parents=True, exist_ok=True)
    csv_path = work / "registry.csv"
    t = time.perf_counter()
    generate(csv_path, args.rows)
    print(
        f"generated {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s"
    )

    base_db = work / "baseline.db"
    open_database(f"sqlite:///{base_db}").dispose()
    b = baseline(csv_path, base_db)

    db = work / "station.db"
    engine = open_database(f"sqlite:///{db}")
    service = RegistryImportService(session_factory(engine), SystemClock())
    actor = Actor(None, "bench", "bench", "system", frozenset({Permission.IMPORT_REGISTRY}))
    t = time.perf_counter()
    report = service.import_registry(actor, csv_path)
    first = time.perf_counter() - t
    t = time.perf_counter()
    again = service.import_registry(actor, csv_path)
    second = time.perf_counter() - t
    engine.dispose()

    k = args.rows / 1000
    print(
        f"baseline  csv + raw sqlite3 executemany (no checks): {b:6.1f} s  ({b / k * 1000:6.1f} ms / 1,000 rows)"
    )
    print(
        f"import    first run (all new):                       {first:6.1f} s  ({first / k * 1000:6.1f} ms / 1,000 rows)"
        f"  target <= 60 s"
    )
    print(
        f"re-import same file (idempotent, nothing changes):   {second:6.1f} s  ({second / k * 1000:6.1f} ms / 1,000 rows)"
    )
    print(f"  first:  {report.summary()}")
    print(
        f"  second: households created {again.households_created} updated {again.households_updated}, "
        f"residents created {again.residents_created} updated {again.residents_updated}, "
        f"rejected {again.rows_rejected}"
    )


if __name__ == "__main__":
    main()
