"""Numbers in Vietnamese words (đọc số, viết số bằng chữ).

Financial papers write every amount twice, in figures and in words ("bằng chữ").
:func:`number_to_words` spells a number, :func:`money_to_words` writes the "bằng chữ"
line, and :func:`words_to_number` / :func:`words_to_money` read them back exactly, as
well as what CLDR, num2words and vietnam-number write (and, with ``colloquial=True``,
spoken forms). :func:`ordinal_to_words` / :func:`words_to_ordinal` spell ordinals,
:func:`digits_to_words` / :func:`words_to_digits` telephone numbers digit by digit.

The rules, as taught and as accounting software writes them: *mười* is ten, *mươi* the
tens from twenty; after *mươi* one is *mốt* and four is *tư*; five after a ten is *lăm*;
an empty tens place after a hundred is *linh* (or *lẻ*); every group of three digits
after the first keeps its hundreds, so 1.005 is "một nghìn không trăm linh năm"; zero
groups are skipped; above a tỷ the count of tỷ is spelled as a number (10¹² "một nghìn
tỷ"), and from 10¹⁸ each block of nine digits carries one tỷ per block below it (10¹⁸
"một tỷ tỷ"); decimals are read after *phẩy*, negatives start with *âm*.

>>> number_to_words(1798702098)
'một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn không trăm chín mươi tám'
>>> number_to_words(Decimal("3.8"))
'ba phẩy tám'
>>> money_to_words(5052100000)
'Năm tỷ không trăm năm mươi hai triệu một trăm nghìn đồng'
>>> words_to_number("một nghìn tỷ")
1000000000000

Where the peers differ: num2words (``lang="vi"``) writes 1005 as "một nghìn lẻ năm",
-7 as "mười ba", 3.8 as "ba phẩy tám mươi", and 10¹⁵ as "một trăm nghìn tỷ" (it is
"một triệu tỷ"); vietnam-number writes "lẽ" for "lẻ".
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, Literal

from danvan._text import nfc_with_offsets, original_index
from danvan.errors import (
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    check_length,
    parse_error,
    shorten,
)
from danvan.numbers import MAX_DIGITS

__all__ = [
    "MAX_TEXT_LENGTH",
    "digits_to_words",
    "money_to_words",
    "number_to_words",
    "ordinal_to_words",
    "words_to_digits",
    "words_to_money",
    "words_to_number",
    "words_to_ordinal",
]

#: The longest text the readers of numbers in words take: the words of a number of
#: :data:`~danvan.numbers.MAX_DIGITS` digits are under 60.000 characters.
MAX_TEXT_LENGTH: Final = 100_000

_DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

_VARIANTS: Final[dict[str, tuple[str, ...]]] = {
    "thousand": ("nghìn", "ngàn"),
    "zero_tens": ("linh", "lẻ"),
    "four": ("tư", "bốn"),
    "billion": ("tỷ", "tỉ"),
    "fraction": ("digits", "number"),
}

_DEFAULTS: Final = ("nghìn", "linh", "tư", "tỷ", "digits")
_LIMIT: Final = 10**MAX_DIGITS  # numbers have fewer digits than MAX_DIGITS + 1
_BILLION: Final = 10**9

# Tables of the words for 0..999, one for the leading group and one for the groups
# after it (which keep "không trăm"), built on first use for each variant.
_GROUP_TABLES: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _group_words(number: int, padded: bool, zero_tens: str, four: str) -> str:
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or padded:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: four, 5: "lăm"}.get(units, _DIGITS[units]))
    return " ".join(words)


def _tables(zero_tens: str, four: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    key = (zero_tens, four)
    tables = _GROUP_TABLES.get(key)
    if tables is None:
        leading = tuple(_group_words(n, False, zero_tens, four) for n in range(1000))
        padded = tuple(_group_words(n, True, zero_tens, four) for n in range(1000))
        tables = _GROUP_TABLES[key] = (leading, padded)
    return tables


def _check_variant(name: str, value: str) -> None:
    if value not in _VARIANTS[name]:
        choices = " or ".join(repr(v) for v in _VARIANTS[name])
        raise InvalidValueError(f"{name} must be {choices}, not {shorten(value)}")


def _integer_words(
    number: int, thousand: str, zero_tens: str, four: str, billion: str
) -> list[str]:
    """Words for a positive whole number.

    The number is cut into blocks of nine digits; each block that is not zero is
    spelled with nghìn and triệu, then followed by one "tỷ" for each block below it:
    1.050 tỷ is "một nghìn không trăm năm mươi tỷ", 2·10²¹ + 345·10⁹ is "hai nghìn
    tỷ tỷ ba trăm bốn mươi lăm tỷ". Below 10¹⁸ this is the form accounting software
    writes; above, the form of vietnam-number, which no other reading can take.
    """
    leading, padded = _tables(zero_tens, four)
    if number < 1000:
        return [leading[number]]
    words: list[str] = []
    if number < _BILLION:
        _block_words(number, words, leading, padded, thousand)
        return words
    blocks = []
    while number:
        number, block = divmod(number, _BILLION)
        blocks.append(block)
    for level in range(len(blocks) - 1, -1, -1):  # from the most significant block
        block = blocks[level]
        if block:
            _block_words(block, words, leading, padded, thousand)
            words += [billion] * level
    return words


def _block_words(
    block: int,
    words: list[str],
    leading: tuple[str, ...],
    padded: tuple[str, ...],
    thousand: str,
) -> None:
    """Append the words of ``0 < block < 10⁹``: its groups with triệu and nghìn."""
    millions, rest = divmod(block, 1_000_000)
    thousands, units = divmod(rest, 1000)
    if millions:
        words.append(padded[millions] if words else leading[millions])
        words.append("triệu")
    if thousands:
        words.append(padded[thousands] if words else leading[thousands])
        words.append(thousand)
    if units:
        words.append(padded[units] if words else leading[units])


def number_to_words(
    value: int | Decimal,
    /,
    *,
    thousand: Literal["nghìn", "ngàn"] = "nghìn",
    zero_tens: Literal["linh", "lẻ"] = "linh",
    four: Literal["tư", "bốn"] = "tư",
    billion: Literal["tỷ", "tỉ"] = "tỷ",
    fraction: Literal["digits", "number"] = "digits",
) -> str:
    """Spell a number in Vietnamese words (viết số bằng chữ; inverse: :func:`words_to_number`).

    The keyword options choose the regional variants: ``thousand`` ("nghìn", Northern,
    or "ngàn", Southern), ``zero_tens`` ("linh" or "lẻ" for an empty tens place),
    ``four`` ("tư" or "bốn" after *mươi*), ``billion`` ("tỷ" or "tỉ"). Decimals are
    read digit by digit after "phẩy" (``fraction="digits"``: 3,25 "ba phẩy hai năm") or
    as a number (``fraction="number"``: "ba phẩy hai mươi lăm"). Works for ``int`` and
    ``Decimal`` of up to 4,300 digits.

    >>> number_to_words(1005)
    'một nghìn không trăm linh năm'
    >>> number_to_words(24)
    'hai mươi tư'
    >>> number_to_words(105, zero_tens="lẻ")
    'một trăm lẻ năm'
    >>> number_to_words(-7)
    'âm bảy'
    >>> number_to_words(10**18)
    'một tỷ tỷ'
    >>> number_to_words(Decimal("0.05"))
    'không phẩy không năm'
    """
    if (thousand, zero_tens, four, billion, fraction) != _DEFAULTS:
        for name, choice in (
            ("thousand", thousand),
            ("zero_tens", zero_tens),
            ("four", four),
            ("billion", billion),
            ("fraction", fraction),
        ):
            _check_variant(name, choice)
    if type(value) is int and 0 < value < _LIMIT:  # the common case
        return " ".join(_integer_words(value, thousand, zero_tens, four, billion))
    negative, whole, decimals = _split(value)
    words = ["âm"] if negative else []
    if whole == "0":
        words.append("không")
    else:
        words += _integer_words(int(whole), thousand, zero_tens, four, billion)
    if decimals:
        words.append("phẩy")
        significant = decimals.lstrip("0")
        if fraction == "digits" or len(significant) > 3:
            # Decimals read as a number stop at 999: "ba phẩy tám tỷ" is 3,8 tỷ, so a
            # scale word among the decimals would be heard as the scale of the number.
            words += [_DIGITS[int(d)] for d in decimals]
        else:
            words += ["không"] * (len(decimals) - len(significant))
            if significant:
                words.append(_tables(zero_tens, four)[0][int(significant)])
    return " ".join(words)


def _split(value: object) -> tuple[bool, str, str]:
    """``(negative, whole digits, decimal digits)`` of an int or a finite Decimal."""
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            digits = str(abs(value))
        except ValueError as exc:
            raise InvalidValueError(f"number has more than {MAX_DIGITS} digits") from exc
        return value < 0, digits, ""
    if not isinstance(value, Decimal):
        raise InvalidTypeError(
            f"expected an int or a Decimal, not {type(value).__name__}: {shorten(value)}"
        )
    if not value.is_finite():
        raise InvalidValueError(f"number must be finite, not {shorten(value)}")
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if len(digit_tuple) + max(exponent, 0) > MAX_DIGITS or -exponent > MAX_DIGITS:
        raise InvalidValueError(f"number has more than {MAX_DIGITS} digits: {shorten(value)}")
    digits = "".join(map(str, digit_tuple))
    if exponent >= 0:
        whole, decimals = digits + "0" * exponent, ""
    else:
        digits = digits.rjust(-exponent + 1, "0")
        whole, decimals = digits[:exponent], digits[exponent:]
    whole = whole.lstrip("0") or "0"
    is_zero = whole == "0" and not decimals.strip("0")
    return bool(sign) and not is_zero, whole, decimals


def money_to_words(
    amount: int | Decimal,
    /,
    *,
    even: bool = False,
    thousand: Literal["nghìn", "ngàn"] = "nghìn",
    zero_tens: Literal["linh", "lẻ"] = "linh",
    four: Literal["tư", "bốn"] = "tư",
    billion: Literal["tỷ", "tỉ"] = "tỷ",
) -> str:
    """The "bằng chữ" line for an amount of đồng (inverse: :func:`words_to_money`).

    Sentence case, ending in "đồng". ``even=True`` adds "chẵn" ("exactly") when the
    amount is a whole number of thousands, as cheques and receipts write it. Zero
    decimals (a ``Decimal("5000000.00")`` from a money column) are not read out. The other
    options are those of :func:`number_to_words`.

    >>> money_to_words(1798702098)
    'Một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn không trăm chín mươi tám đồng'
    >>> money_to_words(5000000, even=True)
    'Năm triệu đồng chẵn'
    """
    negative, whole, decimals = _split(amount)
    if not decimals.strip("0"):  # 5.000.000,00 đồng is read "năm triệu đồng"
        amount = -int(whole) if negative else int(whole)
    words = number_to_words(
        amount, thousand=thousand, zero_tens=zero_tens, four=four, billion=billion
    )
    text = f"{words} đồng"
    if even and not decimals.strip("0") and whole != "0" and whole.endswith("000"):
        text += " chẵn"
    return text[0].upper() + text[1:]


# ------------------------------------------------------------------------------ reading

_DIGIT_VALUES: Final[dict[str, int]] = {word: value for value, word in enumerate(_DIGITS)}
_DIGIT_VALUES["bẩy"] = 7  # a common Northern spelling of bảy
# Units that may follow a ten: "mười lăm", "hai mươi mốt", "hai mươi tư".
# Five after a ten is only "lăm": "hai mươi năm" usually means twenty years, so it is
# refused rather than read as 25.
_AFTER_MUOI: Final = {**_DIGIT_VALUES, "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
_AFTER_MUOI.pop("không")
_AFTER_MUOI.pop("năm")
_AFTER_MUOI_TEN: Final = {k: v for k, v in _AFTER_MUOI.items() if k not in ("mốt", "nhăm")}
_AFTER_LINH: Final = {**{k: v for k, v in _DIGIT_VALUES.items() if v}, "tư": 4}
_ZERO_TENS: Final = frozenset(("linh", "lẻ"))
_THOUSANDS: Final = frozenset(("nghìn", "ngàn"))
_BILLIONS: Final = frozenset(("tỷ", "tỉ"))
#: The scale words and what they multiply by.
_SCALES: Final[dict[str, int]] = {
    "nghìn": 1000,
    "ngàn": 1000,
    "triệu": 1_000_000,
    "tỷ": _BILLION,
    "tỉ": _BILLION,
}
_KNOWN: Final = frozenset(
    {*_DIGIT_VALUES, *_AFTER_MUOI, *_ZERO_TENS, *_SCALES}
    | {"không", "mười", "mươi", "trăm", "phẩy", "âm"}
)

_KNOWN_SPOKEN: Final = _KNOWN | {"rưỡi"}

_WORD_RE: Final = re.compile(r"\S+")


class _Reader:
    """The lower-case words of one text, and errors that point into the original text.

    The readers below take word indices ``lo:hi`` into :attr:`words`; an error names
    a word by its index and works out its position in the text only then. When the
    colloquial reader rewrites the words, :attr:`source` maps each word back to the
    word of the text it came from.
    """

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
        check_length(text, MAX_TEXT_LENGTH, "a number in words")
        self.text = text
        self.nfc, self.offsets = nfc_with_offsets(text)
        self.words: list[str] = self.nfc.lower().split()
        self.source: list[int] | None = None

    def read_integer(self, lo: int, hi: int) -> tuple[int, int]:
        """``words[lo:hi]`` as a whole number (for the spoken forms of danvan._spoken)."""
        return _read_integer(self, lo, hi)

    def error(self, message: str, word: int | None) -> ParseError:
        if word is not None and self.source is not None:
            word = self.source[word] if word < len(self.source) else None
        if word is None or word >= len(_WORD_RE.findall(self.nfc)):
            index, quoted = len(self.nfc), ""
        else:
            match = next(m for i, m in enumerate(_WORD_RE.finditer(self.nfc)) if i == word)
            index, quoted = match.start(), f" {match.group()!r}"
        position = original_index(self.offsets, index)
        return parse_error(f"{message}{quoted}", self.text, position)


def _read_group(reader: _Reader, lo: int, hi: int, *, leading: bool, lone: bool) -> int:
    """Read ``words[lo:hi]`` as a number below 1000 ("không trăm linh năm" included).

    ``leading`` is true for the first group of a number, which may not start with
    "linh"/"lẻ". A lone digit is read only where ``lone`` allows it: at the start of a
    number, or right before a scale word that stands on its own ("một triệu một
    nghìn"). At the end, "một triệu hai" is 1.200.000 in speech, so it is refused as
    ambiguous rather than read as 1.000.002. A group after the first may leave out
    "không trăm" ("một nghìn lẻ năm", "một nghìn lẻ mười", "một nghìn lẻ ba mươi").
    """
    words = reader.words
    if lo >= hi:
        raise reader.error("expected a number", lo)
    value = 0
    index = lo
    has_hundreds = False
    word = words[index]
    if index + 1 < hi and words[index + 1] == "trăm":
        digit = _DIGIT_VALUES.get(word)
        if digit is None:
            raise reader.error("expected a digit before 'trăm', not", index)
        value = digit * 100
        has_hundreds = True
        index += 2
        if index == hi:
            return value
        word = words[index]
    follower: dict[str, int] | None = None
    if word in _ZERO_TENS:
        if not has_hundreds and leading:
            raise reader.error("'linh'/'lẻ' must follow a hundred or a scale word:", index)
        if index + 1 >= hi:
            raise reader.error("expected a digit after", index)
        if not has_hundreds and (
            words[index + 1] == "mười" or (index + 2 < hi and words[index + 2] == "mươi")
        ):  # "một nghìn lẻ mười", "một nghìn lẻ ba mươi tư" (num2words)
            index += 1
            word = words[index]
        else:
            follower = _AFTER_LINH
    if follower is not None:
        pass
    elif word == "mười":
        value += 10
        follower = _AFTER_MUOI_TEN
    elif word in _DIGIT_VALUES:
        if index + 1 < hi and words[index + 1] == "mươi":
            tens = _DIGIT_VALUES[word]
            if tens < 2:
                raise reader.error("'mươi' needs a digit from hai to chín, not", index)
            value += tens * 10
            index += 1
            follower = _AFTER_MUOI
        elif has_hundreds or not lone:
            raise reader.error(
                "ambiguous digit (write 'linh' for an empty tens place and 'không trăm'"
                " for an empty hundreds place):",
                index,
            )
        else:
            value = _DIGIT_VALUES[word]
    else:
        raise reader.error("unexpected", index)
    index += 1
    if follower is not None and index < hi:
        unit = follower.get(words[index])
        if unit is None:
            if words[index] == "năm" and follower is not _AFTER_LINH:
                raise reader.error(
                    "five after a ten is 'lăm' ('năm' here reads as 'year'):", index
                )
            raise reader.error("unexpected", index)
        value += unit
        index += 1
    if index < hi:
        raise reader.error("unexpected", index)
    return value


def _read_integer(reader: _Reader, lo: int, hi: int) -> tuple[int, int]:
    """Read ``words[lo:hi]`` as a whole number: ``(value, unit of its last word)``.

    The number is a sum of terms, each a count times a scale, from the largest down.
    A scale word after a group of digits multiplies the group and the terms before it
    that are smaller than the scale: "một nghìn không trăm năm mươi tỷ" is 1.050 tỷ,
    as CLDR and accounting software write it. "tỷ" straight after another scale word
    joins it ("nghìn tỷ" 10¹², "tỷ tỷ" 10¹⁸), and what follows may fill the places
    below the joined scale: "một nghìn tỷ năm mươi tỷ" is 1.050 tỷ, as num2words,
    vietnam-number and vn-numberwords write it. Each term must be smaller than the
    scale of the term before it, so no text has two readings. One pass, no
    backtracking. The unit is the scale of the last term when the words end with a
    scale word, 100 when they end with "trăm", else 1 (for "rưỡi" and spoken forms).
    """
    words = reader.words
    if hi - lo == 1 and words[lo] == "không":
        return 0, 1
    values: list[int] = []  # the terms found so far, largest first
    bounds: list[int] = []  # the scale of each term: what follows must be smaller
    start = lo
    for index in range(lo, hi):
        unit = _SCALES.get(words[index])
        if unit is None:
            continue
        if start < index:  # a scale word after a group of digits
            absorbs = bool(bounds) and bounds[-1] < unit
            count = _read_group(reader, start, index, leading=not values, lone=not absorbs)
            if count == 0:
                raise reader.error("a scale word needs a number other than zero:", index)
            low = 1
        elif index == lo:
            raise reader.error("expected a number before", index)
        elif unit != _BILLION:  # only tỷ joins a scale word before it
            raise reader.error("scale word out of order:", index)
        else:  # "nghìn tỷ", "triệu tỷ", "tỷ tỷ": the term just made, times a tỷ
            count = values.pop()
            low = bounds.pop()
        while bounds and bounds[-1] < unit:
            bounds.pop()
            count += values.pop()
        value = count * unit
        if bounds and value >= bounds[-1]:
            raise reader.error("scale word out of order:", index)
        if value >= _LIMIT:
            raise reader.error(f"more than {MAX_DIGITS} digits at", index)
        values.append(value)
        bounds.append(low * unit)
        start = index + 1
    if start < hi:
        values.append(_read_group(reader, start, hi, leading=not values, lone=not values))
        last = 100 if words[hi - 1] == "trăm" else 1
    else:
        last = bounds[-1] if bounds else 1
    return sum(values), last


def _read_scale(reader: _Reader, lo: int, hi: int) -> int:
    """Read ``words[lo:hi]`` as one scale ("tỷ", "nghìn tỷ", "triệu tỷ tỷ"): its exponent."""
    words = reader.words
    shift = len(str(_SCALES[words[lo]])) - 1
    for index in range(lo + 1, hi):
        if words[index] not in _BILLIONS:
            raise reader.error("unexpected", index)
        shift += 9
        if shift > MAX_DIGITS:
            raise reader.error(f"more than {MAX_DIGITS} digits at", index)
    return shift


def _read_fraction(reader: _Reader, lo: int, hi: int) -> str:
    """Read the words after "phẩy" as decimal digits: digit by digit, or as a number
    below 1000 after any "không" ("ba phẩy không hai mươi tư" is 3,024)."""
    words = reader.words
    if lo >= hi:
        raise reader.error("expected digits after", lo - 1)
    zeros = lo
    while zeros < hi and words[zeros] == "không":
        zeros += 1
    rest = words[zeros:hi]
    if all(word in _DIGIT_VALUES for word in rest):
        digits = "".join(str(_DIGIT_VALUES[word]) for word in rest)
    else:
        digits = str(_read_group(reader, zeros, hi, leading=True, lone=True))
    if zeros - lo + len(digits) > MAX_DIGITS:
        raise reader.error(f"more than {MAX_DIGITS} decimal digits after", lo - 1)
    return "0" * (zeros - lo) + digits


def _exact(
    negative: bool, whole: int, fraction: str, shift: int, reader: _Reader
) -> int | Decimal:
    """``±whole,fraction × 10**shift``: an ``int`` if whole, else a ``Decimal``."""
    if len(fraction) <= shift:
        value = int(f"{whole}{fraction}".ljust(len(str(whole)) + shift, "0"))
        return -value if negative else value
    try:
        digit_tuple = tuple(int(d) for d in f"{whole}{fraction}")
    except ValueError as exc:  # sys.set_int_max_str_digits() set lower than ours
        raise reader.error("more digits than Python is set to convert, from", 0) from exc
    return Decimal((int(negative), digit_tuple, shift - len(fraction)))


def _read_number(reader: _Reader, lo: int, hi: int, colloquial: bool = False) -> int | Decimal:
    """Read ``words[lo:hi]`` as a number, with its sign, decimals and a scale after them."""
    words = reader.words
    if hi <= lo:
        raise reader.error("expected a number in words, found nothing", None if lo else lo)
    known = _KNOWN_SPOKEN if colloquial else _KNOWN
    if not known.issuperset(words[lo:hi]):
        unknown = next(i for i in range(lo, hi) if words[i] not in known)
        raise reader.error("unknown number word", unknown)
    negative = words[lo] == "âm"
    first = lo + 1 if negative else lo
    try:
        comma = words.index("phẩy", first, hi)
    except ValueError:
        comma = hi
    if "âm" in words[first:hi]:
        raise reader.error("'âm' (minus) comes first, once:", words.index("âm", first, hi))
    if "phẩy" in words[comma + 1 : hi]:
        raise reader.error("unexpected", words.index("phẩy", comma + 1, hi))
    if first >= comma:
        if comma < hi:
            raise reader.error("expected a number before", comma)
        raise reader.error("expected a number after", lo)
    if comma == hi:
        if colloquial:
            from danvan._spoken import read_spoken_end

            spoken = read_spoken_end(reader, first, hi)
            if spoken is not None:
                return -spoken if negative else spoken
        whole, _ = _read_integer(reader, first, hi)
        return -whole if negative else whole
    whole, _ = _read_integer(reader, first, comma)
    end = comma + 1
    while end < hi and words[end] not in _SCALES:
        end += 1
    fraction = _read_fraction(reader, comma + 1, end)
    shift = 0
    if end < hi:  # "ba phẩy tám tỷ": 3,8 tỷ; "một nghìn hai trăm phẩy năm triệu": 1.200,5 triệu
        shift = _read_scale(reader, end, hi)
    return _exact(negative, whole, fraction, shift, reader)


def words_to_number(text: str, /, *, colloquial: bool = False) -> int | Decimal:
    """Read a number written in Vietnamese words (đọc số; inverse: :func:`number_to_words`).

    Every variant of :func:`number_to_words` is read (nghìn/ngàn, linh/lẻ, tư/bốn,
    tỷ/tỉ, decimals digit by digit or as a number), and so is what CLDR, num2words,
    vietnam-number and vn-numberwords write: "một triệu một nghìn" (1.001.000), "một
    nghìn lẻ mười" (1.010), "một nghìn tỷ năm mươi tỷ" (1.050 tỷ). A scale word after
    the decimals scales the number: "ba phẩy tám tỷ" is 3.800.000.000. Any case, any
    spacing, NFC or NFD. Whole numbers come back as ``int``, others as ``Decimal``.

    An unknown word, or words that could mean two numbers ("một trăm năm" is 105 or
    150; "một triệu hai" is 1.200.000 in speech), are a :class:`~danvan.ParseError`
    naming the word and its position. ``colloquial=True`` also reads the spoken forms
    ("hai mốt", "hăm lăm", "một trăm rưỡi", "ba chục nghìn", "chấm", "trừ", "một
    triệu hai") and words typed without diacritics where that is unambiguous; see
    the guide for each form and its reading.

    >>> words_to_number("Một nghìn không trăm linh năm")
    1005
    >>> words_to_number("hai mươi tư")
    24
    >>> words_to_number("âm ba phẩy tám")
    Decimal('-3.8')
    >>> words_to_number("ba phẩy tám tỷ")
    3800000000
    >>> words_to_number("hai nghìn rưỡi", colloquial=True)
    2500
    """
    reader = _Reader(text)
    if colloquial:
        from danvan._spoken import normalize_spoken

        normalize_spoken(reader)
    return _read_number(reader, 0, len(reader.words), colloquial)


def words_to_money(text: str, /, *, colloquial: bool = False) -> int | Decimal:
    """Read a "bằng chữ" line back (đọc số tiền; inverse: :func:`money_to_words`).

    The words of a number, then "đồng", optionally followed by "chẵn" (a trailing
    full stop is allowed). ``colloquial`` is that of :func:`words_to_number`.

    >>> words_to_money("Năm triệu đồng chẵn.")
    5000000
    >>> words_to_money("ba phẩy tám tỷ đồng")
    3800000000
    """
    reader = _Reader(text)
    words = reader.words
    if words and words[-1].endswith(".") and len(words[-1]) > 1:
        words[-1] = words[-1][:-1]
    if colloquial:
        from danvan._spoken import normalize_spoken

        normalize_spoken(reader)
        words = reader.words
    end = len(words)
    if end and words[end - 1] == "chẵn":
        end -= 1
    if not end or words[end - 1] != "đồng":
        raise reader.error("expected 'đồng' at the end", end - 1 if end else None)
    return _read_number(reader, 0, end - 1, colloquial)


# ----------------------------------------------------------------------------- ordinals

_ORDINAL_WORDS: Final[dict[str, int]] = {"nhất": 1, "nhì": 2, "tư": 4, "bốn": 4}


def ordinal_to_words(number: int, /, *, second: Literal["hai", "nhì"] = "hai") -> str:
    """Spell an ordinal number (số thứ tự; inverse: :func:`words_to_ordinal`).

    "thứ" and the number, except 1 "thứ nhất" and 4 "thứ tư", as CLDR writes them;
    2 is "thứ hai" (lists, "Thứ nhất, ... Thứ hai, ...") or, with ``second="nhì"``,
    "thứ nhì" (ranks and prizes, CLDR's form).

    >>> ordinal_to_words(1), ordinal_to_words(4), ordinal_to_words(15)
    ('thứ nhất', 'thứ tư', 'thứ mười lăm')
    >>> ordinal_to_words(2), ordinal_to_words(2, second="nhì")
    ('thứ hai', 'thứ nhì')
    """
    if not isinstance(number, int) or isinstance(number, bool):
        raise InvalidTypeError(f"expected an int, not {type(number).__name__}: {shorten(number)}")
    if second not in ("hai", "nhì"):
        raise InvalidValueError(f"second must be 'hai' or 'nhì', not {shorten(second)}")
    if number < 1:
        raise InvalidValueError(f"an ordinal starts at 1, not {shorten(number)}")
    if number == 1:
        return "thứ nhất"
    if number == 2:
        return f"thứ {second}"
    if number == 4:
        return "thứ tư"
    return "thứ " + number_to_words(number)


def words_to_ordinal(text: str, /) -> int:
    """Read an ordinal number in words (đọc số thứ tự; inverse: :func:`ordinal_to_words`).

    "thứ" then "nhất", "nhì", "tư" (or "bốn", as it is also said) or the words of a
    whole number from 2; any case and spacing. "thứ một" and "thứ không" are refused.

    >>> words_to_ordinal("Thứ nhất"), words_to_ordinal("thứ nhì"), words_to_ordinal("thứ bốn")
    (1, 2, 4)
    >>> words_to_ordinal("thứ hai mươi mốt")
    21
    """
    reader = _Reader(text)
    words = reader.words
    if not words or words[0] != "thứ":
        raise reader.error("an ordinal starts with 'thứ'", 0 if words else None)
    if len(words) == 2 and words[1] in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[words[1]]
    value = _read_number(reader, 1, len(words))
    if not isinstance(value, int) or value < 2:
        raise reader.error("an ordinal is 'thứ nhất' or a whole number from 2, not", 1)
    return value


# ------------------------------------------------------------------------------- digits


def digits_to_words(digits: str, /) -> str:
    """Read a string of digits one by one (đọc từng chữ số; inverse: :func:`words_to_digits`).

    For telephone, identity-card and account numbers, whose leading zeros count:
    every digit is one word, "không" for 0.

    >>> digits_to_words("0908123456")
    'không chín không tám một hai ba bốn năm sáu'
    """
    if not isinstance(digits, str):
        raise InvalidTypeError(f"expected a str, not {type(digits).__name__}: {shorten(digits)}")
    for index, char in enumerate(digits):
        if char not in "0123456789":
            raise parse_error(f"expected a digit, not {char!r}", digits, index)
    if not digits:
        raise parse_error("expected digits, found nothing", digits, 0)
    return " ".join(_DIGITS[int(char)] for char in digits)


def words_to_digits(text: str, /) -> str:
    """Read digits said one by one (đọc từng chữ số; inverse: :func:`digits_to_words`).

    Each word is one digit ("bẩy" is read as "bảy"); leading zeros are kept.

    >>> words_to_digits("không chín không tám một hai ba bốn năm sáu")
    '0908123456'
    """
    reader = _Reader(text)
    words = reader.words
    if not words:
        raise reader.error("expected digits in words, found nothing", None)
    digits = []
    for index, word in enumerate(words):
        digit = _DIGIT_VALUES.get(word)
        if digit is None:
            raise reader.error("expected a digit word, not", index)
        digits.append(str(digit))
    return "".join(digits)
