"""District map: the aggregate, the page load, a live refresh and the click round trip.

    python bench/bench_district_map.py [--communities 150] [--households 300000] [--alerts 500]
                                       [--backend sqlite|postgresql] [--shot PATH] [--smoke]

A database at the current schema gets ``--communities`` placed communities (a third with an
outline), ``--households`` households with verification ages spread over a year, and
``--alerts`` open alerts, ``--dispatches`` open dispatches (two officers each) and ``--series``
confirmed series of six cases each. Then, each beside a baseline measured in the same run:

- overdue share per community: ``DistrictService.communities`` (one aggregate query) versus
  reading every household's ``last_verified_at`` and counting in Python;
- the layers: officers' destinations and series paths, beside the open alerts' query;
- page load: showing ``DistrictMapPane`` until the map is drawn and clicks reach Python (cold:
  the first WebEngine page of the process; warm: a second pane), versus the obvious folium page
  with one folium object per community and alert, rendered and loaded with ``setHtml``;
- refresh (F5 or a live change): re-read and push JSON into the open page, versus re-rendering
  and reloading that folium page;
- click round trip: ``layer.fire('click')`` run from Python until ``community_clicked`` arrives,
  versus an empty ``runJavaScript`` round trip.

QT_QPA_PLATFORM=offscreen and QTWEBENGINE_DISABLE_SANDBOX=1 are set here if unset.
``--smoke``: 20 communities, 2,000 households, 50 alerts, 5 clicks (seconds; for CI).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from _common import check, parse, parser, pg_reachable, scratch_pg_database, synthetic_rng

from console.widgets.district_map import (
    DistrictMapPane,
    leaflet_dir,
    prepare_web_engine,
)

prepare_web_engine()

from PySide6.QtCore import QEventLoop, QUrl  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import Engine, insert, select  # noqa: E402

from console.clock import FixedClock  # noqa: E402
from console.db import make_engine, upgrade  # noqa: E402
from console.models import (  # noqa: E402
    Alert,
    Building,
    CaseSeries,
    CaseSeriesMember,
    Community,
    Dispatch,
    Household,
    Officer,
    Station,
    TheftCase,
    dispatch_officer,
)
from console.security import DEFAULT_ROLES, Actor  # noqa: E402
from console.services.container import build_services  # noqa: E402
from console.services.maps import CommunitySummary  # noqa: E402
from console.widgets.theme import SEVERITY_COLOURS, VERIFICATION_COLOURS, apply_theme  # noqa: E402

NOW = dt.datetime(2026, 3, 14, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SEVERITIES = ("critical", "high", "medium", "low")


def seed_layers(engine: Engine, communities: int, dispatches: int, series: int) -> None:
    """Open dispatches of two officers each, and confirmed series of six cases each."""
    rng = synthetic_rng(5)
    with engine.begin() as conn:
        conn.execute(
            insert(Officer),
            [
                dict(
                    id=o,
                    station_id=1,
                    badge_no=f"{o:06d}",
                    name=f"警员{o:03d}",
                    role="值班民警",
                    team="值班一组",
                    status="dispatched",
                    version=1,
                )
                for o in range(1, 2 * dispatches + 1)
            ],
        )
        if dispatches:
            conn.execute(
                insert(Dispatch),
                [
                    dict(
                        id=d,
                        community_id=rng.randrange(1, communities + 1),
                        status="en_route" if d % 3 else "on_scene",
                        received_at=NOW,
                        acknowledged_at=NOW,
                        dispatched_at=NOW,
                        arrived_at=None if d % 3 else NOW,
                        note="",
                        override_reason="",
                        outcome="",
                        version=1,
                    )
                    for d in range(1, dispatches + 1)
                ],
            )
            conn.execute(
                insert(dispatch_officer),
                [dict(dispatch_id=d, officer_id=2 * d - k) for d in range(1, dispatches + 1) for k in (0, 1)],
            )
        case_id = 0
        for sid in range(1, series + 1):
            conn.execute(
                insert(CaseSeries).values(
                    id=sid, label=f"电缆串案 {sid}", created_at=NOW, created_by="li", version=1
                )
            )
            for k in range(6):
                case_id += 1
                at = NOW - dt.timedelta(days=40 - 6 * k)
                conn.execute(
                    insert(TheftCase).values(
                        id=case_id,
                        case_no=f"GK2026{case_id:05d}",
                        category="cable",
                        title="地下室电缆被盗",
                        community_id=rng.randrange(1, communities + 1),
                        occurred_at=at,
                        reported_at=at,
                        version=1,
                    )
                )
                conn.execute(
                    insert(CaseSeriesMember).values(
                        case_id=case_id, series_id=sid, added_at=NOW, added_by="li"
                    )
                )


def seed(engine: Engine, communities: int, households: int, alerts: int) -> None:
    rng = synthetic_rng(4)
    per = max(1, households // communities)
    with engine.begin() as conn:
        conn.execute(insert(Station).values(id=1, code="GK", name="灌口派出所"))
        rows, hh = [], []
        for cid in range(1, communities + 1):
            lat = 24.58 + (cid % 12) * 0.006 + rng.random() * 0.002
            lon = 118.00 + (cid // 12) * 0.007 + rng.random() * 0.002
            outline = None
            if cid % 3 == 0:
                d = 0.0011
                outline = json.dumps(
                    [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d]]
                )
            rows.append(
                dict(
                    id=cid,
                    station_id=1,
                    code=f"C{cid:04d}",
                    name=f"小区{cid:03d}",
                    lat=lat,
                    lon=lon,
                    outline=outline,
                    property_manager_company="物业公司",
                    property_manager_name="陈经理",
                )
            )
        conn.execute(insert(Community), rows)
        conn.execute(
            insert(Building), [dict(id=c, community_id=c, name="1号楼") for c in range(1, communities + 1)]
        )
        for cid in range(1, communities + 1):
            bias = rng.random()
            for i in range(per):
                r = rng.random()
                age = None if r < 0.04 else rng.uniform(0, 30) if r < 1 - bias * 0.7 else rng.uniform(31, 365)
                hh.append((cid, i, None if age is None else NOW - dt.timedelta(days=age)))
        conn.execute(
            insert(Household),
            [
                dict(community_id=c, building_id=c, unit="1", floor=1, room=str(i), last_verified_at=v)
                for c, i, v in hh
            ],
        )
        conn.execute(
            insert(Alert),
            [
                dict(
                    kind="plate_read",
                    severity=s,
                    severity_rank=SEVERITIES.index(s),
                    status="new",
                    community_id=rng.randrange(1, communities + 1),
                    summary=f"布控车辆 闽D{a:05d}",
                    first_event_at=NOW,
                    last_event_at=NOW,
                    raised_at=NOW,
                    updated_at=NOW,
                )
                for a in range(alerts)
                for s in [rng.choice(SEVERITIES)]
            ],
        )


def python_counting_baseline(engine: Engine) -> dict[int, tuple[int, int]]:
    """Every household's verification time to Python, counted there (what the SQL avoids)."""
    orange = NOW - dt.timedelta(days=30)
    counts: dict[int, list[int]] = {}
    with engine.connect() as conn:
        for cid, verified in conn.execute(select(Household.community_id, Household.last_verified_at)):
            c = counts.setdefault(cid, [0, 0])
            c[0] += 1
            if verified is None or verified < orange:
                c[1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def folium_baseline_page(communities: list[CommunitySummary], alerts: list[Any]) -> str:
    """The obvious page: one folium object per community and alert (offline Leaflet too)."""
    import folium

    class OfflineMap(folium.Map):
        default_js = [("leaflet", "leaflet.js")]  # noqa: RUF012
        default_css = [("leaflet_css", "leaflet.css")]  # noqa: RUF012

    fmap = OfflineMap(location=[24.6, 118.05], zoom_start=13, tiles=None)
    for c in communities:
        share = c.overdue_share
        colour = VERIFICATION_COLOURS["red" if share > 0.5 else "orange" if share >= 0.2 else "green"]
        tip = f"{c.name} {share:.0%}"
        if c.outline:
            folium.Polygon(list(c.outline), color=colour, fill=True, tooltip=tip).add_to(fmap)
        else:
            folium.CircleMarker([c.lat, c.lon], radius=12, color=colour, fill=True, tooltip=tip).add_to(fmap)
        folium.Marker([c.lat, c.lon], icon=folium.DivIcon(html=f"<b>{c.name}</b>")).add_to(fmap)
    for a in alerts:
        folium.CircleMarker(
            [a.lat, a.lon], radius=6, color=SEVERITY_COLOURS[a.severity], tooltip=a.summary
        ).add_to(fmap)
    return fmap.get_root().render()


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() > end:
            raise TimeoutError("the page did not answer in time")


def show_pane(app: QApplication, pane: DistrictMapPane) -> float:
    rendered: list[int] = []
    pane.map_rendered.connect(lambda c, a: rendered.append(c))
    t0 = time.perf_counter()
    pane.show()
    wait(app, lambda: bool(rendered) and pane.is_ready())
    return time.perf_counter() - t0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    ap = parser(__doc__)
    ap.add_argument("--communities", type=int, default=150)
    ap.add_argument("--households", type=int, default=300_000)
    ap.add_argument("--alerts", type=int, default=500)
    ap.add_argument("--clicks", type=int, default=50)
    ap.add_argument("--dispatches", type=int, default=50)
    ap.add_argument("--series", type=int, default=20)
    ap.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--shot", help="save a PNG of the pane after loading")
    args = parse(
        ap,
        smoke={
            "communities": 20,
            "households": 2_000,
            "alerts": 50,
            "clicks": 5,
            "dispatches": 5,
            "series": 2,
        },
    )
    if args.backend == "postgresql" and not pg_reachable():
        return 0
    with database_url(args.backend) as url:
        return bench(args, url)


@contextlib.contextmanager
def database_url(backend: str) -> Iterator[str]:
    """A fresh database of ``backend``, removed afterwards."""
    if backend == "postgresql":
        with scratch_pg_database("bench_district") as url:
            yield url
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-district-"))
    try:
        yield f"sqlite:///{tmp / 'station.db'}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench(args: Any, url: str) -> int:
    engine = make_engine(url)
    upgrade(engine)
    t0 = time.perf_counter()
    seed(engine, args.communities, args.households, args.alerts)
    seed_layers(engine, args.communities, args.dispatches, args.series)
    print(
        f"{args.backend}: seeded {args.communities} communities, {args.households:,} households, "
        f"{args.alerts} open alerts, {args.dispatches} open dispatches, {args.series} series "
        f"in {time.perf_counter() - t0:.1f} s"
    )

    app = QApplication(sys.argv)
    apply_theme(app, "dark")
    services = build_services(engine, FixedClock(NOW))
    title, perms = DEFAULT_ROLES["duty_officer"]
    actor = Actor(1, "zhang", title, "duty_officer", perms)

    # -- the aggregate
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        summaries = services.district.communities(actor)
        runs.append(time.perf_counter() - t)
    base = []
    for _ in range(3):
        t = time.perf_counter()
        python_counting_baseline(engine)
        base.append(time.perf_counter() - t)
    print("\noverdue share per community (median)")
    print(f"  one aggregate query (DistrictService)   {ms(statistics.median(runs))}")
    print(f"  baseline: every household to Python     {ms(statistics.median(base))}")
    alerts = services.district.open_alerts(actor)

    # -- the layers' queries, beside the open alerts' query they are read with
    def median_of(fn: Callable[[], object], n: int = 5) -> float:
        runs = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t)
        return statistics.median(runs)

    print("\nlayers read with every load (median)")
    print(
        f"  officers' destinations ({args.dispatches} open dispatches) {ms(median_of(lambda: services.district.officer_destinations(actor)))}"
    )
    print(
        f"  series paths ({args.series} series)                 {ms(median_of(lambda: services.district.series_paths(actor)))}"
    )
    print(
        f"  baseline: open alerts ({len(alerts)})                 {ms(median_of(lambda: services.district.open_alerts(actor)))}"
    )

    # -- page load
    from console.widgets.worker import DatabaseWorker

    worker = DatabaseWorker()
    pane = DistrictMapPane(services.district, services.clock, actor, worker)
    pane.resize(1400, 900)
    cold = show_pane(app, pane)
    pane2 = DistrictMapPane(services.district, services.clock, actor, worker)
    pane2.resize(1400, 900)
    warm = show_pane(app, pane2)
    pane2.close()
    base_view = QWebEngineView()
    base_view.resize(1400, 900)
    base_view.show()

    t = time.perf_counter()
    html = folium_baseline_page(summaries, alerts)
    render_s = time.perf_counter() - t
    loaded: list[bool] = []
    base_view.loadFinished.connect(loaded.append)
    base_view.setHtml(html, QUrl.fromLocalFile(leaflet_dir() + "/"))
    wait(app, lambda: bool(loaded))
    base_load = time.perf_counter() - t
    print("\npage load until the map is drawn and clicks reach Python")
    print(f"  DistrictMapPane, first page of the process {ms(cold)}")
    print(f"  DistrictMapPane, second pane (warm)        {ms(warm)}")
    print(
        f"  baseline: folium object per feature        {ms(base_load)}  "
        f"(render {ms(render_s).strip()}, page {len(html) / 1024:.0f} KiB)"
    )

    # -- refresh
    pushes = []
    for _ in range(5):
        drawn: list[int] = []
        pane.map_rendered.connect(lambda c, a, d=drawn: d.append(c))
        t = time.perf_counter()
        pane.refresh_now()
        wait(app, lambda d=drawn: bool(d))
        pushes.append(time.perf_counter() - t)
    reloads = []
    for _ in range(3):
        loaded.clear()
        t = time.perf_counter()
        html = folium_baseline_page(
            services.district.communities(actor), services.district.open_alerts(actor)
        )
        base_view.setHtml(html, QUrl.fromLocalFile(leaflet_dir() + "/"))
        wait(app, lambda: bool(loaded))
        reloads.append(time.perf_counter() - t)
    print("\nrefresh (read again and redraw), median")
    print(f"  push JSON into the open page        {ms(statistics.median(pushes))}  (zoom and pan kept)")
    print(f"  baseline: re-render and reload page {ms(statistics.median(reloads))}  (view reset, flicker)")
    layers: list[str] = []
    pane.view.page().runJavaScript(
        "JSON.stringify([Object.keys(dutyOfficers).length, Object.keys(dutySeries).length])", 0, layers.append
    )
    wait(app, lambda: bool(layers))
    officers_drawn, series_drawn = json.loads(layers[0])
    print(f"  drawn with it: officers at {officers_drawn} communities, {series_drawn} series")
    check(series_drawn == args.series, f"{args.series} series seeded, {series_drawn} drawn")
    check((officers_drawn > 0) == (args.dispatches > 0), f"officers drawn at {officers_drawn} places")

    # -- click round trip
    ids = [c.id for c in summaries if c.has_position]
    clicks, empties = [], []
    got: list[int] = []
    pane.community_clicked.connect(got.append)
    for i in range(args.clicks):
        got.clear()
        t = time.perf_counter()
        pane.view.page().runJavaScript(f"dutyCommunities[{ids[i % len(ids)]}].fire('click')")
        wait(app, lambda: bool(got))
        clicks.append(time.perf_counter() - t)
        check(got == [ids[i % len(ids)]], f"clicked community {ids[i % len(ids)]}, Python got {got}")
        box: list[Any] = []
        t = time.perf_counter()
        pane.view.page().runJavaScript("1", 0, box.append)
        wait(app, lambda b=box: bool(b))
        empties.append(time.perf_counter() - t)
    q = statistics.quantiles
    print(f"\nclick on a community -> community_clicked in Python ({args.clicks} clicks)")
    print(f"  QWebChannel click   median {ms(statistics.median(clicks))}  p95 {ms(q(clicks, n=20)[-1])}")
    print(
        f"  baseline: empty runJavaScript round trip median {ms(statistics.median(empties))}  "
        f"p95 {ms(q(empties, n=20)[-1])}"
    )

    if args.shot:
        closed: list[Any] = []  # the programmatic clicks left their tooltips open
        pane.view.page().runJavaScript(
            "Object.values(dutyCommunities).forEach(l => l.closeTooltip()); 1", 0, closed.append
        )
        wait(app, lambda: bool(closed))
        deadline = time.perf_counter() + 0.5
        wait(app, lambda: time.perf_counter() > deadline)
        pane.grab().save(args.shot)
        print(f"\nsaved {args.shot}")
    pane.shutdown()
    pane2.shutdown()
    base_view.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
