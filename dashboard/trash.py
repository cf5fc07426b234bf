"""Removing an article from the shared corpus, undoably: it moves to ``seeds/.trash/`` and one click restores it.

Each removal is a folder ``.trash/<UTC time>-<random>/<file>``: the original name is kept, the same name can be
removed twice, and the ETL never reads it (it skips names that start with a dot). Moves are renames within the
seeds folder, so a removal or a restore is atomic; call them under the build lock, like an upload.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from dashboard.upload import free_name

TRASH = ".trash"
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Trashed:
    path: Path  # where the file is now
    removed: dt.datetime  # when it was removed (UTC)

    @property
    def name(self) -> str:
        return self.path.name


def remove(seeds: Path, file: str, now: dt.datetime | None = None) -> Trashed:
    """Move article ``file`` of ``seeds`` to the trash; FileNotFoundError when it is not there."""
    source = seeds / Path(file).name  # a bare name: never a path that leaves the folder
    if not source.is_file():
        raise FileNotFoundError(f"{Path(file).name} is not in the corpus")
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    folder = seeds / TRASH / f"{when.strftime(_STAMP)}-{secrets.token_hex(3)}"
    folder.mkdir(parents=True)
    target = folder / source.name
    os.rename(source, target)
    return Trashed(target, when.replace(microsecond=0))


def listing(seeds: Path) -> list[Trashed]:
    """Everything in the trash, the latest removal first."""
    found = []
    try:
        folders = [e for e in os.scandir(seeds / TRASH) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for folder in folders:
        try:
            when = dt.datetime.strptime(folder.name.split("-")[0], _STAMP).replace(tzinfo=dt.UTC)
        except ValueError:
            continue  # not ours
        found += [Trashed(Path(f.path), when) for f in os.scandir(folder.path) if f.is_file(follow_symlinks=False)]
    return sorted(found, key=lambda t: (t.removed, t.name), reverse=True)


def restore(seeds: Path, item: Trashed) -> str:
    """Put ``item`` back into ``seeds`` under its name, or a free one when an article took it since; the name."""
    while True:
        name = free_name(seeds, item.name)
        try:
            os.link(item.path, seeds / name)  # fails if the name is taken meanwhile: never overwrites
        except FileExistsError:
            continue
        break
    os.unlink(item.path)
    with contextlib.suppress(OSError):  # not empty: someone put something else there; leave it
        item.path.parent.rmdir()
    return name
