"""Grid map at district scale: load, repaint, recolour and memory, beside a one-item-per-household scene.

    python bench/bench_map.py [--communities 150] [--per-community 2000] [--reps 30] [--db URL] [--smoke]

Without ``--db`` a temporary SQLite file is filled with Core executemany through
``tests/grid_data.seed_grid`` (150 communities x 10 buildings x 25 floors x 2 units x 4 rooms =
300,000 households; ``seed_demo`` did not exist when this was written). Then, in one process:

- load: ``GridMapService.load`` (raw cursor into numpy) + ``GridMapView.set_snapshot`` (layout and
  images), versus ORM objects for the same households (the obvious way, NOTES.md 3.3 s);
- repaint of a 1920x1080 view rendered offscreen into a QImage (``view.render``): zoomed out
  (whole district), zoomed in (12 px cells) and one community with labels and room numbers;
- recolour after one verification: ``recolour`` + ``refresh_households``, and the live path with
  the database read of that household;
- resident memory: RSS growth from before the load to after the first paint;
- baseline: a QGraphicsScene with one QGraphicsRectItem per household at the same positions,
  fitted in a QGraphicsView of the same size (build, repaint zoomed out and in, memory).

Figures are medians (and max) of ``--reps`` repetitions; the machine is shared, so read them as
upper bounds. ``--smoke``: 10 communities of 200 households, 3 repetitions (seconds; for CI).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _common import check, parse, parser
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.clock import FixedClock
from console.db import make_engine, upgrade
from console.models import Household
from console.security import DEFAULT_ROLES, Actor
from console.services.container import build_services
from console.widgets import theme
from console.widgets.grid_map import GridMapView

NOW = dt.datetime(2026, 3, 14, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SIZE = (1920, 1080)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn: Callable[[], object], reps: int) -> tuple[float, float]:
    """Median and max of ``reps`` runs, in ms."""
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out), max(out)


def main() -> int:
    ap = parser(__doc__)
    ap.add_argument("--communities", type=int, default=150)
    ap.add_argument(
        "--per-community", type=int, default=2000, help="households per community (multiple of 200)"
    )
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--baseline-reps", type=int, default=5)
    ap.add_argument("--db", default=None, help="an existing database URL instead of a temporary SQLite file")
    ap.add_argument("--demo", action="store_true", help="seed with seed_demo(engine, 'district') instead")
    args = parse(ap, smoke={"communities": 10, "per_community": 200, "reps": 3, "baseline_reps": 2})

    app = QApplication([])
    theme.apply_theme(app, "dark")
    if args.db:
        engine = make_engine(args.db)
        seeded = "existing database"
    elif args.demo:
        from console.demo.seed import seed_demo

        path = Path(tempfile.mkdtemp(prefix="bench_map_")) / "station.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        summary = seed_demo(engine, "district", now=NOW)
        seeded = f"seed_demo(engine, 'district') into temp SQLite: {summary.line()}"
    else:
        from grid_data import seed_grid

        path = Path(tempfile.mkdtemp(prefix="bench_map_")) / "station.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        t0 = time.perf_counter()
        floors = args.per_community // (10 * 2 * 4)
        info = seed_grid(
            engine,
            NOW,
            communities=args.communities,
            grid_cells=max(1, args.communities // 10),
            buildings=10,
            floors=floors,
            units=2,
            rooms=4,
            residents=False,
            seed=1,
        )
        seeded = f"generated with Core into temp SQLite: {info.households:,} households in {time.perf_counter() - t0:.1f} s"
    services = build_services(engine, FixedClock(NOW))
    # the duty officer sees the whole district (a community officer only their own cells)
    title, perms = DEFAULT_ROLES["duty_officer"]
    actor = Actor(None, "bench", title, "duty_officer", perms)
    print(f"data: {seeded}")
    print(f"backend: {engine.dialect.name}; machine shared with other jobs: figures are upper bounds\n")

    results: list[
        tuple[str, float, float, str, float | None, str]
    ] = []  # name, median, max, unit, target, note

    # --- load --------------------------------------------------------------------------------
    view = GridMapView()
    view.resize(*SIZE)
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    gc.collect()
    rss0 = rss_mb()
    loads = []
    snap = None
    for _ in range(3):
        snap = None
        gc.collect()
        t0 = time.perf_counter()
        snap = services.gridmap.load(actor)
        t1 = time.perf_counter()
        view.set_snapshot(snap)
        view.render(image)
        t2 = time.perf_counter()
        loads.append(((t1 - t0) * 1000, (t2 - t1) * 1000))
        if len(loads) == 1:
            rss_first = rss_mb() - rss0
    check(snap is not None and len(snap), "the map loaded no households")
    n = len(snap)
    rss_map = rss_mb() - rss0
    total = [a + b for a, b in loads]
    results.append(
        (
            "load: database -> map, drawn",
            statistics.median(total),
            max(total),
            "ms",
            1500,
            f"query+numpy {statistics.median(a for a, _ in loads):.0f} ms, "
            f"layout+images+paint {statistics.median(b for _, b in loads):.0f} ms",
        )
    )
    t0 = time.perf_counter()
    with Session(engine) as s:
        orm = s.scalars(select(Household)).all()
        orm_n = len(orm)
    orm_ms = (time.perf_counter() - t0) * 1000
    del orm
    results.append(
        ("  baseline: ORM objects only", orm_ms, orm_ms, "ms", None, f"{orm_n:,} Household objects")
    )

    # --- repaint -----------------------------------------------------------------------------
    view.fit()
    out_med, out_max = timed(lambda: view.render(image), args.reps)
    results.append(
        ("repaint zoomed out (whole district)", out_med, out_max, "ms", 8, f"{view.scale():.2f} px/cell")
    )
    view.zoom_by(12 / view.scale())
    in_med, in_max = timed(lambda: view.render(image), args.reps)
    results.append(("repaint zoomed in (12 px cells)", in_med, in_max, "ms", 8, "glyph image, gaps, dots"))
    view.zoom_by(40 / view.scale(), QPointF(SIZE[0] * 0.3, SIZE[1] * 0.3))
    deep_med, deep_max = timed(lambda: view.render(image), args.reps)
    results.append(("repaint zoomed in (40 px cells)", deep_med, deep_max, "ms", 8, "labels"))
    view.show_community(snap.communities[len(snap.communities) // 2].id)
    view.zoom_by(48 / view.scale())
    com_med, com_max = timed(lambda: view.render(image), args.reps)
    results.append(("repaint one community (48 px)", com_med, com_max, "ms", 8, "floor and unit labels"))
    view.zoom_by(80 / view.scale())
    room_med, room_max = timed(lambda: view.render(image), args.reps)
    results.append(("repaint one community (80 px)", room_med, room_max, "ms", 8, "+ a room number per cell"))
    view.show_level("district")
    view.fit()

    # --- reshape: a small screen's short, wide map dock gets its own layout of the communities ---
    strip = (SIZE[0], max(140, SIZE[1] // 4))
    strip_image = QImage(*strip, QImage.Format.Format_ARGB32_Premultiplied)

    def reshape(size: tuple[int, int], target: QImage) -> float:
        t0 = time.perf_counter()
        view.resize(*size)
        view.render(target)  # delivers the resize: new layout (or a cached one), images, paint
        return (time.perf_counter() - t0) * 1000

    first_reshape = reshape(strip, strip_image)
    wide_rows = len({b.y for b in view.current_layout().blocks})  # type: ignore[union-attr]
    back_and_forth = [reshape(SIZE, image) if k % 2 else reshape(strip, strip_image) for k in range(args.reps)]
    reshape(SIZE, image)
    results.append(
        ("resize to a short, wide view (new layout)", first_reshape, first_reshape, "ms", 250,
         f"{SIZE[0]}x{strip[1]} px: communities in {wide_rows} row(s)")
    )
    results.append(
        ("  resize back and forth (layouts cached)", statistics.median(back_and_forth), max(back_and_forth),
         "ms", None, "images rebuilt, paint")
    )

    # --- recolour ----------------------------------------------------------------------------
    red_ids = snap.household_id[snap.status == 2][: args.reps * 2].tolist()
    check(len(red_ids) == args.reps * 2, f"only {len(red_ids)} overdue households to verify")
    it = iter(red_ids)

    def recolour_one() -> None:
        hid = next(it)
        idx = services.gridmap.recolour(snap, [hid], NOW)
        view.refresh_households(idx)

    rc_med, rc_max = timed(recolour_one, args.reps)
    results.append(
        ("recolour after one verification", rc_med, rc_max, "ms", 10, "status + both images + legend")
    )

    def live_one() -> None:
        hid = next(it)
        times = services.gridmap.verification_times(actor, [hid])
        view.refresh_households(services.gridmap.recolour(snap, list(times), list(times.values())))
        view.render(image)

    lv_med, lv_max = timed(live_one, args.reps)
    results.append(
        ("  live path: read from DB + recolour + repaint", lv_med, lv_max, "ms", None, "whole round")
    )
    results.append(
        (
            "resident memory of the map (RSS growth)",
            rss_first,
            rss_map,
            "MB",
            250,
            f"{n:,} households; first load (median col.) / after 3 loads (max col.)",
        )
    )

    # --- baseline: one item per household ------------------------------------------------------
    lay = snap.layout("district")
    colours = [QBrush(QColor(theme.VERIFICATION_COLOURS[c])) for c in ("green", "orange", "red", "grey")]
    gc.collect()
    rss1 = rss_mb()
    t0 = time.perf_counter()
    scene = QGraphicsScene()
    no_pen = QPen(Qt.PenStyle.NoPen)
    status = snap.status[lay.indices].tolist()
    for x, y, st in zip(lay.x.tolist(), lay.y.tolist(), status, strict=True):
        scene.addRect(QRectF(x, y, 0.9, 0.9), no_pen, colours[st])
    gview = QGraphicsView(scene)
    gview.resize(*SIZE)
    gview.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    gview.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    build_ms = (time.perf_counter() - t0) * 1000
    QWidget.render(gview.viewport(), image)
    rss_scene = rss_mb() - rss1
    b_out_med, b_out_max = timed(lambda: QWidget.render(gview.viewport(), image), args.baseline_reps)
    gview.scale(12 / gview.transform().m11(), 12 / gview.transform().m22())
    b_in_med, b_in_max = timed(lambda: QWidget.render(gview.viewport(), image), args.baseline_reps)

    # --- table -------------------------------------------------------------------------------
    print(f"{'measure':52} {'median':>9} {'max':>9}  {'target':>8}  note")
    for name, med, mx, unit, target, note in results:
        tgt = "" if target is None else f"<= {target:g}"
        # Judged on the median: on a shared 2-core machine single runs spike (see max).
        ok = "" if target is None else ("  ok" if med <= target else "  OVER")
        print(f"{name:52} {med:8.2f}{unit[:2]:>1} {mx:8.2f}{unit[:2]:>1}  {tgt:>8}{ok}  {note}")
    print()
    print(f"baseline QGraphicsScene, one QGraphicsRectItem per household ({len(lay.indices):,} items):")
    print(f"  build {build_ms:.0f} ms; RSS growth {rss_scene:.0f} MB")
    print(
        f"  repaint zoomed out: median {b_out_med:.1f} ms, max {b_out_max:.1f} ms ({args.baseline_reps} reps)"
    )
    print(f"  repaint zoomed in (12 px): median {b_in_med:.1f} ms, max {b_in_max:.1f} ms")
    print()
    print("ratios (baseline / grid map, higher is better):")
    print(f"  repaint zoomed out: {b_out_med / out_med:7.1f}x   (target >= 40x)")
    print(f"  repaint zoomed in:  {b_in_med / in_med:7.1f}x")
    print(f"  memory:             {rss_scene / max(rss_map, 1):7.1f}x")
    print(f"  load vs ORM objects: {orm_ms / statistics.median(total):6.1f}x")
    scene.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
