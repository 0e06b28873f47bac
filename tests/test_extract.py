"""extract_figures: a table of report sentences, round trips from danvan's own
formatters, invariants over any text, and the Figure value class."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from danvan import (
    DayMonth,
    DocumentCode,
    Figure,
    FigureKind,
    InvalidTypeError,
    InvalidValueError,
    extract_figures,
    format_date,
    format_document_code,
    format_money,
    format_number,
    format_percent,
    parse_percent,
)
from tests.strategies import KNOWN_ISSUERS, PARTY_TYPES, STATE_TYPES

P, M, R, Q, D, DOC, Y, PER = (
    "percent",
    "money",
    "ratio",
    "quantity",
    "date",
    "document",
    "year",
    "period",
)


def brief(text: str, **options: Any) -> list[tuple[Any, ...]]:
    """(kind, text, record value, unit, qualifier) of each figure."""
    return [
        (f.kind.value, f.text, f.as_record()["value"], f.unit, f.qualifier)
        for f in extract_figures(text, **options)
    ]


# Sentences in the forms reports write (figures of the corpus reports and of the forms
# DOMAIN.md lists), each with every figure it holds.
TABLE: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "vận động quỹ được 1.798.702.098đ đạt 108,39% KH",
        [
            (M, "1.798.702.098đ", "1798702098", None, None),
            (P, "108,39%", "108.39", None, "đạt"),
        ],
    ),
    ("đạt trên 3,8 tỷ đồng", [(M, "3,8 tỷ đồng", "3800000000", None, "trên")]),
    ("với số tiền 915 triệu đồng", [(M, "915 triệu đồng", "915000000", None, None)]),
    ("kinh phí 50,596 tỷ đồng", [(M, "50,596 tỷ đồng", "50596000000", None, None)]),
    ("mỗi người 1.000.000 đồng/tháng", [(M, "1.000.000 đồng", "1000000", None, None)]),
    ("hỗ trợ 2 tỷ 500 triệu đồng", [(M, "2 tỷ 500 triệu đồng", "2500000000", None, None)]),
    ("gần 1,5 nghìn tỷ đồng", [(M, "1,5 nghìn tỷ đồng", "1500000000000", None, "gần")]),
    ("ủng hộ 20 triệu VNĐ", [(M, "20 triệu VNĐ", "20000000", None, None)]),
    ("huy động được 3,8 tỷ để làm đường", [(M, "3,8 tỷ", "3800000000", None, None)]),
    ("trị giá 5.052.100.000 đ", [(M, "5.052.100.000 đ", "5052100000", None, None)]),
    ("19/21 chỉ tiêu đạt và vượt kế hoạch", [(R, "19/21", [19, 21], None, None)]),
    ("226/226 đảng ủy cấp xã", [(R, "226/226", [226, 226], None, None)]),
    ("đạt 5.775/8.227 xã", [(R, "5.775/8.227", [5775, 8227], None, "đạt")]),
    (
        "lúa đạt 53,5/52ha, ngô 73/70ha",
        [(R, "53,5/52", ["53.5", 52], None, "đạt"), (R, "73/70", [73, 70], None, None)],
    ),
    (
        "tỷ lệ tham gia đạt 35.6%, tăng 1.500 người",
        [(P, "35.6%", "35.6", None, "đạt"), (Q, "1.500", "1500", "người", "tăng")],
    ),
    (
        "gia đình 5 không, 3 sạch; 8 tiêu chí 5 không 3 sạch; 3 cứng",
        [(Q, "8", "8", "tiêu chí", None)],
    ),
    ("cms-view-count: 13745", []),
    (
        "Quy định 11-QÐi/TW",
        [(DOC, "11-QÐi/TW", {"number": 11, "type": "QĐi", "issuers": ["TW"]}, None, None)],
    ),
    (
        "được 897 cuộc với 9.278 lượt lượt người tham dự",
        [(Q, "897", "897", "cuộc", None), (Q, "9.278", "9278", "lượt người", None)],
    ),
    ("hỗ trợ 10.499 suất quà", [(Q, "10.499", "10499", "suất quà", None)]),
    ("xây dựng 15 căn nhà đại đoàn kết", [(Q, "15", "15", "căn", None)]),
    ("bình quân 18,2 tiêu chí/xã", [(Q, "18,2", "18.2", "tiêu chí/xã", None)]),
    (
        "đã làm 45km đường và 1.200m3 bê tông",
        [(Q, "45", "45", "km", None), (Q, "1.200", "1200", "m3", None)],
    ),
    (
        "có 2.066 tập thể, 1.479 cá nhân",
        [(Q, "2.066", "2066", "tập thể", None), (Q, "1.479", "1479", "cá nhân", None)],
    ),
    ("hơn 1,2 triệu lượt người", [(Q, "1,2 triệu", "1200000", "lượt người", "hơn")]),
    ("khoảng 50 HTX và 12 CLB", [(Q, "50", "50", "HTX", "khoảng"), (Q, "12", "12", "CLB", None)]),
    ("thực hiện ở 02 cấp: cấp thị xã và xã", [(Q, "02", "2", "cấp", None)]),
    (
        "có 3 triệu đồng bào và 5 đồng chí",
        [(Q, "3 triệu", "3000000", "đồng bào", None), (Q, "5", "5", "đồng chí", None)],
    ),
    ("giảm 0,5 điểm phần trăm", [(Q, "0,5", "0.5", "điểm phần trăm", "giảm")]),
    (
        "tổng số tiêu chí là 91, tăng 18 tiêu chí",
        [(Q, "91", "91", None, None), (Q, "18", "18", "tiêu chí", "tăng")],
    ),
    (
        "tăng 17% so với năm 2020",
        [(P, "17%", "17", None, "tăng"), (Y, "2020", "2020", None, None)],
    ),
    ("bảo hiểm y tế đạt 96 % dân số", [(P, "96 %", "96", None, "đạt")]),
    ("đạt 95,5 phần trăm kế hoạch", [(P, "95,5 phần trăm", "95.5", None, "đạt")]),
    (
        "Chỉ thị số 08-CT/ThU, ngày 19/5/2021",
        [
            (DOC, "08-CT/ThU", {"number": 8, "type": "CT", "issuers": ["ThU"]}, None, None),
            (D, "19/5/2021", "2021-05-19", None, None),
        ],
    ),
    (
        "Kế hoạch số 70-KH/BDVTU-BCSĐUBND",
        [
            (
                DOC,
                "70-KH/BDVTU-BCSĐUBND",
                {"number": 70, "type": "KH", "issuers": ["BDVTU", "BCSĐUBND"]},
                None,
                None,
            )
        ],
    ),
    (
        "Nghị quyết số 21- NQ/TU và Chỉ thị 20 - CT/TU",
        [
            (DOC, "21- NQ/TU", {"number": 21, "type": "NQ", "issuers": ["TU"]}, None, None),
            (DOC, "20 - CT/TU", {"number": 20, "type": "CT", "issuers": ["TU"]}, None, None),
        ],
    ),
    (
        "Quyết định số 125/QĐ-UBND",
        [(DOC, "125/QĐ-UBND", {"number": 125, "type": "QĐ", "issuers": ["UBND"]}, None, None)],
    ),
    (
        "Nghị định 30/2020/NĐ-CP",
        [
            (
                DOC,
                "30/2020/NĐ-CP",
                {"number": 30, "type": "NĐ", "issuers": ["CP"], "year": 2020},
                None,
                None,
            )
        ],
    ),
    (
        "Luật số 10/2022/QH15",
        [
            (
                DOC,
                "10/2022/QH15",
                {"number": 10, "type": None, "issuers": ["QH15"], "year": 2022},
                None,
                None,
            )
        ],
    ),
    (
        "Công văn số 238/UBND-KGVX",
        [
            (
                DOC,
                "238/UBND-KGVX",
                {"number": 238, "type": None, "issuers": ["UBND", "KGVX"]},
                None,
                None,
            )
        ],
    ),
    ("Hà Tĩnh, ngày 19 tháng 5 năm 2021", [(D, "19 tháng 5 năm 2021", "2021-05-19", None, None)]),
    ("ngày 01-10-1997", [(D, "01-10-1997", "1997-10-01", None, None)]),
    ("Thứ hai - 09/11/2020 10:00", [(D, "09/11/2020", "2020-11-09", None, None)]),
    (
        "Sáng 30/10, từ 15/5 đến 30/6",
        [
            (D, "30/10", "--10-30", None, None),
            (D, "15/5", "--05-15", None, None),
            (D, "30/6", "--06-30", None, None),
        ],
    ),
    ("Chiều 23-12, tại Hà Nội", [(D, "23-12", "--12-23", None, None)]),
    ("Sáng nay 12/5, tại huyện", [(D, "12/5", "--05-12", None, None)]),
    (
        "Đến nay 12/12 xã đạt chuẩn; từ 5-7 người",
        [
            (R, "12/12", [12, 12], None, None),
            (Q, "5", "5", None, None),
            (Q, "7", "7", "người", None),
        ],
    ),
    ("Ngày 27 và 28-7, đại hội", [(D, "28-7", "--07-28", None, None)]),
    (
        "kỷ niệm ngày Quốc tế phụ nữ 8/3 và ngày công lao động 5/7 xã",
        [(D, "8/3", "--03-08", None, None), (R, "5/7", [5, 7], None, None)],
    ),
    ("giảm từ 1-2 % hộ nghèo", [(Q, "1", "1", None, None), (P, "2 %", "2", None, None)]),
    ("số đơn thuộc thẩm quyền giải quyết 710, chỉ thị 17", [(Q, "710", "710", None, None)]),
    (
        "giai đoạn 2021-2025 và nhiệm kỳ 2020 - 2025",
        [
            (PER, "2021-2025", [2021, 2025], None, None),
            (PER, "2020 - 2025", [2020, 2025], None, None),
        ],
    ),
    ("Năm 2021, toàn thị xã", [(Y, "2021", "2021", None, None)]),
    (
        "quý I/2023 và tháng 11/2018",
        [(Y, "2023", "2023", None, None), (Y, "2018", "2018", None, None)],
    ),
    ("kỷ niệm 30 năm ngày thành lập", [(Q, "30", "30", "năm", None)]),
    ("6 tháng, một năm", [(Q, "6", "6", "tháng", None)]),
    # Names, ordinals, words and furniture are no figures.
    ("phòng, chống dịch Covid-19 và cúm H5N1", []),
    ("thôn 3, tổ 5, khu phố 2 và phường 12", []),
    ("Quyết định 22 của Tỉnh ủy; Đề án 202 về", []),
    ("lần thứ 7; Điều 5 Luật Mặt trận; khoản 2", []),
    ("Đại hội XIII, khóa V, đô thị loại III", []),
    ("một năm, hai cấp, ba nhiệm vụ", []),
    ("Điện thoại: 0239.3855.123; hotline 0912 345 678", []),
    ("lúc 14:30, GMT+7", []),
    ("Điện thoại (028) 3823 4567, +84 912 345 678", []),
    ("lúc 8h00, mạng 5G, lần 2, ghi chú (1) và [2]", []),
    (
        "chi 150 tr.đ và 20trđ",
        [(M, "150 tr.đ", "150000000", None, None), (M, "20trđ", "20000000", None, None)],
    ),
    ("1. Kết quả đạt được", []),
    # English grouping is not guessed at; a dot before one or two digits before "%" can
    # only be a decimal point
    ("tăng 1.5% và 1,798,702 người, 1.500.00 hộ", [(P, "1.5%", "1.5", None, "tăng")]),
    ("mã số 1/2/3", []),
    ("Thống kê: 1.281.436\nOnline: 27", []),
    ("Thứ hai - 09/11/2020 10:00 681 0", [(D, "09/11/2020", "2020-11-09", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[text[:40] for text, _ in TABLE])
def test_report_sentences(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert brief(text) == expected


def test_furniture_when_asked_for() -> None:
    text = "Thống kê: 1.281.436\nOnline: 27\n  • Hôm nay3,130\n2,230 lượt xem"
    assert brief(text) == []
    assert [(f.text, f.value) for f in extract_figures(text, furniture=True)] == [
        ("1.281.436", 1281436),
        ("27", 27),
        ("3,130", 3130),  # a site's counter groups thousands English-style
        ("2,230", 2230),
    ]


def test_offsets_are_those_of_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Khéo vận động được 3,8 tỷ đồng, đạt 96% dân số")
    figures = extract_figures(text)
    assert [f.value for f in figures] == [3800000000, Decimal("0.96")]
    assert [text[f.start : f.end] for f in figures] == [f.text for f in figures]
    assert figures[0].text == unicodedata.normalize("NFD", "3,8 tỷ đồng")


def test_values_have_the_types_of_their_kind() -> None:
    text = (
        "Ngày 19/5/2021 ban hành Chỉ thị 08-CT/ThU; 19/21 chỉ tiêu; 73%; 70 mô hình;"
        " 3,8 tỷ đồng; năm 2020; giai đoạn 2021-2025; ngày 30/10"
    )
    kinds = {f.kind: type(f.value) for f in extract_figures(text)}
    assert kinds == {
        FigureKind.DATE: DayMonth,  # the last date wins in this dict
        FigureKind.DOCUMENT: DocumentCode,
        FigureKind.RATIO: tuple,
        FigureKind.PERCENT: Decimal,
        FigureKind.QUANTITY: Decimal,
        FigureKind.MONEY: int,
        FigureKind.YEAR: int,
        FigureKind.PERIOD: tuple,
    }


# ----------------------------------------------------------------- round trips


def sentence(figure: str, before: str = "đạt", after: str = "") -> str:
    return f"Trong năm, toàn tỉnh {before} {figure}{after} trên các lĩnh vực."


@given(st.integers(0, 10**15))
def test_counts_formatted_by_danvan_are_read_back(n: int) -> None:
    assume(not 1900 <= n <= 2100)  # an undotted year-like number is a year
    figures = extract_figures(sentence(format_number(n), before="có", after=" mô hình"))
    assert [(f.kind, f.value, f.unit) for f in figures] == [
        (FigureKind.QUANTITY, Decimal(n), "mô hình")
    ]


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_decimals_formatted_by_danvan_are_read_back(value: Decimal) -> None:
    text = format_number(value)
    assume("," in text or not 1900 <= value <= 2100)
    figures = extract_figures(sentence(text, before="bình quân", after=" tiêu chí/xã"))
    assert [(f.kind, f.value, f.unit) for f in figures] == [
        (FigureKind.QUANTITY, value, "tiêu chí/xã")
    ]


@given(
    st.integers(0, 10**14),
    st.sampled_from(["đồng", "đ", "VNĐ"]),
    st.sampled_from([None, "auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"]),
)
def test_money_formatted_by_danvan_is_read_back(amount: int, unit: Any, scale: Any) -> None:
    text = format_money(amount, unit=unit, scale=scale, decimals=None)
    figures = extract_figures(sentence(text, before="được"))
    assert [(f.kind, f.value, f.text) for f in figures] == [(FigureKind.MONEY, amount, text)]


@given(st.fractions(min_value=0, max_value=100), st.sampled_from(["đạt", "tăng", "giảm"]))
def test_percents_formatted_by_danvan_are_read_back(ratio: Fraction, word: str) -> None:
    text = format_percent(ratio)
    figures = extract_figures(sentence(text, before=word))
    assert [(f.kind, f.value, f.qualifier) for f in figures] == [
        (FigureKind.PERCENT, parse_percent(text), word)
    ]
    # the record gives the percent number, as the labelled corpus does
    assert figures[0].as_record()["value"] == str(parse_percent(text).scaleb(2))


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.sampled_from(["short", "long", "party"]))
def test_dates_formatted_by_danvan_are_read_back(day: date, style: Any) -> None:
    text = format_date(day, style=style)
    figures = extract_figures(f"Văn bản ban hành {text} của Ban Thường vụ.")
    assert [(f.kind, f.value) for f in figures] == [(FigureKind.DATE, day)]


@st.composite
def known_codes(draw: st.DrawFn) -> DocumentCode:
    number = draw(st.integers(1, 99_999))
    issuers = draw(st.lists(st.sampled_from(KNOWN_ISSUERS), min_size=1, max_size=3))
    if draw(st.booleans()):
        return DocumentCode.party(number, draw(st.sampled_from(PARTY_TYPES)), *issuers)
    year = draw(st.one_of(st.none(), st.integers(1990, 2030)))
    return DocumentCode.state(number, draw(st.sampled_from(STATE_TYPES)), *issuers, year=year)


@given(known_codes())
def test_document_codes_formatted_by_danvan_are_read_back(code: DocumentCode) -> None:
    text = format_document_code(code)
    figures = extract_figures(f"Thực hiện văn bản số {text} của cấp ủy, chính quyền.")
    assert [(f.kind, f.value, f.text) for f in figures] == [(FigureKind.DOCUMENT, code, text)]


@given(st.integers(0, 5000), st.integers(1, 5000))
def test_ratios_are_read_back(numerator: int, denominator: int) -> None:
    text = f"{format_number(numerator)}/{format_number(denominator)}"
    figures = extract_figures(f"Có {text} cơ sở đăng ký thực hiện.")
    assert [(f.kind, f.value) for f in figures] == [(FigureKind.RATIO, (numerator, denominator))]


@given(st.integers(1900, 2099), st.integers(1, 100))
def test_periods_and_years_are_read_back(first: int, length: int) -> None:
    last = min(first + length, 2100)
    figures = extract_figures(f"giai đoạn {first}-{last}, so với năm {first}")
    assert [(f.kind, f.value) for f in figures] == [
        (FigureKind.PERIOD, (first, last)),
        (FigureKind.YEAR, first),
    ]


# ----------------------------------------------------------------- invariants

REPORTISH = st.lists(
    st.sampled_from(
        [
            *"0123456789.,/-–:%  \n",
            *("đ", "đồng", "tỷ", "triệu", "nghìn", " năm ", "ngày ", "tháng ", "CT", "QĐ"),
            *("/TU", "UBND", "-KH/", "mô hình", "hộ", "trên ", "đạt ", "Covid-", "Online: "),
            *("á", "\u0301", "Thứ hai", "I", "V", "\u00a0", "0912", "lượt xem", "%"),
        ]
    ),
    max_size=40,
).map("".join)


def _check_figures(text: str, figures: list[Figure]) -> None:
    previous_end = 0
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
        assert figure.start >= previous_end  # in text order, never overlapping
        previous_end = figure.end
        json.dumps(figure.as_record())  # plain JSON values


@given(st.one_of(st.text(max_size=200), REPORTISH), st.booleans())
@example("1" + " 1" * 500, False)
@example("1.2.3.4.5.6.7.8.9" * 50, True)
@example("ngày 31/02, 29-02, 31 tháng 4 năm 2021", False)
@example("\u0301" * 10 + "5 tỷ", False)
def test_any_text_gives_ordered_figures_at_their_places(text: str, furniture: bool) -> None:
    _check_figures(text, extract_figures(text, furniture=furniture))


@given(REPORTISH)
def test_furniture_only_adds_figures(text: str) -> None:
    report = {(f.start, f.kind, f.value) for f in extract_figures(text)}
    every = {(f.start, f.kind, f.value) for f in extract_figures(text, furniture=True)}
    assert report <= every


@given(REPORTISH)
def test_nfd_text_gives_the_same_figures(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    in_nfd = extract_figures(nfd)
    assert [(f.kind, f.value, f.unit, f.qualifier) for f in in_nfd] == [
        (f.kind, f.value, f.unit, f.qualifier) for f in extract_figures(nfc)
    ]
    _check_figures(nfd, in_nfd)


@given(REPORTISH, REPORTISH)
def test_paragraphs_are_read_independently(first: str, second: str) -> None:
    joined = f"{first}\n\n{second}"
    assume(not first.endswith(("/", "-", "–")))
    shifted = [(f.kind, f.value, f.start + len(first) + 2) for f in extract_figures(second)]
    alone = [(f.kind, f.value, f.start) for f in extract_figures(first)]
    both = [(f.kind, f.value, f.start) for f in extract_figures(joined)]
    # A paragraph break ends every figure and every look back or ahead but the line
    # checks of furniture, which see only the paragraph's own lines.
    assert both == alone + shifted


def test_a_non_string_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="expected a str, not bytes"):
        extract_figures(b"73%")  # type: ignore[arg-type]


# ----------------------------------------------------------------- Figure


def test_figure_checks_its_fields() -> None:
    figure = Figure("percent", Decimal("73"), 3, 6, "73%", None, "đạt")
    assert figure.kind is FigureKind.PERCENT
    with pytest.raises(InvalidValueError, match="kind must be one of"):
        Figure("percentage", Decimal("73"), 3, 6, "73%")
    with pytest.raises(InvalidTypeError, match="must be Decimal, not float"):
        Figure("percent", 73.0, 3, 6, "73%")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="pair of ints"):
        Figure("ratio", (19, 21, 1), 0, 5, "19/21")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="does not fill positions 3 to 6"):
        Figure("percent", Decimal("73"), 3, 6, "73 %")
    with pytest.raises(InvalidValueError, match="end 2 is not a position"):
        Figure("percent", Decimal("73"), 3, 2, "")
    with pytest.raises(InvalidTypeError, match="qualifier must be a non-empty str"):
        Figure("percent", Decimal("73"), 3, 6, "73%", None, "")


def test_records_are_the_corpus_label_form() -> None:
    text = "Chỉ thị 08-CT/ThU ngày 30/10; 19/21 chỉ tiêu; giai đoạn 2021-2025; năm 2020"
    assert [f.as_record()["value"] for f in extract_figures(text)] == [
        {"number": 8, "type": "CT", "issuers": ["ThU"]},
        "--10-30",
        [19, 21],
        [2021, 2025],
        "2020",
    ]
