"""Find and geocode the places named in a text: cities, districts, provinces, countries, regions."""

from __future__ import annotations

from etl.model import PlaceMention


def extract_places(text: str) -> list[PlaceMention]:
    """Every place mention in ``text``, left to right."""
    return []  # placeholder until the extractor lands
