"""Start a Streamlit server on loopback and tell when a page has rendered: shared by browser tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
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
# Rendered: connected, the script has run to the end (Streamlit 1.67 marks the app root with
# data-test-script-state "initial" -> "running" -> "notRunning"), the running-man status widget is gone,
# no lazily loaded element still shows its skeleton, every Plotly chart has drawn, and the main block
# shows something.
RENDERED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED') return false;
  const state = app.dataset.testScriptState;
  if (state !== 'notRunning' && state !== 'compilationError') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')) return false;
  for (const plot of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!plot.querySelector('.main-svg')) return false;
  }
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return !!main && (main.innerText.trim().length > 0 || !!main.querySelector('canvas, svg, img, iframe'));
}"""
ERROR_SELECTORS = (('[data-testid="stException"]', "exception"), ('[data-testid="stAlertContentError"]', "error"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    pid: int
    log: Path


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout_s: float = 60) -> None:
    """Block until Streamlit's health endpoint answers; fail with the log's tail if the process dies first."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited {proc.returncode}: {log.read_text(errors='replace')[-1500:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"streamlit did not answer within {timeout_s:.0f} s; see {log}")
        time.sleep(0.2)


@contextmanager
def streamlit_server(
    args: list[str], env_extra: dict[str, str], log: Path, port: int | None = None
) -> Iterator[Server]:
    """Run ``python -m streamlit ARGS`` from the project root on a loopback port until the block ends."""
    port = port or free_port()
    env = {
        **os.environ,
        **env_extra,
        "STREAMLIT_SERVER_PORT": str(port),
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
        "STREAMLIT_SERVER_HEADLESS": "true",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    }
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, log)
        yield Server(url, proc.pid, log)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def visit(page: Page, url: str, timeout_ms: int = 90_000) -> tuple[float, str | None]:
    """Milliseconds from navigation to rendered, and the error the page shows (or a timeout), if any."""
    t0 = time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_function(RENDERED_JS, timeout=timeout_ms, polling="raf")
    except Exception as exc:  # a timeout or a dead server is a result here, not a crash
        return (time.perf_counter() - t0) * 1000, f"not rendered: {exc.__class__.__name__}"
    ms = (time.perf_counter() - t0) * 1000
    for selector, what in ERROR_SELECTORS:
        shown = page.locator(selector)
        if shown.count():
            lines = shown.first.inner_text().strip().splitlines() or [""]
            return ms, f"{what} shown: {lines[0][:90]}"
    return ms, None


def rss_mb(pid: int) -> float:
    """VmRSS of ``pid`` and all its descendants, from /proc (psutil is not a dependency)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total_kb, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024
