"""Unicode helpers shared by the parsers (private).

Text pasted from Word or PDF is often in NFD (a base letter followed by combining
marks). The parsers work on NFC text but report positions in the text they were given,
so they keep a map from NFC indices back to the original ones.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "CURRENCY_WORDS",
    "MAX_MARKS",
    "SCALE_WORDS",
    "capital",
    "check_marks",
    "cut_marks",
    "long_run",
    "nfc_with_offsets",
    "original_index",
    "word_at",
]

# Words of amounts that the parsers of numbers and the figure extractor share, folded
# to lower case: the scale words and their powers of ten, and the names of the đồng.
SCALE_WORDS: Final[dict[str, int]] = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
CURRENCY_WORDS: Final = ("đồng", "vnđ", "vnd", "đ", "₫")


def capital(text: str) -> str:
    """*text* with its first letter upper case, the rest as it is (a sentence's start).

    >>> capital("tăng 16,67%"), capital("")
    ('Tăng 16,67%', '')
    """
    return text[:1].upper() + text[1:]


#: The longest run of combining marks (characters of a combining class other than 0)
#: any text may hold: the limit of the stream-safe text format of UAX #15 (Unicode
#: normalization forms, section 13). Real Vietnamese has at most two marks on a letter;
#: normalising a longer run takes CPython time that grows with the square of its length.
MAX_MARKS = 30

# Every combining mark lies at U+0300 or above, so a run of more than MAX_MARKS of them
# is inside a run of more than MAX_MARKS characters at or above U+0300: found by a
# regular expression at C speed, and only there are the marks counted one by one.
_LONG_NON_ASCII = re.compile(f"[^\\x00-\u02ff]{{{MAX_MARKS + 1},}}")


def long_run(text: str) -> int | None:
    """The index of the first combining mark of *text* that makes a run of more than
    :data:`MAX_MARKS`, or None; in time proportional to the length of *text*.

    >>> long_run("Hồng Lĩnh"), long_run("a" + "\u0301" * 40)
    (None, 31)
    """
    if text.isascii():
        return None
    combining = unicodedata.combining
    for candidate in _LONG_NON_ASCII.finditer(text):
        run = 0
        for index in range(candidate.start(), candidate.end()):
            run = run + 1 if combining(text[index]) else 0
            if run > MAX_MARKS:
                return index
    return None


def cut_marks(text: str) -> str:
    """*text* with every run of combining marks cut to :data:`MAX_MARKS` (the marks
    after them dropped), in linear time: for functions that must not fail on any str.

    >>> len(cut_marks("a" + "\u0301" * 40)), cut_marks("Hồng Lĩnh")
    (31, 'Hồng Lĩnh')
    """
    if long_run(text) is None:
        return text
    combining = unicodedata.combining
    kept: list[str] = []
    run = 0
    for char in text:
        run = run + 1 if combining(char) else 0
        if run <= MAX_MARKS:
            kept.append(char)
    return "".join(kept)


def check_marks(text: str) -> None:
    """Raise a :class:`~danvan.ParseError` at the first combining mark of *text* that
    makes a run of more than :data:`MAX_MARKS` (beyond what any real text holds), so
    that normalising the text takes time in proportion to its length.

    >>> from danvan.errors import ParseError
    >>> check_marks("Hồng Lĩnh")
    >>> try:
    ...     check_marks("a" + "\u0301" * 40)
    ... except ParseError as error:
    ...     print(error.position, str(error).startswith("more than 30 combining marks"))
    31 True
    """
    index = long_run(text)
    if index is not None:
        from danvan.errors import ParseError, shorten

        raise ParseError(
            f"more than {MAX_MARKS} combining marks in a row in {shorten(text, 40)}"
            f" at position {index}",
            text=text,
            position=index,
        )


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return ``(nfc, offsets)``: ``offsets[i]`` is the index in *text* of ``nfc[i]``.

    ``offsets`` has one more entry than ``nfc`` (the end of *text*), or is ``None``
    when *text* is already NFC, so that the common case costs nothing. A run of more
    than :data:`MAX_MARKS` combining marks raises :class:`~danvan.ParseError`
    (:func:`check_marks`).

    >>> nfc_with_offsets("tỷ")
    ('tỷ', None)
    >>> nfc_with_offsets("ty\u0309 đô\u0300ng")
    ('tỷ đồng', [0, 1, 3, 4, 5, 7, 8, 9])
    """
    check_marks(text)
    if unicodedata.is_normalized("NFC", text):
        return text, None
    nfc = unicodedata.normalize("NFC", text)
    fast = _marked_pieces(text)
    if fast is not None and "".join(fast[0]) == nfc:
        offsets = fast[1]
        offsets.append(len(text))
        return nfc, offsets
    # Split the text into clusters that start at a character of combining class 0 and
    # normalise each on its own; for Vietnamese (and all Latin text) the pieces add up
    # to the NFC form of the whole. Scripts whose clusters interact (Hangul jamo) fall
    # back to pieces cut at white space, which no normalisation crosses.
    for starts_piece in (_is_starter, str.isspace):
        parts, offsets = _pieces(text, starts_piece)
        if "".join(parts) == nfc:
            break
    else:  # pragma: no cover - NFC does not compose across white space
        offsets = [0] * len(nfc)
    offsets.append(len(text))
    return nfc, offsets


# A character and the combining marks after it (Latin, Vietnamese and most scripts).
_MARKED = re.compile(r"(?s).[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


_CLUSTERS: dict[str, tuple[str, tuple[int, ...]]] = {}


def _marked_pieces(text: str) -> tuple[list[str], list[int]] | None:
    """The pieces of :func:`_pieces`, found quickly: only the clusters of a character and
    its combining marks are normalised one by one; the text between them must already
    be NFC (``None`` otherwise, and the caller takes the slow way)."""
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _MARKED.finditer(text):
        start = match.start()
        if start > position:
            plain = text[position:start]
            if not unicodedata.is_normalized("NFC", plain):
                return None
            parts.append(plain)
            offsets.extend(range(position, start))
        cluster = match.group()
        known = _CLUSTERS.get(cluster)
        if known is None:
            piece = unicodedata.normalize("NFC", cluster)
            known = piece, tuple(_sources(cluster, piece))
            if len(_CLUSTERS) < 4096:  # Vietnamese has a few hundred
                _CLUSTERS[cluster] = known
        parts.append(known[0])
        sources = known[1]
        if sources == (0,):  # a letter and its marks made one character: most clusters
            offsets.append(start)
        else:
            offsets.extend([start + source for source in sources])
        position = match.end()
    plain = text[position:]
    if not unicodedata.is_normalized("NFC", plain):
        return None
    parts.append(plain)
    offsets.extend(range(position, len(text)))
    return parts, offsets


def _is_starter(char: str) -> bool:
    return unicodedata.combining(char) == 0


def _pieces(text: str, starts_piece: object) -> tuple[list[str], list[int]]:
    """NFC pieces of *text* cut before each character where *starts_piece* holds.

    Each character of a piece maps to the original character that brought it in, so
    an error on a stray mark that did not combine points at that mark.
    """
    assert callable(starts_piece)
    parts: list[str] = []
    offsets: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or starts_piece(text[index]):
            original = text[start:index]
            piece = unicodedata.normalize("NFC", original)
            parts.append(piece)
            offsets.extend(start + source for source in _sources(original, piece))
            start = index
    return parts, offsets


def _sources(original: str, piece: str) -> list[int]:
    """For each character of ``piece`` (the NFC of *original*), where it came from."""
    if len(original) > 32:  # a long piece: first character exact, the rest in order
        extra = len(original) - len(piece)
        return [0, *(extra + i for i in range(1, len(piece)))]
    sources: list[int] = []
    for end in range(1, len(original) + 1):
        produced = len(unicodedata.normalize("NFC", original[:end]))
        while len(sources) < min(produced, len(piece)):
            sources.append(end - 1)
    return sources + [len(original) - 1] * (len(piece) - len(sources))


def original_index(offsets: list[int] | None, index: int) -> int:
    """Map an index in the NFC text back to the text the caller gave."""
    return index if offsets is None else offsets[index]


def word_at(folded: str, index: int, words: dict[str, int] | tuple[str, ...]) -> str | None:
    """The first of *words* that starts at *index* of *folded* and ends at a word boundary.

    >>> word_at("3,8 tỷ đồng", 4, ("tỷ", "triệu")), word_at("3 tỷđ", 2, ("tỷ",))
    ('tỷ', None)
    """
    for word in words:
        if folded.startswith(word, index):
            after = index + len(word)
            if after == len(folded) or not folded[after].isalnum():
                return word
    return None
