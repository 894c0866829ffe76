"""The PostgreSQL password kept out of plain settings files: the system keyring, else libpq's .pgpass.

A database URL is stored without its password. The password goes to the system keyring when a
usable backend exists (service ``duty-console``, user ``user@host:port/database``), otherwise to
libpq's password file (``$PGPASSFILE`` or ``~/.pgpass``, mode 0600), which psycopg reads by
itself. :func:`with_stored_password` puts a keyring password back into a URL before connecting.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported when needed: the window paints before it loads
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

KEYRING_SERVICE = "duty-console"


def _postgres_url(url: str) -> URL | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    return parsed if parsed.get_backend_name() == "postgresql" else None


def _account(url: URL) -> str:
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def holds_password(url: str) -> bool:
    """True when ``url`` is a PostgreSQL URL with a password written in it."""
    parsed = _postgres_url(url)
    return parsed is not None and bool(parsed.password)


def without_password(url: str) -> str:
    """``url`` with any password removed (other URLs unchanged)."""
    parsed = _postgres_url(url)
    if parsed is None or parsed.password is None:
        return url
    return parsed._replace(password=None).render_as_string(hide_password=False)  # set() keeps a None


def keyring_usable() -> bool:
    """A keyring backend that really stores secrets (not keyring's fail or null backend)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring installation is "no keyring"
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    priority = getattr(backend, "priority", 0)
    return bool(priority and priority > 0)


def pgpass_path() -> Path:
    """libpq's password file: $PGPASSFILE, else ~/.pgpass."""
    given = os.environ.get("PGPASSFILE")
    return Path(given) if given else Path.home() / ".pgpass"


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _write_pgpass(url: URL, password: str) -> Path:
    """Add or replace the line for this host, port, database and user; the file stays mode 0600."""
    path = pgpass_path()
    key = ":".join(
        _pgpass_field(v)
        for v in (url.host or "localhost", str(url.port or 5432), url.database or "*", url.username or "")
    )
    lines: list[str] = []
    if path.exists():
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith(key + ":")]
    lines.append(f"{key}:{_pgpass_field(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        os.fchmod(fh.fileno(), 0o600)  # an older file may have been readable by others; libpq ignores it then
        fh.write("\n".join(lines) + "\n")
    return path


def store_password(url: str) -> tuple[str, str | None]:
    """Move the password out of ``url``: returns the URL without it and where it went.

    Where is "keyring" or the path of the .pgpass file; None when the URL held no password.
    """
    parsed = _postgres_url(url)
    if parsed is None or not parsed.password:
        return url, None
    password = str(parsed.password)
    bare = without_password(url)
    if keyring_usable():
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, _account(parsed), password)
            return bare, "keyring"
        except Exception as exc:  # a locked or refusing keyring falls back to .pgpass
            log.warning("the system keyring refused the database password (%s); using .pgpass", exc)
    return bare, str(_write_pgpass(parsed, password))


def with_stored_password(url: URL) -> URL:
    """``url`` with the password kept in the keyring, if it has none and the keyring has one.

    Without a keyring entry the URL is returned as is: libpq then looks in .pgpass itself.
    """
    if url.get_backend_name() != "postgresql" or url.password or not url.username:
        return url
    if not keyring_usable():
        return url
    try:
        import keyring

        password = keyring.get_password(KEYRING_SERVICE, _account(url))
    except Exception as exc:  # fall back to .pgpass, say why in the log
        log.warning("could not read the database password from the system keyring: %s", exc)
        return url
    return url.set(password=password) if password else url
