"""The strict reader against an independent, slow oracle reader.

The oracle does not parse groups of digits: it generates, from each number 0-999,
every spelling of it the rules allow (linh/lẻ, tư/bốn, mốt, lăm/nhăm, bẩy, with and
without "không trăm", "lẻ" before a two-digit group), and looks each run of words up
in that table. Scale words then combine the terms as the rules say, written here
from the rules, not from the reader: a scale word after a group multiplies the group
and the smaller terms before it, "tỷ" right after a scale word joins it, and each term
must be smaller than the scale of the term before it. On random word sequences both
readers must give the same number, or both refuse.
"""

from __future__ import annotations

import itertools
import unicodedata
from decimal import Decimal
from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st

from danvan import ParseError, number_to_words, words_to_number

DIGIT_WORDS = {
    0: ["không"],
    1: ["một"],
    2: ["hai"],
    3: ["ba"],
    4: ["bốn"],
    5: ["năm"],
    6: ["sáu"],
    7: ["bảy", "bẩy"],
    8: ["tám"],
    9: ["chín"],
}
SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}


def _after(u: int, extra: dict[int, list[str]], no_nam: bool) -> list[str]:
    words = [w for w in DIGIT_WORDS[u] if not (no_nam and w == "năm")]
    return words + extra.get(u, [])


def _tens(v: int) -> list[tuple[str, ...]]:
    """Spellings of 10 <= v <= 99 without hundreds."""
    t, u = divmod(v, 10)
    if t == 1:
        heads = [("mười",)]
        units = _after(u, {4: ["tư"], 5: ["lăm"]}, True) if u else []
    else:
        heads = [(w, "mươi") for w in DIGIT_WORDS[t]]
        units = _after(u, {1: ["mốt"], 4: ["tư"], 5: ["lăm", "nhăm"]}, True) if u else []
    if not u:
        return heads
    return [(*h, w) for h in heads for w in units]


def _linh(u: int) -> list[tuple[str, ...]]:
    return [(z, w) for z in ("linh", "lẻ") for w in _after(u, {4: ["tư"]}, False)]


@cache
def group_table() -> dict[tuple[str, ...], tuple[int, bool, bool]]:
    """Spelling -> (value, starts with linh/lẻ, is a lone digit)."""
    table: dict[tuple[str, ...], tuple[int, bool, bool]] = {}
    for v in range(1, 100):  # no hundreds
        if v < 10:
            for w in DIGIT_WORDS[v]:
                table[(w,)] = (v, False, True)
            for spelling in _linh(v):
                table[spelling] = (v, True, False)
        else:
            for spelling in _tens(v):
                table[spelling] = (v, False, False)
                for z in ("linh", "lẻ"):
                    table[(z, *spelling)] = (v, True, False)
    for h, rest in itertools.product(range(10), range(100)):
        for hw in DIGIT_WORDS[h]:
            head = (hw, "trăm")
            tails: list[tuple[str, ...]] = [()] if rest == 0 else []
            if 0 < rest < 10:
                tails = _linh(rest)
            elif rest >= 10:
                tails = _tens(rest)
            for tail in tails:
                table[(*head, *tail)] = (100 * h + rest, False, False)
    return table


def oracle_integer(words: list[str]) -> int | None:
    if not words:
        return None
    if words == ["không"]:
        return 0
    items: list[tuple[str, int]] = []  # ("g", value) or ("s", exponent)
    flags: list[tuple[bool, bool]] = []
    run: list[str] = []
    for word in [*words, None]:
        if word is None or word in SCALES:
            if run:
                entry = group_table().get(tuple(run))
                if entry is None:
                    return None
                items.append(("g", entry[0]))
                flags.append(entry[1:])
                run = []
            if word is not None:
                items.append(("s", SCALES[word]))
                flags.append((False, False))
        else:
            run.append(word)
    terms: list[list[int]] = []  # [value, exponent of the term's scale]
    for k, (kind, x) in enumerate(items):
        if kind == "g":
            starts_linh, lone = flags[k]
            if starts_linh and not terms:
                return None
            followed = k + 1 < len(items)
            if followed:
                stands_alone = not terms or terms[-1][1] >= items[k + 1][1]
                if lone and not stands_alone:
                    return None
                if x == 0:
                    return None
            elif lone and terms:
                return None
            continue
        # a scale word
        if k == 0:
            return None
        if items[k - 1][0] == "g":
            count, low = items[k - 1][1], 0
        elif x != 9:
            return None
        else:
            count, low = terms.pop()
        while terms and terms[-1][1] < x:
            count += terms.pop()[0]
        value = count * 10**x
        if terms and value >= 10 ** terms[-1][1]:
            return None
        terms.append([value, low + x])
    total = sum(t[0] for t in terms)
    if items[-1][0] == "g":
        total += items[-1][1]
    return total


def oracle_read(text: str) -> int | Decimal | None:
    words = unicodedata.normalize("NFC", text).lower().split()
    negative = bool(words) and words[0] == "âm"
    if negative:
        words = words[1:]
    if not words or "âm" in words or words.count("phẩy") > 1:
        return None
    if "phẩy" not in words:
        value = oracle_integer(words)
        return None if value is None else (-value if negative else value)
    comma = words.index("phẩy")
    whole = oracle_integer(words[:comma])
    after = words[comma + 1 :]
    scale_at = next((i for i, w in enumerate(after) if w in SCALES), len(after))
    decimals, scale = after[:scale_at], after[scale_at:]
    if whole is None or not decimals:
        return None
    exponent = 0
    if scale:
        if any(w not in ("tỷ", "tỉ") for w in scale[1:]):
            return None
        # A scale after the decimals scales the whole number before them, however large
        # ("1.307.674,368 triệu", as format_money(scale="auto") writes it).
        exponent = SCALES[scale[0]] + 9 * (len(scale) - 1)
    zeros = len(decimals) - len(list(itertools.dropwhile(lambda w: w == "không", decimals)))
    rest = decimals[zeros:]
    if all(any(w in ws for ws in DIGIT_WORDS.values()) for w in rest):
        digits = "".join(next(str(d) for d, ws in DIGIT_WORDS.items() if w in ws) for w in rest)
    else:
        entry = group_table().get(tuple(rest))
        if entry is None or entry[1]:
            return None
        digits = str(entry[0])
    exact = Decimal(f"{'-' if negative else ''}{whole}.{'0' * zeros}{digits}").scaleb(exponent)
    if exact == exact.to_integral_value() and len("0" * zeros + digits) <= exponent:
        return int(exact)
    return exact


def fast_read(text: str) -> int | Decimal | None:
    try:
        return words_to_number(text)
    except ParseError:
        return None


VOCABULARY = [
    "không", "một", "hai", "ba", "bốn", "năm", "bẩy", "chín", "mười", "mươi", "mốt",
    "tư", "lăm", "nhăm", "linh", "lẻ", "trăm", "nghìn", "triệu", "tỷ", "phẩy", "âm",
]  # fmt: skip


@settings(max_examples=3000)
@given(words=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=9))
@example(words=["một", "nghìn", "phẩy", "không", "nghìn"])  # 1.000,0 nghìn: 1.000.000
def test_oracle_agrees_on_random_words(words: list[str]) -> None:
    text = " ".join(words)
    assert fast_read(text) == oracle_read(text)


@st.composite
def plausible(draw: st.DrawFn) -> str:
    """Words near real numbers: a number's words with one word changed, added or dropped."""
    n = draw(st.integers(0, 10**21))
    words = number_to_words(n).split()
    index = draw(st.integers(0, len(words)))
    action = draw(st.sampled_from(["replace", "insert", "delete", "keep"]))
    word = draw(st.sampled_from(VOCABULARY))
    if action == "replace" and index < len(words):
        words[index] = word
    elif action == "insert":
        words.insert(index, word)
    elif action == "delete" and index < len(words) and len(words) > 1:
        del words[index]
    return " ".join(words)


@settings(max_examples=2000)
@given(text=plausible())
def test_oracle_agrees_near_real_numbers(text: str) -> None:
    assert fast_read(text) == oracle_read(text)


@given(n=st.integers(-(10**24), 10**24))
def test_oracle_reads_what_danvan_writes(n: int) -> None:
    assert oracle_read(number_to_words(n)) == n
