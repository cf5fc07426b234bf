"""Regex helpers shared by the extractors."""

from __future__ import annotations

import re


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
