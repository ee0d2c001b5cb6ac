"""Verwaltungsgebühren of the Bauaufsicht (AVwGebO NRW, Tarifstelle 3.1) as pure Python: tariff data and the
line-by-line calculation. The Kommune's entries come from bauantrag.fees; nothing here reads Django."""
