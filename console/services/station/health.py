"""Is the database still there? A cheap check the status bar runs off the GUI thread."""

from __future__ import annotations

import logging
from importlib.resources import files

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from console.db import check_reachable, current_revision, describe, head_revision, make_engine
from console.errors import DatabaseUnavailable, SchemaTooNew, UserError
from console.messages import Message
from console.services.base import Service, server_time

log = logging.getLogger(__name__)


class HealthService(Service):
    """Connection health of the console's own database, and probing a candidate URL."""

    def ping(self) -> bool:
        """True when one round trip to the database succeeds; never raises."""
        try:
            with self._read() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except (SQLAlchemyError, OSError) as exc:
            log.info("database health check failed: %s", exc)
            return False

    def clock_skew(self) -> float | None:
        """Seconds the database server's clock is ahead of this computer's (negative: behind).

        Read against the middle of one round trip; None when the database cannot be reached, or
        when the console runs on a pinned clock (tests, demo data) that is not this computer's.
        """
        if getattr(self._clock, "pinned", False):
            return None
        local = getattr(self._clock, "local", self._clock.now)  # uncorrected by an earlier measure
        try:
            with self._read() as conn:
                before = local()
                server = server_time(conn)
                after = local()
        except (SQLAlchemyError, OSError) as exc:
            log.info("could not read the database server's clock: %s", exc)
            return None
        return (server - (before + (after - before) / 2)).total_seconds()

    def probe(self, url: str) -> Message:
        """Try ``url`` without changing anything; a one-line verdict, or UserError saying what is wrong.

        Used by the settings dialog's "test connection" button, so it must be safe to call from a
        worker thread and must never create or upgrade a schema.
        """
        if not url.strip():
            raise DatabaseUnavailable("db.url.empty")
        engine = make_engine(url.strip())
        try:
            check_reachable(engine)
            try:
                current = current_revision(engine)
            except SQLAlchemyError as exc:
                raise DatabaseUnavailable(
                    "db.revision.unreadable", target=describe(engine), reason=str(exc)
                ) from None
            head = head_revision()
            if current is None:
                return Message("db.probe.empty", {"target": describe(engine)})
            if current == head:
                return Message("db.probe.current", {"target": describe(engine), "revision": current})
            from alembic.script import ScriptDirectory  # a quarter of a second: not at start-up

            known = {
                rev.revision for rev in ScriptDirectory(str(files("console.migrations"))).walk_revisions()
            }
            if current not in known:
                raise SchemaTooNew("db.schema_too_new", target=describe(engine), revision=current)
            return Message(
                "db.probe.upgrade", {"target": describe(engine), "revision": current, "head": head}
            )
        except UserError:
            raise
        except SQLAlchemyError as exc:
            raise DatabaseUnavailable("db.unusable", target=describe(engine), reason=str(exc)) from None
        finally:
            engine.dispose()
