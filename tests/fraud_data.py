"""A fraud warning about a registered resident, raised through the real intake path.

The warning arrives ``age_s`` seconds before the real time (the card's countdown runs on the
database server's clock), about 王芳 of 滨水小区 3号楼1单元502, found in the registry by her phone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session, sessionmaker

from console.clock import FixedClock
from console.models import Building, Household, Resident
from console.security import system_actor
from console.services.intake import IngestService
from tests.dispatch_data import DispatchWorld

ID_NUMBER = "35021119881204003X"
PHONE = "13812341234"


class FraudWorld(DispatchWorld):
    """DispatchWorld's district plus one household in 滨水小区 with the resident 王芳."""

    def __init__(self, engine: Engine, sessions: sessionmaker[Session]) -> None:
        super().__init__(engine)
        self.sessions = sessions
        with engine.begin() as c:
            building = c.execute(
                insert(Building)
                .values(community_id=self.communities[0], name="3", version=1)
                .returning(Building.id)
            ).scalar_one()
            self.household = int(
                c.execute(
                    insert(Household)
                    .values(
                        community_id=self.communities[0],
                        building_id=building,
                        unit="1",
                        floor=5,
                        room="502",
                        version=1,
                    )
                    .returning(Household.id)
                ).scalar_one()
            )
            c.execute(
                insert(Resident).values(
                    household_id=self.household,
                    name="王芳",
                    id_number=ID_NUMBER,
                    phone=PHONE,
                    relation="户主",
                    version=1,
                )
            )
        self._serial = 0

    def fraud_warning(self, *, age_s: float = 150, **fields: Any) -> int:
        """Ingest one ``fraud_risk`` event (by default about 王芳's phone); returns its alert's id."""
        # The alert is raised at the intake's clock: put that clock ``age_s`` in the past.
        raised = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=age_s)
        self._serial += 1
        event = {
            "source": "anti-fraud",
            "external_id": f"AF-{self._serial}",
            "kind": "fraud_risk",
            "at": raised.isoformat(),
            "phone": PHONE,
            "level": "high",
            "scheme": "pig-butchering",
            "bank": "中国工商银行集美支行",
            "amount": 50000.5,
        } | fields
        answer = IngestService(self.sessions, FixedClock(raised)).ingest([event], system_actor("test"))[0]
        assert answer.alert_id is not None, answer
        return answer.alert_id
