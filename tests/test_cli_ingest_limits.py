"""Event ingest limits (docs/events.md) and exports that survive odd events: a line over 1 MiB is
answered as rejected without being held whole, a pipe is read in linear time, events nested too
deep are refused, and events already stored with deep nesting or a lone surrogate export whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from console import cli
from console.db import make_engine
from console.models import Community, Station
from console.services.intake import parsing

LIMIT = 1024 * 1024


@pytest.fixture
def station_db(db_url: str) -> str:
    engine = make_engine(db_url)
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        c.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
    engine.dispose()
    return db_url


def event(external_id: str, **fields: Any) -> dict[str, Any]:
    at = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).replace(microsecond=0).isoformat()
    return {
        "source": "gate-camera",
        "external_id": external_id,
        "kind": "report",
        "at": at,
        "community": "YZ",
        "text": "楼道有人吵闹",
        "category": "disturbance",
        **fields,
    }


def line(external_id: str, **fields: Any) -> bytes:
    return json.dumps(event(external_id, **fields), ensure_ascii=True).encode()


def answers(out: str) -> list[dict[str, Any]]:
    return [json.loads(r) for r in out.splitlines()]


def test_a_line_over_1_mib_is_rejected_naming_the_limit_and_the_others_ingest(station_db, tmp_path, capsys):
    exactly = line("2", note="")  # pad the note so the line is exactly the limit
    exactly = line("2", note="x" * (LIMIT - len(exactly)))
    assert len(exactly) == LIMIT
    data = b"\n".join([line("1"), exactly, line("3", note="x" * LIMIT), line("4"), b"y" * (5 * LIMIT)])
    path = tmp_path / "events.jsonl"
    path.write_bytes(data)  # the last line has no newline
    assert cli.main(["--db", station_db, "ingest", str(path)]) == 1
    got = answers(capsys.readouterr().out)
    assert [(a["line"], a["status"]) for a in got] == [
        (1, "accepted"),
        (2, "accepted"),
        (3, "rejected"),
        (4, "accepted"),
        (5, "rejected"),
    ]
    assert got[2]["error"]["field"] is None and "1 MiB (1,048,576 bytes)" in got[2]["error"]["message"]


_MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "rb") as src:
    feeder = subprocess.Popen(["cat"], stdin=src, stdout=subprocess.PIPE)
    proc = subprocess.run([sys.executable, "-m", "console", *sys.argv[2:]], stdin=feeder.stdout)
    feeder.wait()
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
"""


def ingest_through_a_pipe(db_url: str, data_path: Path) -> tuple[list[dict[str, Any]], int]:
    """`ingest -` in a child process reading a pipe: its answers and peak memory (KiB)."""
    env = {**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])}
    env.pop("DUTY_CONSOLE_DB", None)
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(data_path), "--db", db_url, "ingest", "-"],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()[-2000:]
    peak_kib = int(proc.stderr.decode().split()[-1])
    return answers(proc.stdout.decode()), peak_kib


def test_a_pipe_with_a_100_mb_line_is_read_through_in_bounded_memory(station_db, tmp_path):
    """Every line after the long one is answered; its speed is bench/bench_ingest_limits.py's."""
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as f:
        f.write(line("first") + b"\n")
        f.write(b'{"note": "' + b"z" * (100 * LIMIT) + b'"}\n')
        for _ in range(10):
            f.write(b'{"note": "' + b"z" * (10 * LIMIT) + b'"}\n')
        f.write(line("last") + b"\n")
    got, peak_kib = ingest_through_a_pipe(station_db, path)
    assert [a["status"] for a in got] == ["accepted"] + ["rejected"] * 11 + ["accepted"]
    assert got[-1]["line"] == 13
    assert peak_kib < 250 * 1024  # 40 lines of 10 MB took 993 MB before


def test_an_event_nested_deeper_than_32_levels_is_refused_naming_the_field(station_db, capsys):
    deep: Any = 1
    for _ in range(32):
        deep = {"a": deep}  # the event is level 1: "extra" holds 32 more levels
    ok = line("ok", extra=deep["a"])
    too_deep = line("deep", extra=deep)
    sys.stdin = io.TextIOWrapper(io.BytesIO(ok + b"\n" + too_deep + b"\n"))
    try:
        assert cli.main(["--db", station_db, "ingest", "-"]) == 1
    finally:
        sys.stdin = sys.__stdin__
    first, second = answers(capsys.readouterr().out)
    assert first["status"] == "accepted"
    assert second["status"] == "rejected" and second["error"]["field"] == "extra"
    assert "32" in second["error"]["message"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_events_stored_before_the_limits_export_whole(station_db, tmp_path, capsys, monkeypatch, fmt):
    """A 400-level nested extra field and a lone surrogate once raised RecursionError and
    UnicodeEncodeError part-way through the export, after some rows had been written."""
    monkeypatch.setattr(parsing, "MAX_DEPTH", 10_000)  # as ingest accepted them before
    deep: Any = "底"
    for _ in range(400):
        deep = {"a": [deep]}
    data = b"\n".join([line("1"), line("2", extra=deep), line("3", note="\ud800"), line("4")])
    path = tmp_path / "odd.jsonl"
    path.write_bytes(data + b"\n")
    assert cli.main(["--db", station_db, "ingest", str(path)]) == 0
    capsys.readouterr()
    out = tmp_path / f"events.{fmt}"
    assert cli.main(["--db", station_db, "export", "events", "--format", fmt, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "4 records" in err
    text = out.read_text(encoding="utf-8")  # valid UTF-8 throughout
    if fmt == "jsonl":
        rows = [json.loads(r) for r in text.splitlines()]
        assert [r["external_id"] for r in rows] == ["1", "2", "3", "4"]
        assert rows[2]["payload"]["note"] == "\ud800"  # escaped as JSON, read back exactly
        nested = rows[1]["payload"]["extra"]
        for _ in range(400):
            nested = nested["a"][0]
        assert nested == "底"
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["external_id"] for r in rows] == ["1", "2", "3", "4"]
        assert json.loads(rows[2]["payload"])["note"] == "\ud800"


def test_a_payload_deeper_than_python_reads_is_exported_as_the_text_received_and_masked():
    from console.services.reporting import export

    deep = '{"phone": "13812341234", "x": ' + "[" * 1500 + "]" * 1500 + "}"
    assert export._loads(deep) == deep
    masked = export._loads(deep, masked=True)
    assert isinstance(masked, str) and "13812341234" not in masked and "138****1234" in masked
