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
    wrapped: bool | None = None  # whether the whole text is hard-wrapped, read when first needed
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
            if _ABBREV.search(head) or lower or nxt[:1].isdigit() or _in_title(text, start, at):
                continue
        elif m.group("nl") == "\n" and _wrapped(text, start, at, m.end()):
            continue
        elif m.group("nl") == "\n" and _goes_on(text, start, at, m.end()):
            if wrapped is None:
                wrapped = _hard_wrapped(text)
            if wrapped:
                continue
        _add(text, start, at, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


TITLE_REACH = 120  # characters after a period to the quote that closes the title it stands in
TITLE_WORDS = 15  # words of four letters or more in such a title, at most


def _in_title(text: str, start: int, at: int) -> bool:
    """The period stands inside a short quoted title that closes on the same line ("the conference “Virtual Balkans.
    Virtual Collaborative Learning” took place"): a name, not the end of a sentence. Not a quoted remark, which does
    not capitalise its words. Curly quotes only: a straight one does not tell an opening quote from a closing one."""
    opened = text.rfind("“", start, at)
    if opened < 0 or text.rfind("”", opened, at) >= 0:
        return False
    closed = text.find("”", at, at + TITLE_REACH)
    if closed < 0 or "\n" in text[at:closed] or text[closed - 1 : closed] in ".!?,":
        return False
    # a title capitalises its words, a remark does not ("“We only managed to complete about 80-90%”")
    words = [w for w in text[opened + 1 : closed].split() if len(w) > 3]
    return len(words) <= TITLE_WORDS and sum(w[:1].isupper() for w in words) * 2 > len(words)


_WRAP_WIDTH = 50  # the shortest line of hard-wrapped text that a sentence goes on from (text wraps at 60 to 80)


def _wrapped(text: str, start: int, at: int, nxt: int) -> bool:
    """A line break inside a sentence of hard-wrapped text: a line as long as such text wraps at goes on mid-sentence
    (it ends in a word, a comma or a bracket) and the next line opens in lower case ("organized a workshop on
    e-learning and\ninteractive lectures", "ICT for education (ICT4E)\nprogramme"), or the line ends in a word no
    sentence ends with, whatever follows ("at an ICT4E Conference at\nRajshahi University"). A short line is a
    heading, even before a careless lower-case opening."""
    last = text[max(start, at - 2) : at].rstrip()[-1:]
    if not last:
        return False
    if not ((last.isalnum() or last in ",;)") and text[nxt : nxt + 1].islower()) and not (
        last.islower() and _JOINER_END.search(text, max(start, at - 6), at) and text[nxt : nxt + 1].isalnum()
    ):
        return False
    return at - (text.rfind("\n", 0, at) + 1) >= _WRAP_WIDTH


WRAPPED_LINES = 3  # lines that plainly go on mid-sentence into the next, in a text that is hard-wrapped throughout
_LOWER_NEXT_LINE = re.compile(r"\n(?=[a-z])")


def _hard_wrapped(text: str) -> bool:
    """Whether the text is hard-wrapped: several long lines go on mid-sentence into a line in lower case."""
    found = 0
    for m in _LOWER_NEXT_LINE.finditer(text):
        if _wrapped(text, 0, m.start(), m.end()):
            found += 1
            if found >= WRAPPED_LINES:
                return True
    return False


def _goes_on(text: str, start: int, at: int, nxt: int) -> bool:
    """A long line ends in a word or a comma and a word opens the next: in a hard-wrapped text, one sentence ("said on
    Friday at the first\nGlobal MOOC Conference")."""
    last = text[max(start, at - 2) : at].rstrip()[-1:]
    return (
        bool(last)
        and (last.isalnum() or last in ",;")
        and text[nxt : nxt + 1].isalnum()
        and at - (text.rfind("\n", 0, at) + 1) >= _WRAP_WIDTH
    )


# Words a sentence never ends with: articles, prepositions and conjunctions, which a line of hard-wrapped text ends
# with mid-sentence ("... Conference at\nRajshahi University")
_JOINER_END = re.compile(r"(?<![\w-])(?:a|an|the|and|or|at|of|to|for|with|by|in|on|from|into)\Z")


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def one_line(text: str, sentences: list[Sentence]) -> tuple[str, list[Sentence]]:
    """``text`` with the line breaks inside its sentences made spaces, and its sentences read from it: a hard-wrapped
    paragraph ("the Sixth International Conference on\nE-learning") read as the sentences it holds. The length is
    the same, so every offset into it is one into ``text``."""
    if "\n" not in text:
        return text, sentences
    parts: list[str] = []
    last = 0
    for s in sentences:
        if text.find("\n", s.start, s.end) >= 0:
            parts += (text[last : s.start], s.text.replace("\n", " "))
            last = s.end
    if not parts:
        return text, sentences
    parts.append(text[last:])
    view = "".join(parts)
    return view, [Sentence(s.start, s.end, view[s.start : s.end]) if "\n" in s.text else s for s in sentences]


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing character ``offset`` (sentences sorted by start)."""
    i = bisect.bisect_right(sentences, offset, key=_END)  # the first sentence that ends after ``offset``
    if i < len(sentences) and sentences[i].start <= offset:
        return sentences[i]
    return None


_END = operator.attrgetter("end")
