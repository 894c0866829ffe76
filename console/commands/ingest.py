"""`duty-console ingest FILE|-`: JSON Lines events in, one JSON answer per line out (contracts/cli.md).

Lines are numbered as in the file (blank lines are skipped and get no answer). Input is read
in batches of up to 1,000 lines; when reading from a pipe that goes quiet, the lines read so
far are answered at once, so a feeding program may write one event and wait for its answer.

While the database is away (PostgreSQL restarting or cut off, SQLite locked beyond its busy
timeout) the unanswered batch is sent again with exponential backoff for up to ``--retry-for``
seconds per outage. That is safe: ingest is idempotent by ``(source, external_id)``, so an event
whose transaction was committed just before the connection broke is answered "duplicate" with
its original ids. On giving up, one line names the first unanswered line to resume from; every
line before it has its answer on standard output.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import select
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import BinaryIO, TextIO

from sqlalchemy.exc import DBAPIError

from console.commands import open_services
from console.db import database_away, database_error, describe
from console.errors import DatabaseUnavailable, UserError, ValidationError
from console.messages import bilingual
from console.security import system_actor
from console.services.intake import IngestAnswer, IngestService

BATCH = 1000
BATCH_BYTES = 16 * 1024 * 1024  # a batch is also answered once its lines reach this many bytes
MAX_LINE = 1024 * 1024  # bytes in one event line, newline not counted (docs/events.md)
MAX_LINE_TEXT = "1 MiB (1,048,576 bytes)"
TOO_LONG = b"<line over the limit>"  # stands for a line that was read past, not kept
RETRY_FOR = 120.0  # default seconds to keep retrying while the database is away (--retry-for)
FIRST_BACKOFF = 0.2  # seconds before the first retry; doubled after each failed attempt
MAX_BACKOFF = 4.0  # ... up to this many seconds between attempts


class Unanswered(Exception):
    """Ingest stopped on a database failure; ``line`` is the first line without an answer."""

    def __init__(self, line: int, cause: BaseException, waited: float | None) -> None:
        super().__init__(line)
        self.line = line
        self.cause = cause
        self.waited = waited  # seconds spent retrying; None when the failure was not worth a retry


def _reason(exc: BaseException) -> str:
    """The failure in one line (the driver's words, without SQLAlchemy's background links)."""
    if isinstance(exc, UserError):
        return str(exc.params.get("reason") or exc.text("en"))
    orig = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    words = str(orig).strip().splitlines()
    return words[0] if words else type(orig).__name__


def utf8_stdout() -> None:
    """Answers are UTF-8 JSON whatever the locale says (other programs parse them)."""
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and (out.encoding or "").lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")


def main(args: argparse.Namespace) -> int:
    utf8_stdout()
    retry_for = max(0.0, float(getattr(args, "retry_for", RETRY_FOR)))
    stream = _open(args.file)
    try:
        _, engine, services = open_services(args)
        try:
            counts = run(services.ingest, stream, sys.stdout, retry_for=retry_for, note=_note)
        except Unanswered as stopped:
            target, reason = describe(engine), _reason(stopped.cause)
            if stopped.waited is None:
                raise DatabaseUnavailable(
                    "cli.ingest.database_error", target=target, reason=reason, line=stopped.line
                ) from None
            raise DatabaseUnavailable(
                "cli.ingest.gave_up",
                target=target,
                reason=reason,
                seconds=f"{stopped.waited:.0f}",
                line=stopped.line,
            ) from None
        finally:
            engine.dispose()
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    total = sum(counts.values())
    print(
        f"ingest: {total} 行 — 接收 {counts['accepted']}, 重复 {counts['duplicate']}, 拒绝 {counts['rejected']} "
        f"({total} lines: {counts['accepted']} accepted, {counts['duplicate']} duplicate, "
        f"{counts['rejected']} rejected)",
        file=sys.stderr,
    )
    return 1 if counts["rejected"] else 0


def _note(text: str) -> None:
    print(f"ingest: {text}", file=sys.stderr, flush=True)


def _open(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as exc:
        raise UserError("cli.file.cannot_read", path=repr(name), reason=exc.strerror) from None


def run(
    service: IngestService,
    stream: BinaryIO,
    out: TextIO,
    *,
    retry_for: float = 0.0,
    note: Callable[[str], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, int]:
    """Ingest every non-blank line of ``stream``; write the answers to ``out``; return the counts.

    A batch that fails because the database is away is sent again for up to ``retry_for``
    seconds (``note`` hears one line when the waiting starts); then, or at once for any other
    database failure, ``Unanswered`` names the batch's first line. Answers already written stand.
    """
    actor = system_actor("ingest")
    counts = {"accepted": 0, "duplicate": 0, "rejected": 0}
    numbers: deque[int] = deque()
    batch: list[bytes | IngestAnswer] = []  # a line to ingest, or the answer already given to it
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch_bytes
        lines = [b for b in batch if isinstance(b, bytes)]
        answers = iter(
            _ingest_retrying(lambda: service.ingest(lines, actor), numbers[0], retry_for, note, sleep)
            if lines
            else []
        )
        for item in batch:
            answer = item if isinstance(item, IngestAnswer) else next(answers)
            out.write(_answer_line(numbers.popleft(), answer))
            counts[answer.status] += 1
        out.flush()
        batch.clear()
        batch_bytes = 0

    for item in _lines(stream):
        if item is None:  # the input has no more data ready right now
            if batch:
                flush()
            continue
        number, line = item
        if line is TOO_LONG:
            numbers.append(number)
            batch.append(
                IngestAnswer.rejected(ValidationError(None, "intake.line.too_long", limit=MAX_LINE_TEXT))
            )
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark from an editor
            line = line[3:]
        if not line.strip():
            continue
        numbers.append(number)
        batch.append(line)
        batch_bytes += len(line)
        if len(batch) >= BATCH or batch_bytes >= BATCH_BYTES:
            flush()
    if batch:
        flush()
    return counts


def _ingest_retrying(
    ingest: Callable[[], list[IngestAnswer]],
    first_line: int,
    retry_for: float,
    note: Callable[[str], None] | None,
    sleep: Callable[[float], None],
) -> list[IngestAnswer]:
    """``ingest()``, again and again with exponential backoff while the database is away.

    Resending the whole batch is safe: what a broken transaction committed comes back "duplicate".
    """
    started: float | None = None
    delay = FIRST_BACKOFF
    while True:
        try:
            return ingest()
        except Exception as exc:
            if not database_error(exc):
                raise  # a bug, not the database: the traceback goes to the crash report
            if not database_away(exc):  # e.g. a full disk: waiting would not help
                raise Unanswered(first_line, exc, None) from exc
            now = time.monotonic()
            if started is None:
                started = now
                if retry_for > 0 and note is not None:
                    note(
                        bilingual(
                            "cli.ingest.waiting",
                            reason=_reason(exc),
                            line=first_line,
                            seconds=f"{retry_for:g}",
                        )
                    )
            left = started + retry_for - now
            if left <= 0:
                raise Unanswered(first_line, exc, now - started) from exc
            sleep(min(delay, left))
            delay = min(delay * 2, MAX_BACKOFF)


def _answer_line(number: int, answer: IngestAnswer) -> str:
    return json.dumps({"line": number, **answer.as_dict()}, ensure_ascii=False) + "\n"


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes] | None]:
    """(line number, bytes) for each line; None whenever a pipe has nothing more ready.

    A line over MAX_LINE bytes comes as ``TOO_LONG``: it is read past in pieces, never held whole.
    """
    try:
        fd = stream.fileno()
        interactive = not stat.S_ISREG(os.fstat(fd).st_mode) and hasattr(select, "poll")
    except (OSError, ValueError, AttributeError):
        interactive = False
    if not interactive:
        yield from _file_lines(stream)
        return
    number = 0
    parts: list[bytes] = []  # the line being read, in pieces (joined once, when it ends)
    size = 0
    too_long = False
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    while True:
        if not poller.poll(0):
            yield None
            poller.poll()  # wait for more input (or end of input)
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            number += 1
            if too_long or size + end - start > MAX_LINE:
                yield number, TOO_LONG
            else:
                parts.append(chunk[start:end])
                yield number, b"".join(parts)
            parts, size, too_long = [], 0, False
            start = end + 1
        rest = chunk[start:]
        if rest and not too_long:
            size += len(rest)
            if size > MAX_LINE:
                parts, too_long = [], True
            else:
                parts.append(rest)
    if parts or too_long:
        yield number + 1, TOO_LONG if too_long else b"".join(parts)


def _file_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    number = 0
    while line := stream.readline(MAX_LINE + 2):  # + the newline, + one byte to see it is over
        number += 1
        body = line[:-1] if line.endswith(b"\n") else line
        if len(body) <= MAX_LINE:
            yield number, body
            continue
        while line and not line.endswith(b"\n"):  # read past the rest of the line
            line = stream.readline(1 << 20)
        yield number, TOO_LONG
