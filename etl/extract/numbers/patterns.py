"""The regexes that find figures and what they must not be, built once from the word lists."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from etl.extract.numbers.lexicon import alt, number_words, qualifiers, rows, scale_marks
from etl.extract.regex import WordStarts, at_word_start


@dataclass(frozen=True)
class Masks:
    token: re.Pattern[str]
    phone_time: re.Pattern[str]
    label: re.Pattern[str]
    label_after: re.Pattern[str]
    page: re.Pattern[str]
    ref: re.Pattern[str]
    month: re.Pattern[str]
    furniture_after: re.Pattern[str]  # "2 mins read"
    label_line: re.Pattern[str]  # "2 Comments" alone on its line
    published_ago: re.Pattern[str]  # "published" before "3 years ago"
    ago: re.Pattern[str]


@dataclass(frozen=True)
class Patterns:
    digits: re.Pattern[str]
    word_start: WordStarts  # where a number word starts a word
    words: re.Pattern[str]
    qualifier: re.Pattern[str]
    masks: Masks
    token: re.Pattern[str]
    rank_cue: re.Pattern[str]
    rank_pair: re.Pattern[str]
    range_tail: re.Pattern[str]
    range_tail_signed: re.Pattern[str]
    lead: re.Pattern[str]


# The digits after a number's first: Indian grouping ("1,16,259", "2,83,21,959"), thousands by commas ("250,000"), by
# spaces ("537 687", as South Africa and France write them) or by full stops twice ("1.234.567"), else plain digits.
GROUPED = (
    r"[0-9]?(?:,[0-9]{2})+,[0-9]{3}(?![0-9])"
    r"|[0-9]{0,2}(?:,[0-9]{3})+"
    r"|[0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9]|[.,][0-9])"
    r"|[0-9]{0,2}(?:\.[0-9]{3}){2,}(?![0-9])"
    r"|[0-9]*"
)


# A decimal comma, as much of Europe writes it: only right before a percent sign or word ("43,5%") or a scale word
# ("2,8 billion", "2,8 bn."), where a comma cannot group thousands (which takes three digits) and one or two digits
# after it cannot be a list's next number.
DECIMAL_COMMA = r",[0-9]{{1,2}}(?=[ \t]?(?:%|per[ \t]?cent\b|percent\b|(?:{scales})\b))"


@cache
def patterns() -> Patterns:
    words = number_words()
    unit_w = alt([w for w, (_, k) in words.items() if k == "unit"])
    teen_w = alt([w for w, (_, k) in words.items() if k == "teen"])
    tens_w = alt([w for w, (_, k) in words.items() if k == "tens"])
    scale_w = alt([w for w, (_, k) in words.items() if k == "scale"])
    # after digits, also as a Title Case headline writes it ("$1.3 Million Worth Of ...")
    scale_d = alt([f for w, (_, k) in words.items() if k == "scale" for f in (w, w.capitalize())])
    below100 = rf"(?:(?:{tens_w})(?:[- ](?:{unit_w}))?|{teen_w}|{unit_w})"
    # The scanning patterns open with a character class so that the regex engine can skip ahead fast.
    marks = alt([m for m, _, _ in scale_marks()])
    # A mark set apart and followed by a digit is a grade span, not a scale ("95 K-12 teachers", "a K-5 school").
    digits = re.compile(
        rf"(?P<num>[0-9](?:{GROUPED})(?:\.[0-9]+|{DECIMAL_COMMA.format(scales=scale_d)})?)"
        r"(?:(?P<ord>st|nd|rd|th)\b"
        rf"|(?:(?:[ \t](?!(?:{marks})[-–]?[0-9])|-(?=[a-z]))?(?P<scale>(?:{scale_d})\b|(?:{marks})(?![A-Za-z])))?"
        r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b|percentage[ \t]points?\b|pct\b|pc\b|pp\b))?"
        r"(?P<plus>\+|[ \t]?plus\b)?)"
    )
    starters = [w for w, (_, k) in words.items() if k in ("unit", "teen", "tens")]
    word_start = WordStarts(starters + [w.capitalize() for w in starters], tail=r"\b")
    group = rf"{below100}(?:[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?{below100})?)?"  # "six hundred forty-two"
    spelled = re.compile(  # "twenty-eight thousand six hundred forty-two": groups joined by their scales
        rf"(?P<w>{group}(?:[ \t]+(?:{scale_w}),?[ \t]+(?:and[ \t]+)?{group})*)"
        rf"(?:[ \t]+(?P<scale>{scale_w}))?\b"
        r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b|percentage[ \t]points?\b))?",
        re.IGNORECASE,
    )
    qual = re.compile(rf"(?:^|(?<=[\s(\"“—–-]))(?P<q>{alt(list(qualifiers()))})[ \t]+\Z", re.IGNORECASE)
    furniture = alt([r[0] for r in rows("numbers_furniture.txt")])
    masks = Masks(
        # a whitespace-free token that is a URL, a bare domain or an e-mail address
        token=re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|int|cn|uk|io|info)\b", re.IGNORECASE),
        # phone numbers (international prefix, area code in brackets, three or more digit groups) and times of day
        phone_time=re.compile(
            r"\+[0-9]{1,3}[ .-]?(?:\([0-9]{1,4}\)[ .-]?)?[0-9]{2,4}(?:[ .-]?[0-9]{2,4}){1,4}"
            r"|\([0-9]{2,5}\)[ .-]?[0-9]{3,4}(?:[ .-]?[0-9]{3,4}){1,2}"
            r"|(?<![0-9,.])[0-9]{2,5}(?:[.-][0-9]{2,8}){2,4}(?![0-9])|(?<![0-9,.])[0-9]{3,4}-[0-9]{7,8}(?![0-9])"
            r"|(?<![0-9])[0-9]{1,2}(?::[0-9]{2}){1,2}(?:[ \t]?[ap]\.?m\b\.?)?"
            r"|(?<![0-9])[0-9]{1,2}[ \t]?(?:[ap]\.m\.|[ap]m\b)",
            re.IGNORECASE,
        ),
        # "Views:55", "Release Time: 2024-12-03": a label and a colon right before the number
        label=re.compile(rf"\b(?:{furniture})[ \t]*[:：][ \t]*\Z", re.IGNORECASE),
        label_after=re.compile(r"[0-9,.:/-]*[ \t]*(?:\n|\Z|[|·•]|[A-Z][A-Za-z ]{0,20}[:：])"),
        page=re.compile(r"\bpages?[ \t]+[0-9]+(?:[ \t]*(?:of|/)[ \t]*[0-9]+)?", re.IGNORECASE),
        ref=re.compile(r"\b(?:No|Nos|Vol|Art|Sec|Ch|Fig|Ref|p|pp)\.[ \t]*\Z"),
        month=re.compile(at_word_start(calendar.month_abbr, also=["年"])),
        furniture_after=re.compile(
            r"[ \t-]*(?:" + alt([r[0] for r in rows("numbers_furniture_after.txt")]) + r")\b", re.IGNORECASE
        ),
        label_line=re.compile(rf"[ \t]+(?:{furniture})[ \t]*(?:\r?\n|\Z)", re.IGNORECASE),
        published_ago=re.compile(r"\b(?:published|posted|updated|edited)[ \t]+\Z", re.IGNORECASE),
        ago=re.compile(r"[ \t]+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)[ \t]+ago\b"),
    )
    # a word in any Latin or other alphabet ("collèges", "niños"), with its apostrophes and hyphens, and a
    # number after a hyphen ("K-12 teachers", "Covid-19 patients")
    token = re.compile(
        r"[ \t]*(?:(?P<word>[^\W\d_][^\W\d_]*(?:-[0-9]+\b|['’-][^\W\d_]*)*)|(?P<paren>\([^()\n]{1,40}\))|(?P<quote>[\"“”‘’']))"
    )
    rank_cue = re.compile(rf"\b(?:{alt([r[0] for r in rows('numbers_rank_cues.txt')])})\b", re.IGNORECASE)
    rank_pair = re.compile(r"[ \t]+to[ \t]+[0-9]+(?:st|nd|rd|th)\b")
    # The upper end of a range, with its own scale word or percent sign if written ("2-3 billion", "10-15%");
    # "and" joins the ends only after "between" ("between 300 and 400 courses"), which range_end checks.
    range_tail = re.compile(
        r"(?:[ \t]*(?:-|–|to)|[ \t]+(?P<and>and)[ \t])[ \t]*(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?![0-9])"
        rf"(?:[ \t]?(?P<scale>(?:{scale_w})\b|(?:{marks})(?![A-Za-z])))?"
        r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b|percentage[ \t]points?\b|pct\b|pc\b))?"
    )
    verbs = alt([r[0] for r in rows("numbers_total_verbs.txt")])
    lead = re.compile(
        r"(?P<np>(?:[A-Za-z][A-Za-z'’-]*[ \t]+){0,5}?[A-Za-z][A-Za-z'’-]*)[ \t]+(?:(?:has|have|had)[ \t]+)?"
        rf"(?:{verbs})(?:[ \t]+(?:from|to|by|at|of))?[ \t]+(?:(?:{alt(list(qualifiers()))})[ \t]+)?\Z",
        re.IGNORECASE,
    )
    # ... and after an amount in a currency, the upper end may write its sign again ("US $89 to $93 billion")
    range_tail_signed = re.compile(
        range_tail.pattern.replace("(?P<num>", r"(?P<sign>[^\s\d,.;:()]{1,4})[ \t]?(?P<num>", 1)
    )
    return Patterns(
        digits, word_start, spelled, qual, masks, token, rank_cue, rank_pair, range_tail, range_tail_signed, lead
    )
