"""Attach to each figure what it is about (subject) and the place it belongs to."""

from __future__ import annotations

from etl.model import Metric, PlaceMention, Sentence


def attach_context(
    metrics: list[Metric], text: str, sentences: list[Sentence], places: list[PlaceMention]
) -> list[Metric]:
    """``metrics`` with ``subject`` and ``place`` filled where the text says."""
    return metrics  # placeholder until the extractor lands
