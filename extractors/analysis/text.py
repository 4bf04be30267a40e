"""An article's text as sentences and clauses: character spans, never re-joined copies.

Offsets matter (a claim's ``start``/``end`` point into ``Article.text``). Texts come
hard-wrapped, one paragraph per line, with blank lines between paragraphs, as
tables flattened to one row a line, or in scripts that end sentences without a space
("。", "।"); a single newline ends a sentence only when the line before it looks
finished (punctuation, a short heading line) or is the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Hangul syllables, Kana and Hanzi: letters of scripts without capitals (a character class's body).
UNCASED_LETTERS = "\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff"
# Hebrew and Arabic letters: scripts without capitals written with a Latin full stop.
RIGHT_TO_LEFT_LETTERS = "\u0590-\u05ff\u0600-\u06ff"
# A comma and a conjunction: what opens a clause of its own ("…, and Microsoft hired …").
CLAUSE_JOIN = r",\s*(?:and|but|while|whereas|y|pero|et|mais|und|aber|e|ma)\s+"


def _ranges_of(chars: list[str]) -> str:
    """A character class's body for ``chars`` (in code point order), as ranges."""
    out: list[str] = []
    first = last = None
    for c in chars:
        if last is not None and ord(c) == ord(last) + 1:
            last = c
            continue
        if first is not None and last is not None:
            out.append(
                re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}"
            )
        first = last = c
    if first is not None and last is not None:
        out.append(re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}")
    return "".join(out)


# Every capital letter of the Basic Multilingual Plane (Latin with any mark, "Đ", "Ł", "Ş";
# Vietnamese "Ấ"; Greek; Cyrillic; …): what a sentence after a full stop opens on.
CAPITALS = _ranges_of([chr(c) for c in range(0x10000) if chr(c).isupper()])
# The break after a sentence's final punctuation (group 1).
# (German quotes close with “: „Wir erwerben es nicht.“ Microsoft sagte ...; French ones with »)
# A sentence ends before a capital (Latin or Cyrillic), a digit, or a letter of a script without
# capitals (Hangul, Kana, Hanzi: "… 공식화했다. 이번 인수는 …"; Arabic, Hebrew: "… أرباب العمل. وبلغت …").
_SENTENCE_END = re.compile(
    rf"[.!?]([\"”’')\]“»]*\s+)(?=[\"“‘'(\[«„¿¡]?[{CAPITALS}0-9$€£{UNCASED_LETTERS}{RIGHT_TO_LEFT_LETTERS}])"
)
# Scripts whose sentences end with a full stop of their own, with or without a space after.
_WIDE_END = re.compile(r"[。！？।]([\"”’')\]」』]*\s*)")
# Reference marks closing a list item, then the dash of the next one ("… 反向收购 [1][2] - 该事件 …",
# an outline written on one line): the item ends after its marks.
_CITED_END = re.compile(r"(?:\[\d{1,3}\])+\s+(?=[-–—•]\s)")
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "jr", "sr", "u.s", "u.k", "u.n", "vs",
        "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "gov", "gen", "sen", "rep", "prof", "ltd", "e.g", "i.e", "approx", "est", "mio", "mrd",
        "bzw", "ca", "z.b", "sra", "av", "nº", "ok", "np", "m.in", "tzw",
    }
)  # fmt: skip
# The months a German (or Scandinavian) date names after its day written as an ordinal ("am 11.
# Juli", "den 3. März")
_MONTH_AFTER_ORDINAL = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember|januar|februar|mars|april|mai|juni|juli|augusti?|september|oktober|november|"
    r"desember|december)\b"
)
# A line shorter than this with no final punctuation is a heading, a byline or a table row.
SHORT_LINE = 45
# A line this much shorter than the longest of its block ends a paragraph.
SHORT_SHARE = 0.6
_LINE_DONE = re.compile(r"[.!?:\"”’)\]|。！？।]\s*$")


def ends_as_prose(line: str) -> bool:
    """A line that ends as a sentence of prose does, not as a heading or a table row."""
    return _LINE_DONE.search(line) is not None


# The longest sentence read as one. Real sentences stay far below (the longest of the real and
# written sets is 435 characters); a run without a full stop (a live blog, a list, a page's
# boilerplate) is read in pieces this long, so that no pass over a sentence's names and figures
# grows with the whole text.
MAX_SENTENCE_CHARS = 1_200
_CLAUSE_MARK = re.compile(r"[;,]\s")
_SPACE = re.compile(r"\s")
# The words after a comma that open a clause of contrast, in the languages read with spaces
# (German, French, Spanish, Portuguese, Italian after English): "Microsoft sicherte sich ...,
# während Meta Milliarden investierte" tells two deals, one per clause. (CLAUSE_JOIN above joins
# two clauses of one telling, "and" among them; these split them.)
CONTRAST_AFTER_COMMA = (
    "while", "whereas", "but", "although", "though", "however", "yet",
    "während", "wohingegen", "aber", "doch", "jedoch",
    "tandis\\s+que", "alors\\s+que", "mais",
    "mientras", "pero", "aunque",
    "enquanto", "porém", "embora",
    "mentre", "ma", "sebbene", "invece",
)  # fmt: skip
# Where a clause ends inside a sentence: ";", a dash between spaces, ", while", ", but".
# (Read as its first character, then what may follow that character, in the same order:
# ";|\s[-–—]\s|—|,\s+(?:while|...)\b|\s+–\s+". The search then skips to those characters.)
_CLAUSE_END = re.compile(
    r"[;—,\s](?:(?<=;)|(?<=—)|(?<=,)\s+(?:" + "|".join(CONTRAST_AFTER_COMMA) + r")\b"
    r"|(?<=\s)(?:[-–—]\s|\s*–\s+))"
    # a clause of contrast opened without a comma ("Meta hired the founders of Lumeo whereas Google
    # bought Quillbyte"; "while" only before a capital, its clause's subject: not "while at Google")
    r"|\s(?=(?:whereas|wohingegen|tandis\s+que|alors\s+que|mientras\s+que)\s)"
    r"|\s(?=(?:while|während|mientras|enquanto|mentre)\s+[A-ZÀ-Ý])"
    # Korean: a finished verb joined on by 고 ("계약은 무산됐고 윈드서프는 …": fell through, and …)
    r"|(?<=[었았됐했였])고(?=\s)"
    # the end of a quotation ("… for Yahoo!," Adam Cahan, vice president of …): the speaker's
    # name and post are not words of the quote
    r"|(?<=[,.!?…][”\"])\s"
)
# The characters re.IGNORECASE matches to an ASCII letter that str.lower() does not turn into it.
# The letters whose lower case would move the offsets or stay apart from their plain form ("İ",
# the dotless "ı", the long "ſ"): the text and the lexicon's cues are folded alike.
FOLDED_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` in lower case, each character where it was (offsets stay valid)."""
    if text.isascii() or ("\u0130" not in text and "\u0131" not in text and "\u017f" not in text):
        return text.lower()  # (none of the characters ``FOLDED_LETTERS`` turns)
    return text.translate(FOLDED_LETTERS).lower()


# Marks read as the ones the vocabulary spells, one character for one (offsets stay): hyphens
# other than the ASCII one ("non‑exclusive" with a non-breaking hyphen) as "-", and the acute
# accent and the prime some outlets type for an apostrophe ("Nick D´Aloisio", "Milk´s", "Room
# 77′s") as "’".
_PLAIN_MARKS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00b4": "’", "\u2032": "’"})


def plain_marks(text: str) -> str:
    """``text`` with every hyphen written as "-" and every apostrophe typed as an accent as "’"."""
    return text.translate(_PLAIN_MARKS)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # the span with every whitespace run turned into one space (for quotes)
    raw: str  # the span as it stands in the article (offsets line up)
    index: int
    is_headline: bool = False
    paragraph: int = 0  # the blank-line-separated block it stands in
    folded: str = ""  # ``raw`` folded to lower case (offsets line up), computed once
    title_case: bool = False  # a Title Case line (a headline, a heading): capitals mark no names

    @classmethod
    def of(
        cls, start: int, end: int, raw: str, index: int, headline: bool, paragraph: int
    ) -> Sentence:
        text = " ".join(raw.split())
        return cls(
            start,
            end,
            text,
            raw,
            index,
            headline,
            paragraph,
            fold(raw),
            len(text) < 200
            and (headline or not text.endswith("."))  # a heading ends on no full stop
            and is_title_case(text),
        )


def _block_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _BLOCK_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at newlines that end a paragraph; keep hard-wrapped lines together."""
    lines = []
    pos = start
    while (newline := text.find("\n", pos, end)) != -1:
        lines.append((pos, newline))
        pos = newline + 1
    lines.append((pos, end))
    if len(lines) == 1:
        return lines
    lengths = [len(text[s:e].strip()) for s, e in lines]
    longest = max(lengths)
    # Hard-wrapped prose: the lines before the last are nearly as long as the longest.
    # Anything else (a table, a list, one paragraph a line) breaks at every newline
    # that is not followed by a lower-case continuation.
    continued = sum(1 for s, e in lines[1:] if text[s:e].strip()[:1].islower())
    wrapped = (
        longest >= 50
        and sum(n >= 0.75 * longest for n in lengths[:-1]) >= 0.8 * (len(lines) - 1)
        and continued >= 0.2 * (len(lines) - 1)
    )
    out = []
    cur = lines[0][0]
    for i, (s, e) in enumerate(lines[:-1]):
        line = text[s:e].strip()
        nxt = text[lines[i + 1][0] : lines[i + 1][1]].strip()
        finished = (
            not wrapped
            or ends_as_prose(line)
            or len(line) < SHORT_LINE
            or len(line) < SHORT_SHARE * longest
        )
        if finished and (not nxt or not nxt[0].islower()):
            out.append((cur, e))
            cur = lines[i + 1][0]
    out.append((cur, end))
    return out


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts: list[int] = []
    chunk = text[start:end]
    for m in _SENTENCE_END.finditer(chunk):
        cut = start + m.start(1)
        before = text[max(start, cut - 40) : cut].rstrip(".!?\"”’')]")  # its last word
        words = before.split()
        last = words[-1].lower().rstrip(".") if words else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if len(last) <= 2 and last.isdigit() and _MONTH_AFTER_ORDINAL.match(text, start + m.end()):
            continue  # "Am 11. Juli teilte Google mit": a day written as an ordinal, no full stop
        if text[start:cut].strip().rstrip(".)").isdigit():
            continue  # "1. Select Start Studios, 2012 — …": a list item's number opens its line
        cuts.append(start + m.end())
    cuts += [start + m.end() for m in _WIDE_END.finditer(chunk) if start + m.end() < end]
    cuts += [start + m.end() for m in _CITED_END.finditer(chunk)]
    out = []
    pos = start
    for cut in sorted(set(cuts)):
        if cut > pos:
            out += _pieces(text, pos, cut)
            pos = cut
    out += _pieces(text, pos, end)
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence longer than ``MAX_SENTENCE_CHARS`` as pieces no longer than that, each cut
    after the last clause mark or space that fits (or hard, in a run with neither)."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        window = text[start + MAX_SENTENCE_CHARS // 2 : limit]
        breaks = [m.end() for m in _CLAUSE_MARK.finditer(window)] or [
            m.end() for m in _SPACE.finditer(window)
        ]
        cut = start + MAX_SENTENCE_CHARS // 2 + breaks[-1] if breaks else limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    first_line_end = text.find("\n")
    for block, (b_start, b_end) in enumerate(_block_spans(text)):
        for l_start, l_end in _line_spans(text, b_start, b_end):
            for s_start, s_end in _split_sentences(text, l_start, l_end):
                raw = text[s_start:s_end]
                lead = len(raw) - len(raw.lstrip())
                s_start += lead
                s_end = s_start + len(raw.strip())
                if s_end <= s_start:
                    continue
                raw = text[s_start:s_end]
                headline = not sentences and first_line_end != -1 and s_start <= first_line_end
                sentences.append(Sentence.of(s_start, s_end, raw, len(sentences), headline, block))
    return sentences


def clause_bounds(raw: str, position: int) -> tuple[int, int]:
    """The clause of ``raw`` (a sentence) that holds ``position``: offsets into ``raw``."""
    start, end = 0, len(raw)
    for m in _CLAUSE_END.finditer(raw):
        if m.end() <= position:
            start = m.end()
        elif m.start() >= position:
            end = m.start()
            break
    return start, end


def ends_a_quotation(raw: str, end: int) -> bool:
    """The clause of ``raw`` that ends at ``end`` is the words of a quotation (``_CLAUSE_END``
    ends one there): its speaker is named in the clause after it."""
    return end > 0 and raw[end - 1] in '"”'


def clauses(raw: str) -> list[tuple[int, int]]:
    """The clauses of a sentence, as offsets into it."""
    out = []
    pos = 0
    for m in _CLAUSE_END.finditer(raw):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(raw):
        out.append((pos, len(raw)))
    return [(s, e) for s, e in out if raw[s:e].strip()]


# Kana, Han and Hangul: scripts without capitals, where a Latin capital marks a name wherever it stands.
_UNCASED_SCRIPT = re.compile(f"[{UNCASED_LETTERS}]")


def is_title_case(sentence: str) -> bool:
    """A headline in Title Case, where capitals no longer mark names (never a line of Japanese,
    Chinese or Korean: "Character.AIのCEO Naom Shazeerと…" capitalises only its Latin names)."""
    if _UNCASED_SCRIPT.search(sentence):
        return False
    words = [w for w in sentence.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
