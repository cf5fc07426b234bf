"""Write files atomically: a complete old file or a complete new one, never half of either."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any


class Staged:
    """A temporary file beside its target, written in pieces and hashed as it is written: a table too large to hold
    in memory is staged this way and then renamed with the rest of its set by :func:`atomic_write_set`."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        # named like every temporary here (".name.XXXX.tmp"), so remove_stale_temps clears one a killed run left
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        self.name = name
        self.path = Path(tmp)
        self.size = 0
        self._hash = hashlib.sha256()
        self._fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> int:
        """Append ``data``; returns the file's size after it (where the next piece starts)."""
        self._fh.write(data)
        self._hash.update(data)
        self.size += len(data)
        return self.size

    def copy_from(self, source: Staged, start: int, end: int) -> None:
        """Append the bytes ``start:end`` of ``source`` (written, not yet finished)."""
        source.flush()
        with source.path.open("rb") as fh:
            fh.seek(start)
            left = end - start
            while left > 0:
                block = fh.read(min(left, 1 << 20))
                if not block:
                    raise OSError(f"{source.path} is shorter than expected")
                self.write(block)
                left -= len(block)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def flush(self) -> None:
        """Make what was written so far readable through ``path`` (the file stays open for more)."""
        if not self._fh.closed:
            self._fh.flush()

    def finish(self) -> None:
        """Flush and fsync the file, so that renaming it can only ever show its whole content."""
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.chmod(self.path, 0o644)  # mkstemp makes 0600; tables are meant to be read by anyone

    def discard(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self.path.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then ``os.replace`` it."""
    atomic_write_set(path.parent, {path.name: data})


def atomic_write_set(folder: Path, files: Mapping[str, bytes | Staged]) -> None:
    """Write every file of ``files`` (name -> bytes, or a file already staged in ``folder``) into ``folder`` as one
    set: all are written to temporary files and synced first, then renamed in order. A write that fails (a full disk)
    removes every temporary, the staged ones too, and leaves every old file as it was; the renames that follow cannot
    fail for want of space."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = [data for data in files.values() if isinstance(data, Staged)]  # discarded on failure, as ours are
    ready: list[tuple[str, Staged]] = []
    try:
        for name, data in files.items():
            if isinstance(data, Staged):
                data.finish()
                ready.append((name, data))
                continue
            one = Staged(folder, name)
            ready.append((name, one))
            one.write(data)
            one.finish()
    except BaseException:
        for tmp in {id(s): s for s in [*staged, *(s for _, s in ready)]}.values():
            tmp.discard()
        raise
    try:
        for name, tmp in ready:
            os.replace(tmp.path, folder / name)
    finally:  # a rename that fails (a read-only target) leaves no temporary behind
        for _, tmp in ready:
            tmp.path.unlink(missing_ok=True)


def json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def remove_stale_temps(folder: Path) -> None:
    """Delete temporary files left by a run that was killed before its ``os.replace``."""
    for tmp in folder.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
