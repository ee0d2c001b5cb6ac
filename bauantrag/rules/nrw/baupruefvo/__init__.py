"""Rules from the Verordnung über bautechnische Prüfungen NRW (BauPrüfVO)."""
