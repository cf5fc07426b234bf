"""A visitor of a shared deployment (editing off) tries an article in Chromium: it shows on every page of that visit,
and a second visitor, in a browser context of their own at the same time, sees none of it."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import EXCEPTION, new_page, serve_dashboard, visit
from tools.serve import RENDERED_JS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TRIED = b"The Testville school network gave 4,321 tablets to pupils in Lisbon.\n"
SIDEBAR = '[data-testid="stSidebar"]'


def _go(page, title: str) -> None:
    """Change page the way a visitor does, through the sidebar (a typed address would start a new session)."""
    page.locator(SIDEBAR).get_by_role("link", name=title, exact=True).click()
    page.wait_for_function(RENDERED_JS, timeout=60_000, polling=200)
    assert page.locator(EXCEPTION).count() == 0


def test_a_tried_article_flows_through_every_page_of_one_visit_only(browser, tmp_path):
    with serve_dashboard(tmp_path, {"DED_EDITING": "off", "DED_TRIALS_DIR": str(tmp_path / "trials")}) as own:
        seeds_before = sorted(p.name for p in own["seeds"].iterdir())
        shared = f"{len(seeds_before)} articles"
        tried = f"{len(seeds_before) + 1} articles"
        with new_page(browser, 90_000) as mine, new_page(browser) as other:
            visit(mine, f"{own['url']}/sources")
            assert mine.get_by_role("button", name=re.compile("Add to the corpus")).count() == 0  # editing is off
            mine.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                {"name": "testville.txt", "mimeType": "text/plain", "buffer": TRIED}
            )
            mine.get_by_role("button", name=re.compile("Try it in my session")).click()
            mine.get_by_text(re.compile("read from the new article")).wait_for(timeout=90_000)
            # the article shown is the tried one once the page has rerun (the one shown before may linger till then)
            mine.locator(".ded-article", has_text="Testville").wait_for(timeout=30_000)
            mine.wait_for_function(RENDERED_JS, timeout=60_000, polling=200)
            assert "Testville" in mine.locator(".ded-article").inner_text()
            for title in ("Overview", "Figures", "Map", "Events", "Learning cities", "Data"):
                _go(mine, title)
                side = mine.locator(SIDEBAR).inner_text()
                assert "Your trial" in side and tried in side, (title, side)

            visit(other, f"{own['url']}/figures")
            side = other.locator(SIDEBAR).inner_text()
            assert "Your trial" not in side and shared in side, side
            assert sorted(p.name for p in own["seeds"].iterdir()) == seeds_before
            assert "testville" not in (own["data"] / "articles.csv").read_text(encoding="utf-8")

            mine.locator(SIDEBAR).get_by_role("button", name=re.compile("End the trial")).click()
            mine.wait_for_function(RENDERED_JS, timeout=60_000, polling=200)
            mine.get_by_text("Your trial").wait_for(state="detached", timeout=30_000)
            assert shared in mine.locator(SIDEBAR).inner_text()
            assert list((tmp_path / "trials").iterdir()) == []
