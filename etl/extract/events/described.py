"""Lower-case event words named by a quoted title or by what describes them, bulleted lists of events, and editions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from etl.extract.dates import find_spans
from etl.extract.events.capitalised import _ACRONYM_DEF
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.mention import (
    TOKEN,
    YEAR_TOKEN,
    Mention,
    _edition,
    _inside,
    _tokens_back,
    clean,
    identity,
)
from etl.extract.numbers.lexicon import qualifier_heads
from etl.extract.regex import finditer_at_words, lower

MAX_DESCRIBED_WORDS = 14
DESCRIBED_LEAD = 5  # words at most between a determiner and its event word ("the first pan-African conference")

_TIME_POSSESSIVE = re.compile(r"(?:year|week|month|today|tomorrow|yesterday)[’']s?", re.IGNORECASE)
_OF_PARENT = re.compile(r"\s+of\s+(?:the\s+)?")
_NOT_LEAD = frozenset(
    # prepositions, and the verb of a clause that says what the event is ("This is UPOU’s first international
    # conference"): what describes an event comes after them
    {"of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or", "is", "are", "was", "were", "be", "been"}
)
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "our", "his", "her"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "our", "his", "her"})
_THIS_BEFORE = re.compile(r"\b[Tt]his(?=[ \t]+\Z)")
# What may follow a lower-case event word and describe it ("a webinar to exchange knowledge", "a conference on AI").
_DESCRIBED_COMPLEMENT = frozenset({"to", "on", "of", "for", "about", "dedicated", "devoted", "focusing", "focused"})
# Words that end a description: a verb or a clause that says something about the event rather than what it is.
_DESCRIBED_END = frozenset(
    {"was", "were", "is", "are", "will", "would", "has", "have", "had", "which", "that", "who", "where", "when",
     "with", "as", "and", "but", "took", "takes", "be", "opens", "runs", "brings", "begins", "starts", "ends"}
)  # fmt: skip


_WORD_OF_BEFORE = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?\Z")


def _part_of(text: str, start: int, lex: Lexicon) -> bool:
    """The name follows "<event word> of (the)": a part of it ('the parallel conference of the X Conference "Title"'),
    whose title the quotation is."""
    before = _WORD_OF_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in lex.roles


def _is_title(quoted: str) -> bool:
    """A quoted title, not a quoted remark: at most 15 words, and no sentence's end."""
    title = clean(quoted)
    return bool(title) and len(title.split()) <= 15 and title[-1] not in ".!?,;:"


def _titled_mentions(text: str, keywords: list[tuple[int, int]], named: list[Mention], lex: Lexicon) -> list[Mention]:
    """Lower-case events named by a quoted title: 'the parallel conference of the X Conference "Title"'."""
    named_at = {m.start: m for m in named}
    out = []
    for k_start, k_end in keywords:
        pos = k_end
        if (of := _OF_PARENT.match(text, pos)) and of.end() in named_at:
            pos = named_at[of.end()].end
            if d := _ACRONYM_DEF.match(text, pos):
                pos = d.end()
        if _THEME_OF.search(text, max(0, k_start - 40), k_start):
            continue  # 'the main theme of the fest "Title"': the event's theme, not its name
        if programme := _PROGRAMME_AFTER.match(text, pos):
            pos = programme.end()  # 'two days training programme on “Blended Learning for Higher Education”'
        if t := lex.title_after.match(text, pos):
            start, end = k_start, t.end()
        elif any(q in text[max(0, k_start - 3) : k_start] for q in ('"', "”", "’", "»")) and (
            t := lex.title_before.search(text, max(0, k_start - 210), k_start)
        ):
            start, end = t.start(), k_end
        else:
            continue
        title = clean(t.group("title"))
        if not _is_title(title):
            continue
        tokens, year, edition = identity(title, lex)
        if tokens:
            role = lex.roles.get(text[k_start:k_end].lower(), "backref")
            if (
                role == "backref"
                and _DEFINITE_BEFORE.search(text, max(0, k_start - 6), k_start)
                and (any(m.end <= k_start for m in named) or any(e <= k_start for _, e in keywords))
            ):
                continue  # "The event, 'Learning to Live ...', took place": the event told of before, by its title
            out.append(Mention(start, end, title, "titled", role == "ambiguous", tokens, year, edition))
    return out


_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his)[ \t]+\Z")
# a noun for the course the event runs, between the event word and the words that bring its title
_PROGRAMME_AFTER = re.compile(
    r"[ \t]+(?:programmes?|programs?|courses?|series)(?=[ \t]*[,:]?[ \t]*(?:titled|entitled|called|named|themed|on)\b)",
    re.IGNORECASE,
)
_THEME_OF = re.compile(
    r"\b(?:theme|motto|slogan|topic)[ \t]+of[ \t]+(?:the|this|its|this[ \t]+year[’']s)[ \t]+\Z", re.I
)


# "• BETT (Jan. 23-26): the companies who ...": a bulleted name and its dates in brackets
_BULLETED = re.compile(
    r"[ \t]*[•\-*–·▪◦][ \t]+(?P<name>[A-Z][\w.’'&-]*(?:[ \t]+[A-Z][\w.’'&-]*){0,5})[ \t]*\((?P<inside>[^()\n]{3,60})\)"
)


def _bulleted_mentions(text: str, taken: list[tuple[int, int]], lex: Lexicon) -> list[Mention]:
    """Entries of a bulleted list of events with their dates ("• The Education Show (Jan. 23-26): ..."): the
    bracket's date makes the name an event's, with or without an event word."""
    if "(" not in text:
        return []
    out: list[Mention] = []
    # Matched at each line's start, found by a scan for the line breaks (a ^ under MULTILINE is tried everywhere)
    for at in itertools.chain((0,), _line_starts(text)):
        b = _BULLETED.match(text, at)
        if b is None:
            continue
        s, e = b.span("name")
        if _inside(taken, s, e) or not find_spans(b.group("inside")):
            continue
        name = clean(text[s:e])
        tokens, year, edition = identity(name, lex)
        if tokens:
            out.append(Mention(s, e, name, "brand", False, tokens, year, edition))
    return out


def _line_starts(text: str) -> Iterator[int]:
    i = text.find("\n")
    while i >= 0:
        yield i + 1
        i = text.find("\n", i + 1)


# "held as a virtual conference", "it is a regional forum for teachers": what an event already named is
_AS_BEFORE = re.compile(r"(?<!\w)(?:as|is|was|are|were|be|remains)\s+\Z", re.IGNORECASE)
# "there will be a training workshop": a new event introduced, not what one named before was
_THERE_BEFORE = re.compile(
    r"\bthere\s+(?:(?:will|would|shall|may|might|could|should)\s+)?(?:is|was|are|were|be)\s+\Z", re.I
)


def _described_mentions(text: str, keywords: list[tuple[int, int]], lex: Lexicon) -> list[Mention]:
    """Lower-case event words with a determiner: a new event when what describes it sets it apart ("a webinar to
    exchange knowledge", "the 11th seminar", "the mayors’ meeting to establish ..."), else a reference back."""
    out: list[Mention] = []
    for k_start, k_end in keywords:
        word = text[k_start:k_end].lower()
        if word not in lex.singular:
            continue
        lead: list[re.Match[str]] = []
        det = None
        for t in _tokens_back(text, max(0, k_start - 80), k_start):
            w = t.group()
            low = w.lower()
            if low in _DETERMINERS:
                det = t
                break
            if (
                lead
                and _TIME_POSSESSIVE.fullmatch(w)
                and (this := _THIS_BEFORE.search(text, max(0, t.start() - 8), t.start()))
            ):
                det = this  # "This year’s OEB 2023 conference": "this year’s" determines its name, as "this" would
                break
            if low == "and" and lead and lead[-1].group()[:1].islower():
                lead.append(t)  # "a colorful and inspiring ceremony": two words that describe it
                continue
            if len(lead) >= DESCRIBED_LEAD or not (w[:1].isalnum() or w in "’'-") or low in _NOT_LEAD:
                break  # "a variety of session summaries": "of" is no part of what describes an event
            lead.append(t)
        indefinite = det is not None and det.group().lower() in ("a", "an")
        if det is None:
            # "DUSHANBE, May 7 -- International two-day conference on ... ended in Dushanbe yesterday", "Two-day
            # workshop on e-learning opens": a lede or headline that drops its article opens a gathering of its own
            lead = lead[: next((n for n, t in enumerate(lead) if t.group() in ("-", "–", "—")), len(lead))]
            if lex.roles.get(word) != "name" or not (lead and _opens_line(text, lead[-1].start(), lead)):
                continue  # ("Last week, ...": a word that names a gathering only sometimes never opens one here)
            if any(t.group().lower() in lex.stop for t in lead):
                continue  # "Including conference staff, 300 people ...": a preposition opens the sentence, not a name
            indefinite = True
        lead.reverse()
        lead_words = [t.group() for t in lead]
        if any(w.lower() in ("latter", "former") for w in lead_words):
            continue  # "the latter event": one of two just told of, which a name alone cannot tell
        edition = next((e for w in lead_words if (e := _edition(w, lex))), None)
        if edition == 1 and _SINCE_AFTER.match(text, k_end):
            edition = None  # "the first face-to-face global Moot since 2019": the first in a while, not the first one
        year = next((int(w) for w in lead_words if YEAR_TOKEN.fullmatch(w)), None)
        end = _described_end(text, k_end, lex)
        while (trailing := _TRAILING_JOINER.search(text, k_end, end)) is not None:
            end = trailing.start()  # "the meeting on [May 7]": no joiner ends a name
        name_start = lead[0].start() if lead else k_start
        name = clean(text[name_start:end])
        complement = text[k_end:end]
        distinct = any(w[:1].isupper() for w in complement.split()) or any(
            w.endswith(("’", "'", "’s", "'s")) and _TIME_POSSESSIVE.fullmatch(w) is None for w in lead_words
        )  # "the mayors’ meeting" is one of its own; "this year’s conference" refers back
        role = lex.roles.get(word, "backref")
        definite = det is not None and det.group().lower() in _DEFINITE
        lasting = word in lex.lasting and any(_LASTING.fullmatch(w) for w in lead_words)
        # "The two-day physical training for teachers was held in Abuja": "the" and how long it lasts, with no such
        # word before it to refer back to
        first = lasting and definite and role == "backref" and word not in text[:k_start].lower()
        # "Plan International has organised a training on e-learning for 47 head teachers": someone stages a
        # gathering the text tells what it is about (not "organised an event", "hosted a lunchtime session")
        staged = (
            indefinite
            and word in lex.titled
            and complement.strip() != ""
            and det is not None
            and lex.staged.search(text, max(0, det.start() - STAGED_REACH), det.start()) is not None
        )
        # "A training program for school leaders on digital technology is being held at ...": one the text tells
        # what it is about, and says takes place right after
        held = (
            indefinite
            and word in lex.titled
            and complement.strip() != ""
            and (gap := _HELD_GAP.match(text, end)) is not None
            and lex.strong.pattern.match(text, gap.end()) is not None
        )
        if role == "backref" and (
            first or (not definite and (lasting or staged or held or any(w.lower() in _HELD_AS for w in lead_words)))
        ):
            # "in an online event on 23 September", "a two-day training on digital skills": a gathering of its own,
            # told by how it is held or how long it lasts
            role = "name"
        # "the event", "the largest gathering of ...": words that only refer back never open an event of their own;
        # "the most important conference of ..." praises the event the text speaks of
        backref = (
            role == "backref"
            or (
                definite
                and not first
                and ((edition is None and year is None and not distinct) or _superlative(lead_words))
            )
            # "the Forum was held as a virtual conference": what an event already named was
            or (
                det is not None
                and bool(_AS_BEFORE.search(text, max(0, det.start() - 4), det.start()))
                and not _THERE_BEFORE.search(text, max(0, det.start() - 24), det.start())
            )
        )
        if indefinite or edition or year or distinct or backref or first:
            tokens, _, _ = identity(name, lex)
            out.append(Mention(name_start, end, name, "described", role == "ambiguous", tokens, year, edition, backref))
    return out


_SINCE_AFTER = re.compile(r"[ \t]+since\b")
# between what an event is about and the verb that says it takes place: "is being", "was", "will be"
_HELD_GAP = re.compile(r"[ \t]+(?:(?:was|were|is|are|will[ \t]+be|has[ \t]+been)[ \t]+)?(?:being[ \t]+)?", re.I)
STAGED_REACH = 24  # characters before an event's article searched for the verb that stages it
LEDE_LEAD = 2  # words at most before the event word of a lede that drops its article ("International two-day")
# What may stand between a line's start and a lede's first word: a dateline and its dash ("DUSHANBE, May 7 --")
_LEDE_AFTER = re.compile(r"(?:[^\n]{0,60}?(?:--|[—–])[ \t]*)?\Z")


def _opens_line(text: str, start: int, lead: list[re.Match[str]]) -> bool:
    """The words before an event word open a line of sentences, perhaps after a dateline: a capital first, no
    possessive ("Last year's conference" refers back)."""
    if len(lead) > LEDE_LEAD or not text[start : start + 1].isupper() or "\n" in text[start : lead[0].start()]:
        return False  # "Technology giants hold education summit": a headline's subject and verb, not its adjectives
    if any(t.group().endswith(("’s", "'s")) for t in lead):
        return False
    line_end = text.find("\n", start)
    if not text[start : line_end if line_end >= 0 else len(text)].rstrip().endswith((".", "!", "?", "”", '"')):
        return False  # a headline ("School technology conference set for next week") names in brief what the body names
    return _LEDE_AFTER.match(text, text.rfind("\n", 0, start) + 1, start) is not None


_HELD_AS = frozenset({"online", "virtual", "hybrid"})  # how a gathering is held, before a word that only refers back
# how long a gathering lasts: "two-day", "5-day", "week-long", "day-long"
_LASTING = re.compile(r"(?:[\w]+-(?:days?|weeks?|hours?)|(?:day|week)-?long)", re.IGNORECASE)
_TRAILING_JOINER = re.compile(r"\s+(?:of|on|for|to|in|at|about|the|a|an|and|by|from|with)\s*\Z", re.IGNORECASE)
_SUPERLATIVES = frozenset({"most", "largest", "biggest", "leading", "premier", "main", "major", "best", "top"})


def _superlative(words: list[str]) -> bool:
    return any(w.lower() in _SUPERLATIVES or (w.lower().endswith("est") and len(w) > 5) for w in words)


def _described_end(text: str, k_end: int, lex: Lexicon) -> int:
    """End of what describes a lower-case event word: "to exchange knowledge between ... Australia", "on AI"."""
    toks = TOKEN.finditer(text, k_end, min(len(text), k_end + 200))
    first = next(toks, None)
    if first is None or first.group().lower() not in _DESCRIBED_COMPLEMENT:
        return k_end
    end = k_end
    for n, t in enumerate(itertools.chain((first,), toks)):
        w = t.group()
        low = w.lower()
        if low == "and" and n and _topic_after(text, t.end()):
            continue  # "a conference on e-learning and distance education": two topics of one event
        if (not w[:1].isalnum() and w not in "’'-") or low in _DESCRIBED_END or n >= MAX_DESCRIBED_WORDS:
            break
        if "\n" in text[end : t.start()]:
            break  # a headline's "... the scientific conference for e-learning" ends with its line
        if w[:1].isdigit() or low in lex.calendar:
            break  # "the meeting on May 5": when it is, not what it is
        if low in qualifier_heads() and _DIGIT_SOON.match(text, t.end()):
            break  # "the graduation of over 11,000 students": how many, not what it is
        if n and low.endswith("ed") and len(low) > 4:
            break  # a verb in the past ("opened its doors", "organized by"): what is said of it, not what it is
        end = t.end()
    return end


_DIGIT_SOON = re.compile(r"(?:[ \t]+[a-z]+){0,2}[ \t]+[0-9]")  # a qualifier's figure: "over 11,000", "more than 500"
_NEXT_LOWER_WORD = re.compile(r"[ \t]+([a-z][\w-]*)")


def _topic_after(text: str, pos: int) -> bool:
    """A lower-case word that may name a topic follows "and": no determiner, no verb, nothing that ends a
    description ("and the minister said", "and visited schools")."""
    m = _NEXT_LOWER_WORD.match(text, pos)
    if m is None:
        return False
    word = m.group(1)
    return word not in _DESCRIBED_END and word not in _DETERMINERS and not (word.endswith("ed") and len(word) > 4)


# Words with a capital ("mEducation", "Asia"): a brand's name after "the 15th edition of"
_CAPPED_RUN = re.compile(r"[a-z]{0,3}[A-Z][\w’'&-]*(?:[ \t]+[a-z]{0,3}[A-Z][\w’'&-]*){0,4}")


def _brand_after(text: str, pos: int, lex: Lexicon) -> Mention | None:
    """A brand named right after "the 15th edition of" ("mEducation Asia"), as a mention of its own."""
    run = _CAPPED_RUN.match(text, pos)
    if run is None:
        return None
    words = run.group().split()
    while words and words[-1].lower() in lex.stop:
        words.pop()
    if not words or words[0].lower() in lex.stop:
        return None
    name = " ".join(words)
    tokens, year, _ = identity(name, lex)
    return Mention(pos, pos + len(name), name, "brand", True, tokens, year) if tokens else None


def _editions_of(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """ "the 9th edition of X", "the eighteenth version of X": the ordinal is X's edition."""
    by_start = {m.start: m for m in mentions}
    low = lower(text)
    low = low if len(low) == len(text) else ""  # offsets of the lower-cased text must be the text's
    # The words "edition of" are few: each is found by a search for its first word, then read as lex.edition_of.
    places = [w.start() for w in finditer_at_words(lex.edition_scan, low, lex.edition_words, 1)] if low else [0]
    seen: set[int] = set()  # windows overlap: a phrase found from two of them is read once
    for at in places:
        lo = max(0, at - 24) if low else 0
        for m in lex.edition_of.finditer(text, lo, min(len(text), at + 40) if low else len(text)):
            if m.start() in seen:
                continue
            seen.add(m.start())
            target = by_start.get(m.end())
            if target is not None and target.edition is None and not target.backref:
                target.edition = _edition(m.group("ord"), lex)
            elif target is None and (brand := _brand_after(text, m.end(), lex)) is not None:
                # "The 9th Edition of mEducation Asia will be held ...": a brand's edition, without an event word
                brand.edition = _edition(m.group("ord"), lex)
                mentions.append(brand)
            elif target is None:
                # "the 9th edition of the largest gathering of ... professionals": the article's event
                end = min(len(text), m.end() + 60)
                stop = re.search(r"[,.;(]", text[m.end() : end])
                end = m.end() + stop.start() if stop else end
                mentions.append(
                    Mention(m.start(), end, clean(text[m.start() : end]), "described", False, frozenset(), None,
                            _edition(m.group("ord"), lex), True)
                )  # fmt: skip
