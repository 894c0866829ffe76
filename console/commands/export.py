"""Reserved command; its issue has not landed yet."""

from __future__ import annotations

import argparse

from console.errors import NotYetAvailable


def main(args: argparse.Namespace) -> int:
    raise NotYetAvailable(f"命令 {args.command!r} 尚未提供 (not yet available)")
