"""Uploads: type, size and encoding checks, safe names, and saving that never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import upload


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.md", "evil.md"),
        ("..", "article.txt"),
        ("....txt", "article.txt"),
        ("a..b.txt", "a.b.txt"),
        ("new\x00line\n\x1bname.TXT", "newlinename.txt"),
        ("My Report (final) v2!.txt", "My_Report_final_v2.txt"),
        ("学习城市 报告.md", "学习城市_报告.md"),
        ("~$weird<>:|?*name.txt", "weird_name.txt"),
        (".hidden.txt", "hidden.txt"),
        ("noext", "noext.txt"),
        ("x" * 300 + ".txt", "x" * upload.MAX_STEM + ".txt"),
    ],
)
def test_safe_name_strips_folders_dots_and_odd_characters_but_keeps_the_stem_readable(raw, safe):
    assert upload.safe_name(raw) == safe


def test_check_accepts_text_in_utf8_and_legacy_encodings():
    ok = upload.check("a.txt", b"Over 2,000 teachers met.")
    assert ok.text.startswith("Over") and ok.name == "a.txt"
    latin = upload.check("b.md", "Les élèves de l'école étaient très nombreux cette année à Genève.".encode("cp1252"))
    assert "élèves" in latin.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.pdf", b"%PDF-1.7", "only .txt or .md"),
        ("a.txt", b"", "is empty"),
        ("a.txt", b"x" * 11, "too large"),
        ("a.txt", b"\x00\x01\x02binary", "binary"),
        ("a.md", b"   \n\t ", "no text"),
    ],
)
def test_check_refuses_wrong_type_size_or_content_with_a_reason(name, data, reason):
    with pytest.raises(upload.UploadError, match=reason):
        upload.check(name, data, max_bytes=10)


def _checked(name: str, data: bytes) -> upload.Checked:
    return upload.check(name, data)


def test_save_writes_a_new_file_atomically_and_leaves_no_temporary(tmp_path: Path):
    saved = upload.save(tmp_path, _checked("a.txt", b"First article."))
    assert saved.status == "new" and saved.path == tmp_path / "a.txt" and saved.article_id == "a"
    assert (tmp_path / "a.txt").read_bytes() == b"First article."
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_same_bytes_already_present_are_not_added_again(tmp_path: Path):
    (tmp_path / "old name.txt").write_bytes(b"Same text.")
    saved = upload.save(tmp_path, _checked("other.txt", b"Same text."))
    assert saved.status == "duplicate" and saved.path is None and "old name.txt" in saved.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old name.txt"]


def test_a_different_file_with_a_taken_name_gets_a_new_name_and_nothing_is_overwritten(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"Original.")
    (tmp_path / "a-2.txt").write_bytes(b"Second.")
    saved = upload.save(tmp_path, _checked("a.txt", b"Third, different."))
    assert saved.status == "renamed" and saved.path == tmp_path / "a-3.txt" and "a-3.txt" in saved.message
    assert (tmp_path / "a.txt").read_bytes() == b"Original."
    assert (tmp_path / "a-3.txt").read_bytes() == b"Third, different."


def test_a_name_is_capped_in_bytes_so_the_file_system_takes_it():
    name = upload.safe_name("\U00020000" * 100 + ".txt")
    assert len(name.encode("utf-8")) <= 255 - len("-99")
    assert name.startswith("\U00020000") and name.endswith(".txt")


def test_a_stem_taken_under_another_extension_is_taken(tmp_path):
    (tmp_path / "riga.txt").write_text("About 5 schools.")
    assert upload.free_name(tmp_path, "riga.md") == "riga-2.md"


def test_a_name_made_safe_says_so_in_the_message(tmp_path: Path):
    saved = upload.save(tmp_path, _checked("../evil.txt", b"About 12 schools."))
    assert saved.path == tmp_path / "evil.txt" and saved.status == "renamed"
    assert "“../evil.txt”" in saved.message and "made safe" in saved.message
    plain = upload.save(tmp_path, _checked("plain.txt", b"About 13 schools."))
    assert plain.status == "new" and "made safe" not in plain.message


def test_one_visit_adds_at_most_its_quota(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DED_UPLOADS_PER_SESSION", "2")
    upload.check_quota(tmp_path, 10, added=1)  # the second is allowed
    with pytest.raises(upload.UploadError, match=r"has added 2 articles, the most one visit may add \(2\)"):
        upload.check_quota(tmp_path, 10, added=2)


def test_the_corpus_never_grows_past_its_cap(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DED_CORPUS_MAX_MB", "0.001")  # 1,000 bytes
    (tmp_path / "a.txt").write_bytes(b"x" * 900)
    upload.check_quota(tmp_path, 100, added=0)  # exactly full is allowed
    with pytest.raises(upload.UploadError, match=r"corpus is full: it holds 900 bytes and may hold 1,000"):
        upload.check_quota(tmp_path, 101, added=0)
