"""Dispatch: officers, dispatches from alerts, response clocks and interventions (to come)."""
