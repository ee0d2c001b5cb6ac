"""Rules from the Landesbauordnung NRW 2018 (BauO NRW)."""
