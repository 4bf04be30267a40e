"""Language identification on what real pages and feeds send: other scripts, too few letters,
control characters and the broken escapes of a bad feed."""

from __future__ import annotations

import pytest

from extractors.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Meta paid $14.3 billion for nearly half of Scale AI and hired its chief executive.",
            "en",
        ),
        (
            "Nvidia zahlt 20 Milliarden Dollar für die Technologie von Groq und holt dessen Gründer.",
            "de",
        ),
        (
            "엔비디아가 200억 달러를 투입해 AI 칩 설계 스타트업 그록을 사실상 인수하기로 했습니다. "
            "그록의 창업자와 핵심 인력이 엔비디아에 합류합니다.",
            "ko",
        ),
        (
            "La empresa pagó 2.700 millones de dólares por la licencia y contrató a sus fundadores.",
            "es",
        ),
    ],
)
def test_the_language_of_a_sentence(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "$14.3B · 49% · 2025",  # too few letters to tell
        "\ud800\udfff\ud800 broken escapes from a feed " * 3,  # lone surrogates
        "\x00\x07\x1b[31m" * 50,
    ],
)
def test_text_it_cannot_read_is_none_or_a_guess_never_an_error(text):
    assert detect_language(text) in {None, "en"}


def test_a_broken_escape_inside_english_text_still_reads_as_english():
    text = "Microsoft hired Inflection's co-founders \ud83d and paid $650 million for a licence."
    assert detect_language(text) == "en"
