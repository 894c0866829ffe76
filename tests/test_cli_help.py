"""`duty-console --help` tells an officer what every option does, and `--version` answers."""

from __future__ import annotations

import argparse
import subprocess
import sys

from console import __version__
from console.cli import build_parser


def _walk(parser: argparse.ArgumentParser, path: str) -> list[str]:
    """Every option (and positional) of ``parser`` and its subcommands that has no help text."""
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                missing += _walk(sub, f"{path} {name}")
            continue
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        if not action.help or action.help == argparse.SUPPRESS:
            missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    return missing


def test_every_option_of_every_command_has_help_text() -> None:
    assert _walk(build_parser(), "duty-console") == []


def test_the_walk_finds_an_option_without_help() -> None:
    parser = argparse.ArgumentParser()
    parser.add_subparsers().add_parser("x").add_argument("--bare")
    assert _walk(parser, "p") == ["p x --bare"]


def test_version_prints_the_version_and_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "console", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"duty-console {__version__}"
