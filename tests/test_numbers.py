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
