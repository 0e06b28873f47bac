"""Numbers in Vietnamese words (đọc số, viết số bằng chữ).

Financial papers write every amount twice, in figures and in words ("bằng chữ").
:func:`number_to_words` spells a number, :func:`money_to_words` writes the "bằng chữ"
line, and :func:`words_to_number` / :func:`words_to_money` read them back exactly.

The rules, as taught and as accounting software writes them: *mười* is ten, *mươi* the
tens from twenty; after *mươi* one is *mốt* and four is *tư*; five after a ten is *lăm*;
an empty tens place after a hundred is *linh* (or *lẻ*); every group of three digits
after the first keeps its hundreds, so 1.005 is "một nghìn không trăm linh năm"; zero
groups are skipped; above a tỷ the scale words repeat (10¹² "một nghìn tỷ", 10¹⁸ "một
tỷ tỷ"); decimals are read after *phẩy*, negatives start with *âm*.

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

from decimal import Decimal
from typing import Final, Literal

from danvan._text import nfc_with_offsets, original_index
from danvan.errors import InvalidTypeError, InvalidValueError, ParseError
from danvan.numbers import MAX_DIGITS

__all__ = ["money_to_words", "number_to_words", "words_to_money", "words_to_number"]

_DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

_VARIANTS: Final[dict[str, tuple[str, ...]]] = {
    "thousand": ("nghìn", "ngàn"),
    "zero_tens": ("linh", "lẻ"),
    "four": ("tư", "bốn"),
    "billion": ("tỷ", "tỉ"),
    "fraction": ("digits", "number"),
}

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
        raise InvalidValueError(f"{name} must be {choices}, not {value!r}")


def _integer_words(
    digits: str, thousand: str, zero_tens: str, four: str, billion: str
) -> list[str]:
    """Words for a string of decimal digits without leading zeros (not empty)."""
    leading, padded = _tables(zero_tens, four)
    head = len(digits) % 3 or 3
    groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    scales = ("", thousand, "triệu")
    words: list[str] = []
    for index, group in enumerate(groups):
        position = len(groups) - 1 - index  # 0 for the units group
        value = int(group)
        if value:
            words.append(padded[value] if words else leading[value])
            if position % 3:
                words.append(scales[position % 3])
        if position and position % 3 == 0:
            words.append(billion)
    return words


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
    """Spell a number in Vietnamese words (inverse: :func:`words_to_number`).

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
    for name, choice in (
        ("thousand", thousand),
        ("zero_tens", zero_tens),
        ("four", four),
        ("billion", billion),
        ("fraction", fraction),
    ):
        _check_variant(name, choice)
    negative, whole, decimals = _split(value)
    words = ["âm"] if negative else []
    if whole == "0":
        words.append("không")
    else:
        words += _integer_words(whole, thousand, zero_tens, four, billion)
    if decimals:
        words.append("phẩy")
        if fraction == "digits":
            words += [_DIGITS[int(d)] for d in decimals]
        else:
            significant = decimals.lstrip("0")
            words += ["không"] * (len(decimals) - len(significant))
            if significant:
                words += _integer_words(significant, thousand, zero_tens, four, billion)
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
            f"expected an int or a Decimal, not {type(value).__name__}: {value!r}"
        )
    if not value.is_finite():
        raise InvalidValueError(f"number must be finite, not {value!r}")
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if len(digit_tuple) + max(exponent, 0) > MAX_DIGITS or -exponent > MAX_DIGITS:
        raise InvalidValueError(f"number has more than {MAX_DIGITS} digits: {value!r}")
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
    amount is a whole number of thousands, as cheques and receipts write it. The other
    options are those of :func:`number_to_words`.

    >>> money_to_words(1798702098)
    'Một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn không trăm chín mươi tám đồng'
    >>> money_to_words(5000000, even=True)
    'Năm triệu đồng chẵn'
    """
    words = number_to_words(
        amount, thousand=thousand, zero_tens=zero_tens, four=four, billion=billion
    )
    text = f"{words} đồng"
    if even and amount and amount % 1000 == 0:
        text += " chẵn"
    return text[0].upper() + text[1:]


# ------------------------------------------------------------------------------ reading

_DIGIT_VALUES: Final[dict[str, int]] = {word: value for value, word in enumerate(_DIGITS)}
_DIGIT_VALUES["bẩy"] = 7  # a common Northern spelling of bảy
# Units that may follow a ten: "mười lăm", "hai mươi mốt", "hai mươi tư".
_AFTER_MUOI: Final = {**_DIGIT_VALUES, "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
_AFTER_MUOI.pop("không")
_AFTER_MUOI_TEN: Final = {k: v for k, v in _AFTER_MUOI.items() if k not in ("mốt", "nhăm")}
_AFTER_LINH: Final = {k: v for k, v in _AFTER_MUOI_TEN.items() if k != "lăm"}
_ZERO_TENS: Final = frozenset(("linh", "lẻ"))
_THOUSANDS: Final = frozenset(("nghìn", "ngàn"))
_BILLIONS: Final = frozenset(("tỷ", "tỉ"))
_KNOWN: Final = frozenset(
    {*_AFTER_MUOI, *_ZERO_TENS, *_THOUSANDS, *_BILLIONS}
    | {"không", "mười", "mươi", "trăm", "triệu", "phẩy", "âm"}
)

_Token = tuple[str, int]  # (lower-case word, index in the NFC text)


class _Reader:
    """Reads tokens of one text; raises errors that point into the original text."""

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {text!r}")
        self.text = text
        self.nfc, self.offsets = nfc_with_offsets(text)
        self.tokens: list[_Token] = []
        index, length, nfc = 0, len(self.nfc), self.nfc
        while index < length:
            if nfc[index].isspace():
                index += 1
                continue
            end = index
            while end < length and not nfc[end].isspace():
                end += 1
            self.tokens.append((nfc[index:end].lower(), index))
            index = end

    def error(self, message: str, token: _Token | None) -> ParseError:
        index = len(self.nfc) if token is None else token[1]
        position = original_index(self.offsets, index)
        word = "" if token is None else f" {self.nfc[index : index + len(token[0])]!r}"
        return ParseError(
            f"{message}{word} in {self.text!r} at position {position}",
            text=self.text,
            position=position,
        )

    def check_known(self, tokens: list[_Token]) -> None:
        for token in tokens:
            if token[0] not in _KNOWN:
                raise self.error("unknown number word", token)


def _read_group(reader: _Reader, tokens: list[_Token], lo: int, hi: int, *, leading: bool) -> int:
    """Read ``tokens[lo:hi]`` as a number below 1000 ("không trăm linh năm" included).

    A lone digit is read only in the leading group: after a scale word "một triệu hai"
    is 1.200.000 in speech, so it is refused as ambiguous rather than read as 1.000.002.
    A group after the first may leave out "không trăm" ("một nghìn lẻ năm").
    """
    if lo >= hi:
        raise reader.error("expected a number", tokens[lo] if lo < len(tokens) else None)
    value = 0
    index = lo
    has_hundreds = False
    word = tokens[index][0]
    if index + 1 < hi and tokens[index + 1][0] == "trăm":
        if word not in _DIGIT_VALUES:
            raise reader.error("expected a digit before 'trăm', not", tokens[index])
        value = _DIGIT_VALUES[word] * 100
        has_hundreds = True
        index += 2
    if index < hi:
        word = tokens[index][0]
        follower: dict[str, int] | None = None
        if word in _ZERO_TENS:
            if not has_hundreds and leading:
                raise reader.error("'linh'/'lẻ' must follow a hundred:", tokens[index])
            follower = _AFTER_LINH
            if index + 1 >= hi:
                raise reader.error("expected a digit after", tokens[index])
        elif word == "mười":
            value += 10
            follower = _AFTER_MUOI_TEN
        elif word in _DIGIT_VALUES and index + 1 < hi and tokens[index + 1][0] == "mươi":
            tens = _DIGIT_VALUES[word]
            if tens < 2:
                raise reader.error("'mươi' needs a digit from hai to chín, not", tokens[index])
            value += tens * 10
            index += 1
            follower = _AFTER_MUOI
        elif word in _DIGIT_VALUES and not has_hundreds and leading:
            value = _DIGIT_VALUES[word]
        elif word in _DIGIT_VALUES:
            raise reader.error(
                "ambiguous digit (write 'linh' for an empty tens place and 'không trăm'"
                " for an empty hundreds place):",
                tokens[index],
            )
        else:
            raise reader.error("unexpected", tokens[index])
        index += 1
        if follower is not None and index < hi:
            unit = follower.get(tokens[index][0])
            if unit is None:
                raise reader.error("unexpected", tokens[index])
            value += unit
            index += 1
    if index < hi:
        raise reader.error("unexpected", tokens[index])
    return value


def _read_below_billion(
    reader: _Reader, tokens: list[_Token], lo: int, hi: int, *, leading: bool
) -> int:
    """Read ``tokens[lo:hi]`` (no tỷ) as a number below 10⁹; empty is 0 unless leading."""
    if lo >= hi:
        if leading:
            raise reader.error(
                "expected a number before", tokens[hi] if hi < len(tokens) else None
            )
        return 0
    value = 0
    start = lo
    seen: tuple[str, ...] = ()
    for index in range(lo, hi):
        word = tokens[index][0]
        if word == "triệu" or word in _THOUSANDS:
            scale = "triệu" if word == "triệu" else "nghìn"
            if scale in seen or (scale == "triệu" and seen):
                raise reader.error("scale word out of order:", tokens[index])
            if start == index:
                raise reader.error("expected a number before", tokens[index])
            group = _read_group(reader, tokens, start, index, leading=leading)
            leading = False
            if group == 0:
                raise reader.error("a scale word needs a number other than zero:", tokens[index])
            value += group * (1_000_000 if scale == "triệu" else 1000)
            seen += (scale,)
            start = index + 1
    if start < hi:
        value += _read_group(reader, tokens, start, hi, leading=leading)
    return value


def _read_integer(reader: _Reader, tokens: list[_Token], lo: int, hi: int) -> int:
    """Read ``tokens[lo:hi]`` as a whole number: blocks of 10⁹ separated by "tỷ"."""
    if hi - lo == 1 and tokens[lo][0] == "không":
        return 0
    value = 0
    start = lo
    first = True
    digits = 0
    for index in range(lo, hi + 1):
        if index == hi or tokens[index][0] in _BILLIONS:
            block = _read_below_billion(reader, tokens, start, index, leading=first)
            if first and block == 0:
                raise reader.error("a number cannot start with zero:", tokens[start])
            value = value * 1_000_000_000 + block
            digits += 9
            if digits > MAX_DIGITS + 9:
                raise reader.error(f"more than {MAX_DIGITS} digits at", tokens[index])
            first = False
            start = index + 1
    if value >= 10**MAX_DIGITS:
        raise reader.error(f"more than {MAX_DIGITS} digits in the number starting", tokens[lo])
    return value


def _read_fraction(reader: _Reader, tokens: list[_Token], lo: int, hi: int) -> str:
    """Read the words after "phẩy" as decimal digits (digit by digit or as a number)."""
    if lo >= hi:
        raise reader.error("expected digits after", tokens[lo - 1])
    zeros = lo
    while zeros < hi and tokens[zeros][0] == "không":
        zeros += 1
    rest = tokens[zeros:hi]
    if all(word in _DIGIT_VALUES for word, _ in rest):
        digits = "".join(str(_DIGIT_VALUES[word]) for word, _ in rest)
    else:
        digits = str(_read_integer(reader, tokens, zeros, hi))
    return "0" * (zeros - lo) + digits


def _read_number(reader: _Reader, tokens: list[_Token]) -> int | Decimal:
    if not tokens:
        raise reader.error("expected a number in words, found nothing", None)
    reader.check_known(tokens)
    negative = tokens[0][0] == "âm"
    lo = 1 if negative else 0
    comma = next((i for i in range(lo, len(tokens)) if tokens[i][0] == "phẩy"), len(tokens))
    for token in tokens[comma + 1 :]:
        if token[0] in ("phẩy", "âm"):
            raise reader.error("unexpected", token)
    for token in tokens[lo:comma]:
        if token[0] == "âm":
            raise reader.error("'âm' (minus) must come first:", token)
    if lo >= comma:
        raise reader.error("expected a number after", tokens[0] if negative else None)
    whole = _read_integer(reader, tokens, lo, comma)
    if comma == len(tokens):
        return -whole if negative else whole
    fraction = _read_fraction(reader, tokens, comma + 1, len(tokens))
    digit_tuple = tuple(int(d) for d in f"{whole}{fraction}")
    return Decimal((int(negative), digit_tuple, -len(fraction)))


def words_to_number(text: str, /) -> int | Decimal:
    """Read a number written in Vietnamese words (inverse: :func:`number_to_words`).

    Every variant of :func:`number_to_words` is read (nghìn/ngàn, linh/lẻ, tư/bốn,
    tỷ/tỉ, decimals digit by digit or as a number), in any case, with any spacing, in
    NFC or NFD. Whole numbers come back as ``int``, others as ``Decimal``. An unknown
    word, or words that do not make a number ("hai trăm năm" could be 205 or 250), are
    a :class:`~danvan.ParseError` naming the word and its position.

    >>> words_to_number("Một nghìn không trăm linh năm")
    1005
    >>> words_to_number("hai mươi tư")
    24
    >>> words_to_number("âm ba phẩy tám")
    Decimal('-3.8')
    """
    reader = _Reader(text)
    return _read_number(reader, reader.tokens)


def words_to_money(text: str, /) -> int | Decimal:
    """Read a "bằng chữ" line back (inverse: :func:`money_to_words`).

    The words of a number, then "đồng", optionally followed by "chẵn" (a trailing
    full stop is allowed).

    >>> words_to_money("Năm triệu đồng chẵn.")
    5000000
    """
    reader = _Reader(text)
    tokens = list(reader.tokens)
    if tokens and tokens[-1][0].endswith(".") and len(tokens[-1][0]) > 1:
        word, index = tokens[-1]
        tokens[-1] = (word[:-1], index)
    if tokens and tokens[-1][0] == "chẵn":
        tokens.pop()
    if not tokens or tokens[-1][0] != "đồng":
        raise reader.error("expected 'đồng' at the end", tokens[-1] if tokens else None)
    return _read_number(reader, tokens[:-1])
