"""The notice on the validity of a Baugenehmigung (§ 75 BauO NRW), as text for the Bescheid (review item M13).

§ 75 Abs. 1 (2021 and 2024 alike): „Die Baugenehmigung und die Teilbaugenehmigung erlöschen, wenn innerhalb von drei
Jahren nach ihrer Erteilung mit der Ausführung des Bauvorhabens nicht begonnen oder die Bauausführung länger als ein
Jahr unterbrochen worden ist.“ Abs. 2 (2024): „Die Frist nach Absatz 1 kann auf in Textform gestellten Antrag jeweils
bis zu einem Jahr verlängert werden. Sie kann auch rückwirkend verlängert werden, wenn der Antrag vor Fristablauf bei
der Bauaufsichtsbehörde eingegangen ist.“

The letters (correspondence) take the sentence from here; the former wording dropped „länger als“. Pure Python.
"""

from __future__ import annotations

LEGAL_BASIS = "§ 75 Abs. 1 und 2 BauO NRW"

#: The sentence of the Bescheid's Hinweise, in the words of § 75 Abs. 1 and 2.
HINWEIS = (
    "Die Baugenehmigung erlischt, wenn innerhalb von drei Jahren nach ihrer Erteilung mit der Ausführung des "
    "Bauvorhabens nicht begonnen oder die Bauausführung länger als ein Jahr unterbrochen worden ist (§ 75 Abs. 1 BauO "
    "NRW). Die Frist kann auf in Textform gestellten Antrag jeweils bis zu einem Jahr verlängert werden, auch "
    "rückwirkend, wenn der Antrag vor Fristablauf bei der Bauaufsichtsbehörde eingegangen ist (§ 75 Abs. 2 BauO NRW)."
)
