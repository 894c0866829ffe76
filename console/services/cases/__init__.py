"""Cases: theft case dossiers, their parties, links and timeline, and stolen property with its custody trail."""

from __future__ import annotations

from console.services.cases.rules import CATEGORIES, category_code, hours_to_solve

__all__ = ["CATEGORIES", "category_code", "hours_to_solve"]
