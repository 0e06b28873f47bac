"""Report sentences in Vietnamese (câu báo cáo): attainment, change, ratios, summaries.

The figures of :mod:`danvan.indicators`, :mod:`danvan.criteria` and
:mod:`danvan.statistics` written the way reports write them, with the numbers of
:mod:`danvan.numbers`: a dot groups thousands, a comma marks decimals, no space before
``%``. Every rounding is half away from zero ("làm tròn", Python's ``ROUND_HALF_UP``)
at ``decimals`` places of the figure as written (of the percent for a percent), and
every choice of words follows the figure as written, never a hidden digit.

>>> describe_attainment(1798702098, 1659500000)
'đạt 108,39% kế hoạch'
>>> describe_attainment(1798702098, 1659500000, style="exceeded")
'vượt 8,39% kế hoạch'
>>> describe_change(70, 60, since="năm 2020", decimals=0)
'tăng 17% so với năm 2020'
>>> describe_change(945, 1000, since="năm 2020")
'giảm 5,5% so với năm 2020'
>>> describe_change(60, 60, since="năm 2020")
'bằng năm 2020'
>>> describe_ratio(19, 21, "chỉ tiêu")
'19/21 chỉ tiêu'
>>> describe_difference(91, 73, unit="tiêu chí", since="đầu năm")
'tăng 18 tiêu chí so với đầu năm'

"vượt" (exceeded): reports write both "đạt 108,39% KH" and "vượt 8,39% kế hoạch".
:func:`describe_attainment` writes "đạt" unless asked (``style="exceeded"`` or
``"both"``), and then says "vượt" only when the percent as written is above 100%:
108,39% is "vượt 8,39%", while 100,004% written with two places is "đạt 100%".
The amount exceeded is the written percent less 100, so the two figures always agree.

"bằng" and "tương đương": a change of exactly zero is "bằng năm 2020" (equal to); a
change that is not zero but rounds to zero at the places asked for is "tương đương năm
2020" (about the same), never "tăng 0%".
"""

from __future__ import annotations

from typing import Final, Literal

from danvan._rounding import round_half_up
from danvan._text import capital
from danvan.criteria import CriteriaSummary
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.indicators import (
    UndefinedIndicatorError,
    attainment,
    change,
    difference,
    meets,
    point_change,
)
from danvan.numbers import format_number, format_percent
from danvan.observations import Bound, ExactNumber
from danvan.periods import Period, format_period
from danvan.statistics import ModelStatistics

__all__ = [
    "AttainmentStyle",
    "describe_attainment",
    "describe_change",
    "describe_criteria",
    "describe_difference",
    "describe_holders",
    "describe_model_statistics",
    "describe_point_change",
    "describe_ratio",
]

AttainmentStyle = Literal["reached", "exceeded", "both"]
"""How :func:`describe_attainment` writes a result above plan: "đạt 108,39%" (reached),
"vượt 8,39%" (exceeded), or "đạt 108,39% …, vượt 8,39%" (both)."""

_STYLES: Final = ("reached", "exceeded", "both")


def _check_decimals(decimals: object, *, optional: bool = False) -> None:
    if decimals is None and optional:
        return
    if type(decimals) is not int or decimals < 0:
        raise InvalidValueError(f"decimals must be a whole number >= 0, not {decimals!r}")


_round = round_half_up


def _since(since: str | Period | None) -> str | None:
    if since is None:
        return None
    if isinstance(since, Period):
        return format_period(since)
    if not isinstance(since, str):
        raise InvalidTypeError(f"since must be a str, a Period or None, not {since!r}")
    if not since.strip():
        raise InvalidValueError("since must not be empty")
    return since.strip()


def _word(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTypeError(f"{what} must be a str or None, not {value!r}")
    if not value.strip():
        raise InvalidValueError(f"{what} must not be empty")
    return value.strip()


def _direction(
    sign: int,
    rounded_zero: bool,
    figure: str,
    since: str | None,
    higher_is_better: bool | None = None,
) -> str:
    """ "tăng 17% so với …", "giảm …", "giảm được …", "bằng …" or "tương đương …"."""
    if higher_is_better is not None and not isinstance(higher_is_better, bool):
        raise InvalidTypeError(
            f"higher_is_better must be a bool or None, not {higher_is_better!r}"
        )
    if sign == 0:
        return f"bằng {since}" if since else "không đổi"
    if rounded_zero:
        return f"tương đương {since}" if since else "gần như không đổi"
    verb = "tăng" if sign > 0 else "giảm"
    if higher_is_better is False and sign < 0:
        verb = "giảm được"  # a reduction achieved: good news where lower is better
    text = f"{verb} {figure}"
    return f"{text} so với {since}" if since else text


def _amount(value: ExactNumber, unit: str | None) -> str:
    """A plan or a difference with its unit: "60 hộ", "3%" (a ratio of "%")."""
    if unit == "%":
        try:
            return format_percent(value, decimals=None)
        except InvalidValueError:  # decimals that do not end
            return format_percent(value)
    try:
        figure = format_number(value)
    except InvalidValueError:
        figure = format_number(value, decimals=2)
    return f"{figure} {unit}" if unit else figure


def _lower_is_better(
    actual: ExactNumber, plan: ExactNumber, word: str | None, unit: str | None, bound: Bound | None
) -> str:
    """ "đạt và vượt kế hoạch (không quá 60 hộ)", "chưa đạt kế hoạch (không quá 60 hộ)"."""
    ceiling = f"không quá {_amount(plan, unit)}"
    tail = f" {word}" if word else ""
    if meets(actual, plan, higher_is_better=False, bound=bound):
        # "dưới 3%", "gần 3%" meeting a ceiling of 3% are under it; "tối đa 3%" may equal it
        under = actual < plan if bound in (None, Bound.AT_MOST) else True
        return f"{'đạt và vượt' if under else 'đạt'}{tail} ({ceiling})"
    # "trên 60" is over a ceiling of 60, "ít nhất 60" only when 60 is itself over it
    over = (
        actual > plan
        if bound in (None, Bound.AT_LEAST)
        else bound.is_lower_bound and actual >= plan
    )
    if over:
        return f"chưa đạt{tail} ({ceiling})"
    return f"{word or 'kế hoạch'} {ceiling}"


def describe_attainment(
    actual: ExactNumber,
    plan: ExactNumber,
    /,
    *,
    decimals: int = 2,
    style: AttainmentStyle = "reached",
    plan_word: str | None = "kế hoạch",
    higher_is_better: bool = True,
    bound: Bound | None = None,
    unit: str | None = None,
) -> str:
    """Plan attainment as a report writes it: "đạt 108,39% kế hoạch".

    The percent is rounded half away from zero to *decimals* places. *style* chooses
    the words for a result above 100% as written (see the module documentation):
    ``"reached"`` "đạt 108,39% kế hoạch", ``"exceeded"`` "vượt 8,39% kế hoạch",
    ``"both"`` "đạt 108,39% kế hoạch, vượt 8,39%". *plan_word* is what follows the
    percent ("KH", as tables abbreviate it) or None for nothing. A zero plan raises
    :class:`~danvan.UndefinedIndicatorError`.

    >>> describe_attainment(1798702098, 1659500000, plan_word="KH")
    'đạt 108,39% KH'
    >>> describe_attainment(1798702098, 1659500000, style="both")
    'đạt 108,39% kế hoạch, vượt 8,39%'
    >>> describe_attainment(70, 96, decimals=0, plan_word=None)
    'đạt 73%'

    A *bound* on the actual figure ("trên 90%") carries over to the percent:

    >>> from decimal import Decimal
    >>> describe_attainment(Decimal("0.9"), Decimal("0.8"), bound=Bound.MORE_THAN)
    'đạt trên 112,5% kế hoạch'

    Where lower is better (``higher_is_better=False``: poor households left, accidents)
    the plan is a ceiling, and reports give no percent of it: at or under it is "đạt"
    ("đạt và vượt" when under), over it "chưa đạt", with the ceiling in brackets, in
    *unit* (a percent when *unit* is "%"). A bound that leaves the verdict open gives
    the ceiling alone.

    >>> describe_attainment(23, 60, higher_is_better=False, unit="hộ")
    'đạt và vượt kế hoạch (không quá 60 hộ)'
    >>> describe_attainment(87, 60, higher_is_better=False, unit="hộ")
    'chưa đạt kế hoạch (không quá 60 hộ)'
    >>> describe_attainment(Decimal("0.021"), Decimal("0.03"), higher_is_better=False, unit="%")
    'đạt và vượt kế hoạch (không quá 3%)'
    """
    _check_decimals(decimals)
    if style not in _STYLES:
        raise InvalidValueError(f"style must be one of {', '.join(_STYLES)}; not {style!r}")
    if not isinstance(higher_is_better, bool):
        raise InvalidTypeError(f"higher_is_better must be a bool, not {higher_is_better!r}")
    if bound is not None and not isinstance(bound, Bound):
        raise InvalidTypeError(f"bound must be a Bound or None, not {bound!r}")
    word = _word(plan_word, "plan_word")
    measure = _word(unit, "unit")
    ratio = attainment(actual, plan)  # checks both, and refuses a zero plan
    if not higher_is_better:
        return _lower_is_better(actual, plan, word, measure, bound)
    rounded = _round(ratio, decimals + 2)
    tail = f" {word}" if word else ""
    qualifier = f"{bound.vietnamese} " if bound is not None else ""
    reached = f"đạt {qualifier}{format_percent(rounded, decimals=decimals)}{tail}"
    if style == "reached" or rounded <= 1:
        return reached
    beyond = format_percent(rounded - 1, decimals=decimals)
    if style == "exceeded":
        return f"vượt {qualifier}{beyond}{tail}"
    return f"{reached}, vượt {qualifier}{beyond}"


def describe_change(
    current: ExactNumber,
    previous: ExactNumber,
    /,
    *,
    since: str | Period | None = None,
    decimals: int = 2,
    higher_is_better: bool | None = None,
) -> str:
    """A relative change as a report writes it: "tăng 17% so với năm 2020".

    "tăng" (up) or "giảm" (down) and the size of the change in percent, rounded half
    away from zero to *decimals* places; "bằng năm 2020" when nothing changed and
    "tương đương năm 2020" when the change rounds to zero. *since* is what the
    figure is compared with ("năm 2020", "cùng kỳ", "đầu năm") or a
    :class:`~danvan.Period`, written with :func:`~danvan.format_period`. A zero
    *previous* raises :class:`~danvan.UndefinedIndicatorError`.

    >>> describe_change(94, 100)
    'giảm 6%'
    >>> from danvan import Period
    >>> describe_change(1001, 1000, since=Period.year(2020), decimals=0)
    'tương đương năm 2020'

    With ``higher_is_better=False`` (poor households) a fall is good news, and reports
    say it was achieved: "giảm được"; a rise stays "tăng".

    >>> describe_change(23, 60, since="năm 2020", higher_is_better=False)
    'giảm được 61,67% so với năm 2020'
    """
    _check_decimals(decimals)
    value = change(current, previous)
    rounded = _round(abs(value), decimals + 2)
    figure = format_percent(rounded, decimals=decimals)
    sign = (value > 0) - (value < 0)
    return _direction(sign, not rounded, figure, _since(since), higher_is_better)


def describe_difference(
    current: ExactNumber,
    previous: ExactNumber,
    /,
    *,
    unit: str | None = None,
    since: str | Period | None = None,
    decimals: int | None = None,
    higher_is_better: bool | None = None,
) -> str:
    """An absolute change as a report writes it: "tăng 18 tiêu chí so với đầu năm".

    The size of the change is written exactly (``decimals=None``; a value without a
    finite decimal expansion then raises :class:`~danvan.InvalidValueError`) or
    rounded half away from zero to *decimals* places; *unit* follows it. Equal values
    give "bằng đầu năm", a change that rounds to zero "tương đương đầu năm".

    >>> describe_difference(1, 3, unit="hộ nghèo")
    'giảm 2 hộ nghèo'
    >>> describe_difference(23, 60, unit="hộ", since="năm 2020", higher_is_better=False)
    'giảm được 37 hộ so với năm 2020'
    """
    _check_decimals(decimals, optional=True)
    word = _word(unit, "unit")
    value = difference(current, previous)
    size = abs(value)
    if decimals is not None:
        size = _round(size, decimals)
    figure = format_number(size) + (f" {word}" if word else "")
    sign = (value > 0) - (value < 0)
    return _direction(sign, not size, figure, _since(since), higher_is_better)


def describe_point_change(
    rate_now: ExactNumber,
    rate_before: ExactNumber,
    /,
    *,
    since: str | Period | None = None,
    decimals: int = 2,
    higher_is_better: bool | None = None,
) -> str:
    """A change of a rate in percentage points: "tăng 3 điểm phần trăm so với năm 2020".

    Both rates are ratios (1 is 100%). The number of points is rounded half away from
    zero to *decimals* places. With ``higher_is_better=False`` a fall is "giảm được",
    as for :func:`describe_change`.

    >>> from decimal import Decimal
    >>> describe_point_change(Decimal("0.73"), Decimal("0.7"), since="năm 2020")
    'tăng 3 điểm phần trăm so với năm 2020'
    >>> describe_point_change(Decimal("0.0314"), Decimal("0.0382"), higher_is_better=False)
    'giảm được 0,68 điểm phần trăm'
    """
    _check_decimals(decimals)
    value = point_change(rate_now, rate_before)
    points = _round(abs(value) * 100, decimals)
    figure = f"{format_number(points)} điểm phần trăm"
    sign = (value > 0) - (value < 0)
    return _direction(sign, not points, figure, _since(since), higher_is_better)


def describe_ratio(
    part: int, total: int, unit: str | None = None, /, *, min_digits: int | None = None
) -> str:
    """A count out of a total: "19/21 chỉ tiêu", "33/33 cơ sở".

    Both are whole numbers >= 0, written with thousands dots; ``min_digits=2`` pads
    them with zeros as some reports do ("09/59 thôn"). For a
    :class:`~danvan.indicators.MetCount`, pass ``count.met, count.total``.

    >>> describe_ratio(9, 59, "thôn", min_digits=2)
    '09/59 thôn'
    """
    for name, value in (("part", part), ("total", total)):
        if type(value) is not int:
            raise InvalidTypeError(f"{name} must be an int, not {type(value).__name__}: {value!r}")
        if value < 0:
            raise InvalidValueError(f"{name} must not be negative, not {value!r}")
    word = _word(unit, "unit")
    text = "/".join(format_number(value, min_digits=min_digits) for value in (part, total))
    return f"{text} {word}" if word else text


def describe_criteria(
    summary: CriteriaSummary,
    /,
    *,
    previous: CriteriaSummary | None = None,
    since: str | Period | None = None,
    decimals: int = 1,
) -> str:
    """New-rural criteria over communes, as a report writes them.

    "tổng số tiêu chí đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã, tăng 18 tiêu chí so
    với đầu năm; không còn xã dưới 11 tiêu chí": the total, the mean per commune rounded
    half away from zero to *decimals* places, the change of the total from *previous*
    (compared with *since*), and the minimum.

    >>> from fractions import Fraction
    >>> from danvan.indicators import MetCount
    >>> now = CriteriaSummary(communes=5, total=91, mean=Fraction(91, 5), minimum=11,
    ...                       maximum=19, standard=MetCount(2, 5))
    >>> before = CriteriaSummary(communes=5, total=73, mean=Fraction(73, 5), minimum=9,
    ...                          maximum=19, standard=MetCount(1, 5))
    >>> describe_criteria(now, previous=before, since="đầu năm")
    'tổng số tiêu chí đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã, tăng 18 tiêu chí so với đầu năm; không còn xã dưới 11 tiêu chí'
    """  # noqa: E501
    _check_decimals(decimals)
    if not isinstance(summary, CriteriaSummary):
        raise InvalidTypeError(f"expected a CriteriaSummary, not {summary!r}")
    text = (
        f"tổng số tiêu chí đạt chuẩn là {format_number(summary.total)}, bình quân"
        f" {format_number(summary.mean, decimals=decimals)} tiêu chí/xã"
    )
    if previous is not None:
        if not isinstance(previous, CriteriaSummary):
            raise InvalidTypeError(f"previous must be a CriteriaSummary, not {previous!r}")
        text += ", " + describe_difference(
            summary.total, previous.total, unit="tiêu chí", since=since
        )
    return f"{text}; không còn xã dưới {format_number(summary.minimum)} tiêu chí"


def describe_holders(stats: ModelStatistics, /) -> str:
    """The models of a summary by holder: "3.545 mô hình, điển hình; trong đó có 2.066
    tập thể, 1.479 cá nhân" (a holder with no model is left out).

    >>> from danvan import ModelHolder, Period
    >>> from danvan.statistics import ModelStatistics
    >>> stats = ModelStatistics(
    ...     period=Period.year(2022), total=3545, by_field={}, by_main_field={},
    ...     by_holder={ModelHolder.COLLECTIVE: 2066, ModelHolder.INDIVIDUAL: 1479},
    ...     by_level={}, by_status={}, needing_consolidation=0, registered=0,
    ...     recognised=0, commended=0, replicated=0)
    >>> describe_holders(stats)
    '3.545 mô hình, điển hình; trong đó có 2.066 tập thể, 1.479 cá nhân'
    """
    if not isinstance(stats, ModelStatistics):
        raise InvalidTypeError(f"expected a ModelStatistics, not {stats!r}")
    if not stats.total:
        return "chưa có mô hình, điển hình nào"
    parts = [
        f"{format_number(count)} {holder.vietnamese}"
        for holder, count in stats.by_holder.items()
        if count
    ]
    text = f"{format_number(stats.total)} mô hình, điển hình"
    return f"{text}; trong đó có {', '.join(parts)}" if parts else text


def describe_model_statistics(
    stats: ModelStatistics,
    /,
    *,
    previous: ModelStatistics | None = None,
    plan: ExactNumber | None = None,
    decimals: int = 2,
) -> str:
    """A short paragraph on "Dân vận khéo" models for a period.

    The stock at the end of the period by holder, by main field (sub-fields in
    brackets) and by level; then what happened in the period: models registered,
    recognised (with the attainment of *plan*, the number of recognitions planned,
    and the change from *previous*, the statistics of an earlier period), commended
    and replicated; and the models to consolidate. Counts that are zero are left
    out. Percents are rounded half away from zero to *decimals* places. When
    *previous* recognised no model the change is written in models ("tăng 70 mô
    hình"), as a relative change is undefined.

    >>> from danvan import ModelField, ModelHolder, ModelLevel, Period
    >>> from danvan.statistics import ModelStatistics
    >>> def stats(year, recognised):
    ...     return ModelStatistics(
    ...         period=Period.year(year), total=96, registered=96, recognised=recognised,
    ...         commended=26, replicated=0, needing_consolidation=0,
    ...         by_field={ModelField.ECONOMY: 40, ModelField.NEW_RURAL_AREAS: 56},
    ...         by_main_field={ModelField.ECONOMY: 40, ModelField.CULTURE_SOCIETY: 56},
    ...         by_holder={ModelHolder.COLLECTIVE: 90, ModelHolder.INDIVIDUAL: 6},
    ...         by_level={ModelLevel.COMMUNE: 96}, by_status={})
    >>> print(describe_model_statistics(stats(2021, 70), previous=stats(2020, 60),
    ...                                 plan=96, decimals=0))
    Đến hết năm 2021 có 96 mô hình, điển hình; trong đó có 90 tập thể, 6 cá nhân. Theo lĩnh vực: kinh tế 40; văn hóa – xã hội 56 (nông thôn mới 56). Theo cấp: cơ sở 96. Trong năm 2021, đăng ký mới 96 mô hình; công nhận 70 mô hình, đạt 73% kế hoạch, tăng 17% so với năm 2020; biểu dương, khen thưởng 26 mô hình.
    """  # noqa: E501
    _check_decimals(decimals)
    if not isinstance(stats, ModelStatistics):
        raise InvalidTypeError(f"expected a ModelStatistics, not {stats!r}")
    if previous is not None and not isinstance(previous, ModelStatistics):
        raise InvalidTypeError(f"previous must be a ModelStatistics, not {previous!r}")
    period = format_period(stats.period)
    holders = describe_holders(stats)
    sentences = [f"Đến hết {period} {'có ' if stats.total else ''}{holders}."]
    if stats.total:
        fields = []
        for main, count in stats.by_main_field.items():
            if not count:
                continue
            subs = [
                f"{field.vietnamese} {format_number(stats.by_field[field])}"
                for field in stats.by_field
                if field.parent is main and stats.by_field[field]
            ]
            fields.append(
                f"{main.vietnamese} {format_number(count)}"
                + (f" ({', '.join(subs)})" if subs else "")
            )
        if fields:
            sentences.append(f"Theo lĩnh vực: {'; '.join(fields)}.")
        levels = [
            f"{level.vietnamese} {format_number(count)}"
            for level, count in stats.by_level.items()
            if count
        ]
        if levels:
            sentences.append(f"Theo cấp: {', '.join(levels)}.")
    flow = []
    if stats.registered:
        flow.append(f"đăng ký mới {format_number(stats.registered)} mô hình")
    if stats.recognised or plan is not None or previous is not None:
        clause = f"công nhận {format_number(stats.recognised)} mô hình"
        if plan is not None:
            clause += ", " + describe_attainment(stats.recognised, plan, decimals=decimals)
        if previous is not None:
            try:
                clause += ", " + describe_change(
                    stats.recognised, previous.recognised, since=previous.period, decimals=decimals
                )
            except UndefinedIndicatorError:
                clause += ", " + describe_difference(
                    stats.recognised, 0, unit="mô hình", since=previous.period
                )
        flow.append(clause)
    if stats.commended:
        flow.append(f"biểu dương, khen thưởng {format_number(stats.commended)} mô hình")
    if stats.replicated:
        flow.append(f"nhân rộng {format_number(stats.replicated)} mô hình")
    if flow:
        sentences.append(f"Trong {period}, {'; '.join(flow)}.")
    if stats.needing_consolidation:
        sentences.append(f"Có {format_number(stats.needing_consolidation)} mô hình cần củng cố.")
    return capital(" ".join(sentences))
