"""Spoken and informal number words (số đọc theo khẩu ngữ), private to danvan.words.

``words_to_number(text, colloquial=True)`` first rewrites the spoken forms into the
written ones, keeping for each word the word of the text it came from, so that errors
still point into the caller's text; then the strict reader reads the result. Two forms
need the reader itself and are read by :func:`read_spoken_end`: "rưỡi" (a half of the
last unit) and a digit after a scale word ("một triệu hai", 1.200.000).

======================  ===========================  ================================
spoken                  written                      source
======================  ===========================  ================================
hai mốt, chín lăm       hai mươi mốt, chín mươi lăm  NeMo ITN vi, real usage
hăm lăm, băm mốt        hai mươi lăm, ba mươi mốt    real usage (Southern speech)
mười nhăm               mười lăm                     real usage (Northern speech)
ba chục nghìn           ba mươi nghìn                real usage
chấm, trừ               phẩy, âm                     NeMo ITN vi decimal, cardinal
trăm nghìn, triệu rưỡi  một trăm nghìn, ...          real usage
muoi mot                mười một                     text typed without diacritics
======================  ===========================  ================================
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final, Protocol

from danvan._text import SCALE_WORDS

if TYPE_CHECKING:
    from danvan.errors import ParseError

__all__ = ["Reader", "normalize_spoken", "read_spoken_end"]


class Reader(Protocol):
    """What this module needs of the strict reader of :mod:`danvan.words` (which passes
    itself in, so that this module does not import it back)."""

    words: list[str]
    source: list[int] | None

    def error(self, message: str, word: int | None) -> ParseError:
        """The ParseError of *message* at word *word*."""

    def read_integer(self, lo: int, hi: int) -> tuple[int, int]:
        """``words[lo:hi]`` as a whole number: (value, unit of its last word)."""


_TENS_DIGITS: Final = frozenset(("hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín"))
# Units that only ever follow a ten, so "hai mốt" can only be 21.
_AFTER_TEN_ONLY: Final = frozenset(("mốt", "tư", "lăm", "nhăm"))
_AS_DIGIT: Final = {"mốt": "một", "tư": "bốn", "lăm": "năm", "nhăm": "năm"}
# Number words typed without diacritics; "muoi" and "mot" depend on the word before.
_ASCII: Final = {
    "mot": "một",
    "bon": "bốn",
    "nam": "năm",
    "sau": "sáu",
    "bay": "bảy",
    "tam": "tám",
    "chin": "chín",
    "khong": "không",
    "tram": "trăm",
    "nghin": "nghìn",
    "ngan": "ngàn",
    "trieu": "triệu",
    "ty": "tỷ",
    "ti": "tỉ",
    "le": "lẻ",
    "phay": "phẩy",
    "am": "âm",
    "cham": "chấm",
    "tru": "trừ",
    "chuc": "chục",
    "ruoi": "rưỡi",
    "ham": "hăm",
    "bam": "băm",
    "nham": "nhăm",
    "lam": "lăm",
    "tu": "tư",
    "dong": "đồng",
    "chan": "chẵn",
}
_STARTS: Final = frozenset((*SCALE_WORDS, "trăm"))
#: A digit after "trăm" or a scale word is the next digit down ("một trăm hai" 120,
#: "hai nghìn ba" 2.300, "một triệu hai" 1.200.000). Not "một" ("một trăm một" is said
#: for 101 as well as 110) and not "năm" ("một trăm năm" is also "a hundred years").
_TRAILING: Final = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mốt": 1,
}


def _fold(word: str, before: str | None) -> str:
    if word == "muoi":
        return "mươi" if before in _TENS_DIGITS else "mười"
    if word == "mot":
        return "mốt" if before in _TENS_DIGITS or before == "mươi" else "một"
    return _ASCII.get(word, word)


def normalize_spoken(reader: Reader) -> None:
    """Rewrite ``reader.words`` from spoken to written forms, recording the sources."""
    out: list[str] = []
    source: list[int] = []
    after_comma = False
    for index, word in enumerate(reader.words):
        before = out[-1] if out else None
        if word.isascii():
            word = _fold(word, before)
        if word == "trừ":
            word = "âm"
        elif word == "chấm":
            word = "phẩy"
        if word == "phẩy":
            after_comma = True
        if (not out or out == ["âm"]) and word in _STARTS:  # "triệu rưỡi", "trăm nghìn"
            out.append("một")
            source.append(index)
        if word in ("hăm", "băm"):  # hăm = hai mươi, băm = ba mươi
            out += ["hai" if word == "hăm" else "ba", "mươi"]
            source += [index, index]
            continue
        if word == "chục":  # "ba chục" = ba mươi, "chục nghìn" = mười nghìn
            if before == "một":
                out[-1] = "mười"
                continue
            word = "mươi" if before in _TENS_DIGITS else "mười"
        elif word == "nhăm" and before == "mười":
            word = "lăm"
        elif word in _AFTER_TEN_ONLY and before in _TENS_DIGITS:
            if after_comma:  # "không chấm ba lăm": digit by digit, 0,35
                word = _AS_DIGIT[word]
            else:  # "hai mốt" = hai mươi mốt
                out.append("mươi")
                source.append(index - 1)
        out.append(word)
        source.append(index)
    reader.words = out
    reader.source = source


def read_spoken_end(reader: Reader, lo: int, hi: int) -> int | Decimal | None:
    """Read ``words[lo:hi]`` if it ends in "rưỡi" or in a digit after a scale word;
    None if it ends otherwise."""
    words = reader.words
    last = words[hi - 1]
    if last == "rưỡi":
        if hi - 1 <= lo:
            raise reader.error("expected a number before", hi - 1)
        value, unit = reader.read_integer(lo, hi - 1)
        if unit == 1:  # "ba rưỡi" = 3,5
            return Decimal(f"{value}.5")
        return value + unit // 2
    digit = _TRAILING.get(last)
    if digit is None or hi - lo < 3 or words[hi - 2] not in _STARTS:
        return None
    if words[hi - 2] == "trăm" and words[hi - 3] == "không":
        return None  # "một nghìn không trăm hai": 1.020 or 1.002? Left to the reader.
    value, unit = reader.read_integer(lo, hi - 1)
    return value + digit * unit // 10
