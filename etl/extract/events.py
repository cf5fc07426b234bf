"""Find events (conferences, seminars, ceremonies, forums) with date, city, attendance and format."""

from __future__ import annotations

from etl.model import Event, Metric, PlaceMention, Sentence


def extract_events(
    text: str, sentences: list[Sentence], metrics: list[Metric], places: list[PlaceMention], published: str
) -> list[Event]:
    return []  # placeholder until the extractor lands
