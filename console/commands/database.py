"""`init-db`: create or upgrade the schema, and say which of the two it did."""

from __future__ import annotations

import argparse
import sys


def main(args: argparse.Namespace) -> int:
    from console.config import load_settings
    from console.db import check_reachable, current_revision, describe, head_revision, make_engine, upgrade
    from console.messages import bilingual

    settings = load_settings(args.db)
    engine = make_engine(settings.connect_url())
    try:
        check_reachable(engine)
        before = current_revision(engine)
        upgrade(engine)  # refuses a schema newer than this console before touching anything
        head = head_revision()
        target = describe(engine)
        if before is None:
            line = bilingual("db.init.created", target=target, head=head)
        elif before == head:
            line = bilingual("db.init.current", target=target, head=head)
        else:
            line = bilingual("db.init.upgraded", target=target, before=before, head=head)
        print(line, file=sys.stderr)
    finally:
        engine.dispose()
    return 0
