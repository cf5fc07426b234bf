"""A visitor's trial: an article tried in one session flows through every page of that session and nowhere else."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import trial

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TRIED = b"The Testville school network gave 4,321 tablets to pupils in Lisbon."
PAGES = ("pages/overview.py", "pages/figures.py", "pages/map.py", "pages/events.py", "pages/data.py")


@pytest.fixture(autouse=True)
def _fresh_cache():
    import streamlit as st

    st.cache_data.clear()
    yield


@pytest.fixture
def visitors(built_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The built tiny corpus on a shared deployment: nothing set, so visitors cannot change the shared corpus."""
    monkeypatch.delenv("DED_EDITING")
    monkeypatch.delenv("DED_EDITOR_KEY", raising=False)
    monkeypatch.setenv("DED_TRIALS_DIR", str(tmp_path / "trials"))
    return built_data


def session(page: str = "pages/sources.py") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):
    (found,) = [b for b in at.button if b.label == label]
    return found


def sidebar_text(at: AppTest) -> str:
    return " ".join(c.value for c in at.sidebar.caption) + " ".join(i.value for i in at.sidebar.info)


def plain(markdown: str) -> str:
    """Text as a reader sees it: without the escapes and word joiners that keep article text inert."""
    return markdown.replace("\\", "").replace("\u2060", "")


def figures_shown(at: AppTest) -> str:
    """The sentences of the Figures page's table."""
    return " ".join(" ".join(map(str, df.value["sentence"])) for df in at.dataframe if "sentence" in df.value)


def shared_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_tried_article_shows_on_every_page_of_its_session_and_nowhere_else(visitors: Path, tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds_before, data_before = shared_bytes(seeds), shared_bytes(visitors)
    mine = session()
    mine.file_uploader[0].upload("testville.txt", TRIED, "text/plain")
    mine.run()
    button(mine, "Try it in my session").click().run()
    assert not mine.exception, [e.value for e in mine.exception]
    assert mine.selectbox(key="src_doc").value == "testville"
    assert any("only to you" in s.value for s in mine.success), [s.value for s in mine.success]
    # Every page of this session reads the trial's tables: three articles, the tried figure among them.
    for page in PAGES:
        mine.switch_page(page).run()
        assert not mine.exception, page
        assert "3 articles" in sidebar_text(mine) and "Your trial" in sidebar_text(mine), page
    mine.switch_page("pages/figures.py").run()
    assert "4,321 tablets" in figures_shown(mine)
    # Nothing shared changed, and another visitor sees the shared corpus only.
    assert shared_bytes(seeds) == seeds_before and shared_bytes(visitors) == data_before
    other = session("pages/figures.py")
    assert "2 articles" in sidebar_text(other) and "Your trial" not in sidebar_text(other)
    assert "tablets" not in figures_shown(other) and "page views" in figures_shown(other)
    # Ending the trial removes its folder and brings the session back to the shared tables.
    (folder,) = list((tmp_path / "trials").iterdir())
    button(mine, "End the trial").click().run()
    assert not folder.exists()
    assert "2 articles" in sidebar_text(mine) and "Your trial" not in sidebar_text(mine)


def test_a_trial_is_rebuilt_when_the_shared_corpus_changes(visitors: Path, tmp_path: Path):
    mine = session()
    mine.file_uploader[0].upload("testville.txt", TRIED, "text/plain")
    mine.run()
    button(mine, "Try it in my session").click().run()
    (tmp_path / "seeds" / "c_riga.txt").write_text("About 45 schools in Riga joined.", encoding="utf-8")
    mine.switch_page("pages/overview.py").run()
    assert not mine.exception
    assert "4 articles" in sidebar_text(mine)


def test_a_file_already_in_the_corpus_is_not_tried_twice(visitors: Path, tmp_path: Path):
    mine = session()
    mine.file_uploader[0].upload("copy.txt", (tmp_path / "seeds" / "a_lisbon.txt").read_bytes(), "text/plain")
    mine.run()
    button(mine, "Try it in my session").click().run()
    assert any("already in the corpus as “a_lisbon.txt”" in plain(i.value) for i in mine.info)
    assert "Your trial" not in sidebar_text(mine) and not (tmp_path / "trials").exists()


def test_trials_idle_past_their_hours_are_swept_and_the_rest_kept(tmp_path: Path):
    old, fresh = trial.create(tmp_path, 5), trial.create(tmp_path, 5)
    hours_ago = time.time() - 7 * 3600
    os.utime(old.folder / ".last-used", (hours_ago, hours_ago))
    assert trial.sweep(tmp_path, idle=6 * 3600) == [old.folder.name]
    assert not old.folder.exists() and fresh.folder.exists()


def test_no_more_trials_than_the_server_allows(tmp_path: Path):
    trial.create(tmp_path, 2)
    trial.create(tmp_path, 2)
    with pytest.raises(trial.TrialError, match="the most this server allows"):
        trial.create(tmp_path, 2)


def test_a_trial_holds_no_more_bytes_than_its_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DED_TRIAL_MAX_MB", "0.001")  # 1,000 bytes
    t = trial.create(tmp_path, 5)
    (t.articles / "a.txt").write_bytes(b"x" * 600)
    trial.check_room(t, 400)
    with pytest.raises(trial.TrialError, match="may hold 1,000"):
        trial.check_room(t, 401)


def test_trial_folder_names_cannot_be_guessed(tmp_path: Path):
    names = {trial.create(tmp_path, 100).folder.name for _ in range(20)}
    assert len(names) == 20 and all(len(n) == 32 for n in names)
