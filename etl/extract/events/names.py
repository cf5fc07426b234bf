"""Find where a text names an event, in every way news names one.

- named: capitalised words around an event word, "2024 World Digital Education Conference", also with a lower-case
  event word after a name ("the eLearning Africa conference");
- acronym: an acronym the text defines for a name ("(WDEC)", "(ADULTED VII)"), used later on its own;
- titled: an event word and a quoted title ('the parallel conference "Education Digitalization ..."');
- brand: a name and a year without any event word ("Edu Expo 2017 convened ...", "EdTech Fair Doha 2022 opens");
- described: a lower-case event word with what describes it ("a webinar to exchange knowledge ...", "the 11th
  seminar"); a plain "the conference" refers back to an event already named.

Each mention carries the words that identify its event (its tokens), the year and the edition it names.
"""

from __future__ import annotations

import re

from etl.extract.events.capitalised import (
    _ACRONYM_DEF,
    _YEAR_AFTER,
    NAME_REACH,
    _acronym_mentions,
    _balance_quotes,
    _brand_mentions,
    _brand_repeats,
    _name_before,
    _named_before,
    _organisation_before,
    _series_name,
    acronym_before,
    defined_acronym,
    expand_left,
    expand_right,
)
from etl.extract.events.described import (
    _bulleted_mentions,
    _described_mentions,
    _editions_of,
    _is_title,
    _part_of,
    _titled_mentions,
)
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.mention import _WORD, MAX_MENTIONS, Mention, _edition, clean, identity, singular_token
from etl.extract.regex import lower
from etl.model import PlaceMention

__all__ = ["NAME_REACH", "Mention", "acronym_before", "defined_acronym", "find_mentions", "identity", "singular_token"]

_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)")
_WORD_RUN = re.compile(r"\w*")
# an acronym in brackets right before a lower-case event word: two capitals at least ("(ICT)", "(EdTech)")
_BRACKETED_BEFORE = re.compile(r"\((?P<acr>(?=(?:[^A-Z)]*[A-Z]){2})[A-Za-z][A-Za-z0-9&+-]{1,11})\)[ \t]+\Z")
_AND_JOIN = re.compile(r"[ \t]+(?:and|&)[ \t]+")


def find_mentions(text: str, places: list[PlaceMention], lex: Lexicon) -> tuple[list[Mention], list[int]]:
    """Every event name in the text, and where each event word is (to find the sentences that refer back)."""
    place_starts = {p.start: p.end for p in places}
    named: list[Mention] = []
    lower_case: list[tuple[int, int]] = []
    acronyms: dict[str, frozenset[str]] = {}
    expansions: dict[str, tuple[str, bool]] = {}
    acronym_defs: list[tuple[int, int]] = []
    hits = [h for h in keyword_spans(text, lex) if not _briefing(text, h[0], lex) and not _institution(text, h[1], lex)]
    for k_start, k_end in hits:
        word = text[k_start:k_end]
        role = lex.roles.get(word.lower(), "backref")
        if word.lower() not in lex.singular:
            continue  # plurals ("the World Conferences") name a series, not one event
        bracketed = None
        if not word[:1].isupper():
            if role != "backref" and (b := _BRACKETED_BEFORE.search(text, max(0, k_start - 20), k_start)):
                bracketed = b  # "an educational technology (EdTech) conference": named by its acronym
            elif not _name_before(text, k_start):
                lower_case.append((k_start, k_end))  # "the conference": no name before the event word
                continue
            start = expand_left(text, k_start, lex)
            if bracketed and start < bracketed.start():
                bracketed = None  # "the Online Educa Berlin (OEB) conference": named by what the acronym stands for
            elif bracketed:
                start = bracketed.start("acr")  # "an educational technology (EdTech) conference": by its acronym
            left = text[start:k_start].split()
            after = _NEXT_LOWER.match(text, k_end)
            if after and (after.group(1) in lex.not_after or lex.attend_noun.fullmatch(after.group(1))):
                continue  # "the Plaza Mayor convention center", "Fourteen seminar participants": it qualifies a noun
            if role == "backref" or not any(not (w[:1].isdigit()) for w in left):
                lower_case.append((k_start, k_end))  # "the conference", "a webinar", "the 2011 event"
                continue
            end = k_end  # "the eLearning Africa conference": a name and a lower-case event word
        else:
            if (
                role == "backref"
                and word.lower() in lex.titled
                and _named_before(text, k_start)
                and not _organisation_before(text, k_start)
                and not lex.title_after.match(text, k_end)
            ):
                role = "ambiguous"  # "hosted a Regional Learning Event": a name, if a gathering is said to happen
            if role == "backref":
                if lex.title_after.match(text, k_end):
                    lower_case.append((k_start, k_end))  # a headline's 'Free Webinar ‘Title’': named by its title
                continue
            right = expand_right(text, k_end, place_starts, lex)
            if right is None:
                continue
            end = right
            start = expand_left(text, k_start, lex)
            if start == k_start and end == k_end:
                lower_case.append((k_start, k_end))  # 'the Forum “Learning Cities of ...”', "The Forum will ..."
                continue  # a lone "Conference" names nothing by itself
        end = _balance_quotes(text, start, end)
        if named and named[-1].kind == "named" and _AND_JOIN.fullmatch(text, named[-1].end, start):
            start = named.pop().start  # "International Fair and Forum of Schools": one event, two words
        if (
            not bracketed
            and (t := lex.title_after.match(text, end))
            and _is_title(t.group("title"))
            and not _part_of(text, start, lex)
        ):
            end = t.end()  # 'the National Conference "Digital Transformation in Open Education ..."': named by both
        name = f"{bracketed.group('acr')} {word}" if bracketed else clean(text[start:end])
        tokens, year, edition = identity(name, lex)
        if ordinal := lex.ordinal_before.search(text, max(0, start - 20), start):
            edition = edition or _edition(ordinal.group(1), lex)
        d = _ACRONYM_DEF.match(text, end)
        if d and not year and (after := _YEAR_AFTER.match(text, d.end())):
            year = int(after.group(1))  # "Open Schools Conference for All (OSCA) 2019"
        elif d and not year and d.group(2) and len(d.group(2)) == 4:
            year = int(d.group(2))  # "Open Schools Conference (OSC 2019)"
        named.append(Mention(start, end, name, "named", role == "ambiguous", tokens, year, edition))
        if d:
            acr = d.group(1)
            if sum(c.isupper() for c in acr) >= 2 and acr not in acronyms:
                acronyms[acr] = tokens
                expansions[acr] = (_series_name(name, lex), role == "ambiguous")
                acronym_defs.append((d.start(), d.end()))
    named = _drop_contained(named)
    taken = sorted([(m.start, m.end) for m in named] + acronym_defs)
    mentions = named + _acronym_mentions(text, taken, acronyms, expansions, lex)
    titled = _titled_mentions(text, lower_case, named, lex)
    mentions += titled
    taken = sorted([(m.start, m.end) for m in mentions] + acronym_defs)
    brands = _brand_mentions(text, taken, places, lex)
    mentions += brands
    taken = sorted([(m.start, m.end) for m in mentions] + acronym_defs)
    mentions += _brand_repeats(text, brands, taken, lex)
    taken = sorted([(m.start, m.end) for m in mentions] + acronym_defs)
    mentions += _bulleted_mentions(text, taken, lex)
    titled_at = {m.start for m in titled}
    described = _described_mentions(text, [k for k in lower_case if k[0] not in titled_at], lex)
    # "a gala inauguration ceremony": one gathering, described once by its longest phrase, not again by the event
    # word that only describes its head ("gala")
    described = [
        d
        for d in described
        if not any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start for o in described)
    ]
    for desc in described:
        # "the opening ceremony of the X Conference": a part of a named event, which the sentence is about; "the X
        # Ceremony ..., in a ceremony streamed online": the named event again
        word = _WORD.findall(desc.name)[-1].lower() if _WORD.findall(desc.name) else ""
        if any(desc.start < other.start < desc.end for other in mentions) or (
            not desc.backref
            and desc.name.lower().endswith(word)
            and not desc.edition
            and not desc.year
            and any(other.start < desc.start and word in other.name.lower().split() for other in named)
        ):
            desc.backref = True
    mentions += described
    # "our biggest online Moodle conference: MoodleMoot Global 2020": a name of no edition right before a colon or a
    # dash and another name is that event's, told in general terms
    starts = {m.start for m in mentions}
    mentions = [
        m
        for m in mentions
        if m.year or m.edition or not ((a := _APPOSED.match(text, m.end)) and a.end() in starts and a.end() > m.end)
    ]
    # "X Conference (XC), a forum for education technologies, is scheduled ...": a description set off by a comma
    # right after a name is that event again, not one of its own
    ends = {m.end for m in mentions if m.kind != "described"}
    mentions = [m for m in mentions if m.kind != "described" or not _described_after_name(text, m.start, ends)]
    # "held during the opening week of Finland's EU Presidency": a period of time, no gathering
    # (read in the text: the name may end before the "of", "scheduled for the first week of October")
    mentions = [m for m in mentions if m.kind != "described" or not _PERIOD_OF.match(text, m.start)]
    # "a meeting of the National Assembly": a sitting of a standing body, no gathering of the field
    mentions = [m for m in mentions if m.kind != "described" or not lex.institution.search(m.name)]
    _unnamed_gathering(mentions, lex)
    _spell_out_acronyms(mentions, lex)
    _editions_of(text, mentions, lex)
    return sorted(mentions, key=lambda x: (x.start, -x.end))[:MAX_MENTIONS], [s for s, _ in hits]


_PERIOD_OF = re.compile(
    r"(?:opening|closing|first|last|final|second|third|same|following|previous|coming|next)[ \t]+(?:week|days?)[ \t]+of\b"
)


def _unnamed_gathering(mentions: list[Mention], lex: Lexicon) -> None:
    """A report on one gathering it never names calls it "the consultative meeting on e-learning" from the first line:
    with no event named in the text, the first described one that a gathering's word heads ("meeting", not "event")
    and other words describe is that gathering, not a reference back to nothing."""
    if any(not m.backref for m in mentions):
        return
    first = min(
        (
            m
            for m in mentions
            if m.kind == "described"
            and len(m.name.split()) > 1  # a bare "the meeting" says nothing of which
            and any(lex.roles.get(w.lower()) in ("name", "ambiguous") for w in m.name.split())
        ),
        key=lambda m: m.start,
        default=None,
    )
    if first is not None:
        first.backref = False


# a name (and its acronym in brackets), a comma, "a" or "an" and up to three words before an event word
_APPOSITION_BEFORE = re.compile(r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*,[ \t]*an?[ \t]+(?:[\w’'-]+[ \t]+){0,3}")


def _described_after_name(text: str, start: int, name_ends: set[int]) -> bool:
    """Whether the described event at ``start`` stands in apposition to a name ending in ``name_ends``."""
    lo = max(0, start - 80)
    return any(_APPOSITION_BEFORE.fullmatch(text, end, start) is not None for end in name_ends if lo <= end < start)


_APPOSED = re.compile(r"[ \t]*(?::|[–—]|[ \t]-)[ \t]*")  # a colon or a dash between a description and a name
_DEFINED = re.compile(r"(?P<series>.+?)[ \t]*\([ \t]*(?P<acr>[A-Za-z][A-Za-z0-9&+-]{1,11})[ \t]*\)")
_ACRONYM_FIRST = re.compile(r"(?P<acr>[A-Za-z][A-Za-z0-9&+-]{1,11})(?P<rest>[ \t].*)")


def _spell_out_acronyms(mentions: list[Mention], lex: Lexicon) -> None:
    """A brand written with an acronym the text defines in another name ("DSA 2011" after "Digital Schools Africa (DSA)
    2012") is shown with the name spelled out: "Digital Schools Africa (DSA) 2011". Its identity words stay its own."""
    series: dict[str, str] = {}
    for m in mentions:
        if "(" in m.name and (d := _DEFINED.match(m.name)) and sum(c.isupper() for c in d.group("acr")) >= 2:
            series.setdefault(d.group("acr"), _series_name(d.group("series"), lex))
    if not series:
        return
    for m in mentions:
        if m.kind == "brand" and (a := _ACRONYM_FIRST.fullmatch(m.name)) and a.group("acr") in series:
            m.name = f"{series[a.group('acr')]} ({a.group('acr')}){a.group('rest')}"


def _institution(text: str, k_end: int, lex: Lexicon) -> bool:
    """The event word ending at ``k_end`` ends a standing body's name ("the State Assembly")."""
    return any(m.end() == k_end for m in lex.institution.finditer(text, max(0, k_end - 30), k_end))


def _briefing(text: str, k_start: int, lex: Lexicon) -> bool:
    """The event word at ``k_start`` is a press briefing's ("a press conference", "the News Conference")."""
    if k_start < 2 or text[k_start - 1] not in " \t":
        return False
    word_start = text.rfind(" ", max(0, k_start - 12), k_start - 1) + 1  # the word before, if short enough
    return text[word_start : k_start - 1].strip().lower() in lex.not_before


def keyword_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the event words are: whole runs of word characters, not joined to a "-" on either side."""
    low = lower(text)
    limit = 4 * MAX_MENTIONS
    if len(low) != len(text):  # a few characters change length in lower case, and offsets must be the text's
        return [m.span() for _, m in zip(range(limit), lex.keyword.finditer(text), strict=False)]
    spans = [m.span(1) for m in lex.keyword_starts.finditer(low)]
    if len(spans) * len(lex.stems) >= 4 * limit:
        # So many that the search by stem (at most 4 * limit finds, one per stem a word starts with) stopped early:
        # repeat it to keep the same ones.
        return _keyword_spans_by_stem(low, lex, limit)
    return sorted(spans)[:limit]


def _keyword_spans_by_stem(low: str, lex: Lexicon, limit: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for stem in lex.stems:
        i = low.find(stem)
        while i >= 0 and len(spans) < 4 * limit:
            if not i or not (low[i - 1].isalnum() or low[i - 1] in "_-"):
                end = _WORD_RUN.match(low, i).end()  # type: ignore[union-attr]
                if low[i:end] in lex.roles and low[end : end + 1] != "-":
                    spans.append((i, end))
            i = low.find(stem, i + 1)
    return sorted(set(spans))[:limit]


def _drop_contained(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping names ("X Conference" inside "X Conference and Exhibition")."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
