"""Errors a user can act on. Anything else is a bug and goes to the crash handler.

An error carries a **code** and its **parameters**, never finished words: the edge that shows it (a
widget, the command line) turns it into Chinese or English with ``console.messages.text``. The
catalogue of codes and their two wordings lives in ``console.messages``; ``str(error)`` gives the
Chinese text, for logs and for callers that have no language at hand.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """An error fit to show a duty officer (one line, says what to do): ``code`` plus ``params``."""

    default_code = "error.generic"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        self.code = code or self.default_code
        self.params = params
        super().__init__(self.code)

    def text(self, language: str = "zh_CN") -> str:
        """The message in ``language`` ("zh_CN" or "en")."""
        from console.messages import text

        return text(self.code, language, **self.params)

    def bilingual(self) -> str:
        """ "中文 (English)": what the command line prints, for readers and scripts of either language."""
        from console.messages import bilingual

        return bilingual(self.code, **self.params)

    def __str__(self) -> str:
        return self.text("zh_CN")


class DatabaseUnavailable(UserError):
    """The database cannot be reached or the URL is malformed."""

    default_code = "db.unavailable"

    @property
    def unreachable(self) -> bool:
        """A lost server or network (not a malformed URL, a bad SQLite file or a lock)."""
        return self.code in UNREACHABLE_CODES


# The codes of a database server or network that cannot be reached.
UNREACHABLE_CODES = frozenset({"db.unavailable", "db.unreachable"})


class SchemaTooNew(UserError):
    """The database was created by a newer version of the console."""

    default_code = "db.schema_too_new"


class ValidationError(UserError, ValueError):
    """Bad input: names the field and the rule it broke (``code`` and its ``params``)."""

    def __init__(self, field: str | None, code: str, /, **params: Any) -> None:
        super().__init__(code, **params)
        self.field = field

    @property
    def message(self) -> str:
        """The rule in both languages, "中文 (English)", without the field name: what JSON answers,
        import reports and the command line carry for programs and readers of either language."""
        from console.messages import bilingual

        return bilingual(self.code, **self.params)

    def text(self, language: str = "zh_CN") -> str:
        from console.messages import text

        return text(self.code, language, **self.params)

    def bilingual(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class PermissionDenied(UserError):
    """The acting user's role does not allow this.

    ``actor`` is who was refused (set by ``Actor.require``); ``audited`` turns true once the
    refusal is in the audit log, so a service called by another service logs it only once.
    """

    default_code = "auth.permission_denied"
    actor: Any = None
    audited: bool = False


class ConflictError(UserError):
    """Another console changed the same record first; reload and try again."""

    default_code = "conflict.stale"


class NotYetAvailable(UserError):
    """A reserved command whose issue has not landed yet."""

    default_code = "cli.not_yet_available"
