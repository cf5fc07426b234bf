"""The dashboard in headless Chromium: every page renders, the map draws, filters reach the URL, uploads flow
through, and markup in an article never runs."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import EXCEPTION, PAGES, SHOTS, map_canvas, serve_dashboard, visit

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_renders_its_title_without_an_exception_at_desktop_and_phone_width(page, dashboard, path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = path or "overview"
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        visit(page, f"{dashboard['url']}/{path}")
        page.get_by_role("heading", name=PAGES[path], level=1).wait_for()
        assert page.locator(EXCEPTION).count() == 0
        if page.locator(".js-plotly-plot, [data-testid='stDeckGlJsonChart']").count():
            page.locator(".js-plotly-plot canvas, .js-plotly-plot svg, #deckgl-overlay").first.wait_for(
                state="attached"
            )
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


def test_map_canvas_is_drawn(page, dashboard):
    visit(page, f"{dashboard['url']}/map")
    box = map_canvas(page, settle_ms=0)  # fails after 30 s if deck.gl never sizes the canvas to its container
    assert box and box["width"] > 200 and box["height"] > 200


def _shown(page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"^\d[\d,]* of \d[\d,]* figures")).first.inner_text()
    shown, total = re.findall(r"\d[\d,]*", text)[:2]
    return int(shown.replace(",", "")), int(total.replace(",", ""))


def _points(page) -> int:
    """Dots of the page's first chart (the figures chart; the measure-over-time chart below has its own)."""
    return page.locator(".js-plotly-plot").first.locator(".scatterlayer .point").count()


def test_a_figures_filter_changes_the_chart_and_the_url_and_survives_a_reload(page, dashboard):
    visit(page, f"{dashboard['url']}/figures")
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
    before_points, total = _points(page), _shown(page)[1]
    assert _shown(page)[0] == total
    page.locator('[data-testid="stMultiSelect"]').nth(1).click()  # Category
    # Streamlit 1.67 lists a "Select all" entry first; pick a real category.
    option = page.get_by_role("option").filter(has_not_text=re.compile(r"^Select all$")).first
    category = option.inner_text().strip()
    option.click()
    page.wait_for_url(re.compile(r"category="))
    page.keyboard.press("Escape")
    for _ in range(120):  # the rerun replaces the count and the chart; wait for it, bounded (30 s)
        if _shown(page)[0] < total:
            break
        page.wait_for_timeout(250)
    shown = _shown(page)[0]
    page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for()
    assert _points(page) <= before_points
    assert 0 < shown < total
    assert f"category={category}" in page.url.replace("+", " ").replace("%20", " ")
    url = page.url
    visit(page, url)  # a shared link reopens the same view
    assert _shown(page)[0] == shown


def test_markup_in_an_article_is_shown_as_text_and_never_runs(page, dashboard):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit(page, f"{dashboard['url']}/sources?doc=zz_markup")
    article = page.locator(".ded-article", has_text="window.__xss = 1")  # this article's text, not a stale one
    article.wait_for(timeout=60_000)
    text = article.inner_text()
    assert "<script>window.__xss = 1; alert(1)</script>" in text
    assert '<img src=x onerror="window.__xss = 2; alert(2)">' in text
    assert article.locator("script, img, a, svg").count() == 0
    page.wait_for_timeout(300)  # give an injected handler the chance to fire (it must not)
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []


def test_an_uploaded_article_reaches_the_tables_and_the_figures_page(page, dashboard, tmp_path):
    article = tmp_path / "Upload test (e2e).txt"
    article.write_text(
        "Learning festival draws crowds\n\nMore than 4,321 residents joined 57 evening classes in the city library.\n",
        encoding="utf-8",
    )
    visit(page, f"{dashboard['url']}/sources")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(article))
    page.get_by_role("button", name=re.compile("Add to the corpus")).click()
    page.get_by_text(re.compile(r"figures? (?:was|were) read from the new article")).wait_for(timeout=60_000)
    assert (dashboard["seeds"] / "Upload_test_e2e.txt").exists()
    assert "Upload_test_e2e" in (dashboard["data"] / "metrics.csv").read_text(encoding="utf-8")
    assert page.locator(EXCEPTION).count() == 0
    visit(page, f"{dashboard['url']}/figures?article=Upload_test_e2e")
    shown, _ = _shown(page)
    assert shown >= 1


NAV_LABELS = ["Overview", "Figures", "Map", "Events", "Learning cities", "Sources", "Data"]


def _nav_labels(page) -> list[str]:
    return [t.splitlines()[-1].strip() for t in page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()]


def test_a_deep_link_on_a_fresh_server_goes_through_the_router(browser, chromium_path, tmp_path):
    # A fresh process is the point: Streamlit's legacy pages/ mode only applies to its very first script run.
    with serve_dashboard(tmp_path) as fresh:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            visit(page, f"{fresh['url']}/figures")
            page.get_by_role("heading", name="Figures", level=1).wait_for()
            assert _nav_labels(page) == NAV_LABELS  # the router's pages, not file names
            assert page.get_by_text("Add an article").count() == 1  # the router's shared sidebar
            assert page.locator(EXCEPTION).count() == 0
            visit(page, f"{fresh['url']}/")
            assert _nav_labels(page) == NAV_LABELS
        finally:
            page.close()


def test_a_unit_written_as_a_link_is_shown_as_text_on_the_headline_card(browser, tmp_path):
    """st.metric renders its label as Markdown: a unit read from an article must not become a link there."""
    from dashboard.fmt import WORD_JOINER
    from tests.e2e.conftest import dashboard_dirs

    unit = "new (https://ev.il) teachers"  # short enough for the card's label to show it whole
    seeds = dashboard_dirs(tmp_path)["seeds"]
    # Cards show the value the most articles report: three articles say it, so it is the card of its kind.
    for n in range(3):
        (seeds / f"zz_link_unit_{n}.txt").write_text(
            f"Hiring plan {n}\n\nThe plan hires 990 trillion {unit}.\n", encoding="utf-8"
        )
    with serve_dashboard(tmp_path) as own:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            visit(page, own["url"])
            label = page.locator('[data-testid="stMetricLabel"]', has_text="teachers (people)")
            label.first.wait_for(timeout=60_000)
            # as written (a word joiner, invisible, keeps Markdown from linking the address)
            assert label.first.inner_text().strip().replace(WORD_JOINER, "") == f"{unit} (people)"
            assert page.locator('a[href*="ev.il"]').count() == 0
            assert page.locator(EXCEPTION).count() == 0
        finally:
            page.close()


def test_an_error_shows_visitors_no_traceback_and_no_server_path(browser, tmp_path):
    """The project's .streamlit/config.toml (client.showErrorDetails) applies to every page the server runs."""
    from tools.serve import streamlit_server

    secret = str(tmp_path / "server-only" / "path.txt")
    script = tmp_path / "boom.py"
    script.write_text(f"raise RuntimeError({secret!r})\n", encoding="utf-8")
    with streamlit_server(["run", str(script)], {}, tmp_path / "server.log") as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            visit(page, server.url)
            shown = page.locator(EXCEPTION)
            shown.first.wait_for(timeout=60_000)
            text = shown.first.inner_text()
            assert secret not in text and "Traceback" not in text and "boom.py" not in text
        finally:
            page.close()
    assert "server-only" in (tmp_path / "server.log").read_text(encoding="utf-8")  # the operator still sees it


def test_a_map_tooltip_shows_a_name_as_written_escaped_once(browser, tmp_path):
    """Streamlit escapes tooltip values itself: escaping them again showed visitors "N&#x27;Djamena"."""
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    (work / "seeds" / "ndjamena.txt").write_text(
        "Forum in N'Djamena\n\nMore than 300 teachers met in N'Djamena on Monday for the Digital Learning Forum.\n",
        encoding="utf-8",
    )
    with serve_dashboard(work) as own:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            visit(page, f"{own['url']}/map")
            box = map_canvas(page)  # the base layers and the one city dot are drawn
            tooltip = page.locator(".deck-tooltip")
            found = ""
            # One city, so the map is centred on it: search outwards from the middle for its dot.
            cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            for r in range(0, 60, 4):
                for dx, dy in ((r, 0), (-r, 0), (0, r), (0, -r), (r, r), (-r, -r), (r, -r), (-r, r)):
                    page.mouse.move(cx + dx, cy + dy)
                    page.wait_for_timeout(40)
                    if tooltip.count() and tooltip.first.is_visible() and "Djamena" in tooltip.first.inner_text():
                        found = tooltip.first.inner_text()
                        break
                if found:
                    break
            assert "N'Djamena" in found, found
            assert "&#x27;" not in found and "&amp;" not in found
        finally:
            page.close()


def test_no_page_asks_a_third_party_host_for_anything(page, dashboard):
    """A visitor's browser talks to this server only: no base map style or tiles, no icon or font host."""
    local = dashboard["url"].split("/")[2]
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("data:", "blob:")) or r.url.split("/")[2] == local else elsewhere.append(r.url)
        ),
    )
    for path in PAGES:
        visit(page, f"{dashboard['url']}/{path}")
        if path == "map":
            map_canvas(page, settle_ms=0)
        page.wait_for_timeout(1000)  # lazy parts (the map, icons) ask for what they need
    assert elsewhere == []


@pytest.mark.parametrize("path", [p for p in PAGES if p])
def test_every_page_opened_first_on_a_fresh_server_shows_no_page_not_found(browser, tmp_path, path):
    """Streamlit's legacy pages/ mode names a page after its file: a URL that differs from the file name made the
    very first visit show a "Page not found" dialog over the right page."""
    with serve_dashboard(tmp_path) as fresh:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            visit(page, f"{fresh['url']}/{path}")
            page.get_by_role("heading", name=PAGES[path], level=1).wait_for()
            assert page.get_by_text("Page not found").count() == 0
            assert page.locator('[role="dialog"]').count() == 0
        finally:
            page.close()


def test_a_charts_table_downloads_are_built_on_click_with_the_rows_it_draws(page, dashboard):
    import csv
    import io
    import zipfile

    visit(page, f"{dashboard['url']}/figures")
    page.get_by_role("tab", name="Table").first.click()
    with page.expect_download() as got:
        page.get_by_role("button", name="Table (CSV)").first.click()
    rows = list(csv.DictReader(io.StringIO(got.value.path().read_text(encoding="utf-8"))))
    assert got.value.suggested_filename == "chart-figures-chart.csv"
    assert rows and {"category", "value", "unit", "article_id", "metric_id"} <= set(rows[0])
    assert len(rows) == _shown(page)[0]  # the seeds: every figure is drawn and in the table
    with page.expect_download() as got:
        page.get_by_role("button", name="With schema, citation and sources (zip)").first.click()
    with zipfile.ZipFile(got.value.path()) as zf:
        names = set(zf.namelist())
    assert {"chart-figures-chart.csv", "chart-figures-chart-sources.csv", "datapackage.json"} <= names
