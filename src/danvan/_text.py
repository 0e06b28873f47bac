"""Unicode helpers shared by the parsers (private).

Text pasted from Word or PDF is often in NFD (a base letter followed by combining
marks). The parsers work on NFC text but report positions in the text they were given,
so they keep a map from NFC indices back to the original ones.
"""

from __future__ import annotations

import unicodedata

__all__ = ["nfc_with_offsets", "original_index"]


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return ``(nfc, offsets)``: ``offsets[i]`` is the index in *text* of ``nfc[i]``.

    ``offsets`` has one more entry than ``nfc`` (the end of *text*), or is ``None``
    when *text* is already NFC, so that the common case costs nothing.

    >>> nfc_with_offsets("tỷ")
    ('tỷ', None)
    >>> nfc_with_offsets("ty\u0309 đô\u0300ng")
    ('tỷ đồng', [0, 1, 3, 4, 5, 7, 8, 9])
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    # Split the text into clusters that start at a character of combining class 0 and
    # normalise each on its own; for Vietnamese (and all Latin text) the pieces add up
    # to the NFC form of the whole.
    parts: list[str] = []
    offsets: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or unicodedata.combining(text[index]) == 0:
            piece = unicodedata.normalize("NFC", text[start:index])
            parts.append(piece)
            offsets.extend([start] * len(piece))
            start = index
    nfc = "".join(parts)
    if nfc != unicodedata.normalize("NFC", text):  # scripts whose clusters interact
        nfc = unicodedata.normalize("NFC", text)
        offsets = [0] * len(nfc)
    offsets.append(len(text))
    return nfc, offsets


def original_index(offsets: list[int] | None, index: int) -> int:
    """Map an index in the NFC text back to the text the caller gave."""
    return index if offsets is None else offsets[index]
