"""One dashboard server for the browser tests, on a tmp copy of the seeds, and a headless Chromium page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tools.serve import CHROMIUM_ARGS, RENDERED_JS, streamlit_server

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
# Every page of the app: URL path -> its title.
PAGES = {
    "": "Digital education in the news",
    "figures": "Figures",
    "map": "Map",
    "events": "Events",
    "learning_cities": "Learning cities",
    "sources": "Sources",
    "data": "Data",
}
EXCEPTION = '[data-testid="stException"]'
XSS_ARTICLE = """Markup in an article must stay text

<script>window.__xss = 1; alert(1)</script>
More than 300 teachers attended. <img src=x onerror="window.__xss = 2; alert(2)">
<a href="javascript:window.__xss=3;alert(3)">Read more</a> [link](javascript:alert(4))
<svg onload="window.__xss = 4; alert(5)"></svg> About 40 schools joined.
"""


def dashboard_dirs(work: Path) -> dict[str, Path]:
    """A tmp copy of the seeds (plus one markup article) and empty data and cache folders under WORK."""
    seeds = work / "seeds"
    if not seeds.exists():
        shutil.copytree(ROOT / "seeds", seeds)
        for p in seeds.iterdir():
            p.chmod(0o644)
        (seeds / "zz_markup.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    return {"seeds": seeds, "data": work / "data", "cache": work / "cache"}


def dashboard_env(dirs: dict[str, Path]) -> dict[str, str]:
    return {
        "DED_SEEDS_DIR": str(dirs["seeds"]),
        "DED_DATA_DIR": str(dirs["data"]),
        "DED_CACHE_DIR": str(dirs["cache"]),
        "DED_EDITING": "open",  # as `make run`: these servers are the tests' own
    }


@contextmanager
def serve_dashboard(work: Path, env: dict[str, str] | None = None) -> Iterator[dict]:
    """``streamlit run app.py`` on a free loopback port over the folders of ``dashboard_dirs(WORK)`` (and ``env``)."""
    dirs = dashboard_dirs(work)
    with streamlit_server(
        ["run", str(ROOT / "app.py")], {**dashboard_env(dirs), **(env or {})}, work / "server.log"
    ) as server:
        yield {"url": server.url, "pid": server.pid, "log": server.log, **dirs}


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[dict]:
    """One dashboard server shared by the browser tests; stopped at the end."""
    with serve_dashboard(tmp_path_factory.mktemp("dashboard")) as d:
        yield d


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextmanager
def new_page(browser, timeout_ms: int = 30_000) -> Iterator:
    """A page in a fresh browser context (no cookies or session shared with other tests), closed after."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        p = context.new_page()
        p.set_default_timeout(timeout_ms)
        yield p
    finally:
        context.close()


@pytest.fixture
def page(browser, dashboard):
    with new_page(browser) as p:
        yield p


MAP_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
# A canvas shows at the browser's default 300 x 150 before deck.gl sizes it to its container; wait for the sizing.
_MAP_SIZED_JS = f"""() => {{
  const c = document.querySelector('{MAP_CANVAS}');
  if (!c) return false;
  const r = c.getBoundingClientRect();
  return r.width > 200 && r.height > 200;
}}"""


def map_canvas(page, settle_ms: int = 1500) -> dict:
    """Wait until the map's canvas is shown at its laid-out size, then ``settle_ms`` for the layers; its box."""
    page.locator(MAP_CANVAS).first.wait_for(state="visible")
    page.wait_for_function(_MAP_SIZED_JS, timeout=30_000, polling=100)
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    return page.locator(MAP_CANVAS).first.bounding_box()


def visit(page, url: str) -> None:
    """Open ``url`` and wait until the script has run to the end (no sleeps)."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(RENDERED_JS, timeout=60_000, polling=200)
