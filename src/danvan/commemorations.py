"""Days and campaign periods of mass-mobilisation work (ngày kỷ niệm, tháng cao điểm).

:data:`COMMEMORATIONS` is a catalogue of the days, yearly periods and national
campaigns that reports of công tác dân vận mark or report on. Each
:class:`Commemoration` has a ``name``, a ``day`` and ``month`` (the day itself, the
first day of a period or the day a campaign was launched), an ``end_day`` and
``end_month`` for a period, the year it starts from (``since``) and its ``source``,
which says where the fact was read and marks secondary sources as such.

>>> dan_van = commemoration("Ngày \\"Dân vận\\" của cả nước")
>>> dan_van.day, dan_van.month, dan_van.since
(15, 10, 1999)
>>> commemoration("Tháng cao điểm \\"Vì người nghèo\\"").dates_in(2024)
(datetime.date(2024, 10, 17), datetime.date(2024, 11, 18))

Not held here, because they are not days: the people with prestige among ethnic
minorities (người có uy tín) and religious establishments meeting local standards
("33/33 cơ sở … 6 tiêu chuẩn") are figures of reports, counted with indicators.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Any, Final

import attrs

from danvan._enums import Labelled, labels
from danvan._validators import check_integer, instance_of, optional, text
from danvan.errors import InvalidTypeError, InvalidValueError, UnknownIdError

__all__ = [
    "COMMEMORATIONS",
    "Commemoration",
    "CommemorationKind",
    "commemoration",
]


class CommemorationKind(Labelled):
    """What a :class:`Commemoration` is (loại ngày kỷ niệm).

    >>> CommemorationKind.YEARLY_PERIOD.vietnamese
    'đợt cao điểm hằng năm'
    """

    YEARLY_DAY = "yearly_day"
    YEARLY_PERIOD = "yearly_period"
    CAMPAIGN = "campaign"


_KIND_NAMES: Final = {
    CommemorationKind.YEARLY_DAY: "ngày kỷ niệm hằng năm",
    CommemorationKind.YEARLY_PERIOD: "đợt cao điểm hằng năm",
    CommemorationKind.CAMPAIGN: "cuộc vận động, phong trào thi đua",
}
labels(CommemorationKind, _KIND_NAMES)


def _day_of_month(instance: Commemoration, month: int | None, day: int | None, what: str) -> None:
    if day is None and month is None:
        return
    day = check_integer(day, f"{what}day")
    month = check_integer(month, f"{what}month", minimum=1, maximum=12)
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # a leap year allows 29/02
        raise InvalidValueError(f"{what}day {day} is not a day of month {month}")


def _check(instance: Commemoration, attribute: attrs.Attribute[Any], value: object) -> None:
    _day_of_month(instance, instance.month, instance.day, "")
    if (instance.end_day is None) != (instance.end_month is None):
        raise InvalidValueError("end_day and end_month are given together or not at all")
    _day_of_month(instance, instance.end_month, instance.end_day, "end_")
    period = instance.kind is CommemorationKind.YEARLY_PERIOD
    if period != (instance.end_day is not None):
        raise InvalidValueError("a yearly period, and only a yearly period, has an end day")
    if instance.since is not None and (type(instance.since) is not int or instance.since < 1):
        raise InvalidValueError(f"since must be a year, not {instance.since!r}")


@attrs.frozen(kw_only=True)
class Commemoration:
    """A day, a yearly period or a campaign that reports mark (ngày kỷ niệm, đợt cao điểm).

    ``day`` and ``month`` are the day itself, the first day of a yearly period, or the
    day a campaign was launched (``since`` is then the year of the launch).
    ``end_day`` and ``end_month`` close a yearly period (inclusive); a period may run
    into the next year. ``source`` names the document or page the fact was read in,
    with "(secondary)" where it is not the document itself; ``note`` says what is not
    known.

    >>> Commemoration(name="Ngày hội", kind=CommemorationKind.YEARLY_DAY, day=18, month=11,
    ...               source="(example)").dates_in(2025)
    (datetime.date(2025, 11, 18), datetime.date(2025, 11, 18))
    """

    name: str = attrs.field(validator=text)
    kind: CommemorationKind = attrs.field(validator=instance_of(CommemorationKind))
    day: int = attrs.field()
    month: int = attrs.field()
    end_day: int | None = None
    end_month: int | None = None
    since: int | None = None
    source: str = attrs.field(validator=text)
    note: str | None = attrs.field(default=None, validator=[optional(text), _check])

    def dates_in(self, year: int, /) -> tuple[datetime.date, datetime.date]:
        """The first and last day in *year* (a period may end in the next year).

        A campaign is not yearly: it gives its launch day, in its own year only.
        """
        if type(year) is not int:
            raise InvalidTypeError(f"year must be an int, not {type(year).__name__}: {year!r}")
        if self.since is not None and year < self.since:
            raise InvalidValueError(f"{self.name!r} starts in {self.since}, not before")
        if self.kind is CommemorationKind.CAMPAIGN and year != self.since:
            raise InvalidValueError(
                f"{self.name!r} was launched in {self.since}; it is not yearly"
            )
        try:
            start = datetime.date(year, self.month, self.day)
        except ValueError as exc:  # 29/02 in a common year
            raise InvalidValueError(f"{self.name!r} has no day in {year}") from exc
        if self.end_day is None or self.end_month is None:
            return start, start
        end_year = year if (self.end_month, self.end_day) >= (self.month, self.day) else year + 1
        return start, datetime.date(end_year, self.end_month, self.end_day)


_Y = CommemorationKind.YEARLY_DAY
_P = CommemorationKind.YEARLY_PERIOD
_C = CommemorationKind.CAMPAIGN

#: The catalogue, in calendar order of the day (campaigns after the yearly days).
COMMEMORATIONS: Final[tuple[Commemoration, ...]] = (
    Commemoration(
        name="Ngày truyền thống công tác Dân vận của Đảng",
        kind=_Y,
        day=15,
        month=10,
        since=1930,
        source=(
            "Bộ Chính trị (khóa VIII), October 1999, on the proposal of Ban Dân vận Trung"
            " ương: 15/10/1930 is the tradition day (thuvienphapluat.vn, secondary:"
            " https://thuvienphapluat.vn/phap-luat/ky-niem-ngay-truyen-thong-cong-tac-dan-van"
            "-cua-dang-va-ngay-dan-van-cua-ca-nuoc-la-ngay-bao-nhieu-176597-116878.html)"
        ),
    ),
    Commemoration(
        name='Ngày "Dân vận" của cả nước',
        kind=_Y,
        day=15,
        month=10,
        since=1999,
        source=(
            "Công văn 293-CV/TW, 14/10/1999, of the Bộ Chính trị: 15 October every year is"
            ' Ngày "Dân vận" của cả nước (text at danvan.vn, Ban Dân vận Trung ương)'
        ),
    ),
    Commemoration(
        name='Ngày "Vì người nghèo"',
        kind=_Y,
        day=17,
        month=10,
        since=2000,
        source=(
            'Ủy ban Trung ương MTTQ Việt Nam launched the campaign "Ngày vì người nghèo" on'
            " 17/10/2000 and made 17 October of every year its day (TTXVN via danangtv.vn,"
            " 17/10/2020, secondary)"
        ),
        note='The fund of the campaign is quỹ "Vì người nghèo".',
    ),
    Commemoration(
        name='Tháng cao điểm "Vì người nghèo"',
        kind=_P,
        day=17,
        month=10,
        end_day=18,
        end_month=11,
        source=(
            "17/10-18/11 in the plans of Ủy ban MTTQ of Ninh Thuận (2015,"
            " ninhthuan.gov.vn) and Cà Mau (2019, tranvanthoi.camau.dcs.vn), secondary;"
            " the year it was first held was not found"
        ),
    ),
    Commemoration(
        name="Ngày truyền thống Mặt trận Tổ quốc Việt Nam, Ngày hội Đại đoàn kết toàn dân tộc",
        kind=_Y,
        day=18,
        month=11,
        since=1930,
        source=(
            '"ngày truyền thống của Mặt trận Tổ quốc Việt Nam (18/11/1930 - 18/11/2019) và'
            ' Ngày hội Đại đoàn kết toàn dân tộc" (Cà Mau, tranvanthoi.camau.dcs.vn, 2019,'
            " secondary)"
        ),
        note="The year the Ngày hội was first held was not found.",
    ),
    Commemoration(
        name='Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
        kind=_C,
        day=8,
        month=7,
        since=2016,
        source=(
            "Thông tri số 10 of Ủy ban Trung ương MTTQ Việt Nam, 08/7/2016, with Đề án 04"
            " (Công an Đà Nẵng via baomoi.com, secondary)"
        ),
        note=(
            "The day is that of Thông tri số 10; its full code and the day of the launch"
            " itself were not found."
        ),
    ),
    Commemoration(
        name='Phong trào thi đua "Cả nước chung tay xóa nhà tạm, nhà dột nát"',
        kind=_C,
        day=13,
        month=4,
        since=2024,
        source=(
            "Launched on 13/4/2024 in Đà Bắc (Hòa Bình) by Hội đồng Thi đua - Khen thưởng"
            " Trung ương and Ủy ban Trung ương MTTQ Việt Nam, to be finished in 2025"
            " (Báo Gia Lai, Báo Cần Thơ, secondary); basically finished on 26/8/2025,"
            " 334.234 houses (VietnamPlus, 29/12/2025, secondary)"
        ),
    ),
)


def commemoration(name: str, /) -> Commemoration:
    """The entry of the catalogue (ngày kỷ niệm) named *name*.

    The catalogue is :data:`~danvan.commemorations.COMMEMORATIONS`; a name not in it
    raises :class:`~danvan.UnknownIdError`.

    >>> commemoration('Ngày "Vì người nghèo"').day
    17
    """
    if not isinstance(name, str):
        raise InvalidTypeError(f"expected a str, not {type(name).__name__}: {name!r}")
    for entry in COMMEMORATIONS:
        if entry.name == name:
            return entry
    error = UnknownIdError(name)
    error.what = "commemoration"
    raise error
