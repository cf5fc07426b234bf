"""Fixtures shared by every test: the browser for end-to-end tests, tiny article folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def find_chromium() -> str | None:
    """The Chromium to drive: $CHROMIUM, else `chromium` on the PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        reason = "no Chromium found (set CHROMIUM or put `chromium` on the PATH)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture
def write_articles(tmp_path: Path):
    """Write ``{name: text or bytes}`` into a fresh seeds folder and return it."""

    def _write(files: dict[str, str | bytes]) -> Path:
        seeds = tmp_path / "seeds"
        seeds.mkdir(exist_ok=True)
        for name, content in files.items():
            path = seeds / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return seeds

    return _write
