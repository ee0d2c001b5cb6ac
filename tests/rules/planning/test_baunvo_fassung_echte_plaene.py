"""Which BauNVO governs the real public plans in ``tests/data/xplan`` (SOURCES.md there) – measured on plans nobody
here wrote. The expected answers are hand labels, read from each plan's own data (versionBauNVO, dates) and
§§ 25 to 25g BauNVO before the test was run:

- Blankenese 29: versionBauNVO datum 1990-01-01, Rechtsverordnung 02.07.1991 → BauNVO 1990.
- BPlan004: no versionBauNVO, Rechtsverordnung 25.10.2016 → draft displayed before, so at most the version from
  20.09.2013 (§ 25d), possibly older; not the encoded text.
- Eidelstedt 4: code 4000 (1990) but in force 16.10.1973 – a version that did not exist yet; at most BauNVO 1968.
- HafenCity 7: "Version vom 21.11.2017", Rechtsverordnung 18.06.2019 → the Bekanntmachung 2017 before the 2021
  changes; not encoded.
- Rotherbaum 27: 1990-01-01, Rechtsverordnung 06.03.2006 → BauNVO 1990.
- Überlappung (test plan): 1977-01-01, Rechtsverordnung 26.06.1990 → BauNVO 1977.
None of them is governed by the encoded text, so every Art-der-Nutzung answer on them is either a STABLE one or
„zu prüfen“.
"""

from pathlib import Path

import pytest

from bauantrag.formats.xplan import read_plan
from bauantrag.rules.nrw.baunvo.versions import governing

DATA = Path(__file__).resolve().parents[2] / "data" / "xplan"
HAND_LABELS = {
    "hamburg_blankenese29_xplan60/xplan.gml": "BauNVO 1990",
    "hamburg_bplan004_xplan60/xplan.gml": "BauNVO in der ab 20.09.2013 geltenden Fassung oder eine ältere Fassung",
    "hamburg_eidelstedt4_xplan41/xplan.gml": "BauNVO 1968 oder eine ältere Fassung",
    "hamburg_hafencity7_xplan52.gml": "BauNVO in der ab 13.05.2017 geltenden Fassung (Bek. vom 21.11.2017)",
    "hamburg_rotherbaum27_xplan52.gml": "BauNVO 1990",
    "test_xplan60_ueberlappung_valide.gml": "BauNVO 1977",
}


@pytest.mark.parametrize(("path", "expected"), sorted(HAND_LABELS.items()))
def test_die_fuer_einen_echten_plan_massgebende_baunvo_folgt_seinen_angaben(path: str, expected: str) -> None:
    found = governing(read_plan(DATA / path))
    assert found.name == expected
    assert found.encoded is False

