"""`duty-console ingest`, `watchlist` and `export alerts` exactly as other programs parse them (cli.md)."""

from __future__ import annotations

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

DEAD_PG = "postgresql+psycopg://nobody@127.0.0.1:1/x"


@pytest.fixture
def station_db(db_url: str) -> str:
    engine = make_engine(db_url)
    with engine.begin() as c:
        c.execute(insert(Station).values(id=1, code="GK", name="灌口派出所", version=1))
        c.execute(insert(Community).values(id=1, station_id=1, code="YZ", name="禹洲璟阅城", version=1))
    engine.dispose()
    return db_url


def now_iso() -> str:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).replace(microsecond=0).isoformat()


def line(external_id: str, **fields: Any) -> bytes:
    event = {
        "source": "gate-camera",
        "external_id": external_id,
        "kind": "plate_read",
        "at": now_iso(),
        "community": "YZ",
        "plate": "闽D12345",
    }
    event.update(fields)
    return json.dumps(event, ensure_ascii=False).encode("utf-8")


def run_main(
    args: list[str], stdin: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_one_answer_per_line_in_order_exactly_as_the_contract_shows(
    station_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"\n".join([line("1"), b"", line("1"), b"not json", b"\xff\xfe{}", line("2", plate="闽D1"), b"  "])
    code, out, err = run_main(["--db", station_db, "ingest", "-"], data + b"\n", monkeypatch, capsys)
    rows = out.splitlines()
    assert code == 1
    assert len(rows) == 5  # blank lines get no answer
    first = json.loads(rows[0])
    assert list(first) == ["line", "status", "event_id", "alert_id"]
    assert first["line"] == 1 and first["status"] == "accepted" and first["alert_id"] is None
    assert rows[1] == json.dumps(
        {"line": 3, "status": "duplicate", "event_id": first["event_id"], "alert_id": None}
    )
    bad_json, bad_bytes, bad_plate = (json.loads(r) for r in rows[2:])
    assert list(bad_json) == ["line", "status", "error"]
    assert bad_json["line"] == 4 and bad_json["error"]["field"] is None and bad_json["error"]["message"]
    assert (
        bad_bytes["line"] == 5
        and bad_bytes["error"]["field"] is None
        and "UTF-8" in bad_bytes["error"]["message"]
    )
    assert bad_plate == {
        "line": 6,
        "status": "rejected",
        "error": {"field": "plate", "message": bad_plate["error"]["message"]},
    }
    summary = err.strip().splitlines()
    assert len(summary) == 1 and "1 accepted" in summary[0] and "3 rejected" in summary[0]


def test_exit_0_when_nothing_is_rejected_and_duplicates_are_fine(
    station_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line("a") + b"\r\n" + line("b") + b"\r\n")
    assert cli.main(["--db", station_db, "ingest", str(path)]) == 0
    assert cli.main(["--db", station_db, "ingest", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [json.loads(r)["status"] for r in out] == ["accepted", "accepted", "duplicate", "duplicate"]


def test_missing_file_and_unreachable_database_exit_2(
    station_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--db", station_db, "ingest", str(tmp_path / "missing.jsonl")]) == 2
    path = tmp_path / "events.jsonl"
    path.write_bytes(line("a") + b"\n")
    assert cli.main(["--db", DEAD_PG, "ingest", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err


def test_real_process_over_a_pipe(station_db: str) -> None:
    env = {**os.environ}
    env.pop("DUTY_CONSOLE_DB", None)
    data = line("p1") + b"\n" + line("p2", kind="bogus") + b"\n"
    result = subprocess.run(
        [sys.executable, "-m", "console", "--db", station_db, "ingest", "-"],
        input=data,
        capture_output=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1, result.stderr
    answers = [json.loads(r) for r in result.stdout.decode("utf-8").splitlines()]
    assert [(a["line"], a["status"]) for a in answers] == [(1, "accepted"), (2, "rejected")]
    assert answers[1]["error"]["field"] == "kind"
    assert b"Traceback" not in result.stderr


def test_watchlist_add_prints_the_id_and_list_jsonl_masks(
    station_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", station_db]
    assert cli.main([*db, "watchlist", "add", "--plate", "闽d12345", "--reason", "涉案车辆"]) == 0
    plate_id = capsys.readouterr().out
    assert plate_id.strip().isdigit() and plate_id.count("\n") == 1
    assert (
        cli.main(
            [
                *db,
                "watchlist",
                "add",
                "--id-number",
                "35021119881204003X",
                "--reason",
                "涉诈",
                "--severity",
                "high",
                "--expires",
                "2099-01-01T00:00+08:00",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert cli.main([*db, "watchlist", "add", "--plate", "闽D1", "--reason", "x"]) == 2
    assert "plate" in capsys.readouterr().err
    assert cli.main([*db, "watchlist", "list", "--format", "jsonl"]) == 0
    rows = {r["kind"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["vehicle"]["id"] == int(plate_id) and rows["vehicle"]["plate"] == "闽D12345"
    assert rows["person"]["id_number"] == "350211********003X" and rows["person"]["severity"] == "high"
    for key in (
        "id",
        "kind",
        "plate",
        "id_number",
        "reason",
        "severity",
        "case_no",
        "expires_at",
        "created_at",
    ):
        assert key in rows["vehicle"]


def test_export_alerts_after_ingest(
    station_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", station_db]
    assert cli.main([*db, "watchlist", "add", "--plate", "闽D12345", "--reason", "涉案车辆"]) == 0
    entry = int(capsys.readouterr().out)
    code, out, _ = run_main(
        [*db, "ingest", "-"], line("x1") + b"\n" + line("x2") + b"\n", monkeypatch, capsys
    )
    assert code == 0
    answers = [json.loads(r) for r in out.splitlines()]
    assert answers[0]["alert_id"] == answers[1]["alert_id"] is not None
    assert cli.main([*db, "export", "alerts", "--format", "jsonl"]) == 0
    [alert] = [json.loads(r) for r in capsys.readouterr().out.splitlines()]
    assert alert["id"] == answers[0]["alert_id"]
    assert (alert["kind"], alert["severity"], alert["status"], alert["count"]) == (
        "plate_read",
        "high",
        "new",
        2,
    )
    assert alert["community"] == "禹洲璟阅城" and alert["watchlist_entry_id"] == entry
    assert alert["event_ids"] == [answers[0]["event_id"], answers[1]["event_id"]]
    assert dt.datetime.fromisoformat(alert["raised_at"]).utcoffset() is not None
