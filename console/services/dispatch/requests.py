"""Service requests from residents (lost keys, a lost pet, a request for help), taken by hand.

A request becomes what a citizen-report desk would send: an event of kind ``report``
(contracts/events.md) with its category, ingested through the one intake path. So it is an
alert like any other — in every console's feed, dispatched with the same dialog, timed by the
same response clock, exported and counted with the rest — and a request that arrives from
the report desk instead needs nothing different. (The older ``service_request`` table, which
nothing wrote, would have needed its own feed, dispatch path and clocks.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from console.clock import Clock
from console.errors import ValidationError
from console.security import Actor, Permission
from console.services.base import Service
from console.services.dispatch.common import audit
from console.services.intake import IngestService
from console.validators import validate_mobile

# The categories a duty officer takes by hand: lost keys and other lost things, a lost pet,
# anything else a resident asks (events.md's ``theft`` and ``disturbance`` come from the desk).
REQUEST_CATEGORIES = ("lost-item", "lost-pet", "other")
REQUEST_SOURCE = "duty-room"
MAX_REQUEST_TEXT = 2000


@dataclass(frozen=True, slots=True)
class RequestTaken:
    """The request as stored: its event and the alert it raised (to dispatch to)."""

    alert_id: int
    event_id: int


class ServiceRequestService(Service):
    """Taking a resident's request at the duty room: it enters the feed as a ``report`` alert."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock | None, ingest: IngestService) -> None:
        super().__init__(sessions, clock)
        self._ingest = ingest

    def take(
        self, actor: Actor, *, category: str, community: str, text: str, reporter_phone: str = ""
    ) -> RequestTaken:
        """Store the request as a ``report`` event now; its alert is returned for dispatch.

        Refused, with nothing stored: an unknown category (``category``), no community
        (``community``; an officer has to know where to go), no or too long a text (``text``),
        a phone that is not a mainland mobile (``reporter_phone``).
        """
        actor.require(Permission.TRIAGE_ALERTS)
        if category not in REQUEST_CATEGORIES:
            raise ValidationError(
                "category", "request.category_unknown", allowed=", ".join(REQUEST_CATEGORIES)
            )
        community = community.strip()
        if not community:
            raise ValidationError("community", "request.community_required")
        text = text.strip()
        if not text or len(text) > MAX_REQUEST_TEXT:
            raise ValidationError("text", "request.text_length", limit=MAX_REQUEST_TEXT)
        phone = validate_mobile(reporter_phone, "reporter_phone") if reporter_phone.strip() else ""
        with self._read() as conn:
            taken_at = self._now(conn)  # the server's clock: response times start here
        event = {
            "source": REQUEST_SOURCE,
            "external_id": uuid.uuid4().hex,
            "kind": "report",
            "at": taken_at.isoformat(),
            "category": category,
            "text": text,
            "community": community,
            "taken_by": actor.username,  # kept with the event (unknown fields are never interpreted)
            **({"reporter_phone": phone} if phone else {}),
        }
        # The actor was checked above for taking requests; the raw ingest path needs no second check.
        answer = self._ingest.ingest_batch([event])[0]
        if answer.status != "accepted" or answer.alert_id is None or answer.event_id is None:
            raise ValidationError(
                answer.error_field or "text", "request.rejected", reason=answer.error_message or answer.status
            )
        with self._write() as s:
            audit(s, actor, "take_request", "alert", answer.alert_id, self._clock, category=category)
        return RequestTaken(answer.alert_id, answer.event_id)
