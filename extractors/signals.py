"""What an article's text says besides its words: its language and its same-story fingerprint."""

from __future__ import annotations

from dataclasses import replace

from extractors.fingerprint import fingerprint
from extractors.language import detect_language
from extractors.records import Article


def with_text_signals(article: Article) -> Article:
    """The article with the language and fingerprint of its text.

    Extraction leaves them out when a worker process analyses the article: they
    cost a tenth of trafilatura's time, and the worker runs beside the extraction.
    """
    return replace(
        article, language=detect_language(article.text), fingerprint=fingerprint(article.text)
    )
