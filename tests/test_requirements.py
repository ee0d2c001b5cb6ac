"""requirements/*.in name the direct dependencies, the .txt files pin them with hashes, and pyproject.toml declares
ranges that the pins satisfy."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+) \\$")


def direct(path: Path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return {canonicalize_name(Requirement(line).name) for line in lines if line and not line.startswith("-")}


def pins(path: Path) -> dict[str, str]:
    return {canonicalize_name(m[1]): m[2] for line in path.read_text().splitlines() if (m := PIN.match(line))}


def test_pyproject_declares_the_direct_dependencies_of_base_in_with_ranges_the_pins_satisfy() -> None:
    declared = [Requirement(d) for d in tomllib.loads((REQUIREMENTS.parent / "pyproject.toml").read_text())[
        "project"]["dependencies"]]
    assert {canonicalize_name(r.name) for r in declared} == direct(REQUIREMENTS / "base.in")
    pinned = pins(REQUIREMENTS / "base.txt")
    for requirement in declared:
        assert requirement.specifier.contains(pinned[canonicalize_name(requirement.name)]), requirement


def test_every_pin_carries_a_hash_and_test_pins_agree_with_base() -> None:
    for name in ("base.txt", "test.txt"):
        text = (REQUIREMENTS / name).read_text()
        assert text.count("==") == len(pins(REQUIREMENTS / name)) and "--hash=sha256:" in text
        blocks = re.split(r"\n(?=\S)", text)
        assert all("--hash=sha256:" in block for block in blocks if PIN.match(block.splitlines()[0])), name
    base, test = pins(REQUIREMENTS / "base.txt"), pins(REQUIREMENTS / "test.txt")
    assert {name: test.get(name) for name in base} == base
    assert direct(REQUIREMENTS / "base.in") <= set(base) and direct(REQUIREMENTS / "test.in") <= set(test)
