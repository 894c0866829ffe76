"""Figures: the station's statistics and the monthly brief (to come)."""
