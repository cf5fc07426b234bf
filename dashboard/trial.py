"""A visitor's trial: articles that one session adds for itself, built with the shared corpus into tables of its own.

A trial is a folder ``<trials>/<token>/`` with ``articles/`` (the visitor's files) and ``data/`` (the tables of the
shared articles plus these, built by the same ETL). Only the session that holds the token reads it, so a trial
flows through every page for its visitor and leaves the shared tables, and what other visitors see, untouched.
Trials end when the visitor ends them, or are swept after some idle hours; their number and size are capped.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from etl import paths

_TOKEN = "_ded_trial"  # session state: the name of this session's trial folder
_MARK = ".last-used"  # touched on every page run: a trial idle for longer than its hours is swept


class TrialError(RuntimeError):
    """A trial cannot start or grow; the message says why, for the visitor."""


@dataclass(frozen=True)
class Trial:
    folder: Path

    @property
    def articles(self) -> Path:
        return self.folder / "articles"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def files(self) -> list[str]:
        try:
            return sorted(e.name for e in os.scandir(self.articles) if e.is_file() and not e.name.startswith("."))
        except OSError:
            return []

    def size(self) -> int:
        try:
            return sum(e.stat().st_size for e in os.scandir(self.articles) if e.is_file())
        except OSError:
            return 0


def root() -> Path:
    """Where trials live (DED_TRIALS_DIR), read at call time like the other folders."""
    return Path(os.environ.get("DED_TRIALS_DIR") or paths.TRIALS_DIR)


def idle_seconds() -> float:
    """How long a trial may sit unused before it is swept (DED_TRIAL_HOURS, default 6)."""
    return float(os.environ.get("DED_TRIAL_HOURS", "6")) * 3600


def most_trials() -> int:
    """How many trials may exist at once (DED_TRIALS_MAX, default 20): disk and build time are the server's."""
    return int(os.environ.get("DED_TRIALS_MAX", "20"))


def most_bytes() -> int:
    """How many bytes of articles one trial may hold (DED_TRIAL_MAX_MB, default 20)."""
    return int(float(os.environ.get("DED_TRIAL_MAX_MB", "20")) * 1_000_000)


def sweep(where: Path, idle: float, now: float | None = None) -> list[str]:
    """Remove the trials in ``where`` unused for more than ``idle`` seconds; their names."""
    now = time.time() if now is None else now
    gone: list[str] = []
    try:
        entries = [e for e in os.scandir(where) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return gone
    for entry in entries:
        try:
            used = os.stat(Path(entry.path) / _MARK).st_mtime
        except OSError:
            used = entry.stat(follow_symlinks=False).st_mtime  # being created, or its mark is lost
        if now - used > idle:
            shutil.rmtree(entry.path, ignore_errors=True)
            gone.append(entry.name)
    return gone


def create(where: Path, most: int) -> Trial:
    """A new, empty trial in ``where``, unless ``most`` trials are already there (then TrialError)."""
    try:
        live = sum(1 for e in os.scandir(where) if e.is_dir(follow_symlinks=False))
    except OSError:
        live = 0
    if live >= most:
        raise TrialError(
            f"{live} visitors are trying articles right now, the most this server allows; try again later. "
            "Nothing was added."
        )
    folder = where / secrets.token_hex(16)  # unguessable: the folder name is all that ties a trial to a session
    (folder / "articles").mkdir(parents=True)
    (folder / _MARK).touch()
    return Trial(folder)


def touch(t: Trial) -> None:
    """Mark ``t`` as in use now."""
    with contextlib.suppress(OSError):  # swept meanwhile: `current` notices on the next run
        os.utime(t.folder / _MARK)


def check_room(t: Trial, size: int) -> None:
    """Refuse a file that would take the trial past its size cap; raises TrialError."""
    used, cap = t.size(), most_bytes()
    if used + size > cap:
        raise TrialError(
            f"Your trial holds {used:,} bytes of articles and may hold {cap:,}; this file has {size:,}. "
            "Nothing was added; end the trial to start afresh."
        )


# The session's side: which trial this visitor has, if any.


def current() -> Trial | None:
    """This session's trial, or None (also when it was swept while idle)."""
    try:
        token = st.session_state.get(_TOKEN)
    except Exception:  # outside a Streamlit session (a script, a test without a runtime)
        return None
    if not token:
        return None
    t = Trial(root() / token)
    if not t.articles.is_dir():
        del st.session_state[_TOKEN]
        return None
    return t


def start() -> Trial:
    """This session's trial, starting one (after sweeping idle ones) when it has none."""
    t = current()
    if t is not None:
        return t
    where = root()
    where.mkdir(parents=True, exist_ok=True)
    sweep(where, idle_seconds())
    t = create(where, most_trials())
    st.session_state[_TOKEN] = t.folder.name
    return t


def end() -> None:
    """End this session's trial: its folder goes, and the session reads the shared tables again."""
    t = current()
    if t is not None:
        shutil.rmtree(t.folder, ignore_errors=True)
        st.session_state.pop(_TOKEN, None)
