"""No personal data in the application log: a filter that masks ID numbers and phones in every record."""

from __future__ import annotations

import logging

from console.validators import mask_personal_text


class PersonalDataFilter(logging.Filter):
    """Masks resident ID numbers and mobile numbers in a record's message and traceback.

    Put on a handler (not a logger) so it also sees the records that propagate from every
    module's logger. The message is formatted here, once, with its arguments, and the record
    carries the masked text from then on, so every later handler writes the masked form.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string is logging's to report, not ours
            return True
        record.msg = mask_personal_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_text(record.stack_info)
        return True


def protect_handlers(logger: logging.Logger | None = None) -> None:
    """Put a :class:`PersonalDataFilter` on every handler of ``logger`` (the root logger) that has none."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
