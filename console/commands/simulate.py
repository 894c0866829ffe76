"""`duty-console simulate [--rate N] [--duration S] [--seed N]`: a simulated stream through ingest."""

from __future__ import annotations

import argparse
import sys

from console.commands import open_services
from console.db import describe
from console.demo.simulate import Simulator
from console.services.intake import IngestAnswer


def main(args: argparse.Namespace) -> int:
    _, engine, services = open_services(args)
    try:
        simulator = Simulator(engine, services.ingest, services.clock, seed=args.seed)
        simulator.refresh()
        print(f"simulate: 约 {args.rate:g} 条/秒 -> {describe(engine)} (Ctrl+C 停止)", file=sys.stderr)

        def report(answers: list[IngestAnswer]) -> None:
            alerts = sum(1 for a in answers if a.alert_id is not None)
            print(
                f"simulate: {len(answers)} 条事件, {alerts} 条触发预警 ({len(answers)} events, {alerts} alerts)",
                file=sys.stderr,
            )

        try:
            counts = simulator.run(args.rate, args.duration, on_batch=report if args.verbose else None)
        except KeyboardInterrupt:
            return 0
        print(
            f"simulate: 共 {counts['events']} 条事件, {counts['alerts']} 条关联预警, 拒绝 {counts['rejected']} "
            f"({counts['events']} events, {counts['alerts']} with alerts, {counts['rejected']} rejected)",
            file=sys.stderr,
        )
        return 1 if counts["rejected"] else 0
    finally:
        engine.dispose()
