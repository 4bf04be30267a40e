"""The analysis room: relevance, talent deals, figures and the evidence for each (DESIGN.md).

``analyse(article, watchlist)`` is the one entry point; ``extractors.analysis.analyse``
says how the steps follow each other.
"""

from extractors.analysis.analyse import MAX_ANALYSED_CHARS, analyse, claim_id_for

__all__ = ["MAX_ANALYSED_CHARS", "analyse", "claim_id_for"]
