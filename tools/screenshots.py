"""Screenshots of the main window for docs/screenshots/, as a duty officer sees it.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--wait 14]

Prepares the demo district once in a scratch folder (nothing of yours is touched: HOME and the
XDG folders point there), then for each screen size (1920×1080, 1366×768), theme (dark, light)
and language (Chinese, English) starts ``duty-console run --demo`` signed in as the demo duty
officer on its own virtual X screen (Xvfb, 24-bit), waits until the feed has filled, and saves
the whole screen as ``main-<width>x<height>-<theme>-<lang>.png``.

``--keys "ctrl+8" --name district`` presses those keys (xdotool, as an officer at the keyboard
would) once the feed has filled, waits ``--after`` seconds and saves ``district-….png`` instead:
any pane or dialog can be pictured the same way. ``click:X,Y`` and ``dblclick:X,Y`` among the keys
click the mouse there, so a mouse-only walk can be pictured too.

Needs Xvfb, xwd (x11-apps), ImageMagick's ``convert`` and Qt's xcb libraries (Debian: xvfb x11-apps
imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxkbcommon-x11-0),
and fonts-noto-cjk for the Chinese glyphs. Open the pictures and look at them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = ((1920, 1080), (1366, 768))
THEMES = ("dark", "light")
LANGUAGES = ("zh_CN", "en")
DEMO_USER, DEMO_PASSWORD = "demo", "Duty-demo-2026"  # the README's demo duty officer


def _console() -> list[str]:
    found = shutil.which("duty-console", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "console"]


def _need(*tools: str) -> dict[str, str]:
    """The full path of each of ``tools``; exits naming the missing ones."""
    found = {t: shutil.which(t) for t in tools}
    missing = [t for t, path in found.items() if path is None]
    if missing:
        sys.exit(
            f"screenshots: missing {', '.join(missing)} (Debian: apt-get install xvfb x11-apps imagemagick)"
        )
    return {t: str(path) for t, path in found.items()}


TOOLS: dict[str, str] = {}


def _env(scratch: Path, display: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(scratch / "home"),
        XDG_CONFIG_HOME=str(scratch / "home" / ".config"),
        XDG_DATA_HOME=str(scratch / "home" / ".local" / "share"),
        QTWEBENGINE_DISABLE_SANDBOX="1",
    )
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return env


def _write_settings(scratch: Path, theme: str, language: str) -> None:
    """A fresh home for each picture: only these settings, no window size saved by an earlier run."""
    shutil.rmtree(scratch / "home", ignore_errors=True)
    path = scratch / "home" / ".config" / "duty-console" / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[console]\ntheme = {theme}\nlanguage = {language}\n", encoding="utf-8")


def _shot(
    scratch: Path,
    db: str,
    size: tuple[int, int],
    theme: str,
    language: str,
    out: Path,
    wait: float,
    keys: list[str] | None = None,
    name: str = "main",
    after: float = 4.0,
) -> Path:
    width, height = size
    display = f":{120 + os.getpid() % 50}"
    _write_settings(scratch, theme, language)
    xvfb = subprocess.Popen(  # noqa: S603 fixed arguments
        [TOOLS["Xvfb"], display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        app = subprocess.Popen(  # noqa: S603 the console of this checkout
            [*_console(), "--db", db, "run", "--demo", "--user", DEMO_USER, "--password-stdin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_env(scratch, display),
            text=True,
        )
        assert app.stdin is not None  # noqa: S101 type narrowing
        app.stdin.write(DEMO_PASSWORD + "\n")
        app.stdin.close()
        time.sleep(wait)
        if app.poll() is not None:
            sys.exit(f"screenshots: the console ended early (status {app.returncode})")
        if keys:
            _press(display, scratch, keys)
            time.sleep(after)
        target = out / f"{name}-{width}x{height}-{theme}-{'zh' if language == 'zh_CN' else 'en'}.png"
        xwd = subprocess.run(  # noqa: S603 fixed arguments
            [TOOLS["xwd"], "-root", "-display", display, "-silent"], check=True, capture_output=True
        )
        subprocess.run([TOOLS["convert"], "xwd:-", f"png:{target}"], input=xwd.stdout, check=True)  # noqa: S603
        app.terminate()
        app.wait(20)
        return target
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _press(display: str, scratch: Path, keys: list[str]) -> None:
    """Give the console's window the keyboard (there is no window manager) and press ``keys``."""
    env = {**_env(scratch, display)}
    found = subprocess.run(  # noqa: S603 fixed arguments
        [TOOLS["xdotool"], "search", "--onlyvisible", "--class", "duty-console"],
        env=env,
        capture_output=True,
        text=True,
    )
    windows = found.stdout.split()
    if windows:
        subprocess.run([TOOLS["xdotool"], "windowfocus", "--sync", windows[-1]], env=env, check=False)  # noqa: S603
    for key in keys:
        if key.startswith("click:"):  # click:X,Y — the mouse, where an officer would click
            x, _, y = key.removeprefix("click:").partition(",")
            command = ["mousemove", "--sync", x, y, "click", "1"]
        elif key.startswith("dblclick:"):
            x, _, y = key.removeprefix("dblclick:").partition(",")
            command = ["mousemove", "--sync", x, y, "click", "--repeat", "2", "--delay", "80", "1"]
        else:
            command = ["key", "--delay", "120", key]
        subprocess.run([TOOLS["xdotool"], *command], env=env, check=True)  # noqa: S603
        time.sleep(0.7)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"), help="folder for the PNG files")
    parser.add_argument("--wait", type=float, default=14.0, help="seconds from start to the screenshot")
    parser.add_argument(
        "--only", default="", help="only the pictures whose name contains this, e.g. 1366x768-light-en"
    )
    parser.add_argument(
        "--keys", default="", help='keys to press once the feed has filled (xdotool names; click:X,Y clicks), e.g. "ctrl+8"'
    )
    parser.add_argument("--name", default="main", help="the pictures' name before the size (with --keys)")
    parser.add_argument("--after", type=float, default=4.0, help="seconds from the keys to the screenshot")
    args = parser.parse_args(argv)
    TOOLS.update(_need("Xvfb", "xwd", "convert", *(("xdotool",) if args.keys else ())))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="duty-console-shots-") as tmp:
        scratch = Path(tmp)
        db = f"sqlite:///{scratch / 'station.db'}"
        print("screenshots: preparing the demo district…", flush=True)
        subprocess.run([*_console(), "--db", db, "seed-demo"], env=_env(scratch), check=True)  # noqa: S603
        for size in SIZES:
            for theme in THEMES:
                for language in LANGUAGES:
                    name = f"{size[0]}x{size[1]}-{theme}-{'zh' if language == 'zh_CN' else 'en'}"
                    if args.only not in name:
                        continue
                    saved = _shot(
                        scratch,
                        db,
                        size,
                        theme,
                        language,
                        args.out,
                        args.wait,
                        args.keys.split(),
                        args.name,
                        args.after,
                    )
                    print(f"screenshots: saved {saved}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
