"""Extraction time grows with the text, never with its square: an upload to the hosted dashboard can be 5 MB, and
one quadratic path in one extractor holds the build lock for hours (issue 17).

Each pathological shape is timed at 100 KB and at 1 MB in one run: linear is a ratio of about 10, quadratic about
100. The ratio, not a time, is asserted, so a slow or busy machine does not fail the test."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.numbers.masks import TOKEN_REACH, masked
from etl.extract.pipeline import extract_article


def _joined(sep: str) -> Callable[[int], str]:
    return lambda n: sep.join(str(i) for i in range(n))


SHAPES: dict[str, Callable[[int], str]] = {
    # numbers separated by what is no space: each number's token used to reach back to the start of the text
    "numbers joined by tabs": _joined("\t"),
    "numbers joined by no-break spaces": _joined("\u00a0"),
    "numbers joined by semicolons": _joined(";"),
    "numbers joined by bars": _joined("|"),
    # a long run of capitalised words before a recognition's head
    "capitalised words before an award": lambda n: " ".join("Abc" for _ in range(n)) + " Learning City Award.",
    "one date line repeated": lambda n: "1 January 2020\n" * n,
}
LINEAR_RATIO = 10  # 1 MB against 100 KB
LIMIT = 3 * LINEAR_RATIO  # far below the 100 of a quadratic path, well above a linear one on a noisy machine


def _sized(make: Callable[[int], str], size: int) -> str:
    n, text = 1, make(1)
    while len(text) < size:
        n *= 2
        text = make(n)
    return text[:size]


def _seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        extract_article(text)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_a_pathological_article_is_read_in_linear_time(shape):
    make = SHAPES[shape]
    extract_article(_sized(make, 10_000))  # lookups and regexes loaded before timing
    small = _seconds(_sized(make, 100_000), runs=3)
    large = _seconds(_sized(make, 1_000_000), runs=1)
    assert large / small < LIMIT, f"{shape}: 100 KB {small:.2f} s, 1 MB {large:.2f} s"


# Any character may separate numbers; the mask of each number must depend only on the characters near it, which is
# what makes reading every number of a text linear in its length.
_SEPARATORS = st.text(
    alphabet=st.sampled_from([*" \t\u00a0\u2009\n;|,./:-_@#+()[]", "a", "Z", "é", "年"]), min_size=1, max_size=3
)
NEIGHBOURHOOD = TOKEN_REACH + 60  # the token's reach, and the mask window around the number


# What far away would mask a number if the number's token reached it: an e-mail, a web address.
_FAR = st.sampled_from(["", "Write to a@b.org ", "See www.example.org/", "x://", "Call +44 "])


@settings(max_examples=200, deadline=None)
@given(_FAR, st.lists(_SEPARATORS, min_size=1, max_size=4), st.integers(min_value=0, max_value=10**6))
def test_a_number_is_masked_by_what_is_near_it_only(far, separators, first):
    words = [str(first + i) for i in range(400)]
    text = far + "".join(w + separators[i % len(separators)] for i, w in enumerate(words))
    # a number in the middle of the text: the same verdict whether the text around it is long or cut short
    start = len(text) // 2
    while start < len(text) and not text[start].isdigit():
        start += 1
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    lo, hi = max(0, start - NEIGHBOURHOOD), min(len(text), end + NEIGHBOURHOOD)
    assert masked(text, start, end) == masked(text[lo:hi], start - lo, end - lo)
