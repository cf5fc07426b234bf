"""Find cities named as learning cities and the recognition the text gives them."""

from __future__ import annotations

from etl.model import LearningCity, PlaceMention, Sentence


def extract_learning_cities(text: str, sentences: list[Sentence], places: list[PlaceMention]) -> list[LearningCity]:
    return []  # placeholder until the extractor lands
