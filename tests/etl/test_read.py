"""Reading articles: every encoding we promise is decoded, every bad file is refused with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from etl import build
from etl.read import read_folder

CHINESE = "教育数字化是建设学习型社会的重要途径。上海有超过800名代表参加了会议。"


def test_utf8_plain_and_markdown_are_read(write_articles):
    seeds = write_articles({"a.txt": "Hello 800 visitors.", "b.md": "# Title\n\nBody."})
    docs, rejected = read_folder(seeds)
    assert [d.file for d in docs] == ["a.txt", "b.md"]
    assert [d.article_id for d in docs] == ["a", "b"]
    assert rejected == []


def test_bom_and_crlf_are_normalised(write_articles):
    seeds = write_articles({"bom.txt": "\ufeffFirst line\r\nSecond line\r\n".encode()})
    (doc,), _ = read_folder(seeds)
    assert doc.text == "First line\nSecond line\n"


def test_latin1_is_detected(write_articles):
    text = "Café society in São Paulo: 1,200 élèves, à Genève et à Zürich, déjà très nombreux."
    seeds = write_articles({"latin1.txt": text.encode("latin-1")})
    (doc,), rejected = read_folder(seeds)
    assert rejected == []
    assert "São Paulo" in doc.text and "élèves" in doc.text


def test_gbk_chinese_is_detected(write_articles):
    seeds = write_articles({"gbk.txt": (CHINESE * 3).encode("gbk")})
    (doc,), rejected = read_folder(seeds)
    assert rejected == []
    assert CHINESE in doc.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "no text"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("image.png", b"\x89PNG\r\n", "not an article"),
        # a text-only PDF has no NUL byte and is ASCII: refused by what it begins with, whatever its extension
        ("report.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "PDF"),
        ("letter.md", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive"),
        # binary data after a page of text: the whole file is checked, not its first 8 KB
        ("tail.txt", b"Plain text article. " * 600 + bytes(range(1, 32)) * 200, "binary"),
    ],
)
def test_bad_files_are_rejected_and_good_ones_still_read(write_articles, name, content, reason):
    seeds = write_articles({"good.txt": "Over 400 guests came.", name: content})
    docs, rejected = read_folder(seeds)
    assert [d.file for d in docs] == ["good.txt"]
    assert [r.file for r in rejected] == [name]
    assert reason in rejected[0].reason


def test_link_leading_outside_the_folder_is_rejected(write_articles, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours")
    seeds = write_articles({"good.txt": "Fine."})
    os.symlink(secret, seeds / "escape.txt")
    docs, rejected = read_folder(seeds)
    assert [d.file for d in docs] == ["good.txt"]
    assert rejected[0].file == "escape.txt" and "outside" in rejected[0].reason


def test_link_inside_the_folder_is_read(write_articles):
    seeds = write_articles({"good.txt": "Fine text."})
    os.symlink(seeds / "good.txt", seeds / "alias.txt")
    docs, rejected = read_folder(seeds)
    assert {d.file for d in docs} == {"good.txt", "alias.txt"} and rejected == []


def test_broken_link_is_rejected(write_articles, tmp_path: Path):
    seeds = write_articles({})
    os.symlink(tmp_path / "nowhere.txt", seeds / "broken.txt")
    docs, rejected = read_folder(seeds)
    assert docs == [] and "broken" in rejected[0].reason


def test_files_over_the_size_limit_are_rejected(write_articles):
    seeds = write_articles({"big.txt": "x" * 2000, "small.txt": "ok"})
    docs, rejected = read_folder(seeds, max_bytes=1000)
    assert [d.file for d in docs] == ["small.txt"]
    assert "too large" in rejected[0].reason and "1,000" in rejected[0].reason


def test_hidden_files_and_folders_are_ignored(write_articles):
    seeds = write_articles({".DS_Store": b"\x00\x01", "a.txt": "text"})
    (seeds / "sub").mkdir()
    docs, rejected = read_folder(seeds)
    assert [d.file for d in docs] == ["a.txt"]
    assert [r.file for r in rejected] == ["sub"]


def test_missing_folder_reads_nothing(tmp_path: Path):
    assert read_folder(tmp_path / "absent") == ([], [])


def test_a_30_mb_article_is_listed_as_too_large_by_the_etl_and_the_others_are_still_built(write_articles, tmp_path):
    line = "More than 300 teachers from 40 countries attended the forum in Hangzhou.\n"
    seeds = write_articles({"small.txt": line, "huge.txt": line * (30 * 1024 * 1024 // len(line) + 1)})
    assert (seeds / "huge.txt").stat().st_size > 30 * 1024 * 1024 > build.DEFAULT_MAX_BYTES
    report = build.run(seeds, tmp_path / "data")
    assert report.articles == 1 and [r.file for r in report.rejected] == ["huge.txt"]
    assert "too large" in report.rejected[0].reason
    rejected = (tmp_path / "data" / "rejected.csv").read_text(encoding="utf-8")
    assert "huge.txt" in rejected and "too large" in rejected
    assert "small" in (tmp_path / "data" / "articles.csv").read_text(encoding="utf-8")


def test_two_files_with_one_stem_keep_the_first_and_reject_the_second_with_a_reason(tmp_path):
    (tmp_path / "riga.md").write_text("About 5 schools opened.")
    (tmp_path / "riga.txt").write_text("About 6 schools opened.")
    docs, rejected = read_folder(tmp_path)
    assert [d.file for d in docs] == ["riga.md"]
    assert [r.file for r in rejected] == ["riga.txt"]
    assert "same name" in rejected[0].reason and "riga.md" in rejected[0].reason


def test_a_file_name_that_is_not_utf8_is_rejected_with_a_reason_and_the_rest_is_built(write_articles, tmp_path):
    import os

    from etl import build

    seeds = write_articles({"good.txt": "Over 400 guests came."})
    bad = os.path.join(os.fsencode(seeds), b"bad\xff\xfename.txt")
    with open(bad, "wb") as fh:
        fh.write(b"About 45 schools joined.\n")
    docs, rejected = read_folder(seeds)
    assert [d.file for d in docs] == ["good.txt"]
    assert [r.file for r in rejected] == ["bad\\xff\\xfename.txt"]  # its bytes shown, so two never clash
    assert "not UTF-8" in rejected[0].reason
    report = build.run(seeds, tmp_path / "data", cache_dir=None)  # used to raise UnicodeEncodeError
    assert report.articles == 1 and "not UTF-8" in (tmp_path / "data" / "rejected.csv").read_text(encoding="utf-8")


def test_a_file_name_with_a_line_break_is_rejected_and_the_rest_is_built(write_articles, tmp_path):
    from etl import build

    seeds = write_articles({"good.txt": "Over 400 guests came."})
    (seeds / "bad\rname.txt").write_text("About 45 schools joined.\n", encoding="utf-8")
    report = build.run(seeds, tmp_path / "data", cache_dir=None)  # used to fail in the Parquet step
    assert report.articles == 1
    assert "control character" in (tmp_path / "data" / "rejected.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("start", ["MZUZU, Malawi — ", "RIFF between ", "BZh ", "Rar items: ", "GIF ", "%PDF of "])
def test_an_article_that_begins_like_a_signature_word_is_still_read(write_articles, start):
    seeds = write_articles({"a.txt": start + "About 45 schools joined."})
    docs, rejected = read_folder(seeds)
    assert rejected == [] and len(docs) == 1


def test_a_second_folder_is_read_as_part_of_the_same_corpus_and_a_clashing_name_is_refused(tmp_path):
    shared, trial = tmp_path / "shared", tmp_path / "trial"
    shared.mkdir()
    trial.mkdir()
    (shared / "a.txt").write_text("Over 400 guests came.")
    (trial / "b.txt").write_text("About 45 schools joined.")
    (trial / "a.md").write_text("About 6 schools opened.")  # the id "a" is the shared article's
    docs, rejected = read_folder(shared, also=[trial])
    assert [d.file for d in docs] == ["a.txt", "b.txt"]
    assert [r.file for r in rejected] == ["a.md"] and "same name as a.txt" in rejected[0].reason


def test_a_build_with_another_folder_is_stale_until_built_and_the_shared_tables_are_untouched(tmp_path):
    shared, trial = tmp_path / "shared", tmp_path / "trial"
    shared.mkdir()
    trial.mkdir()
    (shared / "a.txt").write_text("Over 400 guests came.")
    build.run(shared, tmp_path / "data", cache_dir=None)
    before = (tmp_path / "data" / "articles.csv").read_bytes()
    (trial / "b.txt").write_text("About 45 schools joined.")
    assert build.is_stale(shared, tmp_path / "mine", [trial])
    report = build.run(shared, tmp_path / "mine", cache_dir=None, also=[trial])
    assert report.articles == 2 and not build.is_stale(shared, tmp_path / "mine", [trial])
    assert not build.is_stale(shared, tmp_path / "data")
    assert (tmp_path / "data" / "articles.csv").read_bytes() == before
    (trial / "b.txt").unlink()
    assert build.is_stale(shared, tmp_path / "mine", [trial])
