"""`duty-console import registry`: rejections on stderr, summary, exit status 0 / 1 / 2."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from console.cli import main
from console.db import make_engine, session_factory
from console.models import Resident
from console.validators import id_check_character

GOOD = "35021119850312001" + id_check_character("35021119850312001")


def resident_count(db_url: str) -> int:
    engine = make_engine(db_url)
    try:
        with session_factory(engine)() as s:
            return s.scalar(select(func.count()).select_from(Resident)) or 0
    finally:
        engine.dispose()


def write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_text(text, encoding=encoding)
    return str(path)


def test_clean_file_exits_0(db_url, tmp_path, capsys):
    f = write(tmp_path / "ok.csv", f"小区,楼栋,户室,姓名,身份证号\n海景花园,3,1203,张伟,{GOOD}\n")
    assert main(["--db", db_url, "import", "registry", f]) == 0
    err = capsys.readouterr().err
    assert "rows read 1, rejected 0" in err and "residents created 1" in err
    assert resident_count(db_url) == 1


def test_rejected_rows_on_stderr_exit_1(db_url, tmp_path, capsys):
    bad = GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1")
    f = write(
        tmp_path / "bad.csv",
        f"小区,楼栋,户室,姓名,身份证号\n海景花园,3,1203,张伟,{GOOD}\n"
        f"海景花园,3,1204,李四,{bad}\n海景花园,3,12x,王五,\n",
    )
    assert main(["--db", db_url, "import", "registry", f]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"row 3: id_number: 校验码应为 {GOOD[-1]} (check character should be {GOOD[-1]})" in err
    assert any(line.startswith("row 4: room: ") for line in err)
    assert "rejected 2" in err[-1]


def test_dry_run_stores_nothing(db_url, tmp_path, capsys):
    f = write(tmp_path / "ok.csv", f"小区,楼栋,户室,姓名,身份证号\n海景花园,3,1203,张伟,{GOOD}\n")
    assert main(["--db", db_url, "import", "registry", f, "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().err
    assert resident_count(db_url) == 0


def test_gbk_file_exits_2_offering_the_encoding_then_imports_with_it(db_url, tmp_path, capsys):
    f = write(tmp_path / "gbk.csv", "小区,楼栋,户室,姓名\n海景花园,3,1203,张伟\n", encoding="gbk")
    assert main(["--db", db_url, "import", "registry", f]) == 2
    err = capsys.readouterr().err
    assert "不是 UTF-8" in err and "--encoding gbk" in err and "Traceback" not in err
    assert resident_count(db_url) == 0
    assert main(["--db", db_url, "import", "registry", f, "--encoding", "gbk"]) == 0
    assert resident_count(db_url) == 1


def test_missing_required_column_exits_2(db_url, tmp_path, capsys):
    f = write(tmp_path / "x.csv", "小区,姓名\n海景花园,张伟\n")
    assert main(["--db", db_url, "import", "registry", f]) == 2
    assert "missing required column" in capsys.readouterr().err


def test_unreadable_file_exits_2_without_traceback(db_url, tmp_path, capsys):
    assert main(["--db", db_url, "import", "registry", str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert "file not found" in err and "Traceback" not in err
