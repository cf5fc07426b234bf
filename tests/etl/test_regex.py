"""The fast searches agree with the plain patterns they stand for (speed tricks kept beside their rule)."""

from __future__ import annotations

import importlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.events.lexicon import Phrases

learning = importlib.import_module("etl.extract.learning")

_WORDS = ["held in", "took place in", "co-host*", "Learning City", "GNLC", "forum"]
_PIECES = [
    "held", "in", "HELD", "In", "took", "place", "co-hosts", "co-host", "cohost", "Learning", "city", "City",
    "cities", "GNLC", "gnlc", "forum", "Forums", "x-forum", "forum-x", "İ", "Ärger", "é", "-", ",", "(", "\n",
]  # fmt: skip
_TEXT = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "  ", "\t", "", "-", ". "])), max_size=25
).map(lambda ps: "".join(w + sep for w, sep in ps))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_TEXT, st.integers(-3, 60), st.integers(0, 80))
def test_event_phrases_agree_with_their_pattern(text, lo, hi):
    found = Phrases(_WORDS)
    lo, hi = min(lo, len(text)), min(hi, len(text))
    if lo >= 0 and hi >= lo:
        assert found.in_slice(text, lo, hi) == bool(found.pattern.search(text[lo:hi]))
        assert found.in_range(text, lo, hi) == bool(found.pattern.search(text, lo, hi))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_TEXT, st.integers(0, 60), st.integers(0, 80))
def test_learning_words_agree_with_their_pattern(text, lo, hi):
    words = learning._Words(("learning city", "GNLC", "forum"))
    lo, hi = min(lo, len(text)), min(hi, len(text))
    assert words.search(text, lo, hi) == bool(words.pattern.search(text, lo, hi))
