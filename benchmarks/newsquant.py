"""Figures against NewsQuant, a public benchmark of news sentences with hand-tagged quantities.

NewsQuant (Almasian, Kazakova, Göldner and Gertz, "CQE: A Comprehensive Quantity Extractor", EMNLP 2023,
https://aclanthology.org/2023.emnlp-main.793) holds 475 English news sentences and their 707 quantities. Its
repository states no licence, so the file is not shipped here: fetch ``data/formatted_test_set/NewsQuant.json`` from
https://github.com/vivkaz/CQE and pass its path (or set ``DED_NEWSQUANT``).

Each sentence is read as an article of its own. A gold quantity is found by an unused figure of its sentence with
the same value (relative tolerance 1e-5, the benchmark's own); a gold range "a-b" by figures of both ends. Two
conventions differ from ours and are bridged, not scored as misses: the tables sign a decrease ("fell 0.9%" is
-0.9) where NewsQuant keeps 0.9 and the direction apart, so a change matches by its size. The benchmark also
counts what the tables leave out on purpose (see the README): "one of the people", vague "dozens of", bare index
levels without a unit. Recall is therefore a floor, and the misses are printed by unit to read them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from etl.extract.pipeline import extract_article  # noqa: E402
from etl.model import Metric  # noqa: E402

TOLERANCE = 1e-5


def gold_values(value: str) -> list[float] | None:
    """The values of a gold quantity: one, or both ends of a range "a-b"; None when it is no number."""
    head, sep, tail = value[1:].partition("-")
    try:
        return [float(value[0] + head), float(tail)] if sep else [float(value)]
    except ValueError:
        return None


def same(m: Metric, v: float) -> bool:
    if math.isclose(m.value, v, rel_tol=TOLERANCE, abs_tol=1e-9):
        return True
    return bool(m.change) and math.isclose(abs(m.value), abs(v), rel_tol=TOLERANCE)


def score(sentences: list[dict]) -> dict:
    """Counts of found, missed and extra figures, and the misses by gold unit."""
    found = missed = extra = 0
    missed_units: Counter[str] = Counter()
    for ex in sentences:
        figures = extract_article(ex["text"]).metrics
        used = [False] * len(figures)
        for q in ex["quantities"]:
            values = gold_values(str(q["value"]))
            if values is None:
                continue
            taken: list[int] = []
            for v in values:
                i = next((i for i, m in enumerate(figures) if not used[i] and i not in taken and same(m, v)), None)
                if i is not None:
                    taken.append(i)
            if len(taken) == len(values):
                for i in taken:
                    used[i] = True
                found += 1
            else:
                missed += 1
                missed_units[str(q.get("unit", ""))] += 1
        extra += used.count(False)
    precision = found / (found + extra) if found + extra else 0.0
    recall = found / (found + missed) if found + missed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "bench": "newsquant",
        "sentences": len(sentences),
        "found": found,
        "missed": missed,
        "extra": extra,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "missed_by_unit": dict(missed_units.most_common(15)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=os.environ.get("DED_NEWSQUANT", ""), help="NewsQuant.json")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args(argv)
    path = Path(args.path) if args.path else None
    if path is None or not path.is_file():
        print("NewsQuant.json not found: pass its path or set DED_NEWSQUANT (see this script's docstring)")
        return 2
    result = score(json.loads(path.read_text(encoding="utf-8")))
    print(f"NewsQuant: {result['sentences']} sentences")
    print(
        f"figures (value): P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"(found {result['found']}, missed {result['missed']}, extra {result['extra']})"
    )
    print("missed, by the benchmark's unit: " + ", ".join(f"{u!r} {n}" for u, n in result["missed_by_unit"].items()))
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
