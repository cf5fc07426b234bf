"""Decode article files, or reject them with a reason."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from charset_normalizer import from_bytes

from etl.paths import LOOKUPS_DIR

ARTICLE_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_BYTES = int(os.environ.get("DED_MAX_ARTICLE_BYTES", 20 * 1024 * 1024))


@dataclass(frozen=True, slots=True)  # slots: a build keeps one per article (tens of thousands)
class Document:
    article_id: str  # file stem
    file: str  # file name inside the seeds folder
    text: str  # decoded, BOM removed, newlines normalised to \n
    sha256: str  # of the raw bytes
    encoding: str
    path: str = ""  # where it was read, so that its text can be read again later (``read_folder(texts=False)``)


@dataclass(frozen=True)
class Rejection:
    file: str
    reason: str


class Rejected(Exception):
    """Raised by :func:`decode` with a human-readable reason."""


def list_articles(folder: Path) -> list[Path]:
    """Article files in ``folder`` (not recursive), sorted by name for determinism."""
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda p: p.name,
    )


def read_raw(path: Path, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an article file, refusing anything that is not a plain file inside ``folder``."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):  # only a link needs resolving (and costs a system call per path part)
            real = path.resolve(strict=True)
            if not real.is_relative_to(folder.resolve()):
                raise Rejected("is a link that leads outside the seeds folder")
            info = real.stat()
        else:
            real = path
    except (OSError, RuntimeError) as exc:
        raise Rejected(f"cannot be opened ({exc.__class__.__name__}: broken or looping link)") from exc
    if not stat.S_ISREG(info.st_mode):
        raise Rejected("is not a regular file")
    size = info.st_size
    if size == 0:
        raise Rejected("is empty")
    if size > max_bytes:
        raise Rejected(f"is too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        return real.read_bytes()
    except OSError as exc:
        raise Rejected(f"cannot be read ({exc.strerror or exc})") from exc


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# The same characters in UTF-8 bytes: ASCII controls, C1 controls (\xc2\x80-\xc2\x9f) and U+FFFD. Ruling them
# out on the bytes is several times faster than the regex over the text, which is left for files that have some.
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _no_controls(raw: bytes) -> bool:
    return (
        len(raw.translate(None, _ASCII_CONTROLS)) == len(raw)
        and b"\xef\xbf\xbd" not in raw
        and not _C1_UTF8.search(raw)
    )


@cache
def _signatures() -> tuple[tuple[bytes, str], ...]:
    """(first bytes, format) of the documents and images that are no article (lookups/read_binary_signatures.csv)."""
    lines = (LOOKUPS_DIR / "read_binary_signatures.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(ln for ln in lines if ln.strip() and not ln.startswith("#")))
    return tuple((bytes.fromhex(r["hex_prefix"]), r["format"]) for r in rows)


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name of ``raw``; raises :class:`Rejected` for binary or blank content."""
    for prefix, kind in _signatures():
        if raw.startswith(prefix):
            raise Rejected(f"is a {kind}, not a text article")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Rejected("is binary, not text (it contains NUL bytes)")
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
        clean = _no_controls(raw)
    except UnicodeDecodeError:
        text, encoding = _detect(raw)
        clean = False
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    # The whole text, not its start: binary data after a page of text is still no article.
    if not clean and _CONTROL.search(text) and len(_CONTROL.findall(text)) > 0.05 * len(text):
        raise Rejected("is binary, not text (too many control characters)")
    if not text or text.isspace():
        raise Rejected("has no text (only whitespace)")
    return text, encoding


# On short texts the detector often ranks a rare code page (cp1257, mac_latin2) level with the
# common one; among near-equal candidates prefer the encodings news text is usually written in.
_PREFERRED = ("cp1252", "latin_1", "gb18030", "gbk", "big5", "shift_jis", "euc_kr", "cp1251", "utf_16")


def _detect(raw: bytes) -> tuple[str, str]:
    matches = list(from_bytes(raw))
    if not matches:
        raise Rejected("is not text in any encoding we could detect")
    best = matches[0]
    close = {m.encoding: m for m in matches if m.chaos <= best.chaos + 0.1}
    chosen = next((close[e] for e in _PREFERRED if e in close), best)
    return str(chosen), chosen.encoding


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_folder(
    folder: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    also: Sequence[Path] = (),
    *,
    texts: bool = True,
    keep_chars: int = 0,
) -> tuple[list[Document], list[Rejection]]:
    """Every readable article in ``folder`` (then in each folder of ``also``, read as part of the same corpus: a
    visitor's trial articles beside the shared ones) and a reason for every file that was not.

    With ``texts=False`` every file is still read and decoded (that is how a bad file is rejected and a good one
    hashed), but each document keeps only its path instead of its text: :func:`with_text` reads it again when it is
    needed, so a large corpus is never held in memory whole. As many texts as fit in ``keep_chars`` characters, in
    reading order, are kept all the same: a small corpus fits in memory, and reading it again would cost about a
    hundredth of a build's time."""
    docs: list[Document] = []
    rejected: list[Rejection] = []
    ids: dict[str, str] = {}  # article id (file stem) -> the file that has it, across all the folders
    budget = [keep_chars if not texts else -1]  # -1: keep every text
    for one in (folder, *also):
        _read_one(one, max_bytes, docs, rejected, ids, budget)
    return docs, rejected


def with_text(doc: Document) -> Document:
    """``doc`` with its text read again from its path; raises :class:`Rejected` when the file changed since it was
    hashed (its rows would not match its hash), or cannot be read any more."""
    if doc.text or not doc.path:
        return doc
    try:
        raw = Path(doc.path).read_bytes()
    except OSError as exc:
        raise Rejected(f"could not be read again ({exc.strerror or exc}); the next build reads it") from exc
    if hashlib.sha256(raw).hexdigest() != doc.sha256:
        raise Rejected("changed while the build was reading it, so it was left out; the next build reads it")
    text, encoding = decode(raw)  # the same bytes decode to the same text
    return replace(doc, text=text, encoding=encoding)


def _read_one(
    folder: Path,
    max_bytes: int,
    docs: list[Document],
    rejected: list[Rejection],
    ids: dict[str, str],
    budget: list[int],
) -> None:
    if folder.is_dir():
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            if path.name.startswith("."):
                continue
            if not _is_utf8(path.name):
                # Undecodable bytes come back as lone surrogates, which no table, hash or page can hold.
                shown = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                rejected.append(Rejection(shown, f"{shown} has a file name that is not UTF-8 text: rename it"))
                continue
            if any(ord(c) < 32 or ord(c) == 127 for c in path.name):
                # a line break in a name would split its row of every table that names the file
                shown = path.name.encode("unicode_escape").decode("ascii")
                rejected.append(Rejection(shown, f"{shown} has a control character in its name: rename it"))
                continue
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                rejected.append(
                    Rejection(path.name, f"is not an article (only {', '.join(ARTICLE_SUFFIXES)} are read)")
                )
                continue
            if path.stem in ids:
                rejected.append(
                    Rejection(
                        path.name,
                        f"{path.name} has the same name as {ids[path.stem]} but for its extension "
                        "(an article's id is its file name): rename one of them",
                    )
                )
                continue
            try:
                raw = read_raw(path, folder, max_bytes)
                text, encoding = decode(raw)
            except Rejected as exc:
                rejected.append(Rejection(path.name, f"{path.name} {exc}"))
                continue
            sha = hashlib.sha256(raw).hexdigest()
            kept = budget[0] < 0 or len(text) <= budget[0]
            if kept and budget[0] > 0:
                budget[0] -= len(text)
            docs.append(Document(path.stem, path.name, text if kept else "", sha, encoding, str(path)))
            ids[path.stem] = path.name
