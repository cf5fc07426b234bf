"""Reading articles on Dask writes the same bytes as reading them here: on a local cluster, and through a
scheduler's address as a real cluster is reached."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl import build
from etl.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real articles of two answer-key sets, plus the seeds: varied enough to exercise every table."""
    seeds = tmp_path_factory.mktemp("engine") / "seeds"
    seeds.mkdir()
    for source in [*sorted((CORPUS / "devset").glob("*/articles/*.txt")), *sorted((ROOT / "seeds").glob("*.txt"))]:
        shutil.copy(source, seeds / f"{source.parent.parent.name}_{source.name}")
    return seeds


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def test_a_local_dask_cluster_writes_the_same_tables_as_a_local_run(articles: Path, tmp_path: Path):
    here = build.run(articles, tmp_path / "here", cache_dir=None, jobs=1)
    on_dask = build.run(articles, tmp_path / "dask", cache_dir=None, jobs=2, engine=build.Engine(chunk=5))
    assert here.articles == on_dask.articles == 33 and not on_dask.rejected
    assert _files(tmp_path / "dask") == _files(tmp_path / "here")
    assert {"metrics.csv", "metrics.parquet", "events.parquet"} <= set(_files(tmp_path / "here"))  # Parquet too


def test_the_command_reaches_a_cluster_by_its_scheduler_address(articles: Path, tmp_path: Path):
    from distributed import LocalCluster

    build.run(articles, tmp_path / "here", cache_dir=None)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(
            [
                *("--seeds", str(articles), "--out", str(tmp_path / "remote"), "--no-cache", "-q"),
                *("--engine", "dask", "--scheduler", cluster.scheduler_address),
            ]
        )
    assert code == 0
    assert _files(tmp_path / "remote") == _files(tmp_path / "here")


@pytest.mark.parametrize(
    "args",
    [["--engine", "dask", "--article-budget", "5"], ["--scheduler", "tcp://127.0.0.1:1"]],
    ids=["budget-needs-local", "scheduler-needs-dask"],
)
def test_options_that_do_not_go_together_are_refused(tmp_path: Path, args: list[str], capsys):
    (tmp_path / "seeds").mkdir()
    assert main(["--seeds", str(tmp_path / "seeds"), "--out", str(tmp_path / "out"), "-q", *args]) == 2
    assert "error:" in capsys.readouterr().err
