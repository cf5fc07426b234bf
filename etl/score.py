# Verbatim copy of ../shared/devset/score.py, the reference scorer of the dev set (etl.eval calls it); do not edit.
#!/usr/bin/env python3
"""Score the ETL's tables against a hand-made answer key of real articles.

    python3 score.py GOLD.json OUT_DIR [--json] [-v]

GOLD.json is a key in the shape of devset/*/gold.json; OUT_DIR holds the tables that
`python -m etl --seeds <the key's articles/> --out OUT_DIR` wrote. Prints one line per table:

- figures: a gold figure is found by a row of metrics.csv of the same article whose value agrees
  within 0.5% (same sign) and whose unit contains the gold `head` or one of its `alt_heads`
  (heads of 1-2 letters, like "rs" or "%", must start a word of the unit or be the symbol itself).
  Recall counts core figures; precision counts rows that match any gold figure, core or not.
- places: a gold place is found by a row of places.csv of the same article with the same name or
  written form (case and accents ignored). Recall on core places; precision counts rows naming any
  gold place or a place written in `not_places`.
- events: a gold event is found by a row of events.csv listing its article whose name shares a
  distinctive word (4+ letters) or whose attendee count agrees. Then each stated field of the found
  events is checked: date (ISO day), city, attendees, countries represented.
- learning_cities: a gold learning city is found by a row of learning_cities.csv of its article with the
  same city (case and accents ignored); precision counts rows that name a gold learning city.

Each prediction serves one gold entry. Matching is lenient on wording and strict on numbers,
article and place: what an analyst would accept as the same fact."""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

GENERIC = {"conference", "summit", "forum", "seminar", "ceremony", "meeting", "international", "world", "global",
           "national", "annual", "education", "digital", "learning", "week", "expo", "exhibition", "first", "second",
           "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def fold(s) -> str:
    s = unicodedata.normalize("NFKD", str(s or "")).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", s).strip().lower()


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def same_article(article_id: str, stem: str) -> bool:
    return article_id == stem or article_id.startswith(stem)


def head_in(unit: str, heads: list[str]) -> bool:
    u = (unit or "").lower()
    for h in heads:
        h = (h or "").lower()
        if not h:
            continue
        if len(h) <= 2 and h.isalpha():
            if re.search(r"(?<![a-z])" + re.escape(h), u):
                return True
        elif h in u:
            return True
    return False


def value_ok(pred: float, gold: float) -> bool:
    if gold == 0:
        return pred == 0
    return (pred > 0) == (gold > 0) and abs(pred - gold) <= 0.005 * abs(gold)


def prf(tp_recall: int, n_gold: int, tp_precision: int, n_pred: int) -> tuple[float, float, float]:
    r = tp_recall / n_gold if n_gold else 1.0
    p = tp_precision / n_pred if n_pred else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_figures(gold: dict, out: Path, verbose: bool) -> dict:
    golds = gold.get("metrics", [])
    preds = [(r["article_id"], num(r.get("value")), r.get("unit") or "") for r in rows(out / "metrics.csv")]
    preds = [p for p in preds if p[1] is not None]

    def match(g, p):
        return same_article(p[0], g["file"]) and value_ok(p[1], float(g["value"])) and head_in(
            p[2], [g["head"], *g.get("alt_heads", [])]
        )

    used: set[int] = set()
    core = [g for g in golds if g.get("core", True)]
    tp = 0
    for g in core:
        hit = next((i for i, p in enumerate(preds) if i not in used and match(g, p)), None)
        if hit is None:
            if verbose:
                print(f"  figure MISSED {g['file']}: {g['value']} {g['unit']!r}")
            continue
        used.add(hit)
        tp += 1
    used_g: set[int] = set()
    ok = 0
    for p in preds:
        j = next((j for j, g in enumerate(golds) if j not in used_g and match(g, p)), None)
        if j is None:
            if verbose:
                print(f"  figure EXTRA  {p[0]}: {p[1]:g} {p[2]!r}")
            continue
        used_g.add(j)
        ok += 1
    p, r, f = prf(tp, len(core), ok, len(preds))
    return {"table": "figures", "P": p, "R": r, "F1": f, "gold": len(core), "predicted": len(preds)}


def score_places(gold: dict, out: Path, verbose: bool) -> dict:
    golds = gold.get("places", [])
    preds = [(r["article_id"], fold(r.get("name"))) for r in rows(out / "places.csv")]

    def names(g):
        return {fold(g["name"]), fold(g.get("written"))} - {""}

    core = [g for g in golds if g.get("core", True)]
    used: set[int] = set()
    tp = 0
    for g in core:
        hit = next((i for i, p in enumerate(preds) if i not in used and same_article(p[0], g["file"]) and p[1] in names(g)), None)
        if hit is None:
            if verbose:
                print(f"  place MISSED {g['file']}: {g['name']}")
            continue
        used.add(hit)
        tp += 1
    allowed = {(g["file"], n) for g in golds for n in names(g)} | {
        (g["file"], fold(g["name"])) for g in gold.get("not_places", [])
    }
    ok = 0
    for a, n in preds:
        if any(same_article(a, f) and n == m for f, m in allowed):
            ok += 1
        elif verbose:
            print(f"  place EXTRA  {a}: {n}")
    p, r, f = prf(tp, len(core), ok, len(preds))
    return {"table": "places", "P": p, "R": r, "F1": f, "gold": len(core), "predicted": len(preds)}


def words(s) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", fold(s)) if w not in GENERIC}


def score_events(gold: dict, out: Path, verbose: bool) -> dict:
    golds = [g for g in gold.get("events", []) if g.get("core", True)]
    preds = rows(out / "events.csv")
    used: set[int] = set()
    fields = {"date": [0, 0], "city": [0, 0], "attendees": [0, 0], "countries": [0, 0]}
    found = 0
    for g in golds:
        files = g.get("files") or [g["file"]]
        hit = None
        for i, r in enumerate(preds):
            if i in used:
                continue
            arts = (r.get("article_ids") or r.get("article_id") or "").split(";")
            if not any(same_article(a, f) for a in arts for f in files):
                continue
            if (g.get("attendees") and num(r.get("attendees")) == g["attendees"]) or (words(g["name"]) & words(r.get("name"))):
                hit = i
                break
        r = preds[hit] if hit is not None else None
        if r is None:
            if verbose:
                print(f"  event MISSED {files[0]}: {g['name']!r} {g.get('date')} {g.get('city')}")
        else:
            used.add(hit)
            found += 1
        checks = (
            ("date", lambda: (r.get("date") or "")[:10] == g["date"]),
            ("city", lambda: fold(r.get("city")) in {fold(g["city"]), fold(g["city"]).removesuffix("-gu")}),
            ("attendees", lambda: num(r.get("attendees")) == g["attendees"]),
            ("countries", lambda: num(r.get("countries_represented")) == g["countries"]),
        )
        for k, same in checks:
            if g.get(k):
                fields[k][1] += 1
                if r is not None and same():
                    fields[k][0] += 1
                elif verbose and r is not None:
                    col = "countries_represented" if k == "countries" else k
                    print(f"  event WRONG {k} {files[0]}: {g['name']!r} gold={g[k]!r} got={r.get(col)!r}")
    p, rr, f = prf(found, len(golds), len(used), len(preds))
    res = {"table": "events", "P": p, "R": rr, "F1": f, "gold": len(golds), "predicted": len(preds)}
    res.update({k: f"{a}/{b}" for k, (a, b) in fields.items()})
    return res


def learning_gold(gold: dict) -> list[dict]:
    if gold.get("learning_cities"):
        return gold["learning_cities"]
    return [
        {"file": p["file"], "city": p["name"], "recognition": p.get("role", "")}
        for p in gold.get("places", [])
        if p.get("core", True) and p.get("kind") == "city" and re.search(r"Learning Cit|GNLC", p.get("role") or "")
    ]


def score_learning(gold: dict, out: Path, verbose: bool) -> dict:
    golds = learning_gold(gold)
    preds = [(r["article_id"], fold(r.get("city"))) for r in rows(out / "learning_cities.csv")]
    seen = set()
    preds = [p for p in preds if not (p in seen or seen.add(p))]  # one city per article, whatever its recognitions
    used: set[int] = set()
    tp = 0
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and same_article(p[0], g["file"]) and p[1] == fold(g["city"])), None)
        if hit is None:
            if verbose:
                print(f"  learning city MISSED {g['file']}: {g['city']}")
            continue
        used.add(hit)
        tp += 1
    if verbose:
        for i, p in enumerate(preds):
            if i not in used:
                print(f"  learning city EXTRA  {p[0]}: {p[1]}")
    p, r, f = prf(tp, len(golds), len(used), len(preds))
    return {"table": "learning_cities", "P": p, "R": r, "F1": f, "gold": len(golds), "predicted": len(preds)}


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    gold = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out = Path(argv[2])
    verbose = "-v" in argv
    results = [f(gold, out, verbose) for f in (score_figures, score_places, score_events, score_learning)]
    if "--json" in argv:
        print(json.dumps(results))
    else:
        for r in results:
            extra = " ".join(f"{k}={v}" for k, v in r.items() if k not in ("table", "P", "R", "F1", "gold", "predicted"))
            print(f"{r['table']:<16} P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f} "
                  f"(gold {r['gold']}, predicted {r['predicted']}) {extra}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
