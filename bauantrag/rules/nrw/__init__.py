"""Rules of Nordrhein-Westfalen: BauO NRW 2018 and BauPrüfVO NRW."""
