"""The helpers written once (issue 18): rounding, ParseError messages, integer and day
checks, enum labels, plain-data numbers and the days of 2025.

Property tests: each helper against an oracle (the standard library's Decimal rounding,
Fraction and Decimal parsing) or an invariant (a message of at most 250 characters
whatever the input), and every module that had its own copy now uses the helper.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import danvan
from danvan import _calendar, _enums, _plain, _rounding, _validators
from danvan.errors import MAX_MESSAGE_LENGTH, DanvanError, ParseError, parse_error

# --------------------------------------------------------------------------- rounding


@given(
    st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**12),
    st.integers(0, 6),
)
def test_round_half_up_agrees_with_decimal_round_half_up(value: Fraction, places: int) -> None:
    # Oracle: Decimal's ROUND_HALF_UP, exact with enough precision for the division.
    with localcontext() as context:
        context.prec = 80
        expected = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
        )
    assert _rounding.round_half_up(value, places) == Fraction(expected)


@given(st.integers(-(10**20), 10**20), st.integers(1, 10**9), st.integers(0, 8))
def test_scaled_half_up_is_symmetric_and_within_a_half(
    numerator: int, denominator: int, places: int
) -> None:
    scale = 10**places
    rounded = _rounding.scaled_half_up(numerator, denominator, scale)
    assert _rounding.scaled_half_up(-numerator, denominator, scale) == -rounded
    assert abs(Fraction(numerator * scale, denominator) - rounded) <= Fraction(1, 2)


def test_numbers_round_through_the_one_helper() -> None:
    # 2,665 at two places: half up is 2,67 (babel rounds half to even: 2,66).
    assert danvan.format_number(Decimal("2.665"), decimals=2) == "2,67"
    assert danvan.format_number(Decimal("-2.665"), decimals=2) == "-2,67"
    from danvan import numbers, sentences, validation

    assert numbers.scaled_half_up is _rounding.scaled_half_up
    assert sentences.round_half_up is validation.round_half_up is _rounding.round_half_up


# --------------------------------------------------------------------- ParseError


@given(st.text(max_size=3000), st.text(max_size=3000), st.integers(0, 10**6))
def test_parse_error_messages_are_short_and_end_with_the_position(
    problem: str, text: str, position: int
) -> None:
    error = parse_error(problem, text, position)
    message = str(error)
    assert len(message) <= MAX_MESSAGE_LENGTH
    assert message.endswith(f" at position {position}")
    assert error.text == text
    assert error.position == position


@given(st.text(max_size=2000))
def test_parse_error_caps_whatever_builds_it(message: str) -> None:
    assert len(str(ParseError(message, text="", position=0))) <= MAX_MESSAGE_LENGTH


PARSERS = [
    danvan.parse_number,
    danvan.parse_percent,
    danvan.parse_money,
    danvan.parse_date,
    danvan.parse_period,
    danvan.parse_lunar,
    danvan.parse_document_code,
    danvan.from_roman,
    danvan.words_to_number,
    danvan.words_to_money,
    danvan.words_to_ordinal,
    danvan.words_to_digits,
    danvan.digits_to_words,
]


@pytest.mark.parametrize("parse", PARSERS, ids=lambda parse: parse.__name__)
@given(
    text=st.one_of(
        st.text(max_size=50),
        st.text(max_size=50).map(lambda text: text * 40),  # long input
        st.text(alphabet="0123456789.,% ", min_size=300, max_size=3000),
    )
)
def test_every_parser_keeps_its_messages_short(parse: object, text: str) -> None:
    assert callable(parse)
    try:
        parse(text)
    except ParseError as error:
        assert len(str(error)) <= MAX_MESSAGE_LENGTH
        assert "\n" not in str(error)
    except DanvanError:
        pass


def test_the_message_of_a_thousand_characters_is_cut() -> None:
    with pytest.raises(ParseError) as caught:
        danvan.words_to_number("một " * 250 + "x")
    assert len(str(caught.value)) <= MAX_MESSAGE_LENGTH
    assert "(1001 characters)" in str(caught.value)


# ------------------------------------------------------------------ integers, days


@given(st.integers(), st.one_of(st.none(), st.integers()), st.one_of(st.none(), st.integers()))
def test_check_integer_accepts_exactly_the_ints_within_bounds(
    value: int, minimum: int | None, maximum: int | None
) -> None:
    inside = (minimum is None or value >= minimum) and (maximum is None or value <= maximum)
    if inside:
        assert _validators.check_integer(value, "n", minimum=minimum, maximum=maximum) == value
    else:
        with pytest.raises(danvan.InvalidValueError, match=f"^n must be .*not {value}$"):
            _validators.check_integer(value, "n", minimum=minimum, maximum=maximum)


@pytest.mark.parametrize("value", [True, False, 1.0, "1", Decimal(1), Fraction(1), None])
def test_check_integer_refuses_what_is_not_an_int(value: object) -> None:
    with pytest.raises(danvan.InvalidTypeError):
        _validators.check_integer(value, "n", minimum=0)


@given(st.dates())
def test_check_day_takes_dates(day: date) -> None:
    assert _validators.check_day(day, "d") is day


@given(st.one_of(st.datetimes(), st.integers(), st.text(), st.none()))
def test_check_day_refuses_datetimes_and_the_rest(value: object) -> None:
    with pytest.raises(danvan.InvalidTypeError, match=r"^d must be a date"):
        _validators.check_day(value, "d")


def test_every_date_field_refuses_a_datetime_alike() -> None:
    moment = datetime(2025, 7, 1, 8, 30)
    calls = [
        lambda: danvan.Period.year(2025).contains(moment),  # type: ignore[arg-type]
        lambda: danvan.find_place("Hà Tĩnh", as_of=moment),
        lambda: danvan.DocumentCode.parse("08-CT/TU").issuer_names(on=moment),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(
            danvan.InvalidTypeError, match=r"\(for a datetime, pass its \.date\(\)\)"
        ):
            call()


# ------------------------------------------------------------------------ enum labels


def _all_subclasses(kind: type) -> list[type]:
    found = []
    for sub in kind.__subclasses__():
        found.append(sub)
        found += _all_subclasses(sub)
    return found


def test_every_labelled_enum_has_every_label() -> None:
    for info in pkgutil.walk_packages(danvan.__path__, "danvan."):
        if info.name != "danvan.__main__":
            importlib.import_module(info.name)
    kinds = [kind for kind in _all_subclasses(_enums.Labelled) if list(kind)]
    assert {kind.__name__ for kind in kinds} >= {"Level", "UnitKind", "RollUp", "ModelLevel"}
    for kind in kinds:
        for member in kind:
            assert member.vietnamese.strip()
            if issubclass(kind, _enums.Bilingual):
                assert member.english.strip()


def test_labels_are_kept_per_class_though_members_compare_equal() -> None:
    from danvan.campaigns import ModelLevel
    from danvan.units import Level

    assert Level.DISTRICT == ModelLevel.DISTRICT  # both "district"
    assert Level.DISTRICT.vietnamese == "huyện"
    assert ModelLevel.DISTRICT.vietnamese
    assert ModelLevel.DISTRICT.english


# ------------------------------------------------------------------- plain numbers


exact_numbers = st.one_of(
    st.integers(),
    st.fractions(),
    st.decimals(allow_nan=False, allow_infinity=False),
)


@given(exact_numbers)
def test_number_text_reads_back_as_the_same_value_and_type(value: object) -> None:
    assert isinstance(value, (int, Fraction, Decimal))
    text = _plain.number_text(value)
    if isinstance(value, int):
        assert text == value
        return
    assert isinstance(text, str)
    back = Fraction(text) if "/" in text else Decimal(text)
    assert type(back) is type(value)
    assert back == value
    if isinstance(value, Decimal):
        assert str(back) == str(value)  # its own digits and exponent


@given(exact_numbers)
def test_exact_results_are_json_numbers_when_whole(value: object) -> None:
    assert isinstance(value, (int, Fraction, Decimal))
    written = _plain.exact(value)
    if isinstance(value, Fraction) and value.denominator == 1:
        assert written == value.numerator
    else:
        assert written == _plain.number_text(value)


def test_json_and_records_write_numbers_alike() -> None:
    from danvan import serialize
    from danvan._records import exact_value

    for value in (5, Fraction(19, 21), Fraction(5), Decimal("1.0839"), Decimal("1E+3")):
        assert serialize._unstructure_exact(value) == exact_value(value, "text")


# ------------------------------------------------------------------ days of 2025


def test_one_first_of_july_2025() -> None:
    from danvan import campaigns, documents, geography, validation

    assert date(2025, 7, 1) == _calendar.REORGANIZED  # NQ 202/2025/QH15
    assert geography.REORGANIZED is _calendar.REORGANIZED
    assert campaigns.ModelLevel.DISTRICT.abolished_on == _calendar.REORGANIZED
    assert validation.REORGANIZED is documents.REORGANIZED is _calendar.REORGANIZED
