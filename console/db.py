"""Engines and session factories for the embedded SQLite file and a shared PostgreSQL server."""

from __future__ import annotations

import logging
import os
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.config import PG_KEEPALIVES, SSLMODES, data_dir, make_private_dir
from console.credentials import with_stored_password
from console.errors import UNREACHABLE_CODES, DatabaseUnavailable, SchemaTooNew

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another program's write lock
ENV_SQLITE_BUSY_MS = "DUTY_CONSOLE_SQLITE_BUSY_MS"  # overrides it (whole milliseconds)


def sqlite_busy_timeout_ms() -> int:
    """How long SQLite retries a locked database before giving up: 10 s unless the environment
    variable says otherwise (a test, or a station whose backups hold the lock longer)."""
    raw = os.environ.get(ENV_SQLITE_BUSY_MS, "").strip()
    if raw.isdigit():
        return int(raw)
    if raw:
        log.warning(
            "%s=%r is not a whole number of milliseconds; using %d",
            ENV_SQLITE_BUSY_MS,
            raw,
            SQLITE_BUSY_TIMEOUT_MS,
        )
    return SQLITE_BUSY_TIMEOUT_MS


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine for ``url``; raises DatabaseUnavailable for a malformed URL."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable("db.url.malformed", url=repr(url), reason=str(exc)) from None
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {"echo": echo}
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            # The folder made and the file opened must be the same one: SQLite itself does not
            # expand "~", so the URL handed to it carries the expanded path.
            path = Path(parsed.database).expanduser()
            parsed = parsed.set(database=str(path))
            _create_private_file(path)
        busy_ms = sqlite_busy_timeout_ms()
        kwargs["connect_args"] = {"timeout": busy_ms / 1000, "check_same_thread": False}
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        sslmode = parsed.query.get("sslmode")
        if sslmode is not None and sslmode not in SSLMODES:
            raise DatabaseUnavailable("db.sslmode.invalid", value=repr(sslmode), allowed=", ".join(SSLMODES))
        parsed = with_stored_password(parsed)  # kept in the system keyring, not in settings.ini
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": 5, "application_name": "duty-console", **PG_KEEPALIVES}
    else:
        raise DatabaseUnavailable("db.url.unsupported", backend=repr(backend))
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseUnavailable("db.url.unusable", url=repr(url), reason=str(exc)) from None
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "handle_error", _on_connection_lost)
    return engine


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (0600) before SQLite opens it.

    SQLite gives the -wal and -shm files the mode of the database file, so they are 0600 too.
    The data directory, when created here, is 0700; an existing one is left as the user made it,
    except the console's own data directory, which is always made private.
    """
    try:
        make_private_dir(path.parent)
    except OSError as exc:
        raise DatabaseUnavailable(
            "db.sqlite.folder_unusable", path=str(path), folder=str(path.parent), reason=_os_reason(exc)
        ) from None
    if path.parent == data_dir():
        try:
            path.parent.chmod(0o700)
        except OSError as exc:  # not ours to change: open it anyway, say so in the log
            log.warning("could not make %s private: %s", path.parent, exc.strerror)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except IsADirectoryError:
        raise DatabaseUnavailable("db.sqlite.is_a_folder", path=str(path)) from None
    except OSError as exc:  # a read-only folder or file system: SQLite could not create it either
        raise DatabaseUnavailable(
            "db.sqlite.folder_unusable", path=str(path), folder=str(path.parent), reason=_os_reason(exc)
        ) from None
    os.fchmod(fd, 0o600)  # whatever the umask
    os.close(fd)


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def sqlite_file_error(path: str, reason: str) -> DatabaseUnavailable | None:
    """What is wrong with the SQLite FILE, from SQLite's message; None when it is no file problem.

    There is no server or network behind a SQLite URL: "check the server" would send the
    officer looking in the wrong place.
    """
    lowered = reason.lower()
    folder = str(Path(path).parent)
    if "file is not a database" in lowered:
        return DatabaseUnavailable("db.sqlite.not_a_database", path=path)
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseUnavailable("db.sqlite.read_only", path=path, folder=folder)
    if "database is locked" in lowered or "database is busy" in lowered:
        return DatabaseUnavailable(
            "db.sqlite.locked", path=path, seconds=f"{sqlite_busy_timeout_ms() / 1000:g}"
        )
    if "unable to open database file" in lowered:
        if Path(path).is_dir():
            return DatabaseUnavailable("db.sqlite.is_a_folder", path=path)
        if not Path(folder).is_dir():
            return DatabaseUnavailable(
                "db.sqlite.folder_unusable", path=path, folder=folder, reason="no such folder"
            )
        return DatabaseUnavailable("db.sqlite.cannot_open", path=path, folder=folder)
    # (not any "malformed": an FTS5 search's "malformed MATCH expression" is no file problem)
    if any(
        words in lowered
        for words in ("disk i/o error", "database or disk is full", "disk image is malformed")
    ):
        return DatabaseUnavailable("db.sqlite.disk", path=path, reason=reason)
    return None


def _on_connection_lost(context: Any) -> None:
    """A server that cannot be reached is an error the user can act on, not a bug.

    Raised from the engine itself so every service, whichever way it opens its session, reports
    "database unreachable" as a ``DatabaseUnavailable`` (a ``UserError``) that panes show plainly.
    """
    if context.is_pre_ping:  # let the pool reconnect quietly
        return
    engine = context.engine
    if engine is not None and engine.url.get_backend_name() == "sqlite":
        reason = str(context.original_exception).strip().splitlines()[0]
        problem = sqlite_file_error(str(engine.url.database), reason)
        if problem is not None:
            raise problem from context.original_exception
    if context.is_disconnect or context.connection is None:
        where = describe(engine) if engine is not None else ""
        reason = str(context.original_exception).strip().splitlines()[0]
        raise DatabaseUnavailable(
            "db.unavailable", target=where, reason=reason
        ) from context.original_exception


# DatabaseUnavailable codes that mean "away for now": the same work may be sent again later.
# What may be waited out: a lost server or network, or a SQLite file another program holds.
AWAY_CODES = UNREACHABLE_CODES | {"db.sqlite.locked"}


def database_away(exc: BaseException) -> bool:
    """True when ``exc`` says the database is away for now and the same work may be retried.

    A PostgreSQL server that is down, restarting, in crash recovery or cut off (whether SQLAlchemy
    wrapped the driver's error, ``_on_connection_lost`` turned it into ``DatabaseUnavailable``, or
    it came straight from a raw driver cursor), and a SQLite file still locked by another program
    after the busy timeout. A transaction that failed this way was rolled back, or (if the
    connection broke during COMMIT) may have been committed: either way, sending the same events
    again is safe because ingest is idempotent by ``(source, external_id)``.
    """
    if isinstance(exc, DatabaseUnavailable):
        return exc.code in AWAY_CODES
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        return _driver_error_away(exc.orig)
    return _driver_error_away(exc)


def database_error(exc: BaseException) -> bool:
    """True for any failure reported by the database or its driver (away or not), not a bug of ours."""
    import sqlite3

    if isinstance(exc, DatabaseUnavailable | DBAPIError | sqlite3.Error):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(exc, psycopg.Error)


def _driver_error_away(exc: BaseException | None) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.OperationalError):
        reason = str(exc).lower()
        return "database is locked" in reason or "database is busy" in reason
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    # OperationalError: connection lost, server shutting down or starting up, serialization
    # failures and deadlocks; InterfaceError: a connection already closed.
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL, always: every commit is on disk before the console reports it done, so an accepted
    # event, an acknowledgement or a resolution survives a power cut (docs/architecture.md,
    # "Durability"; tests/services/alerts/test_durability.py checks it at commit time).
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={sqlite_busy_timeout_ms()}")
    # 64 MiB page cache: the event and alert indexes outgrow the 2 MiB default within hours.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def describe(engine: Engine) -> str:
    """A short human description: backend and host (never the password)."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database}"
    return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def check_reachable(engine: Engine) -> None:
    """Open one connection; raise DatabaseUnavailable with a one-line reason if it fails."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if engine.url.get_backend_name() == "sqlite":
            problem = sqlite_file_error(str(engine.url.database), reason)
            if problem is not None:
                raise problem from None
        raise DatabaseUnavailable("db.unreachable", target=describe(engine), reason=reason) from None


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("console.migrations")))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The schema revision this version of the console writes."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(files("console.migrations")))
    head = script.get_current_head()
    if head is None:
        raise RuntimeError("the installed migrations have no head revision")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


def plain_head_revision() -> str | None:
    """The head revision as the migration files' own ``revision = "…"`` lines name it, read
    without loading alembic (a quarter of a second of imports at every start); None unless the
    files name exactly one head plainly (a merge revision, a tuple: then alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for entry in (files("console.migrations") / "versions").iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        found = {m[1]: m[2] for m in _REVISION_LINE.finditer(entry.read_text(encoding="utf-8"))}
        revision, parent = found.get("revision", ""), found.get("down_revision", "")
        if not _quoted(revision) or not (parent == "None" or _quoted(parent)):
            return None
        revisions.add(revision[1:-1])
        if parent != "None":
            parents.add(parent[1:-1])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _quoted(value: str) -> bool:
    return re.fullmatch(r"([\"'])[\w.-]+\1", value) is not None


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the current revision; refuse a newer database."""
    check_reachable(engine)
    current = current_revision(engine)
    if current is not None and current == plain_head_revision():
        return  # the usual start: already at head, alembic not needed

    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise SchemaTooNew("db.schema_too_new.untouched", target=describe(engine), revision=current)
        if current == script.get_current_head():
            return
    log.info("upgrading schema of %s from %s", describe(engine), current)
    command.upgrade(cfg, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for one user action each; objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def open_database(url: str) -> Engine:
    """Engine for ``url``, reachable and at the current schema."""
    engine = make_engine(url)
    upgrade(engine)
    return engine
