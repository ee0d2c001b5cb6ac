"""Rechtslagen for the rule tests: one case per Fassung of the BauO NRW, by date of submission."""

import datetime as dt

from bauantrag.rules.nrw.rechtslage import rechtslage

RL_2023 = rechtslage(dt.date(2023, 6, 15))  # Fassung 22.09.2021–31.12.2023
RL = rechtslage(dt.date(2025, 3, 3))  # Fassung ab 01.01.2024
RL_2026 = rechtslage(dt.date(2026, 10, 1))  # Fassung ab 01.09.2026: text not available
