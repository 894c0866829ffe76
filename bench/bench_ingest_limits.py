"""Peak memory of a registry import with one bad row and of an event ingest (issue 13).

Targets: importing a 300,000-row registry CSV holding one bad row (an unclosed quote half-way)
peaks at <= 400 MB and rejects that row only; ingesting 100,000 events peaks at <= 300 MB. Each
runs as `duty-console` in a child process on a fresh SQLite file; the peak is the child's
``ru_maxrss``. Also a 100 MB line (refused: over the 1 MiB limit) between two good events,
through a pipe against the same file read by name (the baseline): reading a pipe was quadratic
(101 s against 1.2 s), now both are linear. Run: python bench/bench_ingest_limits.py
[--rows N] [--events N] [--huge-mb N] [--smoke]
``--smoke``: 3,000 rows, 2,000 events and a 10 MB line (seconds; for CI).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import check, parse, parser
from bench_import import generate

ROOT = Path(__file__).resolve().parents[1]
IMPORT_TARGET_MB = 400
INGEST_TARGET_MB = 300


def run_measured(argv: list[str], stdout: Path, pipe_from: Path | None = None) -> tuple[int, str, float, float]:
    """`python -m console ARGV` in a fresh child: exit status, stderr, seconds, peak MB. With
    ``pipe_from``, that file reaches the child's stdin through a pipe (`cat FILE |`)."""
    probe = (
        "import resource, subprocess, sys\n"
        "feed = subprocess.Popen(['cat', sys.argv[2]], stdout=subprocess.PIPE) if sys.argv[2] else None\n"
        "with open(sys.argv[1], 'wb') as out:\n"
        "    rc = subprocess.run([sys.executable, '-m', 'console', *sys.argv[3:]], stdout=out,\n"
        "                        stdin=feed.stdout if feed else None).returncode\n"
        "if feed:\n"
        "    feed.stdout.close()\n"
        "    feed.wait()\n"
        "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DUTY_CONSOLE_DB", None)
    started = time.perf_counter()
    proc = subprocess.run(  # noqa: S603  this interpreter, our own CLI, the bench's own files
        [sys.executable, "-c", probe, str(stdout), str(pipe_from or ""), *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    *lines, last = proc.stderr.strip().splitlines()
    rc, kib = (int(x) for x in last.split())
    return rc, "\n".join(lines), seconds, kib / 1024


def registry_with_one_bad_row(path: Path, rows: int) -> int:
    """The bench_import file with the middle row replaced by one whose quote never closes."""
    clean = path.with_suffix(".clean.csv")
    generate(clean, rows)
    bad_at = rows // 2 + 1  # a data row's number as the report gives it (the header is row 1)
    with clean.open(encoding="utf-8-sig") as src, path.open("w", encoding="utf-8-sig") as dst:
        for number, line in enumerate(src, start=1):
            dst.write('灌口000小区,GK000,网格1,1号楼,1,"101,自住,,,,,\n' if number == bad_at else line)
    clean.unlink()
    return bad_at


def events_file(path: Path, count: int) -> None:
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            event = {
                "source": "hotline",
                "external_id": f"bench-{i}",
                "kind": "report",
                "category": ("theft", "lost-item", "disturbance", "other")[i % 4],
                "text": f"第{i}号来电: 楼道有人吵闹, 请派人查看",
                "at": at,
            }
            fh.write(json.dumps(event, ensure_ascii=False) + "\n")


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--rows", type=int, default=300_000)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--huge-mb", type=int, default=100, help="the long line's size in MB")
    args = parse(ap, smoke={"rows": 3_000, "events": 2_000, "huge_mb": 10})
    with tempfile.TemporaryDirectory(prefix="bench-limits-") as tmp:
        work = Path(tmp)
        registry = work / "registry.csv"
        bad_at = registry_with_one_bad_row(registry, args.rows)
        db = f"sqlite:///{work / 'import.db'}"
        rc, err, seconds, peak = run_measured(["--db", db, "import", "registry", str(registry)], work / "out")
        check(rc == 1, f"import exit status {rc} (expected 1: one row rejected): {err[-500:]}")
        check(f"row {bad_at}: " in err, f"row {bad_at} not the rejected one: {err[-500:]}")
        check(f"rows read {args.rows}, rejected 1" in err, f"not every other row read: {err[-500:]}")
        print(
            f"import {args.rows:,} rows, one bad (row {bad_at}): {seconds:.1f} s, peak {peak:.0f} MB "
            f"(target <= {IMPORT_TARGET_MB} MB: {'met' if peak <= IMPORT_TARGET_MB else 'MISSED'})"
        )
        events = work / "events.jsonl"
        events_file(events, args.events)
        db = f"sqlite:///{work / 'ingest.db'}"
        answers = work / "answers.jsonl"
        rc, err, seconds, peak = run_measured(["--db", db, "ingest", str(events)], answers)
        accepted = sum(1 for line in answers.open(encoding="utf-8") if '"accepted"' in line)
        check(rc == 0 and accepted == args.events, f"ingest exit {rc}, {accepted} accepted: {err[-500:]}")
        print(
            f"ingest {args.events:,} events: {seconds:.1f} s ({args.events / seconds:,.0f}/s), peak {peak:.0f} MB "
            f"(target <= {INGEST_TARGET_MB} MB: {'met' if peak <= INGEST_TARGET_MB else 'MISSED'})"
        )
        huge = work / "huge.jsonl"
        events_file(huge, 2)
        lines = huge.read_text(encoding="utf-8").splitlines()
        with huge.open("w", encoding="utf-8") as fh:
            fh.write(lines[0] + "\n" + '{"note": "' + "z" * (args.huge_mb * 1_000_000) + '"}\n' + lines[1] + "\n")
        timings = {}
        for how, pipe in (("by name (baseline)", None), ("through a pipe", huge)):
            db = f"sqlite:///{work / f'huge-{len(timings)}.db'}"
            argv = ["--db", db, "ingest", "-" if pipe else str(huge)]
            rc, err, seconds, peak = run_measured(argv, answers, pipe_from=pipe)
            statuses = [json.loads(line)["status"] for line in answers.open(encoding="utf-8")]
            check(statuses == ["accepted", "rejected", "accepted"], f"{how}: {statuses} (exit {rc}): {err[-300:]}")
            timings[how] = seconds
            print(f"a {args.huge_mb} MB line between two events, {how}: {seconds:.2f} s, peak {peak:.0f} MB")
        ratio = timings["through a pipe"] / timings["by name (baseline)"]
        print(f"ratio     pipe / by name: {ratio:.2f} (was 84 with a 100 MB line: quadratic)")


if __name__ == "__main__":
    main()
