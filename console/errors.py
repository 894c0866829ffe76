"""Errors a user can act on. Anything else is a bug and goes to the crash handler."""

from __future__ import annotations


class UserError(Exception):
    """An error with a message fit to show a duty officer (one line, says what to do)."""


class DatabaseUnavailable(UserError):
    """The database cannot be reached or the URL is malformed."""


class SchemaTooNew(UserError):
    """The database was created by a newer version of the console."""


class ValidationError(UserError, ValueError):
    """Bad input: names the field and the rule it broke."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class PermissionDenied(UserError):
    """The acting user's role does not allow this."""


class ConflictError(UserError):
    """Another console changed the same record first; reload and try again."""


class NotYetAvailable(UserError):
    """A reserved command whose issue has not landed yet."""
