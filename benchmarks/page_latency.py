"""Page latency of the dashboard in headless Chromium, side by side with Streamlit's own `streamlit hello`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.serve import CHROMIUM_ARGS, rss_mb, streamlit_server  # noqa: E402
from tools.serve import visit as _visit  # noqa: E402

VISIT_TIMEOUT_MS = 90_000
TARGET_PAGE_RATIO = 1.5  # slowest dashboard page / median of hello's pages
TARGET_RSS_RATIO = 2.0  # dashboard server RSS / hello server RSS
TARGET_SCALE_RATIO = 2.0  # each page on the 4,000-article data / the same page on the seeds

NAV_LINKS = '[data-testid="stSidebarNav"] a, [data-testid="stTopNavLink"]'


@dataclass
class AppResult:
    name: str
    times_ms: dict[str, list[float]] = field(default_factory=dict)  # page -> timed visits
    errors: dict[str, str] = field(default_factory=dict)  # page -> first error shown or timeout
    rss_mb: float = float("nan")

    def medians(self) -> dict[str, float]:
        return {p: statistics.median(t) if t else float("nan") for p, t in self.times_ms.items()}


def machine_line() -> str:
    """Machine and date, printed with every result so figures can be compared across runs."""
    cores = len(os.sched_getaffinity(0))
    now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"machine: {cores} cores ({os.cpu_count()} online), Python {platform.python_version()}, "
        f"{platform.platform()}; date: {now}"
    )


def visit(page: Page, url: str) -> tuple[float, str | None]:
    return _visit(page, url, VISIT_TIMEOUT_MS)


def discover_pages(page: Page, base: str) -> dict[str, str]:
    """Page label -> URL, from the app's navigation links (the root page alone when there are none)."""
    visit(page, base + "/")
    more = page.locator('[data-testid="stSidebarNavViewButton"]')
    if more.count():
        more.first.click()  # "View more": the nav shows only the first pages until expanded
    pages: dict[str, str] = {}
    links = page.locator(NAV_LINKS)
    for i in range(links.count()):
        link = links.nth(i)
        href = link.get_attribute("href") or ""
        lines = [ln for ln in link.inner_text().splitlines() if ln.strip()]
        label = lines[-1].strip() if lines else href
        if href and label not in pages:
            pages[label] = href if href.startswith("http") else base + "/" + href.lstrip("/")
    return pages or {"(root)": base + "/"}


def measure_app(
    name: str, args: list[str], env_extra: dict[str, str], chromium: str, runs: int, log: Path
) -> AppResult:
    """Start one app, warm every page once, then time ``runs`` visits of every page."""
    from playwright.sync_api import sync_playwright

    result = AppResult(name)
    with streamlit_server(args, env_extra, log) as server, sync_playwright() as pw:
        base = server.url
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            pages = discover_pages(page, base)
            for label, url in pages.items():  # warm-up: caches filled, modules imported
                _, err = visit(page, url)
                if err:
                    result.errors[label] = err
                result.times_ms[label] = []
            for _ in range(runs):
                for label, url in pages.items():
                    # Each visit starts from a blank tab: tearing down the previous page (a map's WebGL context
                    # takes seconds in software rendering) is then not charged to the page being timed.
                    page.goto("about:blank")
                    ms, err = visit(page, url)
                    result.times_ms[label].append(ms)
                    if err and label not in result.errors:
                        result.errors[label] = err
            result.rss_mb = rss_mb(server.pid)
        finally:
            browser.close()
    return result


def prepare_dashboard_env(data: Path, seeds: Path, work: Path) -> dict[str, str]:
    """Temporary copies of the data and seeds, so a rebuild or upload by the dashboard touches nothing real."""
    data_copy, seeds_copy = work / "data", work / "seeds"
    shutil.rmtree(data_copy, ignore_errors=True)
    shutil.rmtree(seeds_copy, ignore_errors=True)
    if data.is_dir():  # otherwise the dashboard builds its data on start, as on a fresh checkout
        shutil.copytree(data, data_copy)
    shutil.copytree(seeds, seeds_copy)
    return {
        "DED_DATA_DIR": str(data_copy),
        "DED_SEEDS_DIR": str(seeds_copy),
        "DED_CACHE_DIR": str(work / "cache"),
        "DED_BUILD_LOCK": str(work / "build.lock"),
    }


def build_scale_data(articles: int, work: Path) -> Path:
    """The benchmark corpus (see etl_throughput.py) built into WORK/data; returns that folder."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from etl_throughput import build_corpus, write_corpus

    write_corpus(build_corpus(ROOT / "seeds", articles), work / "seeds")
    env = {**os.environ, "DED_CACHE_DIR": str(work / "cache")}
    cmd = [sys.executable, "-m", "etl", "--seeds", str(work / "seeds"), "--out", str(work / "data"), "-q"]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return work / "data"


def count_rows(data: Path, table: str) -> int:
    try:
        with (data / f"{table}.csv").open("rb") as f:
            return max(sum(1 for _ in f) - 1, 0)  # approximate: quoted newlines count twice
    except OSError:
        return 0


def print_app(result: AppResult) -> None:
    print(f"{result.name}: median ms per page over {len(next(iter(result.times_ms.values()), []))} runs")
    for label, med in result.medians().items():
        note = f"  ({result.errors[label]})" if label in result.errors else ""
        print(f"  {label:<32} {med:>8.0f} ms{note}")
    print(f"  server RSS after all pages: {result.rss_mb:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5, help="timed visits of each page (after one warm-up); default 5")
    ap.add_argument("--quick", action="store_true", help="one timed run, for the test")
    ap.add_argument("--data", type=Path, help="data folder for the dashboard (default: the repo's data/)")
    ap.add_argument("--seeds", type=Path, help="seeds matching --data (default: DATA/../seeds if present, else seeds/)")
    ap.add_argument("--compare-scale", action="store_true", help="time the dashboard on the seeds and on --data")
    ap.add_argument("--articles", type=int, default=4000, help="corpus size built for --compare-scale without --data")
    ap.add_argument("--app", type=Path, default=ROOT / "app.py", help="the dashboard's entry script")
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium")
    ap.add_argument("--json", action="store_true", help="also print one machine-readable JSON line")
    args = ap.parse_args(argv)

    runs = 1 if args.quick else args.runs
    if not args.app.exists():
        print(f"error: {args.app} not found", file=sys.stderr)
        return 2
    if not Path(args.chromium).exists() and not shutil.which(args.chromium):
        print(f"error: Chromium not found at {args.chromium} (use --chromium PATH or $CHROMIUM)", file=sys.stderr)
        return 2

    print(machine_line())
    print(
        f"Chromium {args.chromium}, headless; {runs} timed run(s) per page after one warm-up visit; "
        "time = navigation until the script finished and the main block has content"
    )
    work = Path(tempfile.mkdtemp(prefix="ded-latency-"))
    try:
        seeds_data = (ROOT / "data", ROOT / "seeds")
        scale_data = None
        if args.data:
            guess = args.data / ".." / "seeds"
            scale_data = (args.data.resolve(), (args.seeds or (guess if guess.is_dir() else ROOT / "seeds")).resolve())
        elif args.compare_scale:
            print(f"building the {args.articles}-article corpus for the scale check ...")
            built = build_scale_data(args.articles, work / "scale")
            scale_data = (built, built.parent / "seeds")

        app_args = ["run", str(args.app)]
        hello = measure_app("streamlit hello", ["hello"], {}, args.chromium, runs, work / "hello.log")
        plans = []
        if scale_data is None or args.compare_scale:
            plans.append(("dashboard (seeds)", seeds_data))
        if scale_data is not None:
            plans.append((f"dashboard ({count_rows(scale_data[0], 'metrics'):,} figures)", scale_data))
        dashboards = []
        for i, (name, (data, seeds)) in enumerate(plans):
            env = prepare_dashboard_env(data, seeds, work / f"dash{i}")
            dashboards.append(measure_app(name, app_args, env, args.chromium, runs, work / f"dash{i}.log"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print_app(hello)
    for d in dashboards:
        print()
        print_app(d)

    hello_median = statistics.median(hello.medians().values())
    print()
    print(f"median of hello's pages: {hello_median:.0f} ms")
    summary: dict[str, object] = {
        "bench": "page_latency",
        "machine": machine_line(),
        "runs": runs,
        "hello": hello.medians(),
        "hello_rss_mb": round(hello.rss_mb, 1),
    }
    ok = True
    for d in dashboards:
        slowest_page, slowest = max(d.medians().items(), key=lambda kv: kv[1])
        page_ratio = slowest / hello_median
        rss_ratio = d.rss_mb / hello.rss_mb
        print(
            f"{d.name}: slowest page {slowest_page} {slowest:.0f} ms; "
            f"ratio slowest dashboard page / median of hello's pages: {page_ratio:.2f} "
            f"({'met' if page_ratio <= TARGET_PAGE_RATIO else 'MISS'}, target <= {TARGET_PAGE_RATIO})"
        )
        print(
            f"{d.name}: server RSS {d.rss_mb:.0f} MB vs hello {hello.rss_mb:.0f} MB; "
            f"RSS ratio: {rss_ratio:.2f} ({'met' if rss_ratio <= TARGET_RSS_RATIO else 'MISS'}, "
            f"target <= {TARGET_RSS_RATIO})"
        )
        summary[d.name] = {
            "pages": d.medians(),
            "rss_mb": round(d.rss_mb, 1),
            "page_ratio": round(page_ratio, 3),
            "rss_ratio": round(rss_ratio, 3),
            "errors": d.errors,
        }
        ok = ok and not any(e.startswith("not rendered") for e in d.errors.values())

    if len(dashboards) == 2:
        small, big = (d.medians() for d in dashboards)
        print()
        print(f"scale check: {dashboards[1].name} / {dashboards[0].name}, per page (target <= {TARGET_SCALE_RATIO})")
        ratios = {}
        for label, t in small.items():
            r = big.get(label, float("nan")) / t
            ratios[label] = round(r, 3)
            print(
                f"  {label:<32} {t:>8.0f} ms -> {big.get(label, float('nan')):>8.0f} ms  "
                f"scale ratio {r:.2f} {'met' if r <= TARGET_SCALE_RATIO else 'MISS'}"
            )
        summary["scale_ratios"] = ratios
    if args.json:
        print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
