"""No ID number or phone number in clear in the application log."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.log_privacy import PersonalDataFilter, protect_handlers
from console.validators import id_check_character

ID = "35021119900307002"
ID = ID + id_check_character(ID)
PHONE = "13812345678"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """A file handler on the root logger, protected the way the console protects its handlers."""
    path = tmp_path / "console.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    protect_handlers(root)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


def test_id_numbers_and_phones_are_masked_in_messages_arguments_and_tracebacks(log_file: Path) -> None:
    log = logging.getLogger("console.services.registry")
    log.warning("resident %s called from %s", ID, PHONE)
    log.warning(f"inline {ID}/{PHONE}")
    try:
        raise ValueError(f"no household for {ID}")
    except ValueError:
        log.exception("import row failed")

    written = log_file.read_text(encoding="utf-8")
    assert ID not in written and PHONE not in written
    assert "350211********" + ID[-4:] in written
    assert "138****5678" in written
    assert written.count("****") >= 5
    assert "ValueError: no household for 350211" in written  # the traceback is still there, masked


@pytest.mark.qt  # console.app is the window's composition root
def test_the_console_log_file_is_protected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's own log file (app._log_to_file) carries the filter too."""
    from console import app

    monkeypatch.setattr(app, "log_dir", lambda: tmp_path)
    root = logging.getLogger()
    before = list(root.handlers)
    app._log_to_file()
    added = [h for h in root.handlers if h not in before]
    try:
        assert any(isinstance(f, PersonalDataFilter) for h in added for f in h.filters)
        logging.getLogger("console.widgets").warning("searched for %s", PHONE)
        for h in added:
            h.flush()
        written = (tmp_path / "console.log").read_text(encoding="utf-8")
        assert "138****5678" in written and PHONE not in written
        assert stat.S_IMODE((tmp_path / "console.log").stat().st_mode) == 0o600
    finally:
        for h in added:
            root.removeHandler(h)
            h.close()


def test_the_command_line_protects_every_handler_it_logs_through(tmp_path: Path) -> None:
    from console import cli

    assert cli.main(["--db", f"sqlite:///{tmp_path / 'x.db'}", "init-db"]) == 0
    handlers = logging.getLogger().handlers
    assert handlers
    assert all(any(isinstance(f, PersonalDataFilter) for f in h.filters) for h in handlers)
