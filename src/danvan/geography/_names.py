"""Place names (private to danvan.geography): normalisation and the keys of lookup.

Names are compared without case, spacing, tone-mark placement or the spelling of
"i"/"y" and "oà"/"òa"; both a plain (unaccented) and an accented key are kept.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from danvan._text import cut_marks
from danvan.errors import (
    InvalidTypeError,
)

__all__ = ["normalize_place_name"]

# ------------------------------------------------------------------------------- names

# A name is compared in two forms, both made character by character from its NFC form
# with str.translate (the tables are filled on demand, so any str works):
# - plain: case folded, every combining mark of U+0300-U+036F dropped, đ → d;
# - accented: case folded, the vowel marks (ă â ê ô ơ ư) kept, and the tone mark moved
#   to the end of the word as "#" and a digit, so that "hoà" and "hòa" are both "hoa#2"
#   ("#" separates words in the input, so a key with it comes only from a tone).
# Apostrophes are dropped; anything that is not a letter, a digit or a mark of
# U+0300-U+036F separates words.

_TONES: Final = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
#: Private-use characters that stand for a tone inside the accented translation; a
#: private-use character of the input separates words, so these come only from tones.
_TONE_MARKERS: Final = {mark: chr(0xE000 + int(digit)) for mark, digit in _TONES.items()}
_MARKER_DIGITS: Final = {chr(0xE000 + int(digit)): digit for digit in _TONES.values()}
_APOSTROPHES: Final = frozenset("'’‘ʼ`´")
_MARKS: Final = range(0x300, 0x370)
#: Turns the accented form of a word into its plain form.
_UNACCENT: Final[dict[int, str | None]] = {
    **dict.fromkeys(_MARKS),
    **dict.fromkeys(map(ord, _MARKER_DIGITS)),
    ord("đ"): "d",
}
#: The most characters the translation tables learn; past that they compute each time.
_TABLE_LIMIT: Final = 20_000


def _translate_char(char: str, accented: bool) -> str:
    """What one character of NFC text becomes in the plain or the accented form."""
    if char in _APOSTROPHES:
        return ""
    result = []
    for part in unicodedata.normalize("NFD", char.casefold()):
        if 0x300 <= ord(part) < 0x370:
            if accented:
                result.append(_TONE_MARKERS.get(part, part))
        elif part.isalnum():
            result.append("d" if part == "đ" and not accented else part)
        else:
            result.append(" ")
    return "".join(result)


class _Table(dict[int, str]):
    """A str.translate table that works out a character the first time it is seen."""

    def __init__(self, accented: bool) -> None:
        super().__init__()
        self.accented = accented
        for code in [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x1E00, 0x1F00)]:
            self[code] = _translate_char(chr(code), accented)

    def __missing__(self, code: int) -> str:
        value = _translate_char(chr(code), self.accented)
        if len(self) < _TABLE_LIMIT:
            self[code] = value
        return value


_PLAIN_TABLE: Final = _Table(accented=False)
_ACCENTED_TABLE: Final = _Table(accented=True)

#: Abbreviated type words, written out when they start a name of two words or more.
_TYPE_WORDS: Final = {
    "tp": "thành phố",
    "tx": "thị xã",
    "tt": "thị trấn",
    "dk": "đặc khu",
    "p": "phường",
    "q": "quận",
    "h": "huyện",
    "x": "xã",
}
_SPLIT_ABBREVIATIONS: Final = {("t", "p"): "tp", ("t", "x"): "tx", ("t", "t"): "tt"}


def _accented_word(word: str) -> str:
    """An accented word with its tone (the highest, if a word has several) as a digit."""
    bare = word.translate(_UNACCENT)
    if not bare:
        return ""
    tones = [digit for marker, digit in _MARKER_DIGITS.items() if marker in word]
    if tones:
        word = "".join(char for char in word if char not in _MARKER_DIGITS)
    return unicodedata.normalize("NFC", word) + (f"#{max(tones)}" if tones else "")


#: raw accented word → (plain, accented); Vietnamese has a few thousand syllables.
_WORDS: Final[dict[str, tuple[str, str]]] = {}
#: The longest word kept in ``_WORDS`` (a Vietnamese syllable has at most 7 letters; a
#: name's other words, such as "H'Drai", are short too).
_LONGEST_WORD: Final = 32


def _split(nfc: str, accented: bool) -> tuple[list[str], list[str]]:
    """The plain words of NFC text and (when *accented*) its accented words.

    Numbers lose their leading zeros; abbreviations are left to :func:`_expand`.
    """
    if accented:
        plain = []
        words = []
        for raw in nfc.translate(_ACCENTED_TABLE).split():
            known = _WORDS.get(raw)
            if known is None:
                known = (raw.translate(_UNACCENT), _accented_word(raw))
                if len(_WORDS) < _TABLE_LIMIT and len(raw) <= _LONGEST_WORD:
                    _WORDS[raw] = known  # bounded in size, not only in entries
            if known[0]:
                plain.append(known[0])
                words.append(known[1])
    else:
        plain = words = nfc.translate(_PLAIN_TABLE).split()
    for index, word in enumerate(plain):
        if word.isdigit() and word.isascii():
            plain[index] = words[index] = word.lstrip("0") or "0"
    return plain, words


def _expand(words: list[str], plain: list[str], accented: bool) -> str:
    """The key: *words* joined, a leading abbreviated type word written out."""
    if len(plain) > 2 and (plain[0], plain[1]) in _SPLIT_ABBREVIATIONS:
        joined = _SPLIT_ABBREVIATIONS[plain[0], plain[1]]
        plain = [joined, *plain[2:]]
        words = [joined, *words[2:]]
    if len(plain) > 1 and plain[0] in _EXPANSIONS:
        return " ".join((*_EXPANSIONS[plain[0]][accented], *words[1:]))
    return " ".join(words)


_EXPANSIONS: Final = {
    short: (
        tuple(full.translate(_PLAIN_TABLE).split()),
        tuple(_accented_word(word) for word in full.translate(_ACCENTED_TABLE).split()),
    )
    for short, full in _TYPE_WORDS.items()
}


def normalize_place_name(text: str, /) -> str:
    """The form danvan compares place names in (chuẩn hóa tên): never raises for a str.

    Lower case, without accents (đ is d), apostrophes dropped, anything but letters and
    digits turned into single spaces, leading zeros dropped from numbers, and a leading
    abbreviated type word written out (TP, TX, TT, ĐK, P., Q., H., X.). Two names that
    differ only in case, accents, tone placement, NFC/NFD or spacing give the same
    result, and normalising twice changes nothing.

    >>> normalize_place_name("TP. Hồ Chí Minh"), normalize_place_name("Thành phố Hồ Chí Minh")
    ('thanh pho ho chi minh', 'thanh pho ho chi minh')
    >>> normalize_place_name("Ia H'Drai"), normalize_place_name("Phường 01")
    ('ia hdrai', 'phuong 1')
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {text!r}")
    # marks beyond any real text's are dropped unread (normalising them is quadratic)
    plain, _ = _split(unicodedata.normalize("NFC", cut_marks(text)), False)
    return _expand(plain, plain, False)


def _keys(text: str) -> tuple[str, str]:
    """The plain key and the accented key (the same for ASCII text)."""
    nfc = unicodedata.normalize("NFC", text)
    if nfc.isascii():
        plain, _ = _split(nfc, False)
        key = _expand(plain, plain, False)
        return key, key
    plain, words = _split(nfc, True)
    return _expand(plain, plain, False), _expand(words, plain, True)
