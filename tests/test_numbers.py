"""Numbers, percents and money: tables from real reports, then properties."""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from danvan import (
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    format_money,
    format_number,
    format_percent,
    parse_money,
    parse_number,
    parse_percent,
)

from .strategies import decimals, exact_numbers, scales, units

# Figures as the reports in shared/corpus write them: Hồng Lĩnh 2021 (000), Nam Định
# 2022 (001), Hòa Thành 2020 (002).
REPORT_NUMBERS = [
    ("77", 77),
    ("3.545", 3545),
    ("2.066", 2066),
    ("1.479", 1479),
    ("897", 897),
    ("9.278", 9278),
    ("10.499", 10499),
    ("08", 8),
    ("02", 2),
    ("226", 226),
]
REPORT_PERCENTS = [
    ("73%", Decimal("0.73")),
    ("17%", Decimal("0.17")),
    ("96%", Decimal("0.96")),
    ("43%", Decimal("0.43")),
    ("100%", Decimal("1")),
    ("108,39%", Decimal("1.0839")),
    ("90%", Decimal("0.9")),
]
REPORT_MONEY = [
    ("3,8 tỷ đồng", 3_800_000_000),
    ("5.052.100.000đ", 5_052_100_000),
    ("1.798.702.098đ", 1_798_702_098),
    ("915 triệu đồng", 915_000_000),
    ("218 triệu đồng", 218_000_000),
]


@pytest.mark.parametrize(("text", "value"), REPORT_NUMBERS)
def test_report_numbers_parse(text: str, value: int) -> None:
    result = parse_number(text)
    assert result == value
    assert type(result) is int


@pytest.mark.parametrize(("text", "value"), REPORT_NUMBERS)
def test_report_numbers_format(text: str, value: int) -> None:
    assert format_number(value, min_digits=len(text) if text.startswith("0") else None) == text


@pytest.mark.parametrize(("text", "ratio"), REPORT_PERCENTS)
def test_report_percents(text: str, ratio: Decimal) -> None:
    assert parse_percent(text) == ratio
    assert format_percent(ratio) == text


@pytest.mark.parametrize(("text", "amount"), REPORT_MONEY)
def test_report_money(text: str, amount: int) -> None:
    assert parse_money(text) == amount
    unit = "đ" if text.endswith("đ") else "đồng"
    scale = None if unit == "đ" else "auto"
    assert format_money(amount, unit=unit, scale=scale) == text


# The examples the issue states, one by one.
@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (1798702098, {}, "1.798.702.098"),
        (Decimal("108.39"), {}, "108,39"),
        (Fraction(91, 5), {}, "18,2"),
        (Decimal("2.675"), {"decimals": 2}, "2,68"),
        (Decimal("-2.675"), {"decimals": 2}, "-2,68"),
        (Decimal("2.665"), {"decimals": 2}, "2,67"),
        (Decimal("2.5"), {"decimals": 0}, "3"),
        (Decimal("2.50"), {"decimals": 2}, "2,5"),
        (Decimal("2.50"), {"decimals": 2, "fixed": True}, "2,50"),
        (Decimal("2.50"), {}, "2,50"),
        (Decimal("-0.001"), {"decimals": 2}, "0"),
        (Decimal("1E+3"), {}, "1.000"),
        (0, {}, "0"),
        (-9278, {}, "-9.278"),
        (999, {}, "999"),
        (1000, {}, "1.000"),
        (8, {"min_digits": 2}, "08"),
        (2021, {"grouping": False}, "2021"),
        (0.1, {}, "0,1"),
        (1e16, {}, "10.000.000.000.000.000"),
        (Fraction(1, 3), {"decimals": 3}, "0,333"),
        (Fraction(2, 3), {"decimals": 0}, "1"),
    ],
)
def test_format_number_examples(value: object, options: dict[str, object], expected: str) -> None:
    assert format_number(value, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ratio", "options", "expected"),
    [
        (Decimal("1.0839"), {}, "108,39%"),
        (Fraction(19, 21), {}, "90,48%"),
        (Decimal("0.73"), {}, "73%"),
        (Decimal("1.138"), {}, "113,8%"),
        (Fraction(6, 8), {}, "75%"),
        (Fraction(1, 3), {"decimals": 1}, "33,3%"),
        (Fraction(1, 8), {"decimals": None}, "12,5%"),
        (Decimal("0.5"), {"fixed": True}, "50,00%"),
        (1, {}, "100%"),
    ],
)
def test_format_percent_examples(ratio: object, options: dict[str, object], expected: str) -> None:
    assert format_percent(ratio, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "options", "expected"),
    [
        (5052100000, {}, "5.052.100.000 đồng"),
        (1798702098, {"unit": "đ"}, "1.798.702.098đ"),
        (3800000000, {"scale": "auto"}, "3,8 tỷ đồng"),
        (50596000000, {"scale": "auto"}, "50,596 tỷ đồng"),
        (915000000, {"scale": "auto"}, "915 triệu đồng"),
        (1798702098, {"scale": "auto"}, "1.798.702.098 đồng"),
        (1798702098, {"scale": "auto", "decimals": 3}, "1,799 tỷ đồng"),
        (1000000, {"scale": "auto", "unit": "đ"}, "1 triệu đ"),
        (500000, {"scale": "auto"}, "500.000 đồng"),
        (3800000000, {"scale": "triệu"}, "3.800 triệu đồng"),
        (1500, {"scale": "nghìn"}, "1,5 nghìn đồng"),
        (2_500_000_000_000, {"scale": "auto"}, "2,5 nghìn tỷ đồng"),
        (1000000, {"unit": "VNĐ"}, "1.000.000 VNĐ"),
        (100000, {"unit": "₫"}, "100.000₫"),
        (-5000, {}, "-5.000 đồng"),
        (Decimal("1798702098"), {"scale": "tỷ", "decimals": 2}, "1,8 tỷ đồng"),
    ],
)
def test_format_money_examples(amount: object, options: dict[str, object], expected: str) -> None:
    assert format_money(amount, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.071", 2071),
        ("1.000.000", 1_000_000),
        ("1798702098", 1798702098),
        ("  9.278 ", 9278),
        ("-7", -7),
        ("−7", -7),
        ("+7", 7),
        ("0", 0),
        ("0,5", Decimal("0.5")),
        ("18,2", Decimal("18.2")),
        ("1.234,50", Decimal("1234.50")),
    ],
)
def test_parse_number_examples(text: str, expected: int | Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("1.5", 1),  # English decimal point
        ("1,798,702", 5),  # English grouping
        ("1798.702", 0),  # a first group of four digits
        ("0.001", 0),  # a grouped number does not start with 0
        ("1.000.00", 5),
        ("12,", 2),
        ("", 0),
        ("   ", 3),
        ("abc", 0),
        ("-", 1),
        ("9.278 lượt", 6),
        ("١٢", 0),  # Arabic-Indic digits are not Vietnamese figures
    ],
)
def test_parse_number_errors_name_the_position(text: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert info.value.position == position
    assert info.value.text == text
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,8 tỷ đồng", 3_800_000_000),
        ("3,8 tỉ đồng", 3_800_000_000),
        ("3,8 TỶ ĐỒNG", 3_800_000_000),
        ("50,596 tỷ đồng", 50_596_000_000),
        ("2 nghìn tỷ đồng", 2_000_000_000_000),
        ("1,5 ngàn tỷ", 1_500_000_000_000),
        ("500 ngàn đồng", 500_000),
        ("500 nghìn", 500_000),
        ("1.000.000 VNĐ", 1_000_000),
        ("1.000.000 vnd", 1_000_000),
        ("100.000₫", 100_000),
        ("100.000 ₫", 100_000),
        ("1.000", 1000),
        ("1,5 đồng", Decimal("1.5")),
        ("1,2345678905 tỷ đồng", Decimal("1234567890.5")),
        ("-5.000đ", -5000),
    ],
)
def test_parse_money_examples(text: str, expected: int | Decimal) -> None:
    result = parse_money(text)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("1.000.000 đồng/tháng", 14),
        ("3,8 tỷ tỷ đồng", 7),
        ("3,8 triệu nghìn", 10),
        ("đồng", 0),
        ("3,8tỷđồng", 3),
        ("1.5 triệu", 1),
    ],
)
def test_parse_money_errors(text: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert info.value.position == position


def test_parse_percent_needs_the_sign() -> None:
    with pytest.raises(ParseError) as info:
        parse_percent("108,39")
    assert info.value.position == 6
    assert parse_percent("108,39 %") == Decimal("1.0839")


def test_nfd_input_reads_the_same_and_positions_point_into_it() -> None:
    text = unicodedata.normalize("NFD", "3,8 tỷ đồng")
    assert text != "3,8 tỷ đồng"
    assert parse_money(text) == 3_800_000_000
    bad = unicodedata.normalize("NFD", "3,8 tỷ đồng/năm")
    with pytest.raises(ParseError) as info:
        parse_money(bad)
    assert bad[info.value.position] == "/"


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("Infinity"), float("nan"), float("-inf"), Fraction(1, 3)]
)
def test_values_that_cannot_be_written(value: object) -> None:
    with pytest.raises(InvalidValueError):
        format_number(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [True, "12", None, 1j])
def test_wrong_types(value: object) -> None:
    with pytest.raises(InvalidTypeError):
        format_number(value)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        format_money(value)  # type: ignore[arg-type]


def test_bad_options() -> None:
    with pytest.raises(InvalidValueError):
        format_number(1, decimals=-1)
    with pytest.raises(InvalidValueError):
        format_number(1, min_digits=0)
    with pytest.raises(InvalidValueError):
        format_money(1, unit="USD")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        format_money(1, scale="vạn")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        parse_number(12)  # type: ignore[arg-type]


def test_huge_values_raise_our_error() -> None:
    with pytest.raises(InvalidValueError):
        format_number(10**5000)
    with pytest.raises(InvalidValueError):
        format_number(Decimal("1E+100000000"))
    with pytest.raises(ParseError):
        parse_number("1" * 5000)
    assert parse_number("9" * 4300) == 10**4300 - 1


# ------------------------------------------------------------------------- properties


@given(exact_numbers)
def test_parse_inverts_format(value: int | Decimal) -> None:
    assert parse_number(format_number(value)) == value


@given(decimals)
def test_parse_keeps_the_digits_of_a_decimal(value: Decimal) -> None:
    result = parse_number(format_number(value))
    assert str(result) == str(value) or (type(result) is int and value == result)


@given(st.integers(-(10**25) + 1, 10**25 - 1))
def test_grouping_matches_babel(value: int) -> None:
    # babel raises decimal.InvalidOperation from 26 digits on (28 with its 3 decimals).
    assert format_number(value) == format_decimal(value, locale="vi")


@given(st.integers())
def test_grouping_oracle(value: int) -> None:
    # A second, simple implementation: insert a dot every three digits from the right.
    digits = str(abs(value))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    expected = ("-" if value < 0 else "") + ".".join(groups)
    assert format_number(value) == expected


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12),
    st.integers(0, 6),
)
def test_rounding_is_half_up_like_decimal(value: Decimal, places: int) -> None:
    with localcontext() as context:
        context.prec = 60
        expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    result = parse_number(format_number(value, decimals=places, fixed=True))
    assert result == expected


@given(st.fractions(max_denominator=10**6), st.integers(0, 6))
def test_rounded_fraction_is_within_half_a_unit(value: Fraction, places: int) -> None:
    result = Fraction(parse_number(format_number(value, decimals=places)))
    assert abs(result - value) <= Fraction(1, 2 * 10**places)


@given(st.fractions(max_denominator=1000), st.integers(0, 4))
def test_percent_round_trip(ratio: Fraction, places: int) -> None:
    text = format_percent(ratio, decimals=places)
    assert text.endswith("%")
    assert "." not in text[-4:] or len(text) > 4
    back = parse_percent(text)
    assert abs(Fraction(back) - ratio) <= Fraction(1, 2 * 10 ** (places + 2))


@given(decimals)
def test_exact_percent_round_trip(ratio: Decimal) -> None:
    assert parse_percent(format_percent(ratio, decimals=None)) == ratio


@given(exact_numbers, units, scales)
def test_money_round_trip(amount: int | Decimal, unit: str, scale: str | None) -> None:
    text = format_money(amount, unit=unit, scale=scale)  # type: ignore[arg-type]
    assert parse_money(text) == amount


@given(st.integers(min_value=0, max_value=10**16))
def test_auto_scale_is_exact_and_short(amount: int) -> None:
    text = format_money(amount, scale="auto")
    assert parse_money(text) == amount
    number = text.rsplit(" ", 2)[0] if text.count(" ") == 2 else text.split(" ")[0]
    if "," in number:
        assert len(number.split(",")[1]) <= 3


@given(st.integers(0, 10**6), st.integers(1, 8))
def test_min_digits_pads(value: int, width: int) -> None:
    text = format_number(value, min_digits=width, grouping=False)
    assert len(text) == max(width, len(str(value)))
    assert int(text) == value


@given(st.text())
def test_parsers_raise_only_parse_errors(text: str) -> None:
    for parse in (parse_number, parse_percent, parse_money):
        try:
            parse(text)
        except ParseError as exc:
            assert 0 <= exc.position <= len(text)


@given(st.text(alphabet="0123456789.,-+ %đồngtỷiệuhnghìVNĐ₫", max_size=30))
def test_parsers_on_figure_like_text(text: str) -> None:
    for parse in (parse_number, parse_percent, parse_money):
        try:
            result = parse(text)
        except ParseError as exc:
            assert 0 <= exc.position <= len(text)
        else:
            assert isinstance(result, (int, Decimal))


def test_a_megabyte_of_digits_and_dots_is_rejected_quickly() -> None:
    with pytest.raises(ParseError):
        parse_number("1.234" * 200_000)
    with pytest.raises(ParseError):
        parse_number("123." * 250_000)


@given(decimals, st.integers(0, 8), st.booleans())
def test_decimal_fast_path_agrees_with_exact_path(
    value: Decimal, places: int, fixed: bool
) -> None:
    # Decimals are written with the decimal module's formatting; Fractions by exact
    # integer arithmetic. The two must give the same text.
    exact = format_number(Fraction(value), decimals=places, fixed=fixed)
    assert format_number(value, decimals=places, fixed=fixed) == exact
    assert format_percent(value, decimals=places, fixed=fixed) == format_percent(
        Fraction(value), decimals=places, fixed=fixed
    )


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_floats_are_read_through_their_repr(value: float) -> None:
    # The shortest repr: the text reads back to the very same float, with no binary noise.
    back = parse_number(format_number(value))
    assert float(back) == value


# --------------------------------------------------------- regressions found in review


def test_scale_words_count_towards_the_digit_limit() -> None:
    with pytest.raises(ParseError):
        parse_money("1" + "0" * 4291 + " tỷ")


def test_a_fraction_with_a_huge_denominator_fails_fast_with_our_error() -> None:
    with pytest.raises(InvalidValueError):
        format_number(Fraction(1, 2**14000))
    with pytest.raises(InvalidValueError):
        format_number(Fraction(1, 2**300000))


@pytest.mark.parametrize(("value", "width"), [(1234, 6), (Decimal("-36876.451558"), 7)])
def test_zero_padding_into_a_group_is_refused(value: int | Decimal, width: int) -> None:
    # "001.234" would not read back: a grouped number never starts with 0.
    with pytest.raises(InvalidValueError):
        format_number(value, min_digits=width)
    assert parse_number(format_number(value, min_digits=width, grouping=False)) == value


def test_option_types() -> None:
    with pytest.raises(InvalidTypeError):
        format_number(1, decimals=2.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        format_number(1, min_digits=True)
    with pytest.raises(InvalidValueError):
        format_money(5, unit=[])  # type: ignore[arg-type]


# ------------------------------------------- what each error says (found by mutation)
# An error is one line naming the problem, the text and the position (STYLE.md); these
# pin the diagnosis each kind of malformed figure gets, so that a changed branch of the
# grammar shows up as a changed message or position.

PARSE_ERRORS = [
    (parse_number, "", 0, "expected a number, found nothing"),
    (parse_number, "-", 1, "unexpected end of number"),
    (parse_number, "abc", 0, "unexpected 'a'"),
    (parse_number, "XII", 0, "unexpected 'X'"),  # a Roman numeral is not a figure
    (
        parse_number,
        "1.5",
        1,
        "a '.' groups thousands and must be followed by exactly three digits",
    ),
    (
        parse_number,
        "123.45",
        3,
        "a '.' groups thousands and must be followed by exactly three digits",
    ),
    (
        parse_number,
        "-12.5",
        3,
        "a '.' groups thousands and must be followed by exactly three digits",
    ),
    (
        parse_number,
        " -1.5",
        3,
        "a '.' groups thousands and must be followed by exactly three digits",
    ),
    (
        parse_number,
        "12,",
        2,
        "a ',' marks decimals, must be followed by digits and may appear only once",
    ),
    (parse_number, "0.001", 0, "a number grouped with '.' starts with one to three digits, not 0"),
    (parse_number, "1798.702", 0, "a number grouped with '.' starts with one to three digits"),
    (parse_number, "9.278 người dân tộc thiểu số", 6, "unexpected 'người dân tộ'"),
    (parse_number, "0," + "1" * 4301, 0, "a number has more than 4300 digits"),
    (parse_percent, "", 0, "expected a percent, found nothing"),
    (
        parse_percent,
        "1.5%",
        1,
        "a '.' groups thousands and must be followed by exactly three digits",
    ),
    (parse_percent, "108,39", 6, "expected '%' after the number"),
    (parse_percent, "5% x", 3, "unexpected 'x'"),
    (parse_percent, "5%x", 2, "unexpected 'x'"),
    (parse_money, "", 0, "expected an amount, found nothing"),
    (
        parse_money,
        "1.5 triệu",
        1,
        "a '.' groups thousands and must be followed by exactly three digits",
    ),
    (parse_money, "1.000.000 đồng/tháng", 14, "unexpected '/tháng'"),
    (parse_money, " 1" + "0" * 4291 + " tỷ", 1, "the amount has more than 4300 digits"),
    (parse_money, "1k2345", 2, "after 'k' at most 3 digits, and only after a whole number"),
    (parse_money, "1,5tr5", 5, "after 'tr' at most 6 digits, and only after a whole number"),
    (parse_money, "2tr tỷ", 4, "unexpected 'tỷ'"),  # shorthand takes no scale word
    (parse_money, "2k tỷ", 3, "unexpected 'tỷ'"),
]


@pytest.mark.parametrize(("parse", "text", "position", "problem"), PARSE_ERRORS)
def test_parse_errors_say_what_and_where(
    parse: object, text: str, position: int, problem: str
) -> None:
    with pytest.raises(ParseError) as info:
        parse(text)  # type: ignore[operator]
    assert (info.value.text, info.value.position) == (text, position)
    message = str(info.value)
    assert message.startswith(f"{problem} in ")
    assert message.endswith(f" at position {position}")


def test_digits_beyond_pythons_own_limit_are_a_parse_error() -> None:
    # int(str) refuses more digits than sys.set_int_max_str_digits allows; a program may
    # set that below danvan's MAX_DIGITS.
    import sys

    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        for parse, text, position in [
            (parse_number, "1" * 700, 0),
            (parse_money, " " + "1" * 700 + " tỷ", 1),
        ]:
            with pytest.raises(ParseError) as info:
                parse(text)
            assert (info.value.text, info.value.position) == (text, position)
            assert str(info.value).startswith("more digits than Python is set to convert in ")
    finally:
        sys.set_int_max_str_digits(old)


VALUE_ERRORS: list[tuple[object, tuple[object, ...], dict[str, object], type, str]] = [
    (
        format_number,
        (1,),
        {"decimals": -1},
        InvalidValueError,
        "decimals must be a whole number >= 0, not -1",
    ),
    (
        format_number,
        (1,),
        {"decimals": 4301},
        InvalidValueError,
        "decimals must be at most 4300, not 4301",
    ),
    (
        format_number,
        (1,),
        {"decimals": 2.0},
        InvalidTypeError,
        "decimals must be an int, not float: 2.0",
    ),
    (
        format_number,
        (1,),
        {"min_digits": 0},
        InvalidValueError,
        "min_digits must be from 1 to 3 with grouping (pass grouping=False to pad further), not 0",
    ),
    (
        format_number,
        (1,),
        {"min_digits": 4},
        InvalidValueError,
        "min_digits must be from 1 to 3 with grouping (pass grouping=False to pad further), not 4",
    ),
    (
        format_number,
        (1,),
        {"min_digits": 0, "grouping": False},
        InvalidValueError,
        "min_digits must be from 1 to 4300, not 0",
    ),
    (
        format_number,
        (1,),
        {"min_digits": 1.0},
        InvalidTypeError,
        "min_digits must be an int, not float: 1.0",
    ),
    (format_number, (float("nan"),), {}, InvalidValueError, "number must be finite, not nan"),
    (
        format_number,
        (Decimal("NaN"),),
        {},
        InvalidValueError,
        "number must be finite, not Decimal('NaN')",
    ),
    (
        format_number,
        (Decimal("1E+4300"),),
        {},
        InvalidValueError,
        "number has more than 4300 digits: Decimal('1E+4300')",
    ),
    (format_number, (10**5000,), {}, InvalidValueError, "number has more than 4300 digits"),
    (
        format_number,
        (True,),
        {},
        InvalidTypeError,
        "number must be an int, Decimal, Fraction or float, not bool: True",
    ),
    (
        format_number,
        (Fraction(1, 3),),
        {},
        InvalidValueError,
        "Fraction(1, 3) has no finite decimal expansion; pass decimals= to round it",
    ),
    (
        format_number,
        (Fraction(1, 2**4301),),
        {},
        InvalidValueError,
        "number has more than 4300 decimal places: Fraction(1, 53704583249404345892707",
    ),
    (
        format_number,
        (Fraction(1, 5**4301),),
        {},
        InvalidValueError,
        "number has more than 4300 decimal places: Fraction(1, 18620384695212979026758",
    ),
    (
        format_percent,
        ("12",),
        {},
        InvalidTypeError,
        "ratio must be an int, Decimal, Fraction or float, not str: '12'",
    ),
    (
        format_percent,
        (Decimal("NaN"),),
        {},
        InvalidValueError,
        "ratio must be finite, not Decimal('NaN')",
    ),
    (format_percent, (float("inf"),), {}, InvalidValueError, "ratio must be finite, not inf"),
    (
        format_percent,
        (Fraction(1, 3),),
        {"decimals": None},
        InvalidValueError,
        "Fraction(1, 3) has no finite decimal expansion; pass decimals= to round it",
    ),
    (
        format_percent,
        (Decimal("0." + "1" * 4310),),
        {"decimals": None},
        InvalidValueError,
        "ratio has more than 4300 digits: Decimal('0.111",
    ),
    (
        format_money,
        (1,),
        {"unit": "USD"},
        InvalidValueError,
        "unit must be one of đồng, đ, VNĐ, ₫; not 'USD'",
    ),
    (
        format_money,
        (1,),
        {"scale": "vạn"},
        InvalidValueError,
        "scale must be 'auto' or one of nghìn, triệu, tỷ, nghìn tỷ; not 'vạn'",
    ),
    (
        format_money,
        (True,),
        {},
        InvalidTypeError,
        "amount must be an int, Decimal, Fraction or float, not bool: True",
    ),
    (
        format_money,
        (Decimal("Infinity"),),
        {},
        InvalidValueError,
        "amount must be finite, not Decimal('Infinity')",
    ),
    (
        format_money,
        (Fraction(1, 3),),
        {"scale": "tỷ"},
        InvalidValueError,
        "Fraction(1, 3) has no finite decimal expansion; pass decimals= to round it",
    ),
    (
        format_money,
        (Decimal("0." + "1" * 4310),),
        {"scale": "tỷ"},
        InvalidValueError,
        "amount has more than 4300 digits: Decimal('0.111",
    ),
    (parse_number, (12,), {}, InvalidTypeError, "expected a str, not int: 12"),
]


@pytest.mark.parametrize(("function", "args", "options", "error", "message"), VALUE_ERRORS)
def test_value_errors_name_the_argument_and_the_value(
    function: object,
    args: tuple[object, ...],
    options: dict[str, object],
    error: type,
    message: str,
) -> None:
    with pytest.raises(error) as info:
        function(*args, **options)  # type: ignore[operator]
    assert type(info.value) is error
    assert str(info.value).startswith(message)


# ----------------------------------------- rules the examples above did not reach


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The shorthand of the parse_money docstring, as people type amounts in chats and
        # spreadsheets: k = nghìn, tr = triệu, digits after "tr" are the next places.
        ("500k", 500_000),
        ("500K", 500_000),
        ("1k2", 1_200),
        ("1k234", 1_234),
        ("2tr", 2_000_000),
        ("2TR", 2_000_000),
        ("1,5tr", 1_500_000),
        ("1tr5", 1_500_000),
        ("1tr25", 1_250_000),
        ("1tr250000", 1_250_000),
        ("2trđ", 2_000_000),
        ("2tr đồng", 2_000_000),
        ("-1tr5", -1_500_000),
    ],
)
def test_money_shorthand(text: str, expected: int) -> None:
    result = parse_money(text)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        # Rounding up across a thousand gains a group dot.
        (Decimal("999.95"), {"decimals": 1}, "1.000"),
        (Decimal("-0.0"), {}, "0,0"),  # no minus before a zero
        (Decimal("12345.6"), {"grouping": False}, "12345,6"),
        (12345, {"decimals": 1, "grouping": False}, "12345"),
        (Fraction(12345, 2), {}, "6.172,5"),
        (Fraction(12345, 2), {"grouping": False}, "6172,5"),
        (5, {"decimals": 1, "min_digits": 2}, "05"),
        (8, {"min_digits": 3}, "008"),
        (Decimal("12"), {"min_digits": 3}, "012"),
        (Decimal("1E-4300"), {}, "0," + "0" * 4299 + "1"),  # the smallest digit allowed
    ],
)
def test_format_number_options(value: object, options: dict[str, object], expected: str) -> None:
    assert format_number(value, **options) == expected  # type: ignore[arg-type]


def test_format_percent_and_money_options() -> None:
    assert format_percent(Decimal("0.5"), decimals=None) == "50%"
    assert format_percent(Decimal("1"), decimals=None) == "100%"
    assert format_money(1500, decimals=2) == "1.500 đồng"
    assert format_money(1_500_000_000, scale="tỷ", decimals=2, fixed=True) == "1,50 tỷ đồng"
    # "auto" with decimals picks the largest scale not above the amount: 500.000.000,5 is
    # under a tỷ, so it is written in triệu.
    assert format_money(Decimal("500000000.5"), scale="auto", decimals=1) == "500 triệu đồng"


@pytest.mark.parametrize("places", [1, 31, 32, 33, 40])
def test_one_third_to_many_places(places: int) -> None:
    # 1/3 = 0,333…: every place is 3 and the next digit (3) rounds down.
    assert format_number(Fraction(1, 3), decimals=places) == "0," + "3" * places


def test_the_largest_power_of_two_denominator_allowed() -> None:
    text = format_number(Fraction(1, 2**4300))
    assert len(text) == 4302  # "0," and 4300 places
    assert Fraction(parse_number(text)) == Fraction(1, 2**4300)


@given(st.integers(-(10**12), 10**12), st.integers(0, 40), st.integers(0, 40))
def test_terminating_fractions_are_written_exactly(numerator: int, twos: int, fives: int) -> None:
    # A fraction whose denominator is 2^a·5^b terminates after max(a, b) places; the
    # decimal module, given enough precision, divides it exactly: an independent oracle.
    value = Fraction(numerator, 2**twos * 5**fives)
    with localcontext() as context:
        context.prec = 200
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    assert parse_number(format_number(value)) == exact


@given(st.integers(0, 10**20), st.integers(1, 3))
def test_padding_never_touches_a_grouped_number(value: int, width: int) -> None:
    # min_digits pads small counts ("08 căn"); a number that already has the digits is
    # written as without it, thousands dots and all.
    assert format_number(value, min_digits=width) == format_number(value).rjust(width, "0")


@given(st.floats(allow_nan=False, allow_infinity=False, width=64), st.integers(0, 4))
def test_percent_and_money_read_floats_through_their_repr(value: float, places: int) -> None:
    exact = Decimal(repr(value))
    assert format_percent(value, decimals=places) == format_percent(exact, decimals=places)
    assert format_money(value, decimals=places) == format_money(exact, decimals=places)
