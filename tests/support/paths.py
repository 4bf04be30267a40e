"""Where things are, for every test: this checkout, and the ../shared folder beside it.

Tests compute paths from these, never from their own ``__file__``, so a test module can
move between folders without its paths changing.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
TESTS = REPO / "tests"
DATA = TESTS / "data"
