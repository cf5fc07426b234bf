"""Removing an article is undoable: it moves to the trash, the tables are rebuilt without it, and one click restores it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import trash
from etl.read import read_folder

APP = str(Path(__file__).resolve().parents[2] / "app.py")
NOON = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fresh_cache():
    import streamlit as st

    st.cache_data.clear()
    yield


def test_a_removed_article_leaves_the_corpus_and_waits_in_the_trash(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Over 400 guests came.")
    gone = trash.remove(tmp_path, "a.txt", now=NOON)
    assert not (tmp_path / "a.txt").exists() and gone.path.read_text() == "Over 400 guests came."
    assert read_folder(tmp_path) == ([], [])  # the ETL does not read the trash
    assert trash.listing(tmp_path) == [gone] and gone.removed == NOON


def test_removing_takes_a_bare_name_only(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "outside.txt").write_text("Not an article of the corpus.")
    with pytest.raises(FileNotFoundError):
        trash.remove(tmp_path / "seeds", "../outside.txt")
    assert (tmp_path / "outside.txt").exists()


def test_the_same_name_can_be_removed_twice_and_the_latest_is_listed_first(tmp_path: Path):
    (tmp_path / "a.txt").write_text("first")
    trash.remove(tmp_path, "a.txt", now=NOON)
    (tmp_path / "a.txt").write_text("second")
    trash.remove(tmp_path, "a.txt", now=NOON + dt.timedelta(hours=1))
    assert [t.path.read_text() for t in trash.listing(tmp_path)] == ["second", "first"]


def test_restore_puts_it_back_under_its_name_or_a_free_one(tmp_path: Path):
    (tmp_path / "a.txt").write_text("old")
    gone = trash.remove(tmp_path, "a.txt", now=NOON)
    assert trash.restore(tmp_path, gone) == "a.txt" and (tmp_path / "a.txt").read_text() == "old"
    assert trash.listing(tmp_path) == [] and list((tmp_path / trash.TRASH).iterdir()) == []
    gone = trash.remove(tmp_path, "a.txt", now=NOON)
    (tmp_path / "a.md").write_text("a newer article took the id")
    assert trash.restore(tmp_path, gone) == "a-2.txt"
    assert (tmp_path / "a.md").read_text() == "a newer article took the id"


def test_an_editor_removes_an_article_and_restores_it_from_the_page(built_data: Path, tmp_path: Path):
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("pages/sources.py").run()
    at.query_params["doc"] = "b_nairobi"
    at.run()
    assert at.selectbox(key="src_doc").value == "b_nairobi"
    at.button(key="trash_doc").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "b_nairobi" not in (built_data / "articles.csv").read_text()
    assert not (tmp_path / "seeds" / "b_nairobi.txt").exists()
    assert any("moved to the trash" in s.value for s in at.success)
    (restore,) = [b for b in at.button if b.label == "Restore"]
    restore.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "b_nairobi" in (built_data / "articles.csv").read_text()
    assert (tmp_path / "seeds" / "b_nairobi.txt").exists() and trash.listing(tmp_path / "seeds") == []
    assert at.selectbox(key="src_doc").value == "b_nairobi"


def test_visitors_without_editing_rights_see_no_remove_button(built_data: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("DED_EDITING")
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("pages/sources.py").run()
    assert "Move to the trash" not in [b.label for b in at.button]
