"""Sentences of an article as character spans of its text.

Offsets matter (a claim's ``start``/``end`` point into ``Article.text``), so
sentences are spans of the original text, never re-joined copies. Texts come
hard-wrapped (seed 000), one paragraph per line (seed 001) or with blank lines
between paragraphs; a single newline ends a sentence only when the line before
it looks finished (punctuation, a short heading line) or is the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# The break after a sentence's final punctuation (group 1). The punctuation is part of the
# match rather than a lookbehind so that re can skip straight to it.
_SENTENCE_END = re.compile(r"[.!?]([\"”’')\]]*\s+)(?=[\"“‘'(\[]?[A-Z0-9$€£])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "inc",
        "corp",
        "co",
        "jr",
        "sr",
        "u.s",
        "u.k",
        "u.n",
        "vs",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "gen",
        "sen",
        "rep",
        "prof",
        "ltd",
        "e.g",
        "i.e",
        "approx",
        "est",
    ]
)
# A line shorter than this with no final punctuation is a heading or a byline.
SHORT_LINE = 45
# A line this much shorter than the longest of its block ends a paragraph.
SHORT_SHARE = 0.6
_LINE_DONE = re.compile(r"[.!?:\"”’)\]|]\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # the span with every whitespace run turned into one space (for quotes)
    raw: str  # the span as it stands in the article (offsets line up)
    index: int
    is_headline: bool = False


def _block_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _BLOCK_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at newlines that end a paragraph, keep wrapped lines together."""
    lines = []
    pos = start
    while (newline := text.find("\n", pos, end)) != -1:
        lines.append((pos, newline))
        pos = newline + 1
    lines.append((pos, end))
    if len(lines) == 1:
        return lines
    longest = max(len(text[s:e].strip()) for s, e in lines)
    out = []
    cur = lines[0][0]
    for i, (s, e) in enumerate(lines[:-1]):
        line = text[s:e].strip()
        nxt = text[lines[i + 1][0] : lines[i + 1][1]].strip()
        finished = (
            bool(_LINE_DONE.search(line))
            or len(line) < SHORT_LINE
            or len(line) < SHORT_SHARE * longest
        )
        if finished and (not nxt or not nxt[0].islower()):
            out.append((cur, e))
            cur = lines[i + 1][0]
    out.append((cur, end))
    return out


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    chunk = text[start:end]
    for m in _SENTENCE_END.finditer(chunk):
        cut = start + m.start(1)
        words = text[pos:cut].rstrip(".!?\"”’')]").split()
        last = words[-1].lower().rstrip(".") if words else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append((pos, start + m.end()))
        pos = start + m.end()
    out.append((pos, end))
    return out


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    first_line_end = text.find("\n")
    for b_start, b_end in _block_spans(text):
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
                sentences.append(
                    Sentence(s_start, s_end, " ".join(raw.split()), raw, len(sentences), headline)
                )
    return sentences
