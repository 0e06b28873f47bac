"""Roman numerals: congress, term and quarter numbers from real reports, then properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.errors import InvalidTypeError, InvalidValueError, ParseError
from danvan.roman import from_roman, to_roman

# As reports write them: "Đại hội XIII", "khóa V", "lần thứ VII", "quý IV/2023", and the
# years and edge values of the standard form.
ROMAN_EXAMPLES = [
    (1, "I"),
    (2, "II"),
    (3, "III"),
    (4, "IV"),
    (5, "V"),
    (7, "VII"),
    (9, "IX"),
    (13, "XIII"),
    (14, "XIV"),
    (19, "XIX"),
    (40, "XL"),
    (49, "XLIX"),
    (90, "XC"),
    (400, "CD"),
    (444, "CDXLIV"),
    (900, "CM"),
    (1990, "MCMXC"),
    (1997, "MCMXCVII"),
    (2024, "MMXXIV"),
    (2025, "MMXXV"),
    (3888, "MMMDCCCLXXXVIII"),
    (3999, "MMMCMXCIX"),
]


def _oracle(number: int) -> str:
    """A second construction: each decimal digit on its own, from its (one, five, ten)."""
    letters = [("I", "V", "X"), ("X", "L", "C"), ("C", "D", "M"), ("M", "", "")]
    out = ""
    for place, digit in enumerate(reversed(str(number))):
        one, five, ten = letters[place]
        d = int(digit)
        if d == 9:
            piece = one + ten
        elif d >= 5:
            piece = five + one * (d - 5)
        elif d == 4:
            piece = one + five
        else:
            piece = one * d
        out = piece + out
    return out


STANDARD = {_oracle(n): n for n in range(1, 4000)}


@pytest.mark.parametrize(("number", "numeral"), ROMAN_EXAMPLES)
def test_examples(number: int, numeral: str) -> None:
    assert to_roman(number) == numeral
    assert from_roman(numeral) == number
    assert from_roman(numeral.lower()) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [("xiii", 13), ("XiIi", 13), ("  XIII ", 13), ("iv", 4), ("mmxxv", 2025), ("\tVII\n", 7)],
)
def test_case_and_surrounding_space(text: str, number: int) -> None:
    assert from_roman(text) == number


def test_oracle_is_right_on_the_examples() -> None:
    for number, numeral in ROMAN_EXAMPLES:
        assert _oracle(number) == numeral


def test_every_number_round_trips_and_matches_the_oracle() -> None:
    seen = set()
    for number in range(1, 4000):
        numeral = to_roman(number)
        assert numeral == _oracle(number), number
        assert from_roman(numeral) == number
        assert from_roman(numeral.lower()) == number
        assert len(numeral) <= 15
        seen.add(numeral)
    assert len(seen) == 3999


# ------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("IIII", {0}),
        ("IC", {0, 1}),
        ("VX", {0, 1}),
        ("IL", {0, 1}),
        ("XM", {0, 1}),
        ("VV", {0, 1}),
        ("LL", {0, 1}),
        ("DD", {0, 1}),
        ("XXXX", {0}),
        ("MMMM", {0}),  # 4000
        ("IIV", {0, 1, 2}),
        ("IXI", {0, 1, 2}),
        ("CMM", {0, 1, 2}),
        ("XIZ", {2}),
        ("  XIZ", {4}),
        ("X I", {1}),
        ("13", {0}),
        ("", {0}),
        ("   ", {0, 3}),
        ("Ⅻ", {0}),  # the one-character numeral U+216B is not the letters
    ],
)
def test_non_standard_forms_are_parse_errors(text: str, positions: set[int]) -> None:
    with pytest.raises(ParseError) as info:
        from_roman(text)
    assert info.value.text == text
    assert info.value.position in positions
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("number", [0, -1, 4000, 10**6])
def test_numbers_out_of_range(number: int) -> None:
    with pytest.raises(InvalidValueError):
        to_roman(number)


@pytest.mark.parametrize("value", [True, False, "5", 5.0, None, 1j])
def test_to_roman_wrong_types(value: object) -> None:
    with pytest.raises(InvalidTypeError):
        to_roman(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [5, None, b"XIII", ["X"]])
def test_from_roman_wrong_types(value: object) -> None:
    with pytest.raises(InvalidTypeError):
        from_roman(value)  # type: ignore[arg-type]


# -------------------------------------------------------------------------- properties


@given(st.text(alphabet="IVXLCDMivxlcdm", min_size=1, max_size=12))
def test_exactly_the_standard_forms_are_read(text: str) -> None:
    expected = STANDARD.get(text.upper())
    if expected is None:
        with pytest.raises(ParseError) as info:
            from_roman(text)
        assert 0 <= info.value.position <= len(text)
    else:
        assert from_roman(text) == expected


@given(st.integers(1, 3999), st.sampled_from([str.upper, str.lower, str.swapcase]))
def test_round_trip_any_case(number: int, case: object) -> None:
    assert from_roman(case(to_roman(number))) == number  # type: ignore[operator]


@given(st.text())
def test_from_roman_raises_only_parse_errors(text: str) -> None:
    try:
        result = from_roman(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
        assert exc.text == text
    else:
        assert 1 <= result <= 3999


@given(st.text(alphabet="0123456789/-. ngàythángnămquýIVX,:ivxLCDMlcdm", max_size=20))
def test_from_roman_on_numeral_like_text(text: str) -> None:
    try:
        result = from_roman(text)
    except ParseError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert to_roman(result) == text.strip().upper()


def test_look_alike_letters_are_refused_whatever_was_read_before() -> None:
    assert from_roman("IV") == 4  # fills the cache with "IV"
    with pytest.raises(ParseError):
        from_roman("ıv")  # a dotless ı upper-cases to I
