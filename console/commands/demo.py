"""`seed-demo [--scale small|district] [--seed N]`: fill an empty database with the demo district."""

from __future__ import annotations

import argparse
import sys
import time

from console.commands import open_services
from console.db import describe

STAGE_TITLES = {
    "household": "户",
    "resident": "实有人口",
    "verification_visit": "核实记录",
    "event": "感知事件",
    "alert": "预警",
    "vehicle": "车辆",
    "dispatch": "派警",
}


def main(args: argparse.Namespace) -> int:
    from console.demo.seed import is_empty, seed_demo

    _settings, engine, services = open_services(args)
    if is_empty(engine):  # otherwise seed_demo refuses with the reason
        print(
            f"正在向 {describe(engine)} 写入演示辖区 (scale {args.scale}, seed {args.seed})…", file=sys.stderr
        )
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        # Big tables report every chunk; print at most twice a second, and each finished stage.
        now = time.monotonic()
        if done == 0 or (done < total and now - last[0] < 0.5):
            return
        last[0] = now
        title = STAGE_TITLES.get(stage.split(" ")[0], "")
        label = f"{title} {stage}" if title else stage
        print(f"  {label}: {done:,}/{total:,}", file=sys.stderr)

    try:
        summary = seed_demo(engine, scale=args.scale, seed=args.seed, progress=progress, users=services.users)
    finally:
        engine.dispose()
    print(summary.line(), file=sys.stderr)
    return 0
