"""Run every extractor over one article's text."""

from __future__ import annotations

from etl.extract.events import extract_events
from etl.extract.learning import extract_learning_cities
from etl.extract.meta import extract_meta
from etl.extract.numbers import extract_metrics
from etl.extract.places import extract_places
from etl.extract.sentences import split_sentences
from etl.extract.subjects import attach_context
from etl.model import ArticleResult


def extract_article(text: str) -> ArticleResult:
    """Everything the ETL knows how to read from ``text``; never raises on any string."""
    sentences = split_sentences(text)
    meta = extract_meta(text, sentences)
    places = extract_places(text)
    metrics = attach_context(extract_metrics(text, sentences, places), text, sentences, places)
    return ArticleResult(
        meta=meta,
        metrics=metrics,
        places=places,
        learning_cities=extract_learning_cities(text, sentences, places),
        events=extract_events(text, sentences, metrics, places, meta.published),
    )
