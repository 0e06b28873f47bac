"""Figures in report prose (số liệu trong văn bản báo cáo).

:func:`extract_figures` reads the figures a Vietnamese report states, in text order,
each with its kind, its exact value, where it stands and the qualifier before it
("trên", "đạt", "tăng" …):

>>> text = "vận động quỹ được 1.798.702.098đ đạt 108,39% KH; 19/21 chỉ tiêu đạt"
>>> for figure in extract_figures(text):
...     print(figure.kind, figure.text, repr(figure.value), figure.qualifier)
money 1.798.702.098đ 1798702098 None
percent 108,39% Decimal('1.0839') đạt
ratio 19/21 (19, 21) None

It follows the grammar of the written language rather than a list of phrases:

- a dot groups thousands and a comma marks decimals, so ``2.071 mô hình`` is 2071
  models, and a number that breaks this grammar (``1,798,702``) is not reported at all
  rather than guessed at; the one exception is a dot before one or two digits before a
  percent sign (``35.6%``), which groups no thousands and can only be a decimal point;
- a scale word (nghìn/ngàn, triệu, tỷ/tỉ) multiplies, and a currency word (đồng, đ, VNĐ)
  makes money: ``3,8 tỷ đồng`` is 3 800 000 000 đồng;
- Vietnamese counts stand *before* the noun they count (``15 căn nhà``), so the noun
  after a number is its unit, and a number *after* a noun is a name, not a count
  (``thôn 3``, ``Quyết định 22``, ``Covid-19``) and is not reported;
- ``19/21`` is a ratio, ``19/5/2021`` a date, ``ngày 30/10`` a day without a year,
  ``2021-2025`` a period, ``08-CT/ThU`` and ``125/QĐ-UBND`` document codes (read by
  :class:`~danvan.DocumentCode`), and an undotted four-digit number from 1900 to 2100
  a year;
- numbers spelled in words and Roman numerals (``khóa V``) are labels or ordinals in
  reports and are left out; so are clock times (``10:00``) and telephone numbers.

Website furniture (visitor counters, view counts, session notices) is left out unless
``furniture=True``. Offsets are indices into the string given, NFD or not:
``text[f.start:f.end] == f.text``. Any string gives a list, in time linear in its
length; nothing is guessed: a figure that cannot be read exactly is not reported.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from decimal import Decimal
from typing import Final, Union

import attrs

from danvan._text import CURRENCY_WORDS, SCALE_WORDS, nfc_with_offsets, original_index, word_at
from danvan._validators import check_integer
from danvan.dates import DayMonth, parse_date
from danvan.documents import DocumentCode, DocumentSystem
from danvan.errors import DanvanError, InvalidTypeError, InvalidValueError, shorten
from danvan.numbers import parse_money, parse_number, parse_percent

__all__ = ["Figure", "FigureKind", "FigureValue", "extract_figures"]


class FigureKind(str, enum.Enum):
    """What a figure is; the values are the names the labelled corpus uses."""

    PERCENT = "percent"
    """A percent; the value is the ratio, as :func:`~danvan.parse_percent` gives it:
    ``108,39%`` is ``Decimal('1.0839')`` (:meth:`Figure.as_record` writes the percent
    number, "108.39", as the labelled corpus does)."""
    MONEY = "money"
    """An amount in đồng, ``int`` (or ``Decimal`` for fractions of a đồng)."""
    RATIO = "ratio"
    """``19/21``: the pair ``(numerator, denominator)``, ints (``Decimal`` where a part
    has decimals: ``53,5/52``)."""
    QUANTITY = "quantity"
    """A count or measure, ``Decimal``, with its unit, the noun counted."""
    DATE = "date"
    """A :class:`~datetime.date`, or a :class:`~danvan.DayMonth` without a year."""
    DOCUMENT = "document"
    """A :class:`~danvan.DocumentCode`."""
    YEAR = "year"
    """A year, ``int``."""
    PERIOD = "period"
    """A span of years, ``2021-2025``: the pair ``(first, last)``."""

    def __str__(self) -> str:
        return self.value


FigureValue = Union[
    Decimal, int, "tuple[int | Decimal, int | Decimal]", date, DayMonth, DocumentCode
]
"""The value of a :class:`Figure`; which type depends on its :class:`FigureKind`."""

_VALUE_TYPES: Final[dict[FigureKind, tuple[type, ...]]] = {
    FigureKind.PERCENT: (Decimal,),
    FigureKind.MONEY: (int, Decimal),
    FigureKind.RATIO: (tuple,),
    FigureKind.QUANTITY: (Decimal,),
    FigureKind.DATE: (date, DayMonth),
    FigureKind.DOCUMENT: (DocumentCode,),
    FigureKind.YEAR: (int,),
    FigureKind.PERIOD: (tuple,),
}


def _to_kind(value: FigureKind | str) -> FigureKind:
    try:
        return FigureKind(value)
    except ValueError as exc:
        names = ", ".join(kind.value for kind in FigureKind)
        raise InvalidValueError(f"kind must be one of {names}, not {shorten(value)}") from exc


def _check_value(instance: Figure, attribute: attrs.Attribute[FigureValue], value: object) -> None:
    types = _VALUE_TYPES[instance.kind]
    if not isinstance(value, types) or isinstance(value, bool):
        raise InvalidTypeError(
            f"the value of a {instance.kind.value} figure must be"
            f" {' or '.join(t.__name__ for t in types)}, not {type(value).__name__}"
        )
    # a period is a pair of years; a ratio's parts may have decimals ("53,5/52ha")
    parts = (int,) if instance.kind is FigureKind.PERIOD else (int, Decimal)
    if isinstance(value, tuple) and (
        len(value) != 2 or not all(type(part) in parts for part in value)
    ):
        what = "ints" if instance.kind is FigureKind.PERIOD else "ints or Decimals"
        raise InvalidValueError(
            f"the value of a {instance.kind.value} figure is a pair of {what},"
            f" not {shorten(value)}"
        )


def _check_offset(instance: Figure, attribute: attrs.Attribute[int], value: int) -> None:
    check_integer(value, attribute.name, minimum=0)
    if attribute.name == "end" and value < instance.start:
        raise InvalidValueError(f"{attribute.name} {value} is not a position of the figure")


def _check_text(instance: Figure, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"text must be a str, not {type(value).__name__}")
    if len(value) != instance.end - instance.start:
        raise InvalidValueError(
            f"text {shorten(value)} does not fill positions {instance.start} to {instance.end}"
        )


def _check_word(instance: Figure, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidTypeError(f"{attribute.name} must be a non-empty str or None")


@attrs.frozen
class Figure:
    """One figure of a report (số liệu): what it is, its exact value, where it stands.

    ``text`` is the figure as written (``"3,8 tỷ đồng"``) and ``text[start:end]`` of the
    report; ``unit`` is the noun a quantity counts (``"mô hình"``, ``"lượt người"``,
    ``"tiêu chí/xã"``, ``"km"``), ``None`` for other kinds; ``qualifier`` is the word
    just before the figure when it is one of trên, hơn, gần, khoảng, đạt, tăng, giảm,
    bằng, dưới.

    >>> figure = extract_figures("đạt trên 3,8 tỷ đồng")[0]
    >>> figure.kind, figure.value, figure.qualifier
    (<FigureKind.MONEY: 'money'>, 3800000000, 'trên')
    >>> figure.as_record()["value"]
    '3800000000'
    """

    kind: FigureKind = attrs.field(converter=_to_kind)
    value: FigureValue = attrs.field(validator=_check_value)
    start: int = attrs.field(validator=_check_offset)
    end: int = attrs.field(validator=_check_offset)
    text: str = attrs.field(validator=_check_text)
    unit: str | None = attrs.field(default=None, validator=_check_word)
    qualifier: str | None = attrs.field(default=None, validator=_check_word)

    def as_record(self) -> dict[str, object]:
        """The figure as plain JSON values, in the form of the labelled corpus.

        Percents (as the percent number, not the ratio of :attr:`value`), money,
        quantities and years are strings of digits ("108.39"), ratios
        and periods lists, dates ISO ("2021-05-19", or "--10-30" without a year),
        documents ``{"number", "type", "issuers"}`` (and ``"year"`` for State codes
        that carry one).

        >>> extract_figures("Chỉ thị số 08-CT/ThU")[0].as_record()["value"]
        {'number': 8, 'type': 'CT', 'issuers': ['ThU']}
        """
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "value": _record_value(
                self.value.scaleb(2)
                if self.kind is FigureKind.PERCENT and isinstance(self.value, Decimal)
                else self.value
            ),
            "unit": self.unit,
            "qualifier": self.qualifier,
        }


def _record_value(value: FigureValue) -> object:
    if isinstance(value, DocumentCode):
        record: dict[str, object] = {
            "number": value.number,
            "type": None if value.type is None else str(value.type),
            "issuers": list(value.issuers),
        }
        if value.year is not None:
            record["year"] = value.year
        return record
    if isinstance(value, DayMonth):
        return f"--{value.month:02d}-{value.day:02d}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):  # decimals as strings, as everywhere in a record
        return [part if isinstance(part, int) else str(part) for part in value]
    return str(value)


# ------------------------------------------------------------------------- vocabulary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    """Phrases separated by "|", each as its tuple of words."""
    return frozenset(tuple(phrase.split()) for phrase in text.split("|"))


#: The words a report puts before a figure to qualify it.
QUALIFIERS: Final = frozenset(
    ("trên", "hơn", "gần", "khoảng", "đạt", "tăng", "giảm", "bằng", "dưới")
)

# Words after which a bare number is a label: "Quyết định 22", "thôn 3", "lần thứ 7".
_LABEL_WORDS: Final = _words(
    """
    thôn ấp xóm bản khu khối tổ phường quận đội lô số thứ điều khoản mục chương phần
    trang lớp khóa khoá loại hạng tầng phòng đường phố ngõ ngách hẻm kiệt tuyến lộ covid lần
    ngày mồng mùng hôm đợt vòng câu bài luật
    """
)
# Names of documents, after which a bare number is the document's ("Quyết định 22").
_DOCUMENT_NAMES: Final = _phrases(
    "quyết định|nghị quyết|nghị định|chỉ thị|kết luận|kế hoạch|chương trình|thông báo|"
    "thông tư|thông tri|hướng dẫn|quy định|quy chế|công văn|tờ trình|báo cáo|đề án|"
    "dự án|pháp lệnh"
)

# Units of measure, also written straight after the number ("45km", "1.200m3").
_MEASURES: Final = _words(
    """km m m2 m3 m² m³ ha km2 km² kg g tấn tạ yến lít l cm mm kw kwh mw mwh usd"""
)
# Nouns that count on their own, whatever follows ("15 căn nhà" counts căn).
_CLASSIFIERS: Final = _words(
    """
    căn cuộc chiếc con ngôi cái tấm bức quyển cuốn buổi lần đợt năm tháng ngày tuần giờ
    phút giây quý kỳ khóa khoá ca trận chuyến tiết lượt suất phần người hộ xã phường thị loại
    thôn ấp xóm bản huyện tỉnh tổ nhà trường lớp em cháu cụ ông bà hội đoàn ban ngành
    điểm cây tuổi bộ bao tấn kg km ha lít đơn
    """
)
# Classifiers that take the noun after them ("9.278 lượt người", "10.499 suất quà").
_CLASSIFIERS_WITH_NOUN: Final = frozenset(("lượt", "suất", "phần"))
# Nouns of several syllables that reports count (the longest that fits is taken).
_COMPOUND_TUPLES: Final = _phrases(
    """lượt người|suất quà|phần quà|vụ việc|hộ gia đình|hộ dân|tình nguyện viên|
    người dân|ngày công|cây số|đơn thư|hợp tác xã|tổ hợp tác|tổ dân phố|khu dân cư|
    chi bộ|đảng bộ|đảng viên|cán bộ|hội viên|đoàn viên|thanh niên|học sinh|sinh viên|
    công chức|viên chức|người lao động|lao động|mô hình|điển hình|tập thể|cá nhân|
    văn bản|nghị quyết|chỉ thị|kết luận|quyết định|kế hoạch|tiêu chí|tiêu chuẩn|
    chỉ tiêu|nội dung|công trình|phần việc|sản phẩm|doanh nghiệp|cơ sở|đơn vị|cơ quan|
    ý kiến|kiến nghị|gia đình|cuộc họp|hội nghị|lớp học|tài liệu|tin bài|phóng sự|
    bản tin|con đường|tuyến đường|suất học bổng|
    học bổng|bò giống|con giống|xe lăn|thẻ bảo hiểm y tế|thẻ bảo hiểm|câu lạc bộ|
    chi hội|tổ chức|lượt hộ|lượt cán bộ|lượt đoàn viên|lượt hội viên|
    lượt thanh niên|lượt học sinh|lượt đảng viên|lượt người dân|người có uy tín|công dân|
    chức sắc|chức việc|tín đồ|giáo xứ|giáo họ|cơ sở thờ tự|điểm nhóm|thôn xóm|
    bản làng|làng|khu phố|tổ tự quản|gia đình văn hóa|khu dân cư văn hóa|
    tuyến phố|mét|mét vuông|héc ta|tỷ lệ|nhiệm vụ|giải pháp|vấn đề|trường hợp|
    đối tượng|phong trào|hoạt động|đợt|buổi|điểm phần trăm|đồng chí|đồng bào|
    người dân tộc thiểu số|hộ đồng bào"""
)
_LONGEST_COMPOUND: Final = max(len(noun) for noun in _COMPOUND_TUPLES)
# Words that are never the noun a number counts.
_FUNCTION_WORDS: Final = _words(
    """
    và với của được đã là có cho trong trên tại ở về để các những này đó theo từ đến tới
    so như do bị vào ra lên xuống thì mà nhưng hoặc hay nên vì khi nếu đạt tăng giảm gồm
    trở lại rồi đều cũng còn sẽ đang vẫn chưa không mỗi nay qua sau trước đây kia ấy nào
    gì ai bằng hơn dưới khoảng gần riêng tổng thuộc nhằm giữa cùng chiếm trở đi thêm nữa
    xong hết tất cả cả luôn rất chỉ vượt ngoài trừ kể
    """
)
# "đồng" also starts words that are not money: "3 triệu đồng bào", "5 đồng chí".
_NOT_MONEY_AFTER_DONG: Final = _words(
    """
    chí bào thời ý hành loạt lòng đội bằng ruộng nghiệp tình thuận bộ hương minh nhất
    đều dạng phục ca hồ cảm tâm sáng khởi niên môn bọn phạm lõa sở tiền
    """
)
# Words that say an amount without a currency is money: "huy động được 3,8 tỷ".
_MONEY_CUES: Final = (
    "tiền",
    "quỹ",
    "kinh phí",
    "trị giá",
    "giá trị",
    "vốn",
    "ủng hộ",
    "huy động",
    "đóng góp",
    "ngân sách",
    "thu nhập",
    "doanh thu",
    "lợi nhuận",
    "tài trợ",
    "hỗ trợ",
)
# Words before "d/m" that make it a day and month, not a ratio.
_DATE_WORDS: Final = _words(
    "ngày mồng mùng hôm nay từ đến tới trước sau vào đêm sáng chiều tối trưa"
)
# "ngày Quốc tế phụ nữ 8/3", "Ngày Dân vận 15/10": a day's name, then its day and month.
_DAY_NAME_BEFORE: Final = re.compile(
    r"(?<![^\W\d_])(?:ngày|dịp|lễ)(?:[ \t\u00a0]+[^\W\d_]+){1,5}[ \t\u00a0]+$"
)
_WEAK_DATE_WORDS: Final = _words("nay từ đến tới trước sau vào")
# "ngày 27 và 28-7", "ngày 15, 16/5": the last day of a list after a date word.
_DAY_LIST_BEFORE: Final = re.compile(
    r"(?<![^\W\d_])(?:ngày|mồng|mùng|sáng|chiều|tối|trưa|đêm|hôm)"
    r"(?:[ \t\u00a0]+[0-9]{1,2}[ \t\u00a0]*(?:,|và))+[ \t\u00a0]*$"
)
_YEAR_WORDS: Final = _words("năm từ đến tới trước sau cuối đầu giữa")
_FIRST_YEAR: Final = 1900
_LAST_YEAR: Final = 2100

# Website furniture: words that introduce a counter or a notice, not a report figure.
_WEB_CUES: Final = (
    "truy cập",
    "online",
    "trực tuyến",
    "lượt xem",
    "lượt đọc",
    "lượt thích",
    "lượt chia sẻ",
    "lượt đánh giá",
    "bình luận",
    "thời gian chờ",
    "đăng nhập",
    "máy chủ tìm kiếm",
    "khách viếng thăm",
    "đang xem",
    "lượt truy cập",
    "hotline",
    "điện thoại",
    "đt",
    "fax",
    "email",
    "di động",
    "đường dây nóng",
    "view-count",
    "view count",
    "views",
)
_SHORT_LINE_CUES: Final = (
    *_WEB_CUES,
    "thống kê",
    "thành viên",
    "hôm nay",
    "hôm qua",
    "tuần này",
    "tuần trước",
    "tháng này",
    "tháng trước",
    "tháng hiện tại",
    "năm hiện tại",
    "năm nay",
    "views",
)
_WEB_CUE_AT_END: Final = re.compile(f"(?:{'|'.join(map(re.escape, _WEB_CUES))})$")
_SHORT_LINE_CUE: Final = re.compile("|".join(map(re.escape, _SHORT_LINE_CUES)))
_SHORT_LINE: Final = 80
_WINDOW: Final = 48  # how far back a word before a figure is looked for

# --------------------------------------------------------------------------- patterns

_SPACE = r"[ \t\u00a0\u202f]"
# Digits with the dots and commas among them ("1.798.702.098", "108,39"); a class, not a
# repeated group, so that a megabyte of "1.1.1…" is one fast match.
_LITERAL: Final = re.compile(r"[0-9][0-9.,]*(?<=[0-9])")
_TIME: Final = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?![0-9])")
_NUMERIC_DATE: Final = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[/.\-])(?P<month>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})(?![0-9])"
)
_LONG_DATE: Final = re.compile(
    rf"(?P<day>[0-9]{{1,2}}){_SPACE}+tháng{_SPACE}+(?P<month>[0-9]{{1,2}})"
    rf"(?:(?:{_SPACE}*,)?(?:{_SPACE}*năm)?{_SPACE}+(?P<year>[0-9]{{4}}))?(?![0-9])"
)
_PART = r"[^\W\d_][^\W_]{0,31}"
_PARTY_CODE: Final = re.compile(
    rf"[0-9]{{1,9}}{_SPACE}{{0,2}}[-–—]{_SPACE}{{0,2}}(?P<type>{_PART}){_SPACE}{{0,2}}/"
    rf"{_SPACE}{{0,2}}{_PART}(?:{_SPACE}{{0,2}}[-–]{_SPACE}{{0,2}}{_PART}){{0,9}}(?![\w/])"
)
_STATE_CODE: Final = re.compile(
    rf"[0-9]{{1,9}}/(?:(?P<year>[0-9]{{4}})/)?(?P<first>{_PART})"
    rf"(?P<rest>(?:[-–]{_PART}){{0,9}})(?![\w/])"
)
_PERIOD: Final = re.compile(
    rf"(?P<first>[0-9]{{4}}){_SPACE}{{0,2}}[-–—]{_SPACE}{{0,2}}(?P<last>[0-9]{{4}})(?![0-9])"
)
_GROUPED = r"(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)"
_RATIO: Final = re.compile(
    rf"(?P<num>{_GROUPED}(?:,[0-9]+)?)/(?P<den>{_GROUPED}(?:,[0-9]+)?)(?![0-9]|[.,][0-9]|/\w)"
)
_DAY_MONTH_HYPHEN: Final = re.compile(
    r"(?P<day>[0-9]{1,2})-(?P<month>[0-9]{1,2})(?![0-9]|[-/.,][0-9])"
)
_MONTH_YEAR: Final = re.compile(r"[0-9]{1,2}(?:[,;][0-9]{1,2})*/([0-9]{4})")  # tháng 11,12/2018
_QUARTER_BEFORE: Final = re.compile(rf"(?<![^\W\d_])quý{_SPACE}+[ivx]{{1,4}}/$")
_PHONES: Final = tuple(
    re.compile(rf"(?:0|84)[0-9]{{0,4}}\)?(?:[ .\-]?[0-9]{{2,4}}){{{groups}}}(?![0-9])")
    for groups in (3, 2, 1)
)
_SLOGAN: Final = re.compile(
    rf"[0-9]{{1,2}}{_SPACE}+(?:không|có){_SPACE}*[,;]?{_SPACE}*[0-9]{{1,2}}{_SPACE}+[^\W\d_]+"
)
_ENGLISH_DECIMAL: Final = re.compile(r"[0-9]{1,3}\.[0-9]{1,2}")
_ENGLISH_GROUPED: Final = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_WORD: Final = re.compile(r"[^\W\d_]+(?:[23²³])?")
_WORD_BEFORE: Final = re.compile(rf"([^\W\d_]+){_SPACE}*$")
_TWO_WORDS_BEFORE: Final = re.compile(rf"([^\W\d_]+){_SPACE}+([^\W\d_]+){_SPACE}*$")
_MILLION_DONG: Final = re.compile(rf"{_SPACE}?tr\.?{_SPACE}?đ(?:ồng)?(?![^\W\d_])")
_PERCENT_WORDS: Final = re.compile(rf"{_SPACE}+phần{_SPACE}+trăm(?![^\W\d_])")
_PERCENT_SIGN: Final = re.compile(rf"{_SPACE}?%")


# ----------------------------------------------------------------------------- public


def extract_figures(text: str, /, *, furniture: bool = False) -> list[Figure]:
    """The figures of a report's text, in text order (see the module documentation).

    With ``furniture=True`` the figures of website furniture (visitor counters, view
    counts, "Thời gian chờ: 60 giây") are returned too; telephone numbers and clock
    times never are. Any string gives a list; a non-string is an
    :class:`~danvan.InvalidTypeError`.

    >>> [(f.text, f.unit) for f in extract_figures("được 897 cuộc với 9.278 lượt người")]
    [('897', 'cuộc'), ('9.278', 'lượt người')]
    >>> [f.value for f in extract_figures("Chỉ thị số 08-CT/ThU, ngày 19/5/2021")]
    [DocumentCode.parse('08-CT/ThU'), datetime.date(2021, 5, 19)]
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {shorten(text)}")
    nfc, offsets = nfc_with_offsets(text)
    return _Scanner(text, nfc, offsets, furniture).run()


# ---------------------------------------------------------------------------- scanner


def _fold(nfc: str) -> str:
    """Lower case with the length kept, so that indices agree with *nfc*."""
    folded = nfc.lower()
    if len(folded) == len(nfc):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in nfc)


class _Scanner:
    """One left-to-right pass over the NFC text; every look around is bounded."""

    def __init__(self, text: str, nfc: str, offsets: list[int] | None, furniture: bool) -> None:
        self.text = text
        self.nfc = nfc
        self.low = _fold(nfc)
        self.offsets = offsets
        self.furniture = furniture
        self.figures: list[Figure] = []

    # ------------------------------------------------------------------ the pass

    def run(self) -> list[Figure]:
        nfc = self.nfc
        position = 0
        while True:
            literal = _LITERAL.search(nfc, position)
            if literal is None:
                return self.figures
            start = literal.start()
            try:
                end = self.read(start, literal.end())
            except DanvanError:  # a figure that cannot be read exactly is left out
                end = literal.end()
            position = max(end, literal.end())

    def read(self, start: int, literal_end: int) -> int:
        """Read what starts at *start*; return where the scan goes on."""
        nfc, low = self.nfc, self.low
        before = nfc[start - 1] if start else ""
        if before and (before.isalpha() or before in "_@#&" or self._after_word_hyphen(start)):
            # "Covid-19", "QH15", "F0": part of a name. A counter glued to its label
            # ("Đang truy cập19") is furniture.
            if self.furniture and self.on_furniture(start, glued=True):
                self.counter(start, literal_end)
            return literal_end
        if before == "/" and start >= 2 and (nfc[start - 2].isdigit() or nfc[start - 2] in "IVX"):
            # "quý I/2023": the year of a quarter written in Roman numerals.
            if literal_end - start == 4 and _QUARTER_BEFORE.search(low, max(0, start - 16), start):
                self.year(start, literal_end)
            return literal_end
        if (nfc.startswith("0", start) or before == "+") and (phone := self._phone(start)):
            return phone
        if time := _TIME.match(nfc, start):
            return time.end()
        if date_match := _NUMERIC_DATE.match(nfc, start):
            self.add(
                FigureKind.DATE, parse_date(nfc[start : date_match.end()]), start, date_match.end()
            )
            return date_match.end()
        if (long_date := _LONG_DATE.match(low, start)) and (
            long_date.group("year") or self._after_date_word(start)
        ):  # "19 tháng 5 năm 2021", also "18 Tháng 8 2015" of a page's header
            day, month, year = long_date.group("day", "month", "year")
            value = parse_date(f"{day}/{month}/{year}" if year else f"{day}/{month}")
            self.add(FigureKind.DATE, value, start, long_date.end())
            return long_date.end()
        if code := self._document(start):
            return code
        if period := _PERIOD.match(nfc, start):
            first, last = int(period.group("first")), int(period.group("last"))
            if _FIRST_YEAR <= first < last <= _LAST_YEAR:
                self.add(FigureKind.PERIOD, (first, last), start, period.end())
                return period.end()
        if (day_month := _DAY_MONTH_HYPHEN.match(nfc, start)) and self._is_day(
            start, day_month.end()
        ):
            value = DayMonth(int(day_month.group("day")), int(day_month.group("month")))
            self.add(FigureKind.DATE, value, start, day_month.end())
            return day_month.end()
        if ratio := _RATIO.match(nfc, start):
            return self.ratio(start, ratio)
        if (month_year := _MONTH_YEAR.match(nfc, start)) and self._word_before(start) in (
            "tháng",
            "quý",
        ):
            year_start = month_year.start(1)
            self.year(year_start, month_year.end())
            return month_year.end()
        return self.number(start, literal_end)

    # ------------------------------------------------------------- figure kinds

    def add(
        self,
        kind: FigureKind,
        value: FigureValue,
        start: int,
        end: int,
        unit: str | None = None,
    ) -> None:
        begin = original_index(self.offsets, start)
        finish = original_index(self.offsets, end)
        qualifier = self._word_before(start)
        self.figures.append(
            Figure(
                kind,
                value,
                begin,
                finish,
                self.text[begin:finish],
                unit,
                qualifier if qualifier in QUALIFIERS else None,
            )
        )

    def year(self, start: int, end: int) -> None:
        year = int(self.nfc[start:end])
        if _FIRST_YEAR <= year <= _LAST_YEAR:
            self.add(FigureKind.YEAR, year, start, end)

    def ratio(self, start: int, match: re.Match[str]) -> int:
        numerator = parse_number(match.group("num"))
        denominator = parse_number(match.group("den"))
        end = match.end()
        if (
            isinstance(numerator, int)
            and isinstance(denominator, int)
            and numerator <= 31
            and 1 <= denominator <= 12
            and self._is_day(start, end)
        ):
            # a day that no year has ("ngày 31/2") is an InvalidValueError: not reported
            self.add(FigureKind.DATE, DayMonth(numerator, denominator), start, end)
            return end
        if self._word_before(start) in ("tháng", "quý") and match.group("den").isdigit():
            if len(match.group("den")) == 4:
                self.year(match.start("den"), end)
            return end
        self.add(FigureKind.RATIO, (numerator, denominator), start, end)
        return end

    def number(self, start: int, end: int) -> int:
        nfc = self.nfc
        sign = _PERCENT_SIGN.match(nfc, end)
        if sign and _ENGLISH_DECIMAL.fullmatch(nfc, start, end):
            # "35.6%": a dot before one or two digits groups no thousands; only a decimal
            # point can be meant, as sites that write English numbers have it.
            self.add(FigureKind.PERCENT, Decimal(nfc[start:end]).scaleb(-2), start, sign.end())
            return sign.end()
        value = parse_number(nfc[start:end])
        # A percent: "73%", "108,39 %".
        if sign:
            percent = parse_percent(nfc[start : sign.end()])
            self.add(FigureKind.PERCENT, percent, start, sign.end())
            return sign.end()
        if written := _PERCENT_WORDS.match(self.low, end):  # "95 phần trăm"
            self.add(FigureKind.PERCENT, Decimal(value).scaleb(-2), start, written.end())
            return written.end()
        # "150 tr.đ", "150 trđ": triệu đồng as tables abbreviate it.
        if abbreviated := _MILLION_DONG.match(self.low, end):
            amount = parse_money(f"{nfc[start:end]} triệu đồng")
            self.add(FigureKind.MONEY, amount, start, abbreviated.end())
            return self._skip_per_unit(abbreviated.end())
        # A scale word and a currency: money, or a scaled count.
        amount_end, amount, currency = self._amount(start, end)
        if currency:
            self.add(FigureKind.MONEY, amount, start, amount_end)
            return self._skip_per_unit(amount_end)
        if amount_end > end:  # "1,2 triệu lượt người", or money said without đồng
            unit, after = self._unit(amount_end)
            if unit is None and self._money_context(start):
                self.add(FigureKind.MONEY, amount, start, amount_end)
                return amount_end
            self.add(FigureKind.QUANTITY, Decimal(amount), start, amount_end, unit)
            return max(after, amount_end)
        if slogan := _SLOGAN.match(self.low, start):  # "5 không, 3 sạch": a slogan's name
            return slogan.end()
        if end < len(nfc) and nfc[end].isalpha() and not _glued_measure(nfc, end):
            return end  # "8h00", "5G", "3D": a name or a time, not a count
        if nfc.startswith("/", end) and end + 1 < len(nfc) and nfc[end + 1].isdigit():
            return end  # "1/2/3": numbers joined by slashes that are no date nor ratio
        unit, after = self._unit(end)
        if self._is_year(start, end, value, unit):
            self.year(start, end)
            return end
        if unit is None and (
            self._is_label(start) or self._is_list_marker(start, end) or self._is_note(start, end)
        ):
            return end
        if unit is not None and unit.lower() in _SLOGAN_WORDS:
            return max(after, end)  # "3 sạch", "4 an toàn": a slogan, not a count
        if self.on_furniture(start, unit=unit):
            if self.furniture:
                self.counter(start, end, unit)
            return max(after, end)
        self.add(FigureKind.QUANTITY, Decimal(value), start, end, unit)
        return max(after, end)

    def counter(self, start: int, end: int, unit: str | None = None) -> None:
        """A count of the page's furniture; its software may group thousands with
        commas, English-style ("Hôm nay3,130"), and then it is read that way."""
        literal = self.nfc[start:end]
        if _ENGLISH_GROUPED.fullmatch(literal):
            value: int | Decimal = int(literal.replace(",", ""))
        else:
            value = parse_number(literal)
        self.add(FigureKind.QUANTITY, Decimal(value), start, end, unit)

    # ---------------------------------------------------------------- helpers

    def _after_word_hyphen(self, start: int) -> bool:
        """Whether the number hangs on a word by a hyphen: "Covid-19", "GMT+7"."""
        nfc = self.nfc
        return start >= 2 and nfc[start - 1] in "-–+" and nfc[start - 2].isalpha()

    def _phone(self, start: int) -> int | None:
        """The end of a telephone number at *start*: 9 to 11 digits in groups."""
        for pattern in _PHONES:  # "0912 345 678", "(028) 3823 4567", "+84 912 345 678"
            match = pattern.match(self.nfc, start)
            if match is not None and 9 <= sum(c.isdigit() for c in match.group()) <= 11:
                return match.end()
        return None

    def _document(self, start: int) -> int | None:
        nfc = self.nfc
        party = _PARTY_CODE.match(nfc, start)
        if party is not None:
            code = DocumentCode.parse(_unconfuse(party.group()))
            if code.type is not None and code.type.known:
                self.add(FigureKind.DOCUMENT, code, start, party.end())
                return party.end()
        state = _STATE_CODE.match(nfc, start)
        if state is None:
            return None
        parts = [state.group("first"), *re.split("[-–]", state.group("rest"))[1:]]
        if not all(part[0].isupper() for part in parts):
            return None
        if state.group("year") is None and len(parts) < 2:
            return None
        code = DocumentCode.parse(_unconfuse(state.group()))
        if code.system is DocumentSystem.STATE and (
            code.type is None or code.type.known or code.year is not None
        ):
            self.add(FigureKind.DOCUMENT, code, start, state.end())
            return state.end()
        return None

    def _scales(self, end: int) -> int:
        """Where the scale words after a number ending at *end* end ("tỷ", "nghìn tỷ")."""
        index = end
        for _ in range(2):
            spaced = _skip_spaces(self.low, index)
            word = word_at(self.low, spaced, SCALE_WORDS)
            if word is None or spaced == index:
                break
            index = spaced + len(word)
        return index

    def _amount(self, start: int, end: int) -> tuple[int, int | Decimal, bool]:
        """``(end, amount, has currency)`` of the amount whose number ends at *end*.

        Reads scale words ("3,8 tỷ"), the smaller amounts after them ("2 tỷ 500 triệu")
        and the currency ("đồng", "đ", "VNĐ").
        """
        nfc, low = self.nfc, self.low
        pieces = [(start, self._scales(end))]
        if pieces[0][1] == end:  # no scale word: only a currency can follow
            spaced = _skip_spaces(low, end)
            if spaced >= len(low) or low[spaced] not in "vđ₫":
                return end, 0, False
        while pieces[-1][1] > end and len(pieces) < 4:  # after a scale word, "2 tỷ 500 …"
            spaced = _skip_spaces(nfc, pieces[-1][1])
            literal = _LITERAL.match(nfc, spaced)
            if spaced == pieces[-1][1] or literal is None:
                break
            piece_end = self._scales(literal.end())
            if (
                piece_end == literal.end()
                and word_at(low, _skip_spaces(low, piece_end), CURRENCY_WORDS) is None
            ):
                break
            pieces.append((spaced, piece_end))
            if piece_end == literal.end():
                break
        amount_end = pieces[-1][1]
        spaced = _skip_spaces(low, amount_end)  # "5.000đ", "5.000 đồng", "3,8 tỷ đồng"
        currency = word_at(low, spaced, CURRENCY_WORDS)
        if currency == "đồng" and self._next_word(spaced + 4) in _NOT_MONEY_AFTER_DONG:
            currency = None
        if currency is not None:
            amount_end = spaced + len(currency)
        amount: int | Decimal = 0
        for piece_start, piece_end in pieces:
            amount += parse_money(nfc[piece_start:piece_end])
        return amount_end, amount, currency is not None

    def _money_context(self, start: int) -> bool:
        window = self.low[max(0, start - _WINDOW) : start]
        return any(cue in window for cue in _MONEY_CUES)

    def _skip_per_unit(self, index: int) -> int:
        """Step over "/tháng" of "1.000.000 đồng/tháng"."""
        if index < len(self.nfc) and self.nfc[index] == "/":
            word = _WORD.match(self.nfc, index + 1)
            if word is not None:
                return word.end()
        return index

    def _is_year(self, start: int, end: int, value: int | Decimal, unit: str | None) -> bool:
        if not (end - start == 4 and isinstance(value, int)):
            return False
        if not _FIRST_YEAR <= value <= _LAST_YEAR:
            return False
        return unit is None or self._word_before(start) in _YEAR_WORDS

    def _is_label(self, start: int) -> bool:
        """Whether the number names something: "thôn 3", "Quyết định 22", "lần thứ 7"."""
        window = self.nfc[max(0, start - _WINDOW) : start]
        match = _WORD_BEFORE.search(window)
        if match is None:
            return False
        word = match.group(1)
        if word.lower() in _LABEL_WORDS or word[0].isupper():
            return True
        two = _TWO_WORDS_BEFORE.search(window)
        return two is not None and (two.group(1).lower(), word.lower()) in _DOCUMENT_NAMES

    def _is_note(self, start: int, end: int) -> bool:
        """ "(1)", "[2]": a footnote or item number in brackets."""
        nfc = self.nfc
        return (
            start > 0 and end < len(nfc) and (nfc[start - 1], nfc[end]) in (("(", ")"), ("[", "]"))
        )

    def _is_list_marker(self, start: int, end: int) -> bool:
        """ "1. Kết quả", "2) …" at the start of a line."""
        line_start = self.nfc.rfind("\n", max(0, start - 8), start) + 1
        if (start > 8 and line_start == 0) or self.nfc[line_start:start].strip():
            return False
        return end < len(self.nfc) and self.nfc[end] in ".)"

    def _is_day(self, start: int, end: int) -> bool:
        """Whether "d/m" or "d-m" at *start* is a day: after a date word or in the name of
        a day ("ngày Quốc tế phụ nữ 8/3"), and for the words that also start other phrases
        ("đến nay 12/12 xã", "từ 1-2 %"), with no noun, percent or scale word after it."""
        if _DAY_NAME_BEFORE.search(self.low, max(0, start - _WINDOW), start):
            return self._unit(end)[0] is None
        if not self._after_date_word(start):
            return False
        if self._word_before(start) not in _WEAK_DATE_WORDS:
            return True
        after = _skip_spaces(self.low, end)
        return (
            not self.low.startswith("%", after)
            and word_at(self.low, after, SCALE_WORDS) is None
            and self._unit(end)[0] is None
        )

    def _after_date_word(self, start: int) -> bool:
        """Whether a day stands at *start*: "ngày 30/10", "Sáng nay 12/5", "ngày 27 và 28-7"."""
        if self._word_before(start) in _DATE_WORDS:
            return True
        return _DAY_LIST_BEFORE.search(self.low, max(0, start - _WINDOW), start) is not None

    def _word_before(self, start: int) -> str | None:
        """The word just before *start*, lower case, with only spaces between."""
        match = _WORD_BEFORE.search(self.low, max(0, start - _WINDOW), start)
        return None if match is None else match.group(1)

    def _next_word(self, index: int) -> str | None:
        spaced = _skip_spaces(self.low, index)
        match = _WORD.match(self.low, spaced)
        return None if match is None or spaced == index else match.group()

    def _unit(self, end: int) -> tuple[str | None, int]:
        """The noun counted by the number ending at *end*, and where it ends."""
        nfc, low = self.nfc, self.low
        words: list[tuple[int, int]] = []
        index = end
        while len(words) < _LONGEST_COMPOUND + 1:
            spaced = _skip_spaces(low, index)
            if spaced == index and (words or not _glued_measure(nfc, index)):
                break
            match = _WORD.match(low, spaced)
            if match is None:
                break
            if words and low[match.start() : match.end()] == low[slice(*words[-1])]:
                index = match.end()  # "lượt lượt người": a word written twice
                continue
            words.append((match.start(), match.end()))
            index = match.end()
        if not words:
            return None, end
        lows = [low[a:b] for a, b in words]
        first = lows[0]
        chosen = 0
        for size in range(min(len(lows), _LONGEST_COMPOUND), 1, -1):
            if tuple(lows[:size]) in _COMPOUND_TUPLES:
                chosen = size
                break
        if not chosen:
            if first in _FUNCTION_WORDS or first in SCALE_WORDS or first in QUALIFIERS:
                return None, end
            original = nfc[words[0][0] : words[0][1]]
            if original[0].isupper() and not _is_abbreviation(original):
                return None, end
            if first in _CLASSIFIERS_WITH_NOUN and len(lows) > 1:
                # "lượt người", "lượt cán bộ", "lượt công dân": a noun of one or two words
                rest = next(
                    (
                        size
                        for size in range(min(len(lows) - 1, _LONGEST_COMPOUND), 0, -1)
                        if tuple(lows[1 : 1 + size]) in _COMPOUND_TUPLES
                    ),
                    0,
                )
                if not rest:
                    rest = 1 if lows[1] in _CLASSIFIERS or not _noun_after(lows, 2) else 2
                if lows[1] not in _FUNCTION_WORDS:
                    chosen = 1 + rest
            if not chosen and (
                first in _CLASSIFIERS or first in _MEASURES or _is_abbreviation(original)
            ):
                chosen = 1
            if not chosen:
                second = len(lows) > 1 and nfc[words[1][0]].islower() and _noun_after(lows, 1)
                chosen = 2 if second and lows[1] not in _CLASSIFIERS else 1
        unit_words = [nfc[a:b] for a, b in words[:chosen]]
        unit_end = words[chosen - 1][1]
        unit = " ".join(unit_words)
        # "tiêu chí/xã", "đồng/tháng": a unit per another.
        if unit_end < len(nfc) and nfc[unit_end] == "/":
            per = _WORD.match(nfc, unit_end + 1)
            if per is not None:
                unit = f"{unit}/{per.group()}"
                unit_end = per.end()
        return unit, unit_end

    # --------------------------------------------------------------- furniture

    def on_furniture(self, start: int, *, unit: str | None = None, glued: bool = False) -> bool:
        """Whether the figure at *start* belongs to the page's furniture, not the report.

        Only counts can be furniture: a count straight after a counter's label
        ("Online: 27", "Thời gian chờ: 60 giây", "Đang truy cập19"), a bare count on a
        short line of a page's statistics box ("Hôm nay 3,130"), and the bare counts
        after the date and time of a post's header line ("09/11/2020 10:00 681 0").
        """
        if unit is not None and unit.lower() in _WEB_UNITS:  # "2,230 lượt xem"
            return True
        if unit is not None and unit not in _TIME_UNITS:
            return False
        nfc, low = self.nfc, self.low
        window_start = max(0, start - _WINDOW)
        line_start = low.rfind("\n", window_start, start) + 1
        whole_line = line_start > 0 or window_start == 0
        if not whole_line:
            line_start = window_start
        before = low[line_start:start].rstrip(" \t:\u00a0•-–")
        if _WEB_CUE_AT_END.search(before):
            return True
        if unit is not None or not whole_line:
            return False
        line_end = nfc.find("\n", start, start + _SHORT_LINE + 1)
        if line_end < 0:
            if len(nfc) - start > _SHORT_LINE:
                return False
            line_end = len(nfc)
        line = low[line_start:line_end]
        if len(line.strip()) > _SHORT_LINE:
            return False
        words = [w for w in _WORD.findall(line) if w not in _WEEKDAY_WORDS]
        if not words:  # a post's header: a date, a time and counts
            return not glued and (":" in line or "/" in line)
        return len(words) <= 6 and _SHORT_LINE_CUE.search(line) is not None


# Words of slogans that follow a number as if they were its noun ("3 sạch", "3 cứng").
_SLOGAN_WORDS: Final = _words("sạch cứng xanh sáng đẹp tốt") | {"an toàn"}
_TIME_UNITS: Final = frozenset(("giây", "phút"))
_WEB_UNITS: Final = (
    _words("views view likes")
    | {"lượt xem", "lượt đọc", "lượt thích", "lượt chia sẻ", "lượt truy cập", "lượt bình luận"}
    | {"bình luận", "lượt đánh giá", "người đang xem"}
)
_WEEKDAY_WORDS: Final = _words("thứ hai ba tư năm sáu bảy chủ nhật cn ngày lúc")


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\u00a0\u202f":
        index += 1
    return index


def _unconfuse(code: str) -> str:
    """The Icelandic eth (Ð, ð), which fonts draw as Đ, read as the Vietnamese letter."""
    return code.replace("Ð", "Đ").replace("ð", "đ")


def _noun_after(lows: list[str], index: int) -> bool:
    """Whether ``lows[index]`` may be the second word of a noun (not a function word)."""
    return index < len(lows) and lows[index] not in _FUNCTION_WORDS


def _glued_measure(text: str, index: int) -> bool:
    """ "45km", "1.200m3": a unit of measure written straight after the number."""
    match = _WORD.match(text, index)
    return match is not None and match.group() in _MEASURES


def _is_abbreviation(word: str) -> bool:
    """ "HTX", "CLB", "USD": two or more capitals."""
    return sum(c.isupper() for c in word) >= 2
