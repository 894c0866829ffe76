"""After a merge: rebuild the .ts files from the sources, keeping every translation any side had.

    .venv/bin/python tools/merge_translations.py HEAD OTHER_BRANCH

The .ts files list source line numbers, so two branches that both add strings always conflict
there. This starts from the first revision's files, runs pyside6-lupdate over the sources, fills
each unfinished entry from the translations found in any of the given revisions, and compiles
the .qm files. Run from the repository root, inside the project's virtual environment.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DIR = Path("resources/translations")
TOOLS = Path(sys.executable).parent


def known_translations(revs: list[str], lang: str) -> dict[tuple[str, str], str]:
    known: dict[tuple[str, str], str] = {}
    for rev in revs:
        shown = subprocess.run(  # noqa: S603 fixed arguments
            ["git", "show", f"{rev}:{DIR}/console_{lang}.ts"], capture_output=True, check=False  # noqa: S607
        )
        if shown.returncode:
            continue
        for ctx in ET.fromstring(shown.stdout).iter("context"):  # noqa: S314 our own file
            for message in ctx.iter("message"):
                tr = message.find("translation")
                if tr is not None and tr.text and tr.get("type") not in ("obsolete", "vanished"):
                    known.setdefault((ctx.findtext("name") or "", message.findtext("source") or ""), tr.text)
    return known


def rebuild(revs: list[str], lang: str) -> tuple[int, int]:
    path = DIR / f"console_{lang}.ts"
    path.write_bytes(
        subprocess.run(["git", "show", f"{revs[0]}:{path}"], capture_output=True, check=True).stdout  # noqa: S603, S607
    )
    sources = sorted(str(p) for p in [Path("console/app.py"), *Path("console/widgets").rglob("*.py")])
    subprocess.run(  # noqa: S603 fixed arguments
        [str(TOOLS / "pyside6-lupdate"), "-no-obsolete", "-source-language", "zh_CN", "-target-language", lang,
         *sources, "-ts", str(path)],
        check=True,
        capture_output=True,
    )
    known = known_translations(revs, lang)
    tree = ET.parse(path)  # noqa: S314 our own file
    filled = missing = 0
    for ctx in tree.getroot().iter("context"):
        for message in ctx.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") != "unfinished":
                continue
            text = known.get((ctx.findtext("name") or "", message.findtext("source") or ""))
            if text:
                tr.text = text
                del tr.attrib["type"]
                filled += 1
            else:
                missing += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body, encoding="utf-8")
    subprocess.run(  # noqa: S603 fixed arguments
        [str(TOOLS / "pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))],
        check=True,
        capture_output=True,
    )
    return filled, missing


def main() -> None:
    revs = sys.argv[1:] or ["HEAD"]
    for lang in ("zh_CN", "en"):
        filled, missing = rebuild(revs, lang)
        print(f"{lang}: {filled} translations carried over, {missing} still unfinished")


if __name__ == "__main__":
    main()
