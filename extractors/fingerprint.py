"""Fingerprints that group copies and rewrites of one wire story.

Rewrites of a wire story change the wording but keep its names and numbers
(Droege, Uber Eats, Axon, 49%, 2016...). So the fingerprint is a MinHash over
the set of capitalised words and numbers rather than over word shingles:
measured on the seeds, the AP story and its rewrite share 81% of the smaller
article's entity tokens, while independent stories on the same deal share at
most 44%. Word 3-gram shingles give 0.05 against 0.02, too close to separate.

The signature's last element is the size of the token set, so containment
(share of the smaller set found in the larger) can be estimated from the
MinHash Jaccard estimate alone.

The MinHash is datasketch's (2.0, scheme "affine32": SHA-1's first four bytes,
the MurmurHash3 finalizer, then ``a * h + b`` modulo 2**32 with permutations
drawn from ``RandomState(SEED)``), computed here in a few numpy lines: the
signatures are the ones stored in existing warehouses, and the import of
datasketch (scipy and redis with it) cost 60 MB of every run's memory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np

NUM_PERM = 64
SEED = 20250613
# Estimated containment at or above which two articles are one story.
SYNDICATION_CONTAINMENT = 0.65
# Below this many entity tokens an article says too little to be called a copy.
MIN_TOKENS = 12
# LSH: 32 bands of 2 rows finds pairs with Jaccard 0.4 with probability > 0.99.
LSH_BANDS = 32
LSH_ROWS = NUM_PERM // LSH_BANDS

_MAX_HASH = 0xFFFF_FFFF


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine maps ``h -> a * h + b`` (mod 2**32, ``a`` odd) datasketch draws for ``seed``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)


def _mixed_hashes(tokens: Iterable[str]) -> np.ndarray:
    """SHA-1's first four bytes (little-endian) of each token, through MurmurHash3's finalizer."""
    hv = np.array(
        [int.from_bytes(hashlib.sha1(t.encode("utf-8")).digest()[:4], "little") for t in tokens],
        dtype=np.uint32,
    )
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EB_CA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2_AE35)
    hv ^= hv >> np.uint32(16)
    return hv


def minhash(tokens: set[str]) -> tuple[int, ...]:
    """The ``NUM_PERM`` minimums of the permuted token hashes (all ``2**32 - 1`` for no token)."""
    if not tokens:
        return (_MAX_HASH,) * NUM_PERM
    permuted = _mixed_hashes(tokens).reshape(-1, 1) * _A + _B
    return tuple(permuted.min(axis=0).tolist())


_ENTITY_TOKEN = re.compile(r"\b[A-Z][A-Za-z]+|\b\d[\d.,]*\d|\b\d")


def entity_tokens(text: str) -> set[str]:
    return {t.lower().rstrip(".,") for t in _ENTITY_TOKEN.findall(text)}


def fingerprint(text: str) -> tuple[int, ...]:
    """MinHash signature of the entity tokens, followed by the token count."""
    tokens = entity_tokens(text)
    return minhash(tokens) + (len(tokens),)


def _jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return float(np.mean(np.asarray(a[:NUM_PERM]) == np.asarray(b[:NUM_PERM])))


def containment(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated share of the smaller token set found in the larger one."""
    if len(a) != NUM_PERM + 1 or len(b) != NUM_PERM + 1:
        return 0.0
    size_a, size_b = a[-1], b[-1]
    if min(size_a, size_b) == 0:
        return 0.0
    j = _jaccard(a, b)
    intersection = j * (size_a + size_b) / (1.0 + j)
    return min(1.0, intersection / min(size_a, size_b))


def is_same_story(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    if len(a) != NUM_PERM + 1 or len(b) != NUM_PERM + 1:
        return False
    if min(a[-1], b[-1]) < MIN_TOKENS:
        return False
    return containment(a, b) >= SYNDICATION_CONTAINMENT


def same_story_mask(signatures: np.ndarray, signature: tuple[int, ...]) -> np.ndarray:
    """:func:`is_same_story` of ``signature`` against each row of ``signatures`` (``n x NUM_PERM + 1``
    integers), with the same arithmetic, so the answers are identical."""
    if len(signature) != NUM_PERM + 1 or signatures.shape[1:] != (NUM_PERM + 1,):
        return np.zeros(len(signatures), dtype=bool)
    mine = np.asarray(signature, dtype=np.uint64)
    agree = np.count_nonzero(signatures[:, :NUM_PERM] == mine[:NUM_PERM], axis=1)
    j = agree / NUM_PERM
    sizes = signatures[:, NUM_PERM].astype(np.int64)
    size = int(signature[NUM_PERM])
    smaller = np.minimum(sizes, size)
    intersection = j * (sizes + size) / (1.0 + j)
    with np.errstate(divide="ignore", invalid="ignore"):
        estimate = np.minimum(1.0, intersection / smaller)
    return (smaller >= MIN_TOKENS) & (estimate >= SYNDICATION_CONTAINMENT)


def lsh_keys(signature: tuple[int, ...]) -> list[int]:
    """One 63-bit key per band, for finding candidate copies with an index lookup."""
    if len(signature) != NUM_PERM + 1:
        return []
    keys = []
    for band in range(LSH_BANDS):
        rows = signature[band * LSH_ROWS : (band + 1) * LSH_ROWS]
        digest = hashlib.blake2b(repr((band, *rows)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF)
    return keys
