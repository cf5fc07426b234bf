"""Adding an article by upload: pure checks (type, size, encoding, a safe name) and a no-clobber atomic save."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from etl.read import ARTICLE_SUFFIXES, Rejected, decode

MAX_BYTES = 5 * 1024 * 1024  # matches server.maxUploadSize in .streamlit/config.toml
MAX_STEM = 80
# File systems limit a name to 255 bytes, not characters: leave room for "-NN" and the suffix.
MAX_STEM_BYTES = 200
_ODD = re.compile(r"[^\w.\- ]+")  # \w is Unicode-aware: 学习城市.txt keeps its readable stem
_RUNS = re.compile(r"[\s_]+")


class UploadError(ValueError):
    """The upload cannot be added; the message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class Checked:
    name: str  # safe file name to save under (before clash handling)
    data: bytes
    text: str
    encoding: str
    given: str = ""  # the name the file came with, when the safe name differs from it


def uploads_per_session() -> int:
    """How many articles one visit may add (DED_UPLOADS_PER_SESSION, default 20)."""
    return int(os.environ.get("DED_UPLOADS_PER_SESSION", "20"))


def corpus_max_bytes() -> int:
    """The most the articles folder may hold, in bytes (DED_CORPUS_MAX_MB, default 200 MB)."""
    return int(float(os.environ.get("DED_CORPUS_MAX_MB", "200")) * 1_000_000)


def corpus_bytes(seeds: Path) -> int:
    """Bytes of the files in the articles folder now."""
    try:
        return sum(e.stat().st_size for e in os.scandir(seeds) if e.is_file())
    except OSError:
        return 0


def check_visit(added: int) -> None:
    """Refuse an upload past the session's quota (``added`` so far); raises UploadError."""
    most = uploads_per_session()
    if added >= most:
        raise UploadError(
            f"This visit has added {added} {'article' if added == 1 else 'articles'}, the most one visit may add "
            f"({most}). Nothing was added; the operator can raise DED_UPLOADS_PER_SESSION."
        )


def check_quota(seeds: Path, size: int, added: int) -> None:
    """Refuse an upload past the session's quota (``added`` so far) or past the corpus cap; raises UploadError."""
    check_visit(added)
    used, cap = corpus_bytes(seeds), corpus_max_bytes()
    if used + size > cap:
        raise UploadError(
            f"The corpus is full: it holds {used:,} bytes and may hold {cap:,}; this file has {size:,}. "
            "Nothing was added; the operator can raise DED_CORPUS_MAX_MB."
        )


@dataclass(frozen=True)
class Saved:
    path: Path | None  # where it was written; None when the same bytes were already there
    status: str  # "new" | "renamed" | "duplicate"
    message: str

    @property
    def article_id(self) -> str:
        return self.path.stem if self.path else ""


def safe_name(name: str) -> str:
    """A file name safe to create in seeds/: no folders, no ``..``, no control or odd characters, stem kept readable."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", str(name)))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")  # control, format, private use
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix.lower() if f".{suffix.lower()}" in ARTICLE_SUFFIXES else "txt"
    stem = _ODD.sub("_", stem)
    stem = re.sub(r"\.{2,}", ".", stem)
    stem = _RUNS.sub("_", stem).strip("._- ")
    stem = stem[:MAX_STEM]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip("._- ") or "article"
    return f"{stem}.{suffix}"


def check(name: str, data: bytes, max_bytes: int = MAX_BYTES) -> Checked:
    """Check an upload before anything is written; raises :class:`UploadError` with the reason."""
    suffix = Path(str(name).replace("\\", "/")).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        allowed = " or ".join(ARTICLE_SUFFIXES)
        raise UploadError(f"“{name}” is not an article file: only {allowed} files can be added.")
    if not data:
        raise UploadError(f"“{name}” is empty.")
    if len(data) > max_bytes:
        raise UploadError(f"“{name}” is too large ({len(data):,} bytes; the limit is {max_bytes:,}).")
    try:
        text, encoding = decode(data)
    except Rejected as exc:
        raise UploadError(f"“{name}” {exc}.") from exc
    safe = safe_name(name)
    return Checked(safe, data, text, encoding, given=str(name) if safe != str(name) else "")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_duplicate(seeds: Path, data: bytes) -> Path | None:
    """An article file in ``seeds`` with exactly these bytes, if any."""
    digest, size = _sha(data), len(data)
    if not seeds.is_dir():
        return None
    for path in sorted(seeds.iterdir()):
        same_size = path.is_file() and not path.name.startswith(".") and path.stat().st_size == size
        if same_size and _sha(path.read_bytes()) == digest:
            return path
    return None


def free_name(seeds: Path, name: str, taken: Sequence[Path] = ()) -> str:
    """``name``, or ``stem-2.txt``, ``stem-3.txt``... : the first name whose stem no file in ``seeds`` (or in the
    folders of ``taken``, read as part of the same corpus) has.

    The stem is the article id, so "riga.md" beside "riga.txt" is taken too.
    """
    path = Path(name)
    stems = {p.stem for folder in (seeds, *taken) if folder.is_dir() for p in folder.iterdir()}
    candidate, n = name, 1
    while Path(candidate).stem in stems or (seeds / candidate).exists():
        n += 1
        candidate = f"{path.stem}-{n}{path.suffix}"
    return candidate


def _write_new(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` atomically, never replacing an existing file; False if the name is taken."""
    fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".tmp", dir=target.parent)  # dot: the ETL ignores it
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, target)  # atomic and fails if the name exists: no silent overwrite
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(tmp)


def save(seeds: Path, checked: Checked, taken: Sequence[Path] = ()) -> Saved:
    """Save a checked upload into ``seeds``: same bytes already there -> nothing written; a name clash -> a new name.
    ``taken``: folders read with ``seeds`` as one corpus (a trial's shared articles), whose names and bytes count too.

    Call it while holding ``etl.build.lock_for(data_dir)`` so no build reads a half-added corpus.
    """
    seeds.mkdir(parents=True, exist_ok=True)
    same = next((p for p in (find_duplicate(f, checked.data) for f in (seeds, *taken)) if p is not None), None)
    if same is not None:
        return Saved(None, "duplicate", f"This article is already in the corpus as “{same.name}”; nothing was added.")
    while True:
        name = free_name(seeds, checked.name, taken)
        if _write_new(seeds / name, checked.data):
            break
    made_safe = f" (the name “{checked.given}” was made safe for the server)" if checked.given else ""
    if name != checked.name:
        return Saved(
            seeds / name,
            "renamed",
            f"Another article is already called “{checked.name}”, so this one was saved as “{name}”{made_safe}.",
        )
    if checked.given:
        return Saved(seeds / name, "renamed", f"Saved as “{name}”{made_safe}.")
    return Saved(seeds / name, "new", f"Saved as “{name}”.")
