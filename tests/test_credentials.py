"""The PostgreSQL password never in a plain settings file; sslmode reaches libpq, checked."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from console.config import Settings, load_settings, save_settings, with_sslmode
from console.credentials import KEYRING_SERVICE
from console.db import check_reachable, make_engine
from console.errors import DatabaseUnavailable
from console.messages import text

URL = "postgresql+psycopg://duty:p%40ss:w0rd@db.station.local:5433/station"
BARE = "postgresql+psycopg://duty@db.station.local:5433/station"


class MemoryKeyring(KeyringBackend):
    """A keyring that works, kept in memory (the system's Secret Service is an edge we fake)."""

    priority = 1  # type: ignore[assignment]
    viable = False  # never picked by keyring's own discovery for other tests; set explicitly here

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME, so .pgpass is written there and nowhere else."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("HOME", str(path))
    monkeypatch.delenv("PGPASSFILE", raising=False)
    return path


@pytest.fixture
def restore_keyring() -> object:
    before = keyring.get_keyring()
    yield before
    keyring.set_keyring(before)


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_without_a_keyring_the_password_goes_to_pgpass_not_the_settings_file(
    backend: type, home: Path, tmp_path: Path, restore_keyring: object
) -> None:
    keyring.set_keyring(backend())
    ini = tmp_path / "settings.ini"
    saved = save_settings(Settings(db_url=URL), ini)

    assert "w0rd" not in ini.read_text(encoding="utf-8")
    assert saved.db_url == BARE
    assert load_settings(path=ini).db_url == BARE
    pgpass = home / ".pgpass"
    # libpq's format, ':' escaped; psycopg finds it by itself
    assert pgpass.read_text(encoding="utf-8") == "db.station.local:5433:station:duty:p@ss\\:w0rd\n"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600


def test_pgpass_keeps_other_lines_and_replaces_this_accounts_line(
    home: Path, tmp_path: Path, restore_keyring: object
) -> None:
    keyring.set_keyring(fail.Keyring())
    pgpass = home / ".pgpass"
    pgpass.write_text(
        "other:5432:*:someone:theirs\ndb.station.local:5433:station:duty:old\n", encoding="utf-8"
    )
    pgpass.chmod(0o644)
    save_settings(Settings(db_url=URL), tmp_path / "settings.ini")
    assert pgpass.read_text(encoding="utf-8").splitlines() == [
        "other:5432:*:someone:theirs",
        "db.station.local:5433:station:duty:p@ss\\:w0rd",
    ]
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600  # libpq ignores a file others can read


def test_with_a_keyring_the_password_is_kept_there_and_found_again(
    home: Path, tmp_path: Path, restore_keyring: object
) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    ini = tmp_path / "settings.ini"
    save_settings(Settings(db_url=URL), ini)

    assert "w0rd" not in ini.read_text(encoding="utf-8")
    assert not (home / ".pgpass").exists()
    assert ring.secrets == {(KEYRING_SERVICE, "duty@db.station.local:5433/station"): "p@ss:w0rd"}
    engine = make_engine(load_settings(path=ini).db_url)
    try:
        assert engine.url.password == "p@ss:w0rd"  # what psycopg is handed when it connects
    finally:
        engine.dispose()


@pytest.mark.qt  # through the settings dialog's save path
def test_an_old_settings_file_with_a_password_is_rewritten_without_it_and_said_once(
    home: Path, tmp_path: Path, restore_keyring: object, caplog: pytest.LogCaptureFixture
) -> None:
    from console.widgets.settings_dialog import persist_settings

    keyring.set_keyring(fail.Keyring())
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[console]\ndb_url = {URL.replace('%', '%%')}\ntheme = dark\n", encoding="utf-8")
    settings = load_settings(path=ini)

    with caplog.at_level(logging.WARNING, logger="console.config"):
        persist_settings(settings.__class__(theme="light"), None, ini)  # the user only changed the theme
        persist_settings(settings.__class__(theme="dark"), None, ini)

    content = ini.read_text(encoding="utf-8")
    assert "w0rd" not in content
    assert "db_url = postgresql+psycopg://duty@db.station.local:5433/station" in content
    assert "p@ss\\:w0rd" in (home / ".pgpass").read_text(encoding="utf-8")
    said = [r.getMessage() for r in caplog.records if "plain text" in r.getMessage()]
    assert len(said) == 1 and ".pgpass" in said[0]


def test_a_sqlite_url_is_saved_as_it_is(tmp_path: Path, home: Path) -> None:
    ini = tmp_path / "settings.ini"
    save_settings(Settings(db_url="sqlite:////srv/station.db"), ini)
    assert "db_url = sqlite:////srv/station.db" in ini.read_text(encoding="utf-8")
    assert not (home / ".pgpass").exists()


# ----- sslmode ---------------------------------------------------------------------------------


def test_the_sslmode_setting_goes_into_the_url_unless_the_url_names_one(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[console]\ndb_url = {BARE}\nsslmode = verify-full\n", encoding="utf-8")
    settings = load_settings(path=ini)
    assert settings.db_url == BARE  # the setting stays a setting (the settings dialog shows both)
    assert settings.connect_url() == BARE + "?sslmode=verify-full"
    assert load_settings(BARE, path=ini).connect_url() == BARE + "?sslmode=verify-full"  # --db too
    assert with_sslmode(BARE + "?sslmode=require", "verify-full") == BARE + "?sslmode=require"
    assert with_sslmode("sqlite:///x.db", "verify-full") == "sqlite:///x.db"


def test_an_unknown_sslmode_is_refused_naming_libpqs_modes() -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        make_engine(BARE + "?sslmode=verify_full")
    words = text(caught.value.code, "en", **caught.value.params)
    assert "'verify_full'" in words
    assert "disable, allow, prefer, require, verify-ca, verify-full" in words
    assert "verify-full" in caught.value.text("zh_CN")


@pytest.mark.postgres
def test_sslmode_reaches_the_server_connection(pg_url: str) -> None:
    """The local test server has TLS off: 'require' must then fail and 'disable' connect."""
    plain = make_engine(with_sslmode(pg_url, "disable"))
    try:
        check_reachable(plain)
    finally:
        plain.dispose()
    strict = make_engine(with_sslmode(pg_url, "require"))
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            check_reachable(strict)
        assert "SSL" in str(caught.value)
    finally:
        strict.dispose()


def test_settings_file_is_created_private_whatever_the_umask(tmp_path: Path) -> None:
    ini = tmp_path / "config" / "settings.ini"
    old = os.umask(0o022)
    try:
        save_settings(Settings(), ini)
    finally:
        os.umask(old)
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600
    assert stat.S_IMODE(ini.parent.stat().st_mode) == 0o700
    ini.chmod(0o644)  # written by an older version
    save_settings(Settings(theme="light"), ini)
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600


def test_saving_settings_loaded_from_an_old_file_moves_its_password(
    home: Path, tmp_path: Path, restore_keyring: object
) -> None:
    """The command line's path (no window): load, save, and the password has left the file."""
    keyring.set_keyring(null.Keyring())
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[console]\ndb_url = {URL.replace('%', '%%')}\n", encoding="utf-8")
    ini.chmod(0o644)
    save_settings(load_settings(path=ini), ini)
    assert "w0rd" not in ini.read_text(encoding="utf-8")
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600
    assert load_settings(path=ini).db_url == BARE
