"""`init-db`: create or upgrade the schema."""

from __future__ import annotations

import argparse
import sys

from console.commands import settings_and_engine
from console.db import current_revision, describe


def main(args: argparse.Namespace) -> int:
    _settings, engine = settings_and_engine(args)
    print(f"数据库 {describe(engine)} 已是当前结构 (版本 {current_revision(engine)})", file=sys.stderr)
    return 0
