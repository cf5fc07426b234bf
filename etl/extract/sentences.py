"""Split article text into sentence spans (offsets into the original text)."""

from __future__ import annotations

import bisect
import operator
import re

from etl.model import Sentence

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace,
# or at a blank line / line break. Abbreviations such as "Dec." or "Dr." must not end a sentence.
# (Written without a look-behind, which the engine would try at every character: the gap is group "gap".)
# The look-ahead names the characters a boundary opens with: the engine then skips ahead to them (twice as fast).
_BOUNDARY = re.compile(r"""(?=[.!?。！？\n])(?:[.!?。！？](?P<gap>["'”’)\]]*\s+)|(?P<nl>\n+))""")
_ABBREV = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Assoc|Asst|Hon|Gov|Gen|Col|Lt|Capt|Rev|Sen|Rep|Supt|Engr|Atty|St|No|Vol|vs|etc|e\.g|i\.e|Co|Inc|Ltd|Jr|Sr|U\.S|U\.N)\.|\b[A-Z]\.)$"
)


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` as spans; whitespace between them is dropped."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        gap = m.group("gap")
        at = m.start("gap") if gap is not None else m.start()
        if gap is not None and gap.strip() == "" and "\n" not in gap:
            # A period followed by a space: keep going if it closes an abbreviation
            # or the next word starts in lower case (e.g. "approx. 5").
            # The longest abbreviation is six characters: a short tail of the sentence is all _ABBREV needs.
            head = text[max(start, at - 12) : at]
            nxt = text[m.end() : m.end() + 2]
            # ... but a word in camel case opens a sentence in lower case ("in 2006. eLearning users ...", "iPads")
            lower = nxt[:1].islower() and not nxt[1:].isupper()
            if _ABBREV.search(head) or lower or nxt[:1].isdigit():
                continue
        elif m.group("nl") == "\n" and _wrapped(text, start, at, m.end()):
            continue
        _add(text, start, at, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


_WRAP_WIDTH = 50  # the shortest line of hard-wrapped text that a sentence goes on from (text wraps at 60 to 80)


def _wrapped(text: str, start: int, at: int, nxt: int) -> bool:
    """A line break inside a sentence of hard-wrapped text: a line as long as such text wraps at goes on mid-sentence
    (it ends in a word or a comma) and the next line opens in lower case ("organized a workshop on e-learning
    and\ninteractive lectures"). A short line is a heading, even before a careless lower-case opening."""
    last = text[max(start, at - 2) : at].rstrip()[-1:]
    if not (last and (last.isalnum() or last in ",;") and text[nxt : nxt + 1].islower()):
        return False
    return at - (text.rfind("\n", 0, at) + 1) >= _WRAP_WIDTH


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing character ``offset`` (sentences sorted by start)."""
    i = bisect.bisect_right(sentences, offset, key=_END)  # the first sentence that ends after ``offset``
    if i < len(sentences) and sentences[i].start <= offset:
        return sentences[i]
    return None


_END = operator.attrgetter("end")
