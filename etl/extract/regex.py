"""Regex helpers shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes: far faster to scan than a flat alternation.

    A space matches any run of white space and a trailing * any word ending ("attend*" = attends, attended).
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        return r"\s+" if ch == " " else r"\w*" if ch == "*" else re.escape(ch)

    def emit(node: dict) -> str:
        alts = [atom(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node and alts else "")

    return emit(tree) or "(?!)"


def at_word_start(words: Iterable[str]) -> str:
    r"""A regex matching any of ``words`` (literal, tried in order) where a word starts: ``\b(?:w1|w2|...)``.

    A pattern that opens with ``\b`` makes the engine try a match at every position of the text. Here each word
    opens with its first character and then checks that no word character stands before it: the same matches,
    but the engine skips ahead to the first characters (four times faster over an article). For a case-sensitive
    pattern only: under IGNORECASE the engine finds no first characters to skip to, and the flat alternation is
    slower than the original.
    """
    alts = [w[0] + r"(?<!\w.)" + re.escape(w[1:]) if re.match(r"\w", w) else r"\b" + re.escape(w) for w in words if w]
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"
