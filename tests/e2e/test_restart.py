"""A server restart loses nothing: an article uploaded through the browser is still on the Sources page, and its
figures on the Figures page, after the server is stopped and a new one started over the same folders."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.e2e.conftest import EXCEPTION, new_page, serve_dashboard, visit

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ARTICLE = "Night school in Tartu\n\nMore than 1,234 adults enrolled in 56 evening courses at the Tartu library.\n"


def _figures_shown(page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"^\d[\d,]* of \d[\d,]* figures")).first.inner_text()
    shown, total = (int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)[:2])
    return shown, total


def _upload(page, url: str, name: str, text: str) -> None:
    """Add an article through the Sources page's uploader."""
    visit(page, f"{url}/sources")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/plain", "buffer": text.encode()}
    )
    page.get_by_role("button", name=re.compile("Add to the corpus")).click()


@pytest.fixture
def page(browser, chromium_path):
    """A page of its own: these tests start their own servers, not the shared one."""
    with new_page(browser, timeout_ms=60_000) as p:
        yield p


def test_an_uploaded_article_and_its_figures_survive_a_server_restart(page, tmp_path: Path):
    with serve_dashboard(tmp_path) as first:
        _upload(page, first["url"], "Tartu night school.txt", ARTICLE)
        page.get_by_text(re.compile(r"figures? (?:was|were) read from the new article")).wait_for(timeout=90_000)
        visit(page, f"{first['url']}/figures")
        _, total_before = _figures_shown(page)
        first_pid = first["pid"]
    page.goto("about:blank")

    with serve_dashboard(tmp_path) as second:
        assert second["pid"] != first_pid
        assert (second["seeds"] / "Tartu_night_school.txt").read_text(encoding="utf-8") == ARTICLE
        visit(page, f"{second['url']}/sources?doc=Tartu_night_school")
        page.get_by_role("heading", name="Sources", level=1).wait_for()
        assert "File: Tartu_night_school.txt" in page.locator('[data-testid="stMainBlockContainer"]').inner_text()
        assert "1,234 adults enrolled" in page.locator(".ded-article").inner_text()
        visit(page, f"{second['url']}/figures?article=Tartu_night_school")
        page.get_by_role("heading", name="Figures", level=1).wait_for()
        shown, total = _figures_shown(page)
        assert shown >= 2  # 1,234 adults and 56 courses
        assert total == total_before
        assert page.locator(EXCEPTION).count() == 0


def test_an_upload_saved_just_before_the_server_is_killed_is_built_and_shown_after_a_restart(page, tmp_path: Path):
    text = "Reading circles in Tartu\n\nAbout 2,468 readers joined 79 reading circles across Tartu.\n"
    with serve_dashboard(tmp_path) as first:
        _upload(page, first["url"], "reading circles.txt", text)
        saved = first["seeds"] / "reading_circles.txt"
        deadline = time.monotonic() + 60
        while not saved.exists():  # kill the server the moment the upload is on disk, mid-build at the latest
            assert time.monotonic() < deadline, "the upload was never saved"
            time.sleep(0.01)
        os.kill(first["pid"], signal.SIGKILL)
    page.goto("about:blank")
    assert saved.read_text(encoding="utf-8") == text  # saved whole (written aside, then linked)
    assert [p.name for p in first["seeds"].iterdir() if p.name.startswith(".")] == []

    with serve_dashboard(tmp_path) as second:
        visit(page, f"{second['url']}/figures?article=reading_circles")  # a stale build is redone at start
        page.get_by_role("heading", name="Figures", level=1).wait_for()
        metrics = pd.read_csv(second["data"] / "metrics.csv", dtype=str)
        rows = metrics[metrics["article_id"] == "reading_circles"]
        assert "2,468" in set(rows["surface"])
        assert _figures_shown(page)[0] == len(rows)
        visit(page, f"{second['url']}/sources?doc=reading_circles")
        assert "2,468 readers" in page.locator(".ded-article").inner_text()
        assert page.locator(EXCEPTION).count() == 0
        assert [p.name for p in second["data"].iterdir() if p.name.endswith(".tmp")] == []
