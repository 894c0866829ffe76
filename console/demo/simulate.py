"""A realistic simulated event stream, sent through the same ingest path as real devices.

Mostly harmless plate reads and gate entries of the residents and vehicles in the registry, and
alerts at the pace a real duty room sees them: at the default 2 events/s about URGENT_PER_HOUR
critical/high alerts an hour (a watchlist hit, sometimes seen again at the same gate so grouping
shows, or a serious fraud warning), spaced out rather than in bursts, and about
OTHER_ALERTS_PER_HOUR medium/low ones (citizen reports including lost keys and pets, lesser fraud
warnings). A higher ``--rate`` raises every kind in proportion: that is the stress test. Timestamps are "now" and external
ids are unique per run. ``start_background_simulation`` runs it on a daemon thread for
``run --demo``. The caller hands over the engine and the ingest service (built by
``build_services``): the simulator opens no database of its own. Nothing here touches Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from console.clock import Clock, SystemClock
from console.errors import UserError
from console.models import Community, Resident, Vehicle, WatchlistEntry
from console.security import system_actor
from console.services.intake import IngestAnswer, IngestService
from console.validators import id_check_character

log = logging.getLogger(__name__)

BEIJING = dt.timezone(dt.timedelta(hours=8))
POOL = 3000
REFRESH_SECONDS = 60.0
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
VISITOR_REGIONS = ("闽D", "闽D", "闽D", "闽C", "闽E", "闽A", "粤B", "赣B", "浙A", "湘A", "川A")
SCHEMES = ("pig-butchering", "刷单返利", "冒充客服", "冒充公检法", "虚假投资理财")
BANKS = ("工商银行", "农业银行", "建设银行", "中国银行", "厦门银行", "兴业银行")
REPORTS = {
    "theft": ("地下车库电缆被剪, 疑似被盗", "电动车在楼下被偷", "快递柜里的包裹被人拿走", "手机在菜市场被偷"),
    "lost-item": (
        "钥匙丢了, 可能掉在小区门口",
        "钱包遗失, 内有身份证",
        "老人的公交卡丢了",
        "孩子书包落在小区凉亭",
    ),
    "lost-pet": ("家里的橘猫走丢了", "小狗(泰迪)傍晚走失", "鹦鹉飞走了, 落在隔壁楼"),
    "disturbance": ("楼上深夜装修噪音", "小区广场舞音响太吵", "邻居争吵, 声音很大"),
    "other": ("小区门口有可疑人员徘徊", "路灯坏了, 夜里很黑", "有人在楼道堆放杂物"),
}
CATEGORY_WEIGHTS = {"theft": 3, "lost-item": 3, "lost-pet": 2, "disturbance": 2, "other": 1}
DEFAULT_RATE = 2.0  # events per second of `run --demo` and `simulate`
URGENT_PER_HOUR = 4.0  # critical/high alerts an hour at DEFAULT_RATE: a busy night, not a flood
OTHER_ALERTS_PER_HOUR = 30.0  # medium/low alerts an hour at DEFAULT_RATE
URGENT_WATCH_SEVERITIES = frozenset({"critical", "high"})


@dataclass
class _Pools:
    communities: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    plates: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    watch_plates: list[str] = field(default_factory=list)  # entries whose hits are critical/high
    watch_ids: list[str] = field(default_factory=list)
    minor_plates: list[str] = field(default_factory=list)  # entries whose hits are medium/low
    minor_ids: list[str] = field(default_factory=list)
    loaded_at: float = 0.0


class Simulator:
    """Makes events from the registry's people and vehicles and ingests them.

    Args:
        engine: the process's engine; the registry sample is read from it.
        ingest: the ingest service events go through, as a device's would.
        clock: the events' time (the ingest service's own clock, normally).
        urgent_per_hour, other_alerts_per_hour: the alerts an hour at DEFAULT_RATE events/s (the
            share of events that raise them; a faster stream raises more).
    """

    def __init__(
        self,
        engine: Engine,
        ingest: IngestService,
        clock: Clock | None = None,
        seed: int | None = None,
        *,
        urgent_per_hour: float = URGENT_PER_HOUR,
        other_alerts_per_hour: float = OTHER_ALERTS_PER_HOUR,
    ) -> None:
        self._engine = engine
        self._clock = clock or SystemClock()
        self._rng = random.Random(seed)  # noqa: S311 simulated events, not secrets
        self._ingest = ingest
        self._run_id = uuid.uuid4().hex[:8]
        self._counter = 0
        self._pools = _Pools()
        self._last_hit: dict[str, Any] | None = None
        events_an_hour = 3600 * DEFAULT_RATE
        # Urgent alerts come one at a time, 0.5–1.5 mean gaps apart (the first one soon), so an
        # hour holds a handful — never none, never a burst, as a Poisson draw might.
        self._urgent_gap = events_an_hour / urgent_per_hour if urgent_per_hour > 0 else float("inf")
        self._until_urgent = self._urgent_gap * self._rng.uniform(0.05, 0.5)
        self._other_share = other_alerts_per_hour / events_an_hour
        self._repeats: list[int] = []  # events to go until the last hit is seen again

    def refresh(self) -> None:
        """Reload who and what may appear (a sample of residents and vehicles, the active watchlist)."""
        now = self._clock.now()
        w = WatchlistEntry
        with self._engine.connect() as s:
            residents = self._window(s, Resident.id)
            pools = _Pools(
                communities=[(c, n) for c, n in s.execute(select(Community.code, Community.name))],
                plates=list(
                    s.scalars(
                        select(Vehicle.plate)
                        .where(Vehicle.id >= self._window(s, Vehicle.id))
                        .order_by(Vehicle.id)
                        .limit(POOL)
                    )
                ),
                ids=list(
                    s.scalars(
                        select(Resident.id_number)
                        .where(Resident.id >= residents, Resident.id_number.is_not(None))
                        .order_by(Resident.id)
                        .limit(POOL)
                    )
                ),
                phones=list(
                    s.scalars(
                        select(Resident.phone)
                        .where(Resident.id >= residents, Resident.phone.is_not(None))
                        .order_by(Resident.id)
                        .limit(POOL)
                    )
                ),
            )
            active = s.execute(
                select(w.plate, w.id_number, w.severity).where(
                    w.active.is_(True), w.expires_at.is_(None) | (w.expires_at > now)
                )
            ).all()
        pools.watch_plates = [p for p, _n, sev in active if p and sev in URGENT_WATCH_SEVERITIES]
        pools.watch_ids = [n for _p, n, sev in active if n and sev in URGENT_WATCH_SEVERITIES]
        pools.minor_plates = [p for p, _n, sev in active if p and sev not in URGENT_WATCH_SEVERITIES]
        pools.minor_ids = [n for _p, n, sev in active if n and sev not in URGENT_WATCH_SEVERITIES]
        pools.loaded_at = time.monotonic()
        if not pools.communities:
            raise UserError(
                "数据库中没有小区, 请先运行 seed-demo 或导入登记数据 (no communities in the database)"
            )
        self._pools = pools

    def _window(self, s: Connection, column: Any) -> int:
        """A random starting id for a run of POOL consecutive rows (an index range, not a sort)."""
        top = s.execute(select(func.max(column))).scalar() or 0
        return self._rng.randint(0, max(0, top - POOL))

    # ------------------------------------------------------------------ making events

    def make_events(self, n: int) -> list[dict[str, Any]]:
        if not self._pools.communities or time.monotonic() - self._pools.loaded_at > REFRESH_SECONDS:
            self.refresh()
        return [self._one() for _ in range(n)]

    def _one(self) -> dict[str, Any]:
        rng, pools = self._rng, self._pools
        self._counter += 1
        code, _name = rng.choice(pools.communities)
        self._until_urgent -= 1
        self._repeats = [n - 1 for n in self._repeats]
        event: dict[str, Any]
        if self._until_urgent <= 0:
            self._until_urgent += self._urgent_gap * rng.uniform(0.5, 1.5)
            event = self._urgent(code)
        elif self._last_hit is not None and self._repeats and self._repeats[0] <= 0:
            self._repeats.pop(0)  # the same car/person seen again at the same gate: it groups
            event = dict(self._last_hit)
        elif rng.random() < self._other_share:
            event = self._minor(code)
        elif rng.random() < 0.6:
            event = self._plate_read(code, self._resident_plate())
        else:
            event = self._person_entry(code, rng.choice(pools.ids) if pools.ids else self._id_number())
        event["external_id"] = f"sim-{self._run_id}-{self._counter}"
        event["at"] = self._clock.now().astimezone(BEIJING).isoformat(timespec="seconds")
        return event

    def _urgent(self, code: str) -> dict[str, Any]:
        """A critical/high alert: a watchlist hit (seen again at the gate now and then) or a serious
        fraud warning (level high raises a critical alert, medium a high one)."""
        rng, pools = self._rng, self._pools
        if (pools.watch_plates or pools.watch_ids) and rng.random() < 0.6:
            event = self._watch_hit(code, pools.watch_plates, pools.watch_ids)
            self._last_hit = event
            self._repeats = sorted(rng.randint(20, 600) for _ in range(rng.choice((0, 1, 1, 2))))
            return event
        return self._fraud(rng.choice(("high", "medium")))

    def _minor(self, code: str) -> dict[str, Any]:
        """A medium/low alert: a citizen's report, a lesser fraud warning, a minor watchlist hit."""
        rng, pools = self._rng, self._pools
        r = rng.random()
        if r < 0.15 and (pools.minor_plates or pools.minor_ids):
            return self._watch_hit(code, pools.minor_plates, pools.minor_ids)
        if r < 0.4:
            return self._fraud("low")
        return self._report(code)

    def _watch_hit(self, code: str, plates: list[str], ids: list[str]) -> dict[str, Any]:
        rng = self._rng
        if plates and (not ids or rng.random() < 0.6):
            return self._plate_read(code, rng.choice(plates))
        return self._person_entry(code, rng.choice(ids))

    def _plate_read(self, code: str, plate: str) -> dict[str, Any]:
        rng = self._rng
        return {
            "source": "gate-camera",
            "kind": "plate_read",
            "community": code,
            "plate": plate,
            "direction": rng.choice(("in", "out")),
            "confidence": round(rng.uniform(0.82, 0.99), 2),
            "device": f"{code}-gate-{rng.randint(1, 2)}",
        }

    def _person_entry(self, code: str, number: str) -> dict[str, Any]:
        return {
            "source": "access-control",
            "kind": "person_entry",
            "community": code,
            "id_number": number,
            "confidence": round(self._rng.uniform(0.9, 0.999), 3),
            "device": f"{code}-door-{self._rng.randint(1, 4)}",
        }

    def _fraud(self, level: str) -> dict[str, Any]:
        rng, pools = self._rng, self._pools
        event: dict[str, Any] = {
            "source": "anti-fraud",
            "kind": "fraud_risk",
            "level": level,
            "scheme": rng.choice(SCHEMES),
            "bank": rng.choice(BANKS),
            "amount": float(rng.choice((5000, 20000, 50000, 120000, 300000))),
        }
        if pools.phones and rng.random() < 0.7:
            event["phone"] = rng.choice(pools.phones)
        else:
            event["id_number"] = rng.choice(pools.ids) if pools.ids else self._id_number()
        return event

    def _report(self, code: str) -> dict[str, Any]:
        rng = self._rng
        category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
        event: dict[str, Any] = {
            "source": "citizen-report",
            "kind": "report",
            "category": category,
            "text": rng.choice(REPORTS[category]),
            "community": code,
        }
        if self._pools.phones:
            event["reporter_phone"] = rng.choice(self._pools.phones)
        return event

    def _resident_plate(self) -> str:
        rng = self._rng
        if self._pools.plates and rng.random() < 0.8:
            return rng.choice(self._pools.plates)
        serial = [rng.choice("0123456789") for _ in range(5)]
        if rng.random() < 0.5:
            serial[rng.randrange(5)] = rng.choice(PLATE_LETTERS)
        return rng.choice(VISITOR_REGIONS) + "".join(serial)

    def _id_number(self) -> str:
        rng = self._rng
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
        first17 = f"350211{born:%Y%m%d}{rng.randrange(1000):03d}"
        return first17 + id_check_character(first17)

    # ------------------------------------------------------------------ running

    def run(
        self,
        rate: float,
        duration: float | None = None,
        stop: threading.Event | None = None,
        on_batch: Callable[[list[IngestAnswer]], None] | None = None,
    ) -> dict[str, int]:
        """Send about ``rate`` events per second until ``duration`` passes or ``stop`` is set."""
        if rate <= 0:
            raise UserError("--rate 应大于 0 (rate must be positive)")
        stop = stop or threading.Event()
        actor = system_actor("simulate")
        tick = min(1.0, max(0.1, 1.0 / rate))
        counts = {"events": 0, "alerts": 0, "rejected": 0}
        started = last = time.monotonic()
        owed = 0.0
        while not stop.is_set():
            now = time.monotonic()
            if duration is not None and now - started >= duration:
                break
            owed += rate * (now - last)
            last = now
            n = int(owed)
            if n:
                owed -= n
                answers = self._ingest.ingest(self.make_events(n), actor)
                counts["events"] += n
                counts["alerts"] += sum(1 for a in answers if a.alert_id is not None)
                counts["rejected"] += sum(1 for a in answers if a.status == "rejected")
                if on_batch is not None:
                    on_batch(answers)
            stop.wait(tick)
        return counts


class SimulationThread(threading.Thread):
    """The demo stream on a daemon thread; ``stop()`` ends it (before its engine is disposed)."""

    def __init__(self, simulator: Simulator, rate: float, stop_event: threading.Event) -> None:
        super().__init__(name="event-simulator", daemon=True)
        self._simulator = simulator
        self._rate = rate
        self.stop_event = stop_event

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_event.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                self._simulator.run(self._rate, stop=self.stop_event)
            except Exception:  # the demo stream must outlive a database hiccup
                log.warning("simulated event stream failed; retrying in 5 s", exc_info=True)
                self.stop_event.wait(5.0)


def start_background_simulation(
    simulator: Simulator, rate: float = DEFAULT_RATE, stop_event: threading.Event | None = None
) -> SimulationThread:
    """Run ``simulator`` for ``run --demo`` on a daemon thread; returns the running thread.

    The thread uses the simulator's engine (the caller's): stop the thread before disposing it.
    """
    thread = SimulationThread(simulator, rate, stop_event or threading.Event())
    thread.start()
    return thread
