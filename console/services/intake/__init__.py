"""Intake: parsing incoming device events, ingesting them (idempotently) and the HTTP endpoint."""

from __future__ import annotations

from console.services.intake.http import MAX_BODY, EventServer, make_server
from console.services.intake.ingest import IngestAnswer, IngestService, sqlite_utc_text
from console.services.intake.parsing import ParsedEvent, decode_json, parse_event

__all__ = [
    "MAX_BODY",
    "EventServer",
    "IngestAnswer",
    "IngestService",
    "ParsedEvent",
    "decode_json",
    "make_server",
    "parse_event",
    "sqlite_utc_text",
]
