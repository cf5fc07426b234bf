"""Page latency of the dashboard in headless Chromium, side by side with Streamlit's own `streamlit hello`.

`--scale N` measures the dashboard on an N-article corpus against the seeds instead (issue 19)."""

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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.serve import CHROMIUM_ARGS, RENDERED_JS, rss_mb, streamlit_server  # noqa: E402
from tools.serve import visit as _visit  # noqa: E402

VISIT_TIMEOUT_MS = 90_000
TARGET_PAGE_RATIO = 1.5  # slowest dashboard page / median of hello's pages
TARGET_RSS_RATIO = 2.0  # dashboard server RSS / hello server RSS
TARGET_SCALE_RATIO = 2.0  # each page on the 4,000-article data / the same page on the seeds
TARGET_SCALE_RSS_MB = 500  # --scale: server memory after every page, five times (issue 19)
TARGET_ANSWER_S = 0.5  # --scale: a search or filter answered on the Figures page
GROWTH_TOLERANCE = 0.05  # --scale: RSS of the later rounds above the earlier ones past this counts as growing
SEARCHES = ("students", "teachers", "courses", "schools", "learners", "platform")  # words of the seed sentences
COUNT_CAPTION_JS = """() => Array.from(document.querySelectorAll('[data-testid="stCaptionContainer"]'))
  .map((e) => e.innerText).find((t) => / of [\\d,]+ figures/.test(t)) || ''"""

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


def time_pages(
    page: Page,
    pages: dict[str, str],
    rounds: int,
    times_ms: dict[str, list[float]],
    errors: dict[str, str],
    after_round: Callable[[], None] | None = None,
) -> None:
    """Visit every page once to warm it (caches filled, modules imported), then ``rounds`` times, timing each visit;
    the first error of each page is kept."""
    for label, url in pages.items():
        _, err = visit(page, url)
        if err:
            errors[label] = err
        times_ms[label] = []
    for _ in range(rounds):
        for label, url in pages.items():
            # Each visit starts from a blank tab: tearing down the previous page (a map's WebGL context takes seconds
            # in software rendering) is then not charged to the page being timed.
            page.goto("about:blank")
            ms, err = visit(page, url)
            times_ms[label].append(ms)
            if err and label not in errors:
                errors[label] = err
        if after_round is not None:
            after_round()


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
            time_pages(page, pages, runs, result.times_ms, result.errors)
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


@dataclass
class ScaleResult:
    name: str
    times_ms: dict[str, list[float]] = field(default_factory=dict)  # page -> one visit per round
    errors: dict[str, str] = field(default_factory=dict)
    rss_mb: list[float] = field(default_factory=list)  # server RSS after each round of every page
    answers_ms: list[float] = field(default_factory=list)  # Figures: a search typed, until the page has answered

    def medians(self) -> dict[str, float]:
        return {p: statistics.median(t) if t else float("nan") for p, t in self.times_ms.items()}

    @property
    def growth(self) -> float:
        """RSS growth over the rounds after the first (which fills the caches): the median of the later half over
        the median of the earlier half. A server's RSS after one round moves by tens of megabytes either way (a
        session held two minutes after its tab closes, the allocator); one round against another measured that
        noise, not a trend."""
        return growth(self.rss_mb)


def growth(rss_mb: list[float]) -> float:
    """:attr:`ScaleResult.growth` of a list of RSS readings, one per round."""
    rounds = rss_mb[1:] if len(rss_mb) > 2 else list(rss_mb)
    if len(rounds) < 2:
        return float("nan")
    half = len(rounds) // 2
    early, late = statistics.median(rounds[:half]), statistics.median(rounds[half:])
    return (late - early) / early


def time_searches(page: Page, url: str, terms: tuple[str, ...]) -> tuple[list[float], dict[str, str]]:
    """On the Figures page, type each term into the search box and press Enter; the time until the page has rerun
    and shows the new count of figures (the caption "N of M figures")."""
    errors: dict[str, str] = {}
    page.goto("about:blank")
    visit(page, url)
    box = page.locator('input[aria-label="Search"][data-testid="stTextInputField"]')
    times = []
    for term in terms:
        before = page.evaluate(COUNT_CAPTION_JS)
        t0 = time.perf_counter()
        box.fill(term)
        box.press("Enter")
        try:
            page.wait_for_function(
                f"(before) => ({RENDERED_JS})() && ({COUNT_CAPTION_JS})() !== before",
                arg=before,
                timeout=VISIT_TIMEOUT_MS,
                polling="raf",
            )
        except Exception as exc:  # the same count as before, or a timeout: said, not timed
            errors[term] = f"no new count: {exc.__class__.__name__}"
            continue
        times.append((time.perf_counter() - t0) * 1000)
    return times, errors


def measure_rounds(
    name: str, env_extra: dict[str, str], chromium: str, rounds: int, log: Path, search: bool
) -> ScaleResult:
    """Serve the dashboard, visit every page once to warm it, then ``rounds`` times every page (each from a blank
    tab), the server's RSS after each round; then time searches on the Figures page."""
    from playwright.sync_api import sync_playwright

    result = ScaleResult(name)
    with streamlit_server(["run", str(ROOT / "app.py")], env_extra, log) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            pages = discover_pages(page, server.url)
            time_pages(
                page,
                pages,
                rounds,
                result.times_ms,
                result.errors,
                after_round=lambda: result.rss_mb.append(rss_mb(server.pid)),
            )
            figures = next((u for label, u in pages.items() if "figures" in u.rsplit("/", 1)[-1].lower()), None)
            if search and figures:
                result.answers_ms, errors = time_searches(page, figures, SEARCHES)
                result.errors.update({f"search {t}": e for t, e in errors.items()})
        finally:
            browser.close()
    return result


def query_times(data: Path, terms: tuple[str, ...]) -> dict[str, float]:
    """In-process, without a browser: what the Figures page asks of DuckDB for one search, in one selection as the
    page does (count, rows on screen, chart data; the measures over time only while their section is open, so not
    here), in ms; and opening the database of a build."""
    import logging

    import streamlit.runtime.caching.cache_data_api as cache_api

    logging.getLogger(cache_api.__name__).setLevel(logging.ERROR)  # "no runtime found": none is wanted here
    from dashboard import charts, query
    from dashboard.filters import Filters

    t0 = time.perf_counter()
    query.options(data)
    out = {"open and options": (time.perf_counter() - t0) * 1000}
    per = []
    for term in ("", *terms):
        t0 = time.perf_counter()
        with query.selection(data, Filters(text=term)) as sel:
            found = sel.summary()
            sel.rows(1000)
            if found.positive > charts.MAX_DOTS:
                sel.magnitudes()
            else:
                sel.positive_rows(charts.MAX_DOTS)
        per.append((time.perf_counter() - t0) * 1000)
    out["no filter"] = per[0]
    out["search, median"] = statistics.median(per[1:])
    out["search, slowest"] = max(per[1:])
    query.close_all()
    return out


def scale_corpus(articles: int, folder: Path) -> tuple[Path, Path, float]:
    """The ``articles``-article corpus of etl_throughput.py in FOLDER/seeds, built into FOLDER/data (reused when it
    is there: the ETL does nothing when the tables are up to date); the seconds the build took."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from etl_throughput import build_corpus, write_corpus

    seeds = folder / "seeds"
    if not seeds.is_dir() or sum(1 for _ in seeds.glob("*.txt")) != articles:
        shutil.rmtree(seeds, ignore_errors=True)
        print(f"writing the {articles:,}-article corpus to {seeds} ...", flush=True)
        write_corpus(build_corpus(ROOT / "seeds", articles), seeds)
    env = {**os.environ, "DED_CACHE_DIR": str(folder / "cache")}
    cmd = [sys.executable, "-m", "etl", "--seeds", str(seeds), "--out", str(folder / "data"), "-q"]
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return seeds, folder / "data", time.perf_counter() - t0


def scale_main(args: argparse.Namespace) -> int:
    """--scale N: the dashboard on N articles against the seeds, as issue 19 asks it to be measured."""
    rounds = args.rounds
    folder = (args.scale_dir or ROOT / ".cache" / "bench" / f"scale-{args.scale}").resolve()
    seeds, data, built_s = scale_corpus(args.scale, folder)
    figures = count_rows(data, "metrics")
    print(f"corpus: {args.scale:,} articles, about {figures:,} figures, in {folder} (build or check: {built_s:.1f} s)")
    print(
        f"Chromium {args.chromium}, headless; one warm-up visit per page, then {rounds} rounds of every page, each "
        "visit from a blank tab; server RSS (with its children) after each round",
        flush=True,
    )
    work = Path(tempfile.mkdtemp(prefix="ded-scale-"))
    try:
        small_env = prepare_dashboard_env(ROOT / "data", ROOT / "seeds", work / "seeds-run")
        small = measure_rounds("seeds", small_env, args.chromium, rounds, work / "seeds.log", search=True)
        big_env = {  # the corpus's own folders: nothing of the repository is touched
            "DED_DATA_DIR": str(data),
            "DED_SEEDS_DIR": str(seeds),
            "DED_CACHE_DIR": str(folder / "cache"),
            "DED_BUILD_LOCK": str(work / "build.lock"),
        }
        big = measure_rounds(f"{args.scale:,} articles", big_env, args.chromium, rounds, work / "big.log", search=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    queries = query_times(data, SEARCHES)

    small_med, big_med = small.medians(), big.medians()
    print()
    print(f"each page, median of {rounds} visits (target: at most {TARGET_SCALE_RATIO:g}x its time on the seeds)")
    print(f"  {'page':<20} {'seeds':>9} {big.name:>16} {'ratio':>7}")
    ratios = {}
    for label, t in small_med.items():
        b = big_med.get(label, float("nan"))
        ratios[label] = b / t
        verdict = "met" if ratios[label] <= TARGET_SCALE_RATIO else "MISSED"
        note = f"  ({big.errors[label]})" if label in big.errors else ""
        print(f"  {label:<20} {t:>7.0f} ms {b:>13.0f} ms {ratios[label]:>6.2f}x {verdict}{note}")
    print()
    for r in (small, big):
        rss = ", ".join(f"{m:.0f}" for m in r.rss_mb)
        grows = "grows" if r.growth > GROWTH_TOLERANCE else "does not grow"
        print(
            f"server RSS after each round, {r.name}: {rss} MB; later rounds over earlier ones (medians, rounds 2 to "
            f"{rounds}): {r.growth * 100:+.1f}% "
            f"({grows}, tolerance {GROWTH_TOLERANCE * 100:.0f}%)"
        )
    last = big.rss_mb[-1] if big.rss_mb else float("nan")
    print(
        f"server RSS after every page {rounds} times at {big.name}: {last:.0f} MB "
        f"({'met' if last < TARGET_SCALE_RSS_MB else 'MISSED'}, target < {TARGET_SCALE_RSS_MB} MB and not growing: "
        f"{'met' if big.growth <= GROWTH_TOLERANCE else 'MISSED'})"
    )
    print()
    for r in (small, big):
        if r.answers_ms:
            med, worst = statistics.median(r.answers_ms), max(r.answers_ms)
            verdict = "met" if med / 1000 < TARGET_ANSWER_S else "MISSED"
            print(
                f"search answered on Figures, {r.name}: median {med:.0f} ms, slowest {worst:.0f} ms over "
                f"{len(r.answers_ms)} searches, typed until the page shows the new count ({verdict}, target < "
                f"{TARGET_ANSWER_S * 1000:.0f} ms)"
            )
        else:
            print(f"search answered on Figures, {r.name}: not measured ({r.errors})")
    print(
        "  of which the queries, in-process at "
        + big.name
        + ": "
        + "; ".join(f"{k} {v:.0f} ms" for k, v in queries.items())
    )
    errors = {k: v for r in (small, big) for k, v in r.errors.items()}
    if errors:
        print(f"errors: {errors}")
    if args.json:
        print(
            json.dumps(
                {
                    "bench": "page_latency_scale",
                    "machine": machine_line(),
                    "articles": args.scale,
                    "figures": figures,
                    "rounds": rounds,
                    "pages_seeds": small_med,
                    "pages_scale": big_med,
                    "ratios": {k: round(v, 3) for k, v in ratios.items()},
                    "rss_seeds_mb": [round(m, 1) for m in small.rss_mb],
                    "rss_scale_mb": [round(m, 1) for m in big.rss_mb],
                    "answers_seeds_ms": [round(m) for m in small.answers_ms],
                    "answers_scale_ms": [round(m) for m in big.answers_ms],
                    "queries_ms": {k: round(v, 1) for k, v in queries.items()},
                    "errors": errors,
                }
            )
        )
    return 0 if not any(e.startswith("not rendered") for e in errors.values()) else 1


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
    ap.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="build (or reuse) an N-article corpus and print, against the seeds: each page's time, server memory "
        "after every page --rounds times and whether it grows, and how fast a search answers (issue 19)",
    )
    ap.add_argument("--scale-dir", type=Path, help="where --scale keeps its corpus (default .cache/bench/scale-N)")
    ap.add_argument("--rounds", type=int, default=5, help="--scale: rounds of visits of every page; default 5")
    args = ap.parse_args(argv)

    runs = 1 if args.quick else args.runs
    if not args.app.exists():
        print(f"error: {args.app} not found", file=sys.stderr)
        return 2
    if not Path(args.chromium).exists() and not shutil.which(args.chromium):
        print(f"error: Chromium not found at {args.chromium} (use --chromium PATH or $CHROMIUM)", file=sys.stderr)
        return 2

    print(machine_line())
    if args.scale:
        return scale_main(args)
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
