"""One dashboard server for the browser tests, on a tmp copy of the seeds, and a headless Chromium page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Rendered: connected, the script finished, nothing still loading, and the main block shows something.
RENDERED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED') return false;
  const state = app.dataset.testScriptState;
  if (state !== 'notRunning' && state !== 'compilationError') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  // Lazily loaded elements (metrics, charts) show a skeleton until their code arrives.
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')) return false;
  for (const plot of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!plot.querySelector('.main-svg')) return false;
  }
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return !!main && main.innerText.trim().length > 0;
}"""
XSS_ARTICLE = """Markup in an article must stay text

<script>window.__xss = 1; alert(1)</script>
More than 300 teachers attended. <img src=x onerror="window.__xss = 2; alert(2)">
<a href="javascript:window.__xss=3;alert(3)">Read more</a> [link](javascript:alert(4))
<svg onload="window.__xss = 4; alert(5)"></svg> About 40 schools joined.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[dict]:
    """``streamlit run app.py`` on a free loopback port over a tmp copy of the seeds; stopped at the end."""
    work = tmp_path_factory.mktemp("dashboard")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for p in seeds.iterdir():
        p.chmod(0o644)
    (seeds / "zz_markup.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    port = _free_port()
    env = {
        **os.environ,
        "STREAMLIT_SERVER_PORT": str(port),
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
        "STREAMLIT_SERVER_HEADLESS": "true",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
        "DED_SEEDS_DIR": str(seeds),
        "DED_DATA_DIR": str(work / "data"),
        "DED_CACHE_DIR": str(work / "cache"),
    }
    log = (work / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {work / 'server.log'}")
            time.sleep(0.2)
        yield {"url": url, "seeds": seeds, "data": work / "data", "log": work / "server.log"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, dashboard):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(30_000)
    yield p
    context.close()


def visit(page, url: str) -> None:
    """Open ``url`` and wait until the script has run to the end (no sleeps)."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(RENDERED_JS, timeout=60_000, polling=200)
