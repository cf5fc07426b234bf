"""Measure extraction against hand-made answer keys of real articles: ``python -m etl.eval``.

A key is a folder holding ``gold.json`` and ``articles/`` (the shape of ``tests/corpus/devset/events``). Each
group of keys (``tests/corpus/devset``, ``tests/corpus/holdout``, ...) is built once by the ETL, all its articles
together, and scored with the reference scorer (``etl/score.py``, a verbatim copy of the dev set's ``score.py``,
whose docstring defines what counts as a match): precision, recall and F1 per table, and per field for events.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from etl import build, score
from etl.paths import ROOT

CORPUS_DIR = ROOT / "tests" / "corpus"
DAY_LENGTH = len("2024-12-30")


def score_published(gold: dict, tables: Path, verbose: bool = False) -> dict:
    """The articles' publication dates against the key's ``published``: a date is right when it is the same day. An
    article the key does not date (no such field), or dates only by month or year, is left out; ``null`` is no date."""
    keyed = {a["file"]: a["published"] or "" for a in gold.get("articles", []) if "published" in a}
    path = tables / "articles.csv"
    ours = {}
    if path.exists():
        with path.open(newline="", encoding="utf-8") as fh:
            ours = {Path(r["file"]).stem: r["published"] for r in csv.DictReader(fh)}
    right = predicted = stated = 0
    for file, want in sorted(keyed.items()):
        got = ours.get(file, "")
        if want and len(want) != DAY_LENGTH:
            continue
        stated += bool(want)
        predicted += bool(got)
        right += bool(want) and got == want
        if verbose and got != want:
            print(
                f"  published {'MISSED' if not got else 'EXTRA ' if not want else 'WRONG '} {file}: {want!r} got {got!r}"
            )
    p = right / predicted if predicted else 0.0
    r = right / stated if stated else 0.0
    return {"table": "published", "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "gold": stated,
            "predicted": predicted}  # fmt: skip


SCORERS = (score.score_figures, score.score_places, score.score_events, score.score_learning, score_published)
LIST_KEYS = ("articles", "metrics", "events", "places", "learning_cities", "not_places", "not_figures")


@dataclass(frozen=True)
class Key:
    name: str  # "devset/events"
    folder: Path

    @property
    def gold(self) -> dict:
        return json.loads((self.folder / "gold.json").read_text(encoding="utf-8"))

    @property
    def articles(self) -> list[Path]:
        return sorted((self.folder / "articles").glob("*.txt"))


def find_keys(corpus: Path = CORPUS_DIR) -> dict[str, list[Key]]:
    """Keys by group: every folder ``corpus/GROUP/SET`` that holds a gold.json and its articles."""
    groups: dict[str, list[Key]] = {}
    for gold in sorted(corpus.glob("*/*/gold.json")):
        folder = gold.parent
        if (folder / "articles").is_dir():
            groups.setdefault(folder.parent.name, []).append(Key(f"{folder.parent.name}/{folder.name}", folder))
    return groups


def merged_gold(keys: list[Key]) -> dict:
    """One key holding every entry of ``keys`` (file names are distinct across the sets of a group)."""
    out: dict = {k: [] for k in LIST_KEYS}
    for key in keys:
        gold = key.gold
        for k in LIST_KEYS:
            out[k].extend(gold.get(k, []))
    return out


def build_group(keys: list[Key], out: Path) -> None:
    """Run the ETL over every article of ``keys`` into ``out`` (no cache, one process: what a test can repeat)."""
    seeds = out / "_seeds"
    seeds.mkdir(parents=True)
    for key in keys:
        for art in key.articles:
            if (seeds / art.name).exists():
                raise SystemExit(f"error: two keys of one group hold {art.name}")
            shutil.copyfile(art, seeds / art.name)
    build.run(seeds, out / "tables", cache_dir=None, jobs=1)


def score_gold(gold: dict, tables: Path, verbose: bool = False) -> list[dict]:
    """The scorer's result per table; its -v lines go to stdout when ``verbose``."""
    sink = contextlib.nullcontext() if verbose else contextlib.redirect_stdout(io.StringIO())
    with sink:
        return [f(gold, tables, verbose) for f in SCORERS]


def evaluate(group: str, keys: list[Key], *, verbose: bool = False) -> dict[str, list[dict]]:
    """Scores of the group as a whole (key "all") and of each of its keys."""
    with tempfile.TemporaryDirectory(prefix="ded-eval-") as tmp:
        build_group(keys, Path(tmp))
        tables = Path(tmp) / "tables"
        out = {"all": score_gold(merged_gold(keys), tables, verbose)}
        for key in keys:
            own = Path(tmp) / key.name.replace("/", "_")
            keep_articles(tables, own, {a.stem for a in key.articles})
            out[key.name] = score_gold(key.gold, own)
        return out


def keep_articles(tables: Path, out: Path, stems: set[str]) -> None:
    """Copy the tables of ``tables`` into ``out`` with only the rows of the articles ``stems`` names."""
    out.mkdir()
    for path in tables.glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            rows = [r for r in reader if _of(r, stems)]
            columns = reader.fieldnames or []
        with (out / path.name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, columns)
            writer.writeheader()
            writer.writerows(rows)


def _of(row: dict, stems: set[str]) -> bool:
    ids = (row.get("article_ids") or row.get("article_id") or "").split(";")
    return any(i in stems for i in ids)


def format_line(r: dict) -> str:
    extra = " ".join(f"{k}={v}" for k, v in r.items() if k not in ("table", "P", "R", "F1", "gold", "predicted"))
    return (
        f"{r['table']:<16} P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f} "
        f"(gold {r['gold']}, predicted {r['predicted']}) {extra}"
    ).rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.eval", description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help="groups of keys under the corpus folder (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="folder of groups of keys")
    parser.add_argument("--per-key", action="store_true", help="also print each key's own scores")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss and extra (the scorer's -v)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)

    found = find_keys(args.corpus)
    unknown = [g for g in args.groups if g not in found]
    if unknown or not found:
        print(
            f"error: no keys for {', '.join(unknown) or args.corpus}; found: {', '.join(found) or 'none'}",
            file=sys.stderr,
        )
        return 2
    results = {g: evaluate(g, found[g], verbose=args.verbose) for g in (args.groups or found)}
    if args.json:
        print(json.dumps(results))
        return 0
    for group, scores in results.items():
        names = ", ".join(k.name.split("/", 1)[1] for k in found[group])
        print(f"== {group} ({names}; {sum(len(k.articles) for k in found[group])} articles)")
        for r in scores["all"]:
            print("  " + format_line(r))
        if args.per_key:
            for name, rs in scores.items():
                if name != "all":
                    print(f"  -- {name}")
                    for r in rs:
                        print("    " + format_line(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
