"""Positions in NFD text: what every parser's error position rests on."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan import ParseError, parse_money, words_to_number
from danvan._text import nfc_with_offsets

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ,.0123456789"
)


@given(st.text(alphabet=VIETNAMESE + "\u0300\u0301\u0303\u0309\u0323\u1100\u1161"))
def test_offsets_point_into_the_original_in_order(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    nfc, offsets = nfc_with_offsets(decomposed)
    assert nfc == unicodedata.normalize("NFC", decomposed)
    if offsets is None:
        return
    assert len(offsets) == len(nfc) + 1
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(decomposed)
    assert all(0 <= offset < len(decomposed) for offset in offsets[:-1])


@given(st.text(alphabet=VIETNAMESE, min_size=1))
def test_each_letter_maps_to_its_base_letter(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    nfc, offsets = nfc_with_offsets(decomposed)
    if offsets is None:
        return
    for index, char in enumerate(nfc):
        assert unicodedata.normalize("NFD", char)[0] == decomposed[offsets[index]]


@pytest.mark.parametrize(
    ("call", "text", "bad"),
    [
        (parse_money, "1 ty\u0309\u0301", "\u0301"),  # a stray mark after a composed letter
        (words_to_number, "mo\u0323\u0302t \u1100\u1161 nghìn", "\u1100"),  # Hangul jamo
    ],
)
def test_errors_point_at_the_offending_character(call: object, text: str, bad: str) -> None:
    with pytest.raises(ParseError) as info:
        call(text)  # type: ignore[operator]
    assert text[info.value.position] == bad
