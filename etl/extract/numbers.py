"""Find the figures of a text: value, unit, qualifier, bound, category, span."""

from __future__ import annotations

from etl.model import Metric, Sentence


def extract_metrics(text: str, sentences: list[Sentence]) -> list[Metric]:
    """Every figure in ``text`` (subject and place are filled later by subjects.attach_context)."""
    return []  # placeholder until the extractor lands
