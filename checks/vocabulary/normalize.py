"""Normalisation that keeps offsets: what rules match against, and how spans map back.

Matching runs on a normalised copy of the text — traditional → simplified (OpenCC t2s,
Apache-2.0), full-width ASCII → half-width, ideographic space → space, lower-cased Latin — that
has *the same length* as the original, so a match at [i, j) in the copy highlights [i, j) in what
the creator typed. When OpenCC changes the length (a rare phrase conversion), we fall back to
converting character by character, which is always length-preserving.
"""

from __future__ import annotations

from functools import cache, lru_cache

import opencc


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Same-length normalised copy of `text` for matching (see module docstring)."""
    if not text:
        return text
    simple = _t2s().convert(text)
    if len(simple) != len(text):
        conv = _t2s().convert
        simple = "".join(c if len(c) == 1 else o for o, c in ((o, conv(o)) for o in text))
    return simple.translate(_WIDTH).lower()
