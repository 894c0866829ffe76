"""Reporting: exports of alerts, events, households and cases (masked unless permitted)."""

from __future__ import annotations

from console.services.reporting.export import ExportService
from console.validators import csv_cell

__all__ = ["ExportService", "csv_cell"]
