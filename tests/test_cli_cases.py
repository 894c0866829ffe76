"""`case …`, `property …` and `import cases` exactly as contracts/cases.md prints them."""

from __future__ import annotations

import getpass
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from case_data import IMEI, IMEI_BAD, OWNER_ID, STRANGER_ID, ago, ahead, stored
from sqlalchemy import Engine, select, update

from console.cli import main
from console.models import AuditLog, User
from console.services.station import UserService

DEAD_PG = "postgresql+psycopg://nobody@127.0.0.1:1/x"


def run(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> tuple[int, list[Any], list[str]]:
    """Exit status, the JSON objects printed on stdout (one per line), the lines on stderr."""
    status = main(["--db", db_url, *argv])
    captured = capsys.readouterr()
    return (
        status,
        [json.loads(line) for line in captured.out.splitlines() if line.strip()],
        captured.err.splitlines(),
    )


def test_theft_to_owner_through_the_command_line(db_url, capsys):
    rc, [opened], _ = run(
        capsys,
        db_url,
        "case", "open", "--category", "phone", "--reported-at", ago(days=2), "--summary", "住户手机被盗",
        "--community", "禹洲璟阅城", "--victim-name", "王芳", "--victim-id", OWNER_ID, "--victim-phone", "13859210001",
    )  # fmt: skip
    assert rc == 0 and set(opened) == {"case_no", "id", "status"} and opened["status"] == "open"
    case_no = opened["case_no"]
    rc, [other], _ = run(capsys, db_url, "case", "open", "--category", "cable", "--reported-at", ago(days=5),
                         "--summary", "地下室电缆被盗", "--case-no", "GK2026-000777")  # fmt: skip
    assert rc == 0 and other["case_no"] == "GK2026-000777"
    rc, [added], _ = run(capsys, db_url, "property", "add", "--case", case_no, "--description", "智能手机",
                         "--category", "phone", "--imei", IMEI, "--value", "5999.50", "--owner-id", OWNER_ID)  # fmt: skip
    assert rc == 0 and added == {"id": added["id"], "status": "stolen", "case_no": case_no}
    rc, [got], _ = run(capsys, db_url, "property", "recover", "--imei", IMEI[:5] + " " + IMEI[5:], "--at", ago(days=1),
                       "--place", "二手手机店", "--by", "012345")  # fmt: skip
    assert rc == 0 and got == {"id": added["id"], "status": "recovered", "case_no": case_no, "matched": True}
    rc, [found], _ = run(capsys, db_url, "property", "recover", "--frame", "GK-E 0001", "--at", ago(hours=3),
                         "--place", "灌口大道")  # fmt: skip
    assert rc == 0 and found["matched"] is False and found["case_no"] is None
    rc, [called], _ = run(capsys, db_url, "property", "notify", str(added["id"]), "--how", "phone")
    assert rc == 0 and set(called) == {"id", "notified_at"} and called["notified_at"]
    rc, board, _ = run(capsys, db_url, "property", "list", "--status", "unclaimed", "--format", "jsonl")
    assert rc == 0 and [b["id"] for b in board] == [added["id"], found["id"]]
    assert set(board[0]) == {
        "id", "case_no", "description", "category", "status", "recovered_at", "notified_at", "returned_at",
        "days_unclaimed",
    }  # fmt: skip
    assert board[0]["days_unclaimed"] == 1
    rc, [back], _ = run(capsys, db_url, "property", "return", str(added["id"]), "--to-id", OWNER_ID)
    assert rc == 0 and set(back) == {"id", "status", "returned_at"} and back["status"] == "returned"
    rc, [solved], _ = run(
        capsys, db_url, "case", "solve", case_no, "--at", ago(days=1), "--suspect-id", STRANGER_ID
    )
    assert rc == 0 and set(solved) == {"case_no", "status", "solved_at", "hours_to_solve"}
    assert solved["status"] == "solved" and 23.9 <= solved["hours_to_solve"] <= 24.1
    rc, [linked], _ = run(capsys, db_url, "case", "link", case_no, "--case", "GK2026-000777")
    assert rc == 0 and linked == {"case_no": case_no, "linked": {"case_no": "GK2026-000777"}}
    rc, [dossier], _ = run(capsys, db_url, "case", "show", case_no)
    assert rc == 0
    assert {"parties", "property", "alerts", "linked_cases", "timeline", "case_no", "status"} <= set(dossier)
    trail = [e["kind"] for e in dossier["property"][0]["custody"]]
    assert trail == ["reported_stolen", "recovered", "notified", "returned"]
    assert dossier["community"] == "禹洲璟阅城"
    assert [t["kind"] for t in dossier["timeline"]][:2] == ["opened", "property_added"]
    text = json.dumps(dossier, ensure_ascii=False)
    assert OWNER_ID not in text and "13859210001" not in text and "138****0001" in text


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["case", "open", "--category", "jewellery", "--reported-at", "2026-03-01T09:00+08:00", "--summary", "x"],
         "category"),
        (["case", "open", "--category", "cable", "--reported-at", "FUTURE", "--summary", "x"], "reported_at"),
        (["case", "open", "--category", "cable", "--reported-at", "2026-03-01T09:00+08:00", "--summary", "x",
          "--case-no", "GK202600001"], "case_no"),
        (["case", "solve", "GK202600001", "--at", "2026-03-01T08:00+08:00"], "at"),
        (["property", "add", "--case", "GK202600001", "--description", "手机", "--category", "phone",
          "--imei", IMEI_BAD], "imei"),
        (["property", "add", "--case", "GK202600001", "--description", "电缆", "--category", "cable",
          "--value", "-5"], "value"),
        (["property", "return", "1", "--to-id", STRANGER_ID], "to_id"),
        (["property", "recover", "--item", "1", "--at", "2026-03-02T09:00+08:00", "--place", "x"], "status"),
    ],
)  # fmt: skip
def test_refusals_print_the_error_object_and_one_line_and_store_nothing(db_url, engine, capsys, argv, field):
    db = db_url
    run(capsys, db, "case", "open", "--category", "phone", "--reported-at", "2026-03-01T09:00+08:00",
        "--summary", "手机被盗", "--case-no", "GK202600001")  # fmt: skip
    run(capsys, db, "property", "add", "--case", "GK202600001", "--description", "手机", "--category", "phone",
        "--owner-id", OWNER_ID)  # fmt: skip
    run(capsys, db, "property", "recover", "--item", "1", "--at", "2026-03-02T09:00+08:00", "--place", "x")
    from console.db import session_factory

    sessions = session_factory(engine)
    before = stored(sessions)
    argv = [ahead(days=1) if a == "FUTURE" else a for a in argv]
    rc, [answer], err = run(capsys, db, *argv)
    assert rc == 1
    assert set(answer) == {"error"} and set(answer["error"]) == {"field", "message"}
    assert answer["error"]["field"] == field and answer["error"]["message"]
    assert len(err) == 1 and "Traceback" not in err[0]
    assert stored(sessions) == before


def test_solving_twice_is_refused_on_status(db_url, capsys):
    run(
        capsys,
        db_url,
        "case",
        "open",
        "--category",
        "cable",
        "--reported-at",
        ago(days=3),
        "--summary",
        "电缆被盗",
    )
    assert run(capsys, db_url, "case", "solve", "GK202600001", "--at", ago(days=1))[0] == 0
    rc, [answer], _ = run(capsys, db_url, "case", "solve", "GK202600001", "--at", ago(hours=1))
    assert rc == 1 and answer["error"]["field"] == "status"


def test_usage_errors_and_an_unreachable_database_exit_2(db_url, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["--db", db_url, "case", "open", "--category", "cable"])
    assert usage.value.code == 2
    assert main(["--db", DEAD_PG, "property", "list"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert main(["--db", db_url, "case", "show", "GK1", "--unmask"]) == 2  # --unmask needs --user


def _set_password(engine: Engine, username: str, password: str) -> None:
    with engine.begin() as c:
        c.execute(
            update(User)
            .where(User.username == username)
            .values(password_hash=PasswordHasher(time_cost=1, memory_cost=8192).hash(password))
        )


def test_unmask_and_user_need_the_password_and_changes_are_audited_under_the_right_name(
    db_url, engine, capsys, monkeypatch
):
    from console.db import session_factory

    users = UserService(session_factory(engine))
    users.ensure_user("li", "李办案", "investigator")
    users.ensure_user("zhang", "张值班", "duty_officer")
    _set_password(engine, "li", "pw-li")
    _set_password(engine, "zhang", "pw-zhang")
    monkeypatch.setattr(getpass, "getuser", lambda: "dutyops")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def as_user(name: str, password: str, *argv: str) -> tuple[int, list, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
        return run(capsys, db_url, *argv, "--user", name, "--password-stdin")

    run(capsys, db_url, "case", "open", "--category", "phone", "--reported-at", ago(days=1), "--summary", "手机被盗",
        "--victim-id", OWNER_ID)  # fmt: skip
    rc, [plain], _ = as_user("li", "pw-li", "case", "show", "GK202600001", "--unmask")
    assert rc == 0 and plain["parties"][0]["id_number"] == OWNER_ID
    rc, [refused], _ = as_user("zhang", "pw-zhang", "case", "show", "GK202600001", "--unmask")
    assert rc == 1 and OWNER_ID not in json.dumps(refused)
    rc, _, _ = as_user("li", "pw-li", "case", "solve", "GK202600001", "--at", ago(hours=1))
    assert rc == 0
    rc, [wrong], _ = as_user("li", "wrong", "case", "show", "GK202600001", "--unmask")
    assert rc == 1 and "error" in wrong
    with session_factory(engine)() as s:
        rows = s.execute(
            select(AuditLog.username, AuditLog.action, AuditLog.detail).order_by(AuditLog.id)
        ).all()
    actions = [(r.username, r.action) for r in rows]
    assert (
        ("cli", "case_open") in actions
        and ("li", "case_view_unmasked") in actions
        and ("li", "case_solve") in actions
    )
    assert "dutyops" in next(r.detail for r in rows if r.action == "case_open")


def _write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_text(text, encoding=encoding)
    return str(path)


def test_import_cases_reports_rows_on_stderr_and_one_object_and_refuses_gbk(db_url, tmp_path, capsys):
    header = "case_no,category,reported_at,solved_at,summary\n"
    good = "GK202600101,cable,2026-03-01T21:00+08:00,2026-03-02T09:00+08:00,地下室电缆被盗\n"
    bad = "GK202600102,cable,2026-03-05T21:00+08:00,2026-03-04T21:00+08:00,电缆被盗\n"
    f = _write(tmp_path / "cases.csv", header + good + bad)
    rc, [report], err = run(capsys, db_url, "import", "cases", f)
    assert rc == 1
    assert (report["rows_read"], report["created"], report["rejected"]) == (2, 1, 1)
    assert report["rejections"][0]["row"] == 3 and report["rejections"][0]["column"] == "solved_at"
    assert err[0].startswith("row 3: solved_at: ")
    rc, [again], _ = run(capsys, db_url, "import", "cases", _write(tmp_path / "good.csv", header + good))
    assert rc == 0 and (again["created"], again["updated"], again["unchanged"]) == (0, 0, 1)
    gbk = _write(tmp_path / "gbk.csv", "案件编号,案件类别,报案时间,简要案情\nGK202600201,电缆,2026-03-01T21:00+08:00,电缆被盗\n",
                 encoding="gbk")  # fmt: skip
    rc, [refused], err = run(capsys, db_url, "import", "cases", gbk)
    assert rc == 1 and refused["error"]["field"] == "file" and "--encoding gbk" in refused["error"]["message"]
    assert len(err) == 1
    rc, [dry], _ = run(capsys, db_url, "import", "cases", gbk, "--encoding", "gbk", "--dry-run")
    assert rc == 0 and dry["created"] == 1 and dry["dry_run"] is True
    rc, [shown], _ = run(capsys, db_url, "case", "show", "GK202600201")
    assert rc == 1 and shown["error"]["field"] == "case_no"
