"""Typed settings with defaults, loaded once and passed down (never a global)."""

from __future__ import annotations

import configparser
import logging
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "duty-console"
ENV_DB = "DUTY_CONSOLE_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


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
    simulate_rate: float = 2.0  # events/s of the demo stream in `run --demo`
    idle_lock_minutes: float = 15.0  # lock the screen after this long without input (1-30 minutes)

    def with_db(self, url: str) -> Settings:
        return replace(self, db_url=url)


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
                        log.warning("%s: [console] %s = %r is not a number; using %s", path, f.name, raw, f.default)
                else:
                    values[f.name] = raw
    settings = Settings(**values)  # type: ignore[arg-type]
    if not MIN_IDLE_LOCK_MINUTES <= settings.idle_lock_minutes <= MAX_IDLE_LOCK_MINUTES:
        bounded = min(max(settings.idle_lock_minutes, MIN_IDLE_LOCK_MINUTES), MAX_IDLE_LOCK_MINUTES)
        log.warning("idle_lock_minutes %s is outside 1-30; using %s", settings.idle_lock_minutes, bounded)
        settings = replace(settings, idle_lock_minutes=bounded)
    url = cli_db or os.environ.get(ENV_DB) or settings.db_url or default_db_url()
    return settings.with_db(url)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    parser = configparser.ConfigParser()
    parser["console"] = {f.name: str(getattr(settings, f.name)) for f in fields(Settings)}
    with path.open("w", encoding="utf-8") as fh:
        parser.write(fh)
