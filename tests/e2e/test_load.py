"""Load: twelve browser sessions at once each visit every page; every visit renders its title with no exception and
none times out. Page times for one session and under load go to test-artifacts/load.json. The tables are loaded once
for all sessions (a process-wide cache), not once per session."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.e2e.conftest import EXCEPTION, PAGES, ROOT, serve_dashboard
from tools.serve import CHROMIUM_ARGS, RENDERED_JS, rss_mb

SESSIONS = 12
VIEWPORT = {"width": 1024, "height": 640}  # a laptop screen; fewer pixels for software WebGL on a small machine
BASELINE_ROUNDS = 2
VISIT_TIMEOUT_MS = 120_000  # generous: on a 2-core box the twelve Chromium renderers, not the server, use most CPU
ARTIFACT = ROOT / "test-artifacts" / "load.json"

Visit = tuple[str, float, str | None]  # page path, milliseconds to rendered, what went wrong (None: fine)


async def _visit(page, base: str, path: str) -> Visit:
    """Open a page and wait until the script has finished and its h1 is shown; the time and any failure."""
    t0 = time.perf_counter()
    try:
        await page.goto(f"{base}/{path}", wait_until="commit", timeout=VISIT_TIMEOUT_MS)
        await page.wait_for_function(RENDERED_JS, timeout=VISIT_TIMEOUT_MS, polling=250)
        await page.get_by_role("heading", name=PAGES[path], level=1).wait_for(timeout=VISIT_TIMEOUT_MS)
    except Exception as exc:  # a timeout is a result to report, with the others
        return path, (time.perf_counter() - t0) * 1000, f"not rendered: {exc.__class__.__name__}"
    ms = (time.perf_counter() - t0) * 1000
    if await page.locator(EXCEPTION).count():
        return path, ms, "exception shown: " + (await page.locator(EXCEPTION).first.inner_text())[:120]
    return path, ms, None


async def _connected(page) -> bool:
    return await page.evaluate(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testConnectionState === 'CONNECTED'"
    )


async def _drive(chromium: str, base: str, server_pid: int) -> dict:
    from playwright.async_api import async_playwright

    paths = list(PAGES)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            # One session alone: a warm-up round (first renders, caches filled), then the measured rounds.
            context = await browser.new_context(viewport=VIEWPORT)
            page = await context.new_page()
            for path in paths:
                await _visit(page, base, path)
            single = [await _visit(page, base, path) for _ in range(BASELINE_ROUNDS) for path in paths]
            await context.close()
            rss_single = rss_mb(server_pid)

            # Twelve sessions at once, each in its own browser context (own cookies, own websocket, own session).
            everyone_in = asyncio.Barrier(SESSIONS)
            all_done = asyncio.Barrier(SESSIONS)
            held: list[bool] = []
            rss_held: list[float] = []

            async def session(i: int) -> list[Visit]:
                ctx = await browser.new_context(viewport=VIEWPORT)
                try:
                    p = await ctx.new_page()
                    order = paths[i % len(paths) :] + paths[: i % len(paths)]  # a mix of pages at any moment
                    visits = [await _visit(p, base, order[0])]
                    await everyone_in.wait()  # all twelve sessions are open before the rest of the round
                    visits += [await _visit(p, base, path) for path in order[1:]]
                    if await all_done.wait() == 0:
                        rss_held.append(rss_mb(server_pid))
                    held.append(await _connected(p))
                    await all_done.wait()  # close nothing until every session has checked its own
                    return visits
                except BaseException:
                    everyone_in.abort()  # the others stop waiting for a session that will never come
                    all_done.abort()
                    raise
                finally:
                    await ctx.close()

            t0, cpu0 = time.perf_counter(), _cpu_s(server_pid)
            loaded = [v for visits in await asyncio.gather(*(session(i) for i in range(SESSIONS))) for v in visits]
            wall_s, server_cpu_s = time.perf_counter() - t0, _cpu_s(server_pid) - cpu0
        finally:
            await browser.close()
    return {
        "single": single,
        "loaded": loaded,
        "held": held,
        "wall_s": wall_s,
        "server_cpu_s": server_cpu_s,
        "rss_single": rss_single,
        "rss_held": rss_held[0],
    }


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds used so far by process ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _p(times: list[float], q: int) -> float:
    """The q-th percentile (nearest rank) of ``times``."""
    ordered = sorted(times)
    return ordered[max(0, -(-q * len(ordered) // 100) - 1)]


def _summary(visits: list[Visit]) -> dict:
    times = [ms for _, ms, _ in visits]
    return {
        "visits": len(times),
        "p50_ms": round(_p(times, 50)),
        "p95_ms": round(_p(times, 95)),
        "max_ms": round(max(times)),
        "mean_ms": round(statistics.fmean(times)),
    }


@pytest.mark.e2e
@pytest.mark.slow
def test_twelve_sessions_at_once_each_render_every_page_without_an_exception_or_a_timeout(chromium_path, tmp_path):
    with serve_dashboard(tmp_path) as server, ThreadPoolExecutor(1) as pool:
        # Async Playwright in its own thread: its event loop never meets the session-wide sync Playwright's.
        run = pool.submit(asyncio.run, _drive(chromium_path, server["url"], server["pid"])).result()

    failures = [v for v in run["single"] + run["loaded"] if v[2]]
    assert failures == []
    assert len(run["loaded"]) == SESSIONS * len(PAGES)
    assert sorted({path for path, _, _ in run["loaded"]}) == sorted(PAGES)
    assert run["held"] == [True] * SESSIONS  # every session still connected after the whole round

    single, loaded = _summary(run["single"]), _summary(run["loaded"])
    report = {
        "sessions": SESSIONS,
        "pages": len(PAGES),
        "single_session": single,
        "under_load": loaded,
        "ratio_p50": round(loaded["p50_ms"] / single["p50_ms"], 2),
        "ratio_p95": round(loaded["p95_ms"] / single["p95_ms"], 2),
        "wall_s": round(run["wall_s"], 1),
        "server_cpu_s": round(run["server_cpu_s"], 1),
        "p50_ms_by_page": {
            path or "overview": {
                "single": round(statistics.median(ms for p, ms, _ in run["single"] if p == path)),
                "under_load": round(statistics.median(ms for p, ms, _ in run["loaded"] if p == path)),
            }
            for path in PAGES
        },
        "server_rss_mb": {"one_session": round(run["rss_single"]), "twelve_sessions": round(run["rss_held"])},
        "machine": {"cores": len(os.sched_getaffinity(0))},
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"\nload: 1 session p50 {single['p50_ms']} ms, p95 {single['p95_ms']} ms; "
        f"{SESSIONS} sessions p50 {loaded['p50_ms']} ms, p95 {loaded['p95_ms']} ms "
        f"(x{report['ratio_p50']} / x{report['ratio_p95']}); {loaded['visits']} visits in {report['wall_s']} s; "
        f"server RSS {report['server_rss_mb']['one_session']} -> {report['server_rss_mb']['twelve_sessions']} MB"
    )
    # Twelve open sessions cost the server little memory each (session state only; the tables are shared).
    assert run["rss_held"] - run["rss_single"] < 15 * SESSIONS


def test_the_tables_are_opened_once_for_all_sessions_not_once_per_session(tmp_path, monkeypatch):
    """Every session queries one database per build (dashboard/db.py), and the small answers cached once per build
    (the corpus's counts) are asked once for all sessions."""
    import streamlit as st

    from dashboard import db, query_articles
    from etl import build

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    build.run(seeds, tmp_path / "data")
    for name, folder in (("SEEDS", seeds), ("DATA", tmp_path / "data"), ("CACHE", tmp_path / "cache")):
        monkeypatch.setenv(f"DED_{name}_DIR", str(folder))
    opened: list[Path] = []
    counted: list[Path] = []
    real_open, real_counts = db._Database.__init__, query_articles.counts

    def opening(self, folder: Path) -> None:
        opened.append(folder)
        real_open(self, folder)

    def counting(folder: Path):
        counted.append(folder)
        return real_counts(folder)

    monkeypatch.setattr(db._Database, "__init__", opening)
    monkeypatch.setattr(query_articles, "counts", counting)
    db.close_all()
    st.cache_data.clear()
    for _ in range(3):  # three sessions, each opening the overview and the figures page
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        at.switch_page("pages/figures.py").run()
        assert not at.exception, [e.value for e in at.exception]
    assert len(opened) == 1 and len(counted) == 1
    db.close_all()
    st.cache_data.clear()
