"""Fetching: the guarded HTTP client, the address guard, robots.txt, feeds, pages, aggregator
links, walls and outlet names. Nothing here reads an article's meaning: that is
``extractors.analysis``, which imports nothing from this package (``tests/unit/test_rooms.py``)."""
