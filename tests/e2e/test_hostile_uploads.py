"""Hostile files through the Sources page's upload, end to end in Chromium: each one is either refused with a clear
message and nothing written to seeds/, or accepted under a safe name inside seeds/ with its text decoded correctly
(its figures reach data/metrics.csv), and markup in it never runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from dashboard.fmt import WORD_JOINER
from etl import build
from tests.e2e.conftest import EXCEPTION, XSS_ARTICLE, serve_dashboard, visit
from tools.serve import RENDERED_JS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

UPLOADER = '[data-testid="stFileUploaderDropzoneInput"]'
ADD = re.compile("Add to the corpus")
ERROR = '[data-testid="stAlertContentError"]'
READ = re.compile(r"figures? (?:was|were) read from the new article")
SAFE_NAME = re.compile(r"^[\w][\w.\-]*\.(txt|md)$")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    mime: str = "text/plain"


def _listing(seeds: Path) -> set[str]:
    return {p.name for p in seeds.iterdir()}


def _choose(page, dashboard: dict, file: Upload) -> None:
    visit(page, f"{dashboard['url']}/sources")
    page.locator(UPLOADER).set_input_files({"name": file.name, "mimeType": file.mime, "buffer": file.data})


def _add(page, dashboard: dict, file: Upload) -> str:
    """Upload ``file`` and press Add; the error shown, or "" when the new article was read."""
    _choose(page, dashboard, file)
    page.get_by_role("button", name=ADD).click()
    outcome = page.locator(ERROR).or_(page.get_by_text(READ))
    outcome.first.wait_for(timeout=90_000)
    assert page.locator(EXCEPTION).count() == 0
    errors = page.locator(ERROR)
    # shown as written; the word joiners that keep Markdown from linking a name are invisible
    return errors.first.inner_text().replace(WORD_JOINER, "") if errors.count() else ""


def _accepted(page, dashboard: dict, file: Upload) -> Path:
    """Upload ``file``, expect it accepted, and return the one new file in seeds/ (checked safe and intact)."""
    before = _listing(dashboard["seeds"])
    assert _add(page, dashboard, file) == ""
    new = _listing(dashboard["seeds"]) - before
    assert len(new) == 1, new
    path = dashboard["seeds"] / new.pop()
    assert SAFE_NAME.match(path.name), path.name
    assert path.resolve().parent == dashboard["seeds"].resolve()
    assert path.read_bytes() == file.data
    return path


def _rows(dashboard: dict, table: str, article_id: str) -> pd.DataFrame:
    frame = pd.read_csv(dashboard["data"] / f"{table}.csv", dtype=str, keep_default_na=False)
    return frame[frame["article_id"] == article_id]


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        (Upload("empty.txt", b""), "is empty"),
        (Upload("picture.txt", PNG, "image/png"), "is a PNG image, not a text article"),
        (Upload("blank.md", b" \r\n\t\r\n "), "has no text"),
    ],
    ids=["empty", "png-bytes-named-txt", "whitespace-only"],
)
def test_an_unreadable_upload_is_refused_with_a_reason_and_nothing_is_written(page, dashboard, file, reason):
    before = _listing(dashboard["seeds"])
    error = _add(page, dashboard, file)
    assert file.name in error and reason in error and "Nothing was changed" in error
    assert _listing(dashboard["seeds"]) == before


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (Upload("huge.txt", b"About 40 schools joined.\n" * (30 * 1024 * 1024 // 25)), "5.0MB or smaller"),
        (Upload("report.pdf", b"%PDF-1.7\n", "application/pdf"), "not allowed"),
    ],
    ids=["30MB", "pdf"],
)
def test_an_oversized_or_wrong_type_file_is_refused_in_plain_view_and_cannot_be_added(page, dashboard, file, message):
    before = _listing(dashboard["seeds"])
    _choose(page, dashboard, file)
    alert = page.locator('[data-testid="stFileUploader"] [role="alert"]')
    alert.wait_for(timeout=60_000)
    assert message in alert.inner_text()
    box = alert.bounding_box()  # in plain view: Streamlit itself shows it only in a tooltip, in a 1 px hidden box
    assert alert.is_visible() and box is not None and box["width"] > 100 and box["height"] > 8, box
    assert page.get_by_role("button", name=ADD).is_disabled()
    assert _listing(dashboard["seeds"]) == before


def test_a_latin1_article_is_decoded_and_its_figures_reach_the_tables(page, dashboard):
    text = "Fête de l'école à Genève\n\nLes élèves de Zürich: more than 350 teachers from Zürich attended the festival in Genève.\n"
    path = _accepted(page, dashboard, Upload("fête genève.txt", text.encode("latin-1")))
    metrics = _rows(dashboard, "metrics", path.stem)
    assert "350" in set(metrics["surface"])
    assert any("élèves de Zürich" in s and "Genève" in s for s in metrics["sentence"])
    assert _rows(dashboard, "articles", path.stem)["title"].tolist() == ["Fête de l'école à Genève"]


def test_a_gbk_article_is_decoded_and_read(page, dashboard):
    chinese = "2024年全民终身学习活动周在杭州举行，超过3000名教师和学生参加了活动。"
    text = f"杭州学习城市周\n\n{chinese}{chinese}\nMore than 3,100 teachers attended the learning week.\n"
    path = _accepted(page, dashboard, Upload("杭州 学习.txt", text.encode("gbk")))
    assert path.name == "杭州_学习.txt"
    article = _rows(dashboard, "articles", path.stem)
    assert article["title"].tolist() == ["杭州学习城市周"]
    assert "3,100" in set(_rows(dashboard, "metrics", path.stem)["surface"])
    visit(page, f"{dashboard['url']}/sources?doc={path.stem}")
    assert chinese in page.locator(".ded-article").inner_text()


def test_a_utf8_article_with_bom_and_crlf_is_read_without_either(page, dashboard):
    text = "\ufeffCRLF article from Lyon\r\n\r\nMore than 640 learners took 18 courses in Lyon.\r\n"
    path = _accepted(page, dashboard, Upload("crlf bom.md", text.encode("utf-8")))
    assert _rows(dashboard, "articles", path.stem)["title"].tolist() == ["CRLF article from Lyon"]
    sentences = set(_rows(dashboard, "metrics", path.stem)["sentence"])
    assert sentences == {"More than 640 learners took 18 courses in Lyon."}


def test_a_name_with_folders_and_control_characters_is_saved_sanitised_inside_seeds(page, dashboard):
    name = "../../..\\etc/\x01pass\x1bwd\x7f <b>.txt"
    path = _accepted(page, dashboard, Upload(name, b"About 43 schools joined the network in Porto.\n"))
    assert path.parent == dashboard["seeds"]
    assert not (dashboard["seeds"].parent / "etc").exists()
    assert path.name == "passwd_b.txt"
    assert "43" in set(_rows(dashboard, "metrics", path.stem)["surface"])


def test_an_uploaded_article_with_markup_is_shown_as_text_and_its_script_never_runs(page, dashboard):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    text = XSS_ARTICLE + '\n<iframe srcdoc="<script>parent.__xss = 5</script>"></iframe> Over 21 towns took part.\n'
    path = _accepted(page, dashboard, Upload("<script>alert(9)<\\script>.md", text.encode("utf-8")))
    assert "<" not in path.name and ">" not in path.name
    # The page selects the new article after the upload; until its rerun ends the previous article may still be
    # shown, so wait for the new text rather than for any article (a race that failed one CI run in four).
    article = page.locator(".ded-article", has_text="window.__xss = 1")
    article.wait_for(timeout=60_000)
    assert "<script>window.__xss = 1; alert(1)</script>" in article.inner_text()
    assert article.locator("script, img, a, svg, iframe").count() == 0
    page.wait_for_timeout(300)  # give an injected handler the chance to fire (it must not)
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []


def test_an_upload_whose_stem_is_taken_by_another_suffix_gets_a_new_name_and_the_corpus_still_builds(
    browser, chromium_path, tmp_path
):
    # Its own server: on the shared one a failure here would break every later build of the session.
    with serve_dashboard(tmp_path) as own:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            assert (own["seeds"] / "zz_markup.txt").exists()
            path = _accepted(page, own, Upload("zz_markup.md", b"About 77 libraries opened in Tartu.\n"))
            assert path.stem != "zz_markup"
            assert "77" in set(_rows(own, "metrics", path.stem)["surface"])
            assert not build.is_stale(own["seeds"], own["data"])
        finally:
            page.close()


def test_a_name_of_long_four_byte_characters_is_shortened_to_fit_the_file_system_and_the_article_is_added(
    page, dashboard
):
    name = "\U00020000\U00020001" * 60 + ".txt"
    path = _accepted(page, dashboard, Upload(name, b"About 64 villages joined the learning network.\n"))
    assert len(path.name.encode("utf-8")) <= 255 and path.name.startswith("\U00020000\U00020001")


def test_a_visit_adds_at_most_its_quota_and_is_told_so_in_plain_view(browser, tmp_path):
    with serve_dashboard(tmp_path, {"DED_UPLOADS_PER_SESSION": "1"}) as own:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            _accepted_any(page, own, Upload("first.txt", b"About 31 libraries opened in Tartu.\n"))
            before = _listing(own["seeds"])
            # the same visit (a reload is a new session, with its own quota): the next file in the fresh uploader
            second = Upload("second.txt", b"About 32 libraries opened in Riga.\n")
            page.wait_for_function(RENDERED_JS, timeout=60_000, polling=200)  # the rerun with a fresh uploader ended
            page.locator(UPLOADER).set_input_files(
                {"name": second.name, "mimeType": second.mime, "buffer": second.data}
            )
            page.get_by_role("button", name=ADD).click()
            page.locator(ERROR).first.wait_for(timeout=60_000)
            error = page.locator(ERROR).first.inner_text().replace(WORD_JOINER, "")
            assert "the most one visit may add (1)" in error and "Nothing was added" in error
            assert _listing(own["seeds"]) == before
        finally:
            page.close()


def _accepted_any(page, dashboard: dict, file: Upload) -> None:
    before = _listing(dashboard["seeds"])
    assert _add(page, dashboard, file) == ""
    assert len(_listing(dashboard["seeds"]) - before) == 1
