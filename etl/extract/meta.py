"""Read an article's title, publication date and source from its text."""

from __future__ import annotations

from etl.model import ArticleMeta, Sentence


def extract_meta(text: str, sentences: list[Sentence]) -> ArticleMeta:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return ArticleMeta(title=first[:200], published="", source="")  # placeholder until the extractor lands
