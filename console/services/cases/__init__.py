"""Cases: theft case dossiers, their parties, vehicles, series and stolen property (to come)."""
