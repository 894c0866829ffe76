"""Reporting: exports of alerts, events, households and cases (masked unless permitted)."""

from __future__ import annotations

from console.services.reporting.export import ExportService

__all__ = ["ExportService"]
