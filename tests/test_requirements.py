"""requirements.txt locks the whole runtime tree (made by `make lock` from requirements.in): a host, the Docker image
and the tests install exactly the same packages, and a deploy is reproducible."""

from __future__ import annotations

import re
from importlib.metadata import distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pins(path: Path) -> dict[str, str]:
    """name -> version of each ``name==version`` line (comments, options and "via" notes aside)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)", line):
            out[canonicalize_name(m.group(1))] = m.group(2)
    return out


def test_the_lock_pins_every_package_the_runtime_needs_at_the_version_installed():
    lock, direct = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements.in")
    assert direct and {n: lock.get(n) for n in direct} == direct  # the direct pins, unchanged
    todo, seen = list(direct), set()
    while todo:  # the installed tree, from the direct requirements down
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        assert name in lock, f"{name} is installed for the runtime but not pinned in requirements.txt"
        assert lock[name] == distribution(name).version, name
        for spec in distribution(name).requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    assert set(lock) == seen  # and nothing else: the lock is the tree
