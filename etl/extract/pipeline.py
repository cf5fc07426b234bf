"""Run every extractor over one article's text."""

from __future__ import annotations

from etl.extract.events import extract_events
from etl.extract.learning import extract_learning_cities
from etl.extract.meta import extract_meta
from etl.extract.numbers import extract_metrics
from etl.extract.places import extract_places
from etl.extract.sentences import one_line, sentence_at, split_sentences
from etl.extract.subjects import attach_context
from etl.model import ArticleResult, Metric, Sentence


def once(metrics: list[Metric], text: str, title: str, sentences: list[Sentence]) -> list[Metric]:
    """Each figure once: a headline's figure that the body repeats is the body's (its sentence says more), and a
    line the page repeats word for word (a title shown twice) gives its figures once."""
    start = text.find(title) if title else -1
    in_title = range(start, start + len(title)) if start >= 0 else range(0)
    body = {(m.value, m.unit.lower()) for m in metrics if m.start not in in_title}
    seen: set[tuple] = set()
    nth: dict[tuple, int] = {}  # within one sentence, the how-manieth figure of this value and unit
    out = []
    for m in metrics:
        where = sentence_at(sentences, m.start)
        instance = (where.start if where else -1, m.value, m.unit.lower())
        nth[instance] = nth.get(instance, 0) + 1
        key = (m.sentence, m.value, m.unit.lower(), nth[instance])  # the same figure of the same line again
        if (m.start in in_title and (m.value, m.unit.lower()) in body) or key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


def extract_article(text: str) -> ArticleResult:
    """Everything the ETL knows how to read from ``text``; never raises on any string."""
    sentences = split_sentences(text)
    meta = extract_meta(text, sentences)  # the page's lines as they stand: its headline, its date line
    # The rest reads each sentence on one line (a hard-wrapped paragraph's names and units go on past its line
    # breaks); the surfaces are then the text's own.
    view, sentences = one_line(text, sentences)
    places = extract_places(view)
    metrics = once(
        attach_context(extract_metrics(view, sentences, places), view, sentences, places), view, meta.title, sentences
    )
    events = extract_events(view, sentences, metrics, places, meta.published)
    learning = extract_learning_cities(view, sentences, places)
    if view is not text:
        metrics = [m._replace(surface=text[m.start : m.end]) for m in metrics]
        places = [p._replace(surface=text[p.start : p.end]) for p in places]
    return ArticleResult(meta=meta, metrics=metrics, places=places, learning_cities=learning, events=events)
