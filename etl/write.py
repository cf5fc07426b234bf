"""Write files atomically: a complete old file or a complete new one, never half of either."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then ``os.replace`` it."""
    atomic_write_set(path.parent, {path.name: data})


def atomic_write_set(folder: Path, files: dict[str, bytes]) -> None:
    """Write every file of ``files`` (name -> bytes) into ``folder`` as one set: all are written to temporary files
    and synced first, then renamed in order. A write that fails (a full disk) removes the temporaries and leaves
    every old file as it was; the renames that follow cannot fail for want of space."""
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            staged.append((name, Path(tmp)))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; tables are meant to be read by anyone
    except BaseException:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    try:
        for name, tmp in staged:
            os.replace(tmp, folder / name)
    finally:  # a rename that fails (a read-only target) leaves no temporary behind
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)


def json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def remove_stale_temps(folder: Path) -> None:
    """Delete temporary files left by a run that was killed before its ``os.replace``."""
    for tmp in folder.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
