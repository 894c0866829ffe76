"""Typed settings with defaults, loaded once and passed down (never a global)."""

from __future__ import annotations

import configparser
import logging
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

import platformdirs

from console.credentials import holds_password, store_password

log = logging.getLogger(__name__)

APP_NAME = "duty-console"
ENV_DB = "DUTY_CONSOLE_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and its parents) if missing; a directory created here is mode 0700."""
    if not path.exists():
        path.mkdir(parents=True, exist_ok=True)
        path.chmod(0o700)


# libpq's sslmode values, weakest first (https://www.postgresql.org/docs/current/libpq-ssl.html)
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# A server or network that vanishes without closing the connection (a cable pulled, a host
# frozen) would leave a query waiting for minutes: libpq gives up on a silent peer after ~10 s
# (TCP keepalives on an idle connection, tcp_user_timeout on unacknowledged data), and the
# console's calls fail as "unreachable" instead of holding a worker thread.
PG_KEEPALIVES: dict[str, int] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'station.db'}"


# CJIS: a session locks after at most 30 minutes without input.
MIN_IDLE_LOCK_MINUTES = 1.0
MAX_IDLE_LOCK_MINUTES = 30.0


@dataclass(frozen=True)
class Settings:
    """Console settings. Every field can be given in settings.ini under [console]."""

    db_url: str = ""  # SQLAlchemy URL; empty -> the embedded SQLite file in the user data dir
    theme: str = "dark"  # dark (night shift) | light
    language: str = "zh_CN"  # zh_CN | en
    tile_url: str = ""  # station intranet tile server for the district map; empty -> no tiles
    sound: bool = True  # sound for new critical/high alerts
    remind_every_minutes: float = 5.0  # an overdue unacknowledged alert reminds again at most this often
    simulate_rate: float = 2.0  # events/s of the demo stream in `run --demo`
    idle_lock_minutes: float = 15.0  # lock the screen after this long without input (1-30 minutes)
    sslmode: str = ""  # PostgreSQL TLS: one of SSLMODES; verify-full checks the server; "" -> libpq default

    def with_db(self, url: str) -> Settings:
        return replace(self, db_url=url)

    def connect_url(self) -> str:
        """The URL to connect with: ``db_url`` plus the ``sslmode`` setting when the URL names none."""
        return with_sslmode(self.db_url, self.sslmode)


def load_settings(cli_db: str | None = None, path: Path | None = None) -> Settings:
    """--db, then DUTY_CONSOLE_DB, then the settings file, then the embedded SQLite file."""
    path = path or settings_path()
    values: dict[str, object] = {}
    if path.exists():
        parser = configparser.ConfigParser()
        parser.read(path, encoding="utf-8")
        section = parser["console"] if parser.has_section("console") else {}
        for f in fields(Settings):
            if f.name in section:
                raw = section[f.name]
                if f.type in ("bool", bool):
                    values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
                elif f.type in ("float", float):
                    try:
                        values[f.name] = float(raw)
                    except ValueError:  # one bad line must not stop every command
                        log.warning(
                            "%s: [console] %s = %r is not a number; using %s", path, f.name, raw, f.default
                        )
                else:
                    values[f.name] = raw
    settings = Settings(**values)  # type: ignore[arg-type]
    if not MIN_IDLE_LOCK_MINUTES <= settings.idle_lock_minutes <= MAX_IDLE_LOCK_MINUTES:
        bounded = min(max(settings.idle_lock_minutes, MIN_IDLE_LOCK_MINUTES), MAX_IDLE_LOCK_MINUTES)
        log.warning("idle_lock_minutes %s is outside 1-30; using %s", settings.idle_lock_minutes, bounded)
        settings = replace(settings, idle_lock_minutes=bounded)
    url = cli_db or os.environ.get(ENV_DB) or settings.db_url or default_db_url()
    return settings.with_db(url)


def with_sslmode(url: str, sslmode: str) -> str:
    """A PostgreSQL ``url`` with ``?sslmode=`` from the setting, unless the URL names one itself.

    The value is checked where the engine is made (console.db), so a wrong one stops the
    connection with a message naming libpq's modes instead of silently connecting without TLS.
    """
    if not sslmode.strip() or not url.startswith("postgresql"):
        return url
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # reported as a malformed URL when the engine is made
    if "sslmode" in parsed.query:
        return url
    return parsed.update_query_dict({"sslmode": sslmode.strip()}).render_as_string(hide_password=False)


def save_settings(settings: Settings, path: Path | None = None) -> Settings:
    """Write ``settings`` to the settings file (mode 0600) and return what was written.

    A database password never reaches the file: it moves to the system keyring or .pgpass
    (console.credentials) and the file keeps the URL without it. A file an older version wrote
    with the password in it is rewritten without it, and the log says so (once: the next save
    finds no password to move).
    """
    path = path or settings_path()
    make_private_dir(path.parent)
    old_file_held_password = _file_holds_password(path)
    url, where = store_password(settings.db_url)
    if where is not None:
        settings = replace(settings, db_url=url)
        if old_file_held_password:
            log.warning("%s held the database password in plain text; it is now kept in %s", path, where)
        else:
            log.info("the database password is kept in %s, not in %s", where, path)
    parser = configparser.ConfigParser()
    parser["console"] = {f.name: str(getattr(settings, f.name)) for f in fields(Settings)}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        os.fchmod(fh.fileno(), 0o600)  # a file an older version created 0644 is tightened too
        parser.write(fh)
    return settings


def _file_holds_password(path: Path) -> bool:
    if not path.exists():
        return False
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return False
    return holds_password(parser.get("console", "db_url", fallback=""))
