"""Duty-room console for a community police station."""

__version__ = "0.1.0"
