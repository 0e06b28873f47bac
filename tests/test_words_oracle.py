"""Vietnamese number words checked against an independent oracle.

The oracle below is written straight from the rules of Vietnamese number words, with a
different structure from a table-driven speller: plain recursion on ``n // 10**9``
(each block of nine digits is followed by one tỷ per block under it), then on triệu
and nghìn, then one group of three digits. Everything danvan writes is compared with it,
read back, and read back again after being mangled the ways people type (case,
spacing, NFD).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import danvan
from danvan import ParseError, money_to_words, number_to_words, words_to_money, words_to_number

# --------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------

Fraction = Literal["digits", "number"]

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _group(n: int, padded: bool, zero_tens: str, four: str) -> str:
    """Spell 1 <= n <= 999; ``padded`` writes the hundreds even when they are zero."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or padded:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 4:
            words.append(four)
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    return " ".join(words)


def _below_billion(n: int, padded: bool, thousand: str, zero_tens: str, four: str) -> str:
    """Spell 1 <= n < 10**9; zero groups are skipped, later groups are padded."""
    if n >= 10**6:
        high, low = divmod(n, 10**6)
        text = _group(high, padded, zero_tens, four) + " triệu"
        if low:
            text += " " + _below_billion(low, True, thousand, zero_tens, four)
        return text
    if n >= 10**3:
        high, low = divmod(n, 10**3)
        text = _group(high, padded, zero_tens, four) + " " + thousand
        if low:
            text += " " + _below_billion(low, True, thousand, zero_tens, four)
        return text
    return _group(n, padded, zero_tens, four)


def _positive(
    n: int, thousand: str, zero_tens: str, four: str, billion: str, level: int = 0
) -> str:
    """Spell ``n * 10**(9 * level)``: every block of nine digits carries its own tỷ's."""
    suffix = f" {billion}" * level
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        text = _positive(high, thousand, zero_tens, four, billion, level + 1)
        if low:
            text += " " + _below_billion(low, True, thousand, zero_tens, four) + suffix
        return text
    return _below_billion(n, False, thousand, zero_tens, four) + suffix


def oracle_words(
    n: int,
    *,
    thousand: str = "nghìn",
    zero_tens: str = "linh",
    four: str = "tư",
    billion: str = "tỷ",
) -> str:
    if n < 0:
        return "âm " + oracle_words(
            -n, thousand=thousand, zero_tens=zero_tens, four=four, billion=billion
        )
    if n == 0:
        return "không"
    return _positive(n, thousand, zero_tens, four, billion)


def oracle_decimal_words(
    negative: bool,
    integer: int,
    fraction_digits: str,
    *,
    fraction: Fraction = "digits",
    **variant: Any,
) -> str:
    """Spell ``±integer.fraction_digits`` (fraction_digits non-empty, no trailing zero)."""
    text = oracle_words(integer, **variant) + " phẩy "
    significant = fraction_digits.lstrip("0")
    if fraction == "digits" or int(significant) >= 1000:  # no scale word among decimals
        text += " ".join(DIGITS[int(d)] for d in fraction_digits)
    else:
        zeros = len(fraction_digits) - len(significant)
        text += " ".join(["không"] * zeros + [oracle_words(int(significant), **variant)])
    return "âm " + text if negative else text


def oracle_money(amount: int, *, even: bool = False, **variant: Any) -> str:
    text = oracle_words(amount, **variant)
    text = text[0].upper() + text[1:] + " đồng"
    if even and amount and amount % 1000 == 0:
        text += " chẵn"
    return text


# --------------------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------------------

THOUSANDS = st.sampled_from(["nghìn", "ngàn"])
ZERO_TENS = st.sampled_from(["linh", "lẻ"])
FOURS = st.sampled_from(["tư", "bốn"])
BILLIONS = st.sampled_from(["tỷ", "tỉ"])
FRACTIONS: st.SearchStrategy[Fraction] = st.sampled_from(["digits", "number"])

VARIANTS = st.fixed_dictionaries(
    {"thousand": THOUSANDS, "zero_tens": ZERO_TENS, "four": FOURS, "billion": BILLIONS}
)

# Groups of three digits that exercise the special syllables (mốt, tư, lăm, linh, mười)
# and, above all, zero groups, which uniformly drawn big integers almost never contain.
SPECIAL_GROUPS = [0, 0, 0, 1, 4, 5, 10, 11, 14, 15, 20, 21, 24, 25, 100, 101, 104, 105]
SPECIAL_GROUPS += [110, 111, 114, 115, 121, 124, 125, 500, 505, 515, 999]
GROUP = st.one_of(st.sampled_from(SPECIAL_GROUPS), st.integers(0, 999))


@st.composite
def structured_ints(draw: st.DrawFn) -> int:
    groups = draw(st.lists(GROUP, min_size=1, max_size=11))
    value = 0
    for group in groups:
        value = value * 1000 + group
    return -value if draw(st.booleans()) else value


WIDE_INTS = st.one_of(st.integers(-(10**30), 10**30), structured_ints())
ROUND_TRIP_INTS = WIDE_INTS.filter(lambda n: abs(n) < 10**30)


@st.composite
def decimal_parts(draw: st.DrawFn) -> tuple[bool, int, str]:
    """(negative, integer part, fraction digits without a trailing zero)."""
    negative = draw(st.booleans())
    integer = draw(st.one_of(st.integers(0, 10**12), st.sampled_from([0, 1, 3, 24, 105])))
    digits = draw(st.text(alphabet="0123456789", min_size=0, max_size=9))
    last = draw(st.sampled_from("123456789"))
    return negative, integer, digits + last


def _decimal(negative: bool, integer: int, fraction_digits: str) -> Decimal:
    return Decimal(("-" if negative else "") + f"{integer}.{fraction_digits}")


# --------------------------------------------------------------------------------------
# 1. danvan agrees with the oracle
# --------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(n=WIDE_INTS, variant=VARIANTS)
def test_number_to_words_matches_oracle(n: int, variant: dict[str, Any]) -> None:
    assert number_to_words(n, **variant) == oracle_words(n, **variant)


@given(n=WIDE_INTS)
def test_default_variants_match_oracle(n: int) -> None:
    assert number_to_words(n) == oracle_words(n)


@settings(max_examples=200)
@given(parts=decimal_parts(), fraction=FRACTIONS, variant=VARIANTS)
def test_decimal_words_match_oracle(
    parts: tuple[bool, int, str], fraction: Fraction, variant: dict[str, Any]
) -> None:
    value = _decimal(*parts)
    expected = oracle_decimal_words(*parts, fraction=fraction, **variant)
    assert number_to_words(value, fraction=fraction, **variant) == expected


@given(amount=st.one_of(st.integers(0, 10**30), structured_ints().map(abs)), even=st.booleans())
def test_money_to_words_matches_oracle(amount: int, even: bool) -> None:
    assert money_to_words(amount, even=even) == oracle_money(amount, even=even)


@given(amount=structured_ints().map(abs), even=st.booleans(), variant=VARIANTS)
def test_money_to_words_variants_match_oracle(
    amount: int, even: bool, variant: dict[str, Any]
) -> None:
    expected = oracle_money(amount, even=even, **variant)
    assert money_to_words(amount, even=even, **variant) == expected


# --------------------------------------------------------------------------------------
# 2. Hand-checked table
# --------------------------------------------------------------------------------------

LONG = "một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn không trăm chín mươi tám"
LONG_VARIANT = "một tỉ bảy trăm chín mươi tám triệu bảy trăm lẻ hai ngàn không trăm chín mươi tám"
ALL_VARIANTS: dict[str, Any] = {
    "thousand": "ngàn",
    "zero_tens": "lẻ",
    "four": "bốn",
    "billion": "tỉ",
}

TABLE: list[tuple[int | Decimal, dict[str, str], str]] = [
    # digits
    (0, {}, "không"),
    (1, {}, "một"),
    (4, {}, "bốn"),
    (4, {"four": "tư"}, "bốn"),
    (5, {}, "năm"),
    (7, {}, "bảy"),
    (9, {}, "chín"),
    # tens
    (10, {}, "mười"),
    (11, {}, "mười một"),
    (14, {}, "mười bốn"),
    (14, {"four": "bốn"}, "mười bốn"),
    (15, {}, "mười lăm"),
    (20, {}, "hai mươi"),
    (21, {}, "hai mươi mốt"),
    (24, {}, "hai mươi tư"),
    (24, {"four": "bốn"}, "hai mươi bốn"),
    (25, {}, "hai mươi lăm"),
    (55, {}, "năm mươi lăm"),
    (91, {}, "chín mươi mốt"),
    (99, {}, "chín mươi chín"),
    # hundreds
    (100, {}, "một trăm"),
    (101, {}, "một trăm linh một"),
    (104, {}, "một trăm linh bốn"),
    (105, {}, "một trăm linh năm"),
    (105, {"zero_tens": "lẻ"}, "một trăm lẻ năm"),
    (110, {}, "một trăm mười"),
    (111, {}, "một trăm mười một"),
    (115, {}, "một trăm mười lăm"),
    (121, {}, "một trăm hai mươi mốt"),
    (124, {"four": "bốn"}, "một trăm hai mươi bốn"),
    (500, {}, "năm trăm"),
    (999, {}, "chín trăm chín mươi chín"),
    # groups, padding, zero groups
    (1000, {}, "một nghìn"),
    (1000, {"thousand": "ngàn"}, "một ngàn"),
    (1005, {}, "một nghìn không trăm linh năm"),
    (1005, {"thousand": "ngàn", "zero_tens": "lẻ"}, "một ngàn không trăm lẻ năm"),
    (1010, {}, "một nghìn không trăm mười"),
    (1024, {}, "một nghìn không trăm hai mươi tư"),
    (1100, {}, "một nghìn một trăm"),
    (1234, {}, "một nghìn hai trăm ba mươi tư"),
    (10_000, {}, "mười nghìn"),
    (15_000, {}, "mười lăm nghìn"),
    (21_000, {}, "hai mươi mốt nghìn"),
    (100_000, {}, "một trăm nghìn"),
    (105_000, {}, "một trăm linh năm nghìn"),
    (1_000_000, {}, "một triệu"),
    (1_000_005, {}, "một triệu không trăm linh năm"),
    (2_000_010, {}, "hai triệu không trăm mười"),
    (1_005_000, {}, "một triệu không trăm linh năm nghìn"),
    (5_000_000, {}, "năm triệu"),
    (1_000_000_000, {}, "một tỷ"),
    (1_000_000_000, {"billion": "tỉ"}, "một tỉ"),
    (1_000_000_005, {}, "một tỷ không trăm linh năm"),
    (1_005_000_000, {}, "một tỷ không trăm linh năm triệu"),
    (2_000_000_024, {"four": "bốn"}, "hai tỷ không trăm hai mươi bốn"),
    (1_798_702_098, {}, LONG),
    (1_798_702_098, ALL_VARIANTS, LONG_VARIANT),
    # the number of tỷ spelled recursively
    (10**12, {}, "một nghìn tỷ"),
    (10**12, {"thousand": "ngàn", "billion": "tỉ"}, "một ngàn tỉ"),
    (10**15, {}, "một triệu tỷ"),
    (10**18, {}, "một tỷ tỷ"),
    (10**18, {"billion": "tỉ"}, "một tỉ tỉ"),
    (1001 * 10**9, {}, "một nghìn không trăm linh một tỷ"),
    (1001 * 10**9, {"zero_tens": "lẻ"}, "một nghìn không trăm lẻ một tỷ"),
    (10**18 + 5, {}, "một tỷ tỷ không trăm linh năm"),
    # negatives
    (-7, {}, "âm bảy"),
    (-1005, {}, "âm một nghìn không trăm linh năm"),
    (-24, {"four": "bốn"}, "âm hai mươi bốn"),
    # decimals
    (Decimal("3.8"), {}, "ba phẩy tám"),
    (Decimal("0.05"), {}, "không phẩy không năm"),
    (Decimal("3.25"), {}, "ba phẩy hai năm"),
    (Decimal("3.25"), {"fraction": "number"}, "ba phẩy hai mươi lăm"),
    (Decimal("0.05"), {"fraction": "number"}, "không phẩy không năm"),
    (Decimal("3.024"), {"fraction": "number"}, "ba phẩy không hai mươi tư"),
    (Decimal("3.024"), {"fraction": "number", "four": "bốn"}, "ba phẩy không hai mươi bốn"),
    (Decimal("3.024"), {}, "ba phẩy không hai bốn"),
    (Decimal("12.345"), {}, "mười hai phẩy ba bốn năm"),
    (Decimal("-0.5"), {}, "âm không phẩy năm"),
    (Decimal("1005.15"), {"fraction": "number"}, "một nghìn không trăm linh năm phẩy mười lăm"),
]


def _case_id(case: tuple[int | Decimal, dict[str, str], str]) -> str:
    value, variant, _ = case
    return f"{value}-{'-'.join(variant.values()) or 'default'}"


@pytest.mark.parametrize(("value", "variant", "expected"), TABLE, ids=map(_case_id, TABLE))
def test_table_number_to_words(
    value: int | Decimal, variant: dict[str, Any], expected: str
) -> None:
    assert number_to_words(value, **variant) == expected


@pytest.mark.parametrize(("value", "variant", "expected"), TABLE, ids=map(_case_id, TABLE))
def test_table_words_to_number(
    value: int | Decimal, variant: dict[str, Any], expected: str
) -> None:
    result = words_to_number(expected)
    assert result == value
    if isinstance(value, int):
        assert type(result) is int
    else:
        assert isinstance(result, Decimal)


@pytest.mark.parametrize(("value", "variant", "expected"), TABLE, ids=map(_case_id, TABLE))
def test_table_checks_the_oracle(
    value: int | Decimal, variant: dict[str, Any], expected: str
) -> None:
    # The oracle is only as good as its agreement with hand-checked spellings.
    if isinstance(value, int):
        assert oracle_words(value, **variant) == expected
    else:
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        text = "".join(map(str, digits)).rjust(-exponent + 1, "0")
        integer, fraction_digits = int(text[:exponent]), text[exponent:]
        assert oracle_decimal_words(bool(sign), integer, fraction_digits, **variant) == expected


MONEY_TABLE: list[tuple[int, bool, str]] = [
    (0, False, "Không đồng"),
    (0, True, "Không đồng"),
    (5, True, "Năm đồng"),
    (1005, False, "Một nghìn không trăm linh năm đồng"),
    (2000, False, "Hai nghìn đồng"),
    (2000, True, "Hai nghìn đồng chẵn"),
    (2500, True, "Hai nghìn năm trăm đồng"),
    (5_000_000, True, "Năm triệu đồng chẵn"),
    (1_798_702_098, False, LONG[0].upper() + LONG[1:] + " đồng"),
    (10**12, True, "Một nghìn tỷ đồng chẵn"),
]


@pytest.mark.parametrize(("amount", "even", "expected"), MONEY_TABLE)
def test_table_money(amount: int, even: bool, expected: str) -> None:
    assert money_to_words(amount, even=even) == expected
    assert words_to_money(expected) == amount


def test_money_variants() -> None:
    assert money_to_words(1_798_702_098, **ALL_VARIANTS) == (
        LONG_VARIANT[0].upper() + LONG_VARIANT[1:] + " đồng"
    )


# --------------------------------------------------------------------------------------
# 3. Round trips
# --------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(n=ROUND_TRIP_INTS, variant=VARIANTS)
def test_int_round_trip(n: int, variant: dict[str, Any]) -> None:
    result = words_to_number(number_to_words(n, **variant))
    assert result == n
    assert type(result) is int


DECIMALS = st.integers(0, 8).flatmap(
    lambda places: st.decimals(
        min_value=-(10**15),
        max_value=10**15,
        allow_nan=False,
        allow_infinity=False,
        places=places,
    )
)


@settings(max_examples=300)
@given(value=DECIMALS, fraction=FRACTIONS, variant=VARIANTS)
def test_decimal_round_trip(value: Decimal, fraction: Fraction, variant: dict[str, Any]) -> None:
    text = number_to_words(value, fraction=fraction, **variant)
    assert words_to_number(text) == value


@given(parts=decimal_parts(), fraction=FRACTIONS)
def test_decimal_round_trip_exact(parts: tuple[bool, int, str], fraction: Fraction) -> None:
    value = _decimal(*parts)
    result = words_to_number(number_to_words(value, fraction=fraction))
    assert isinstance(result, Decimal)
    assert result == value


@given(
    amount=st.one_of(st.integers(0, 10**30 - 1), structured_ints().map(abs)).filter(
        lambda n: n < 10**30
    ),
    even=st.booleans(),
    variant=VARIANTS,
)
def test_money_round_trip(amount: int, even: bool, variant: dict[str, Any]) -> None:
    text = money_to_words(amount, even=even, **variant)
    assert words_to_money(text) == amount


# --------------------------------------------------------------------------------------
# 4. Reading tolerance
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MỘT NGHÌN",
        "Một Nghìn",
        "mỘt nGhÌn",
        "một   nghìn",
        "một\tnghìn",
        "một\nnghìn",
        "một \t\n nghìn",
        unicodedata.normalize("NFD", "một nghìn"),
        unicodedata.normalize("NFD", "MỘT NGHÌN"),
        unicodedata.normalize("NFD", "Một\t\tNghìn"),
    ],
)
def test_reading_tolerance_examples(text: str) -> None:
    assert words_to_number(text) == 1000


@pytest.mark.parametrize("text", ["  một nghìn", "một nghìn  ", "\tmột nghìn\n"])
def test_reading_tolerates_surrounding_whitespace(text: str) -> None:
    assert words_to_number(text) == 1000


@st.composite
def mangled(draw: st.DrawFn, text: str) -> str:
    words = text.split(" ")
    separators = st.text(alphabet=" \t\n", min_size=1, max_size=3)
    out = words[0]
    for word in words[1:]:
        out += draw(separators) + word
    flips = draw(st.lists(st.booleans(), min_size=len(out), max_size=len(out)))
    out = "".join(c.upper() if flip else c for c, flip in zip(out, flips, strict=True))
    if draw(st.booleans()):
        out = unicodedata.normalize("NFD", out)
    return out


@settings(max_examples=200)
@given(data=st.data(), n=WIDE_INTS, variant=VARIANTS)
def test_reading_tolerance_property(data: st.DataObject, n: int, variant: dict[str, Any]) -> None:
    text = data.draw(mangled(oracle_words(n, **variant)))
    assert words_to_number(text) == n


@given(data=st.data(), parts=decimal_parts(), fraction=FRACTIONS)
def test_reading_tolerance_decimals(
    data: st.DataObject, parts: tuple[bool, int, str], fraction: Fraction
) -> None:
    text = data.draw(mangled(oracle_decimal_words(*parts, fraction=fraction)))
    assert words_to_number(text) == _decimal(*parts)


# --------------------------------------------------------------------------------------
# 5. Errors
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bad_word"),
    [
        ("một nghìn lẽ năm", "lẽ"),
        ("hai mươi xyz", "xyz"),
        ("MỘT NGHÌN LẼ NĂM", "LẼ"),
        ("  hai \t mươi   xyz", "xyz"),
        ("xyz một", "xyz"),
        ("một trăm lẻ bôn", "bôn"),
    ],
)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_unknown_word_position(text: str, bad_word: str, form: Literal["NFC", "NFD"]) -> None:
    original = unicodedata.normalize(form, text)
    expected = original.index(unicodedata.normalize(form, bad_word))
    with pytest.raises(ParseError) as info:
        words_to_number(original)
    assert info.value.text == original
    assert info.value.position == expected


def test_nfd_position_differs_from_nfc() -> None:
    # Guard that the NFD case above really tests something: the offsets differ.
    nfc = "một nghìn lẽ năm"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc.index("lẽ") != nfd.index(unicodedata.normalize("NFD", "lẽ"))


@pytest.mark.parametrize("text", ["một trăm năm", "một triệu hai", "một nghìn hai"])
def test_ambiguous_colloquial_forms_raise(text: str) -> None:
    with pytest.raises(ParseError) as info:
        words_to_number(text)
    assert info.value.text == text
    assert 0 <= info.value.position < len(text)


@pytest.mark.parametrize("text", ["", " ", "\t\n"])
def test_empty_raises(text: str) -> None:
    with pytest.raises(ParseError) as info:
        words_to_number(text)
    assert info.value.text == text


def test_money_unknown_word_raises() -> None:
    with pytest.raises(ParseError):
        words_to_money("Một nghìn lẽ năm đồng")
    with pytest.raises(ParseError):
        words_to_money("")


# --------------------------------------------------------------------------------------
# 6. Fuzz: a number or a ParseError, nothing else
# --------------------------------------------------------------------------------------

VOCABULARY = [
    *DIGITS,
    "mười",
    "mươi",
    "mốt",
    "tư",
    "lăm",
    "linh",
    "lẻ",
    "trăm",
    "nghìn",
    "ngàn",
    "triệu",
    "tỷ",
    "tỉ",
    "âm",
    "phẩy",
    "đồng",
    "chẵn",
    "lẽ",
    "",
]


def _number_or_parse_error(text: str) -> None:
    try:
        result = words_to_number(text)
    except ParseError as exc:
        assert exc.text == text
        assert 0 <= exc.position <= len(text)
    else:
        assert isinstance(result, (int, Decimal))
        assert not isinstance(result, bool)


@settings(max_examples=300)
@given(text=st.text())
def test_fuzz_any_text(text: str) -> None:
    _number_or_parse_error(text)


@settings(max_examples=300)
@given(words=st.lists(st.sampled_from(VOCABULARY), max_size=10))
def test_fuzz_number_words(words: list[str]) -> None:
    _number_or_parse_error(" ".join(words))


@given(words=st.lists(st.sampled_from(VOCABULARY), max_size=10))
def test_fuzz_money_words(words: list[str]) -> None:
    text = " ".join(words)
    try:
        result = words_to_money(text)
    except ParseError as exc:
        assert exc.text == text
    else:
        assert isinstance(result, (int, Decimal))


def test_parse_error_is_public() -> None:
    assert danvan.ParseError is ParseError


# --------------------------------------------------------- regressions found in review


def test_zero_decimals_are_not_read_out_on_the_money_line() -> None:
    assert money_to_words(Decimal("5000000.00"), even=True) == "Năm triệu đồng chẵn"


def test_chan_does_not_depend_on_the_decimal_context() -> None:
    from decimal import localcontext

    with localcontext() as context:
        context.prec = 3
        assert money_to_words(Decimal("1234000"), even=True).endswith("đồng chẵn")
    big = Decimal("1234567890123456789012345678901234000")
    assert money_to_words(big, even=True).endswith("đồng chẵn")


@pytest.mark.parametrize("text", ["hai mươi năm", "mười năm", "ba mươi năm"])
def test_nam_after_a_ten_is_refused(text: str) -> None:
    # Five after a ten is "lăm"; "hai mươi năm" is read as "twenty years".
    with pytest.raises(ParseError) as info:
        words_to_number(text)
    assert text[info.value.position :].startswith("năm")


def test_a_lone_comma_word_points_at_itself() -> None:
    with pytest.raises(ParseError) as info:
        words_to_number("phẩy")
    assert info.value.position == 0
