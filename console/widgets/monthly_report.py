"""The monthly brief (月度工作简报): an A4 PDF in Chinese that reads in black and white."""

from __future__ import annotations

from pathlib import Path

from console.services.figures import MonthlyBrief


def save_monthly_report(brief: MonthlyBrief, path: str | Path) -> Path:
    """Write ``brief`` as an A4 PDF at ``path`` (needs a QGuiApplication) and return the path."""
    raise NotImplementedError
