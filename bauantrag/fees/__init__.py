"""Verwaltungsgebühren of the Bauaufsicht (AVwGebO NRW, Tarifstelle 3.1): the Kommune's tariff data, the fee of a
case (assessment.current_assessment is the public face for the Bescheid), Kassenzeichen and the cash export."""
