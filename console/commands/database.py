"""`init-db`: create or upgrade the schema."""

from __future__ import annotations

import argparse
import sys

from console.commands import open_services
from console.db import current_revision, describe


def main(args: argparse.Namespace) -> int:
    _settings, engine, _services = open_services(args)
    try:
        print(f"数据库 {describe(engine)} 已是当前结构 (版本 {current_revision(engine)})", file=sys.stderr)
    finally:
        engine.dispose()
    return 0
