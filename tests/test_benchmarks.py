"""The benchmarks run end to end on a tiny input and print their figures (no assertions on speed)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def run_script(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def json_line(stdout: str) -> dict:
    return json.loads(next(line for line in reversed(stdout.splitlines()) if line.startswith("{")))


@pytest.mark.slow
def test_etl_throughput_quick_prints_rates_ratio_and_memory(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    proc = run_script(str(BENCH / "etl_throughput.py"), "--quick", "--json", "--keep", str(keep), timeout=300)

    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert re.search(r"^machine: \d+ cores .*Python 3\.\d+.*date: \d{4}-\d\d-\d\d", out, re.M)
    assert re.search(r"^ETL throughput: [\d.]+ MB/s wall", out, re.M)
    assert re.search(r"^quantulum3 throughput: [\d.]+ MB/s warm", out, re.M)
    assert re.search(r"^ratio ETL / quantulum3: \d+x", out, re.M)
    assert re.search(r"^ETL peak memory: \d+ MB", out, re.M)
    for label in ("cold, --no-cache", "re-run, nothing changed", "re-run, 1 article changed"):
        assert re.search(rf"^{re.escape(label)}\s+[\d.]+\s+[\d.]+", out, re.M), label
    figures = json_line(out)
    assert figures["bench"] == "etl_throughput" and figures["etl_mbps"] > 0 and figures["peak_rss_mb"] > 0
    assert all(r["returncode"] == 0 for r in figures["runs"])
    # --keep leaves a corpus and its built tables for the dashboard's scale check.
    assert len(list((keep / "seeds").glob("*.txt"))) == figures["articles"]
    assert (keep / "data" / "metrics.csv").stat().st_size > 0


def test_synthetic_corpus_is_deterministic_and_figures_differ() -> None:
    spec = importlib.util.spec_from_file_location("etl_throughput", BENCH / "etl_throughput.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    build_corpus = module.build_corpus

    a, b = build_corpus(ROOT / "seeds", 5), build_corpus(ROOT / "seeds", 5)
    assert a == b
    assert len(set(a)) == 5
    assert all(4000 <= len(text) <= 7000 for text in a)
    assert all(re.search(r"\d", text) for text in a)


@pytest.mark.slow
@pytest.mark.e2e
def test_page_latency_quick_prints_medians_and_ratios(chromium_path: str) -> None:
    if not (ROOT / "app.py").exists():
        pytest.fail("app.py is missing: the page-latency benchmark has no dashboard to time")
    proc = run_script(str(BENCH / "page_latency.py"), "--quick", "--json", "--chromium", chromium_path, timeout=600)

    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    out = proc.stdout
    assert re.search(r"^machine: \d+ cores", out, re.M)
    assert re.search(r"^streamlit hello: median ms per page", out, re.M)
    assert re.search(r"^dashboard \(seeds\): median ms per page", out, re.M)
    assert len(re.findall(r"^  \S.*\s\d+ ms", out, re.M)) >= 2
    assert re.search(r"ratio slowest dashboard page / median of hello's pages: [\d.]+", out)
    assert re.search(r"RSS ratio: [\d.]+", out)
    figures = json_line(out)
    assert figures["hello"] and figures["dashboard (seeds)"]["pages"]
    assert figures["hello_rss_mb"] > 0


@pytest.mark.slow
@pytest.mark.e2e
def test_page_latency_at_scale_prints_pages_memory_rounds_and_search_answers(
    chromium_path: str, tmp_path: Path
) -> None:
    proc = run_script(
        str(BENCH / "page_latency.py"),
        *("--scale", "12", "--rounds", "2", "--scale-dir", str(tmp_path / "scale"), "--json"),
        *("--chromium", chromium_path),
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    out = proc.stdout
    assert re.search(r"^corpus: 12 articles", out, re.M)
    assert re.search(r"^  Figures\s+\d+ ms\s+\d+ ms\s+[\d.]+x (met|MISSED)", out, re.M)
    assert re.search(r"^server RSS after each round, 12 articles: \d+, \d+ MB", out, re.M)
    assert re.search(r"^search answered on Figures, 12 articles: median \d+ ms", out, re.M)
    figures = json_line(out)
    assert figures["bench"] == "page_latency_scale" and len(figures["rss_scale_mb"]) == 2
    assert figures["answers_scale_ms"] and figures["queries_ms"]["search, median"] > 0
    assert len(list((tmp_path / "scale" / "seeds").glob("*.txt"))) == 12  # kept, and reused by the next run


def test_newsquant_scores_a_file_in_its_format(tmp_path: Path) -> None:
    sentences = [
        {"text": "The school has 300 students.", "quantities": [{"value": "300.0", "unit": "students"}]},
        # a decrease: signed in our tables, unsigned with its direction in the benchmark
        {"text": "Shares fell 0.9% on Monday.", "quantities": [{"value": "0.9", "change": "down", "unit": "%"}]},
        {"text": "Between 10 and 20 schools joined.", "quantities": [{"value": "10.0-20.0", "unit": "schools"}]},
        {"text": "It was one of the best days.", "quantities": [{"value": "1", "unit": "best days"}]},
        {"text": "Nothing to count here.", "quantities": []},
    ]
    path = tmp_path / "NewsQuant.json"
    path.write_text(json.dumps(sentences), encoding="utf-8")

    proc = run_script(str(BENCH / "newsquant.py"), str(path), "--json", timeout=120)

    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = json_line(proc.stdout)
    assert (figures["found"], figures["missed"], figures["extra"]) == (3, 1, 0)
    assert figures["missed_by_unit"] == {"best days": 1}
    assert re.search(r"^figures \(value\): P=1\.000 R=0\.750", proc.stdout, re.M)


def test_newsquant_without_its_file_says_where_to_get_it(tmp_path: Path) -> None:
    proc = run_script(str(BENCH / "newsquant.py"), str(tmp_path / "missing.json"), timeout=60)
    assert proc.returncode == 2 and "DED_NEWSQUANT" in proc.stdout


@pytest.mark.parametrize(
    ("rss", "grows"),
    [
        ([300, 334, 349, 348, 369], False),  # noise around a level: +5.0%, the tolerance itself
        ([300, 355, 320, 372, 333, 379, 362, 371, 350, 368, 340, 375, 358], False),  # up and down, no trend
        ([300, 310, 320, 330, 340, 350, 360, 370], True),  # a steady climb
        ([300, 400, 410, 420, 430, 440], True),
    ],
)
def test_page_latency_reads_growth_from_the_medians_of_the_earlier_and_later_rounds(rss, grows) -> None:
    spec = importlib.util.spec_from_file_location("page_latency", BENCH / "page_latency.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["page_latency"] = module  # its dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    assert (module.growth(rss) > module.GROWTH_TOLERANCE) is grows
