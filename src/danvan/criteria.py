"""New-rural-development criteria (bộ tiêu chí xã nông thôn mới) and commune results.

A commune is *đạt chuẩn nông thôn mới* (meets the new-rural standard) when it meets
every criterion (*tiêu chí*) of the set in force. The national sets held as data:

- :data:`NEW_RURAL_COMMUNE_2016_2020`: QĐ 1980/QĐ-TTg of 17/10/2016, 19 criteria in 5
  groups.
- :data:`NEW_RURAL_COMMUNE_2021_2025`: QĐ 318/QĐ-TTg of 08/3/2022, 19 criteria in the
  same 5 groups and 57 indicators, of which criterion 3's two are held.
- :data:`NEW_RURAL_COMMUNE_ADVANCED_2021_2025`: the "nâng cao" (advanced) set of the
  same decision, 19 criteria and 75 indicators, met on top of the standard set.
  QĐ 319/QĐ-TTg (model communes, "kiểu mẫu"), 320 (districts) and 321 (provinces) are
  not held.
- :data:`NEW_RURAL_COMMUNE_2026_2030`: QĐ 51/2025/QĐ-TTg of 29/12/2025 (in force
  15/02/2026), 10 criteria and 47 indicators, judged by three commune groups
  (:class:`CommuneGroup`). The 47 indicators themselves are not held.

A criterion holds its indicators (*chỉ tiêu*, :class:`CriterionIndicator`, "3.1"), and
an indicator its targets (:class:`IndicatorTarget`: "≥ 80%", for a region or commune
group, or "Đạt") where danvan has them; a set's ``indicator_count``,
``missing_indicators`` and ``note`` say what is missing, its ``references`` where the
data was read. The criteria guide (docs) keeps the log of what was searched.

The names and numbers of the criteria, and the names of the groups, are those of the
decisions as summarised by official sites and newspapers (each set's ``references``).
Provinces issue their own sets ("Kỳ Hà đạt 19/20 tiêu chí"): build a
:class:`CriteriaSet` for them, for instance with :meth:`CriteriaSet.extended`.

>>> kept = CommuneResult(unit_id="ky-ha", criteria=NEW_RURAL_COMMUNE_2016_2020,
...                      met=set(range(1, 19)))
>>> str(kept.score), kept.is_standard, [c.name for c in kept.unmet]
('18/19', False, ['Quốc phòng và An ninh'])

Over many communes: the total, the mean per commune and the minimum ("tổng số tiêu chí
đạt chuẩn là 91, bình quân 18,2 tiêu chí/xã; không còn xã dưới 11 tiêu chí"):

>>> results = [CommuneResult(unit_id=f"xa-{i}", criteria=NEW_RURAL_COMMUNE_2021_2025, met=n)
...            for i, n in enumerate([19, 19, 19, 19, 15])]
>>> summary = summarize_criteria(results)
>>> summary.total, summary.mean, summary.minimum, str(summary.standard)
(91, Fraction(91, 5), 15, '4/5')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from danvan._validators import (
    count,
    exact_number,
    identifier,
    instance_of,
    integer,
    iterable,
    optional,
    text,
    tuple_of,
)
from danvan.documents import DocumentCode, document_code_field
from danvan.errors import InvalidTypeError, InvalidValueError, UnknownIdError
from danvan.indicators import MetCount, UndefinedIndicatorError
from danvan.numbers import format_number
from danvan.periods import Period

__all__ = [
    "NEW_RURAL_COMMUNE_2016_2020",
    "NEW_RURAL_COMMUNE_2021_2025",
    "NEW_RURAL_COMMUNE_2026_2030",
    "NEW_RURAL_COMMUNE_ADVANCED_2021_2025",
    "NEW_RURAL_REGIONS",
    "CommuneGroup",
    "CommuneResult",
    "CriteriaGroup",
    "CriteriaSet",
    "CriteriaSummary",
    "Criterion",
    "CriterionIndicator",
    "IndicatorTarget",
    "national_criteria",
    "summarize_criteria",
]


_positive: Final = integer(minimum=1)
_whole: Final = count


@attrs.frozen
class CriteriaGroup:
    """A group of criteria (nhóm tiêu chí): "Hạ tầng kinh tế - xã hội".

    >>> CriteriaGroup(2, "Hạ tầng kinh tế - xã hội")
    CriteriaGroup(number=2, name='Hạ tầng kinh tế - xã hội')
    """

    number: int = attrs.field(validator=_positive)
    name: str = attrs.field(validator=text)


_CODE_RE: Final = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*")


def _indicator_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"code must be a str, not {type(value).__name__}: {value!r}")
    if not _CODE_RE.fullmatch(value):
        raise InvalidValueError(f"code must read like '17.1' (criterion.indicator), not {value!r}")


def _bound(value: object) -> Fraction | None:
    """An exact bound (int, Decimal or Fraction) as a Fraction; None stays None."""
    if value is None:
        return None
    exact_number(value, "a target's bound")
    assert isinstance(value, (int, Decimal, Fraction))
    return Fraction(value)


def _check_target(
    instance: IndicatorTarget, attribute: attrs.Attribute[Any], value: object
) -> None:
    low, high = instance.at_least, instance.at_most
    if low is not None and high is not None and low > high:
        raise InvalidValueError(f"a target cannot be at least {low} and at most {high}")
    bounded = low is not None or high is not None
    if bounded and instance.unit is None:
        raise InvalidValueError("a target with a bound needs its unit ('%', 'triệu đồng/người')")
    if not bounded and instance.unit is not None:
        raise InvalidValueError(f"a yes/no target (Đạt) has no unit, not {instance.unit!r}")


@attrs.frozen(kw_only=True)
class IndicatorTarget:
    """The level an indicator must reach (mức đạt chuẩn): "≥ 80%" for some communes.

    ``at_least`` and ``at_most`` are exact bounds, both inclusive, in ``unit``; a target
    with neither is a yes/no one ("Đạt"). ``region`` names the region (vùng) it is for,
    ``commune_group`` the commune group (nhóm xã); None means every region or group
    (chỉ tiêu chung).

    >>> target = IndicatorTarget(at_least=80, unit="%")
    >>> target.met_by(80), target.met_by(Decimal("79.9")), str(target)
    (True, False, '≥80%')
    >>> str(IndicatorTarget()), IndicatorTarget().met_by(True)
    ('Đạt', True)
    """

    at_least: Fraction | None = attrs.field(default=None, converter=_bound)
    at_most: Fraction | None = attrs.field(default=None, converter=_bound)
    unit: str | None = attrs.field(default=None, validator=optional(text))
    region: str | None = attrs.field(default=None, validator=optional(text))
    commune_group: int | None = attrs.field(
        default=None, validator=[optional(_positive), _check_target]
    )

    @property
    def is_yes_no(self) -> bool:
        """Whether the target is met or not rather than a level ("Đạt")."""
        return self.at_least is None and self.at_most is None

    def met_by(self, value: int | Decimal | Fraction | bool, /) -> bool:
        """Whether *value* meets the target: a level for a bounded target, a bool for a
        yes/no one."""
        if self.is_yes_no:
            if not isinstance(value, bool):
                raise InvalidTypeError(f"a yes/no target is met by True or False, not {value!r}")
            return value
        if isinstance(value, bool):
            raise InvalidTypeError(f"a target with a bound is met by a level, not {value!r}")
        exact_number(value, "the level")
        level = Fraction(value)
        if self.at_least is not None and level < self.at_least:
            return False
        return self.at_most is None or level <= self.at_most

    def __str__(self) -> str:
        if self.is_yes_no:
            return "Đạt"
        parts = []
        if self.at_least is not None:
            parts.append(f"≥{_plain(self.at_least)}{self.unit}")
        if self.at_most is not None:
            parts.append(f"≤{_plain(self.at_most)}{self.unit}")
        return " và ".join(parts)


def _plain(value: Fraction) -> str:
    """A bound as the decisions write it: "80", "0,5"; a bound with no finite decimal
    (which no decision writes) as its fraction."""
    try:
        return format_number(value)
    except InvalidValueError:
        return f"{value.numerator}/{value.denominator}"


@attrs.frozen
class CriterionIndicator:
    """One indicator (chỉ tiêu) of a criterion: "17.1", its name and its targets.

    ``targets`` are the levels the source sets (:class:`IndicatorTarget`), one per
    region or commune group where they differ; empty where danvan does not hold them.

    >>> CriterionIndicator("17.1", "Tỷ lệ hộ được sử dụng nước sạch")
    CriterionIndicator(code='17.1', name='Tỷ lệ hộ được sử dụng nước sạch', targets=())
    """

    code: str = attrs.field(validator=_indicator_code)
    name: str = attrs.field(validator=text)
    targets: tuple[IndicatorTarget, ...] = attrs.field(
        default=(), kw_only=True, validator=tuple_of(IndicatorTarget)
    )


def _check_indicators(
    instance: Criterion, attribute: attrs.Attribute[Any], value: tuple[CriterionIndicator, ...]
) -> None:
    tuple_of(CriterionIndicator)(instance, attribute, value)
    codes = [indicator.code for indicator in value]
    if len(set(codes)) != len(codes):
        raise InvalidValueError(f"criterion {instance.number} names an indicator twice")
    for code in codes:
        if code.split(".")[0] != str(instance.number):
            raise InvalidValueError(
                f"indicator {code!r} does not belong to criterion {instance.number}"
            )


@attrs.frozen
class Criterion:
    """One criterion (tiêu chí) of a set: its number, its name, its group's number and
    its indicators (chỉ tiêu), numbered "criterion.indicator".

    ``indicators`` is empty where danvan does not hold them (see the set's ``note``).

    >>> Criterion(11, "Nghèo đa chiều", group=3).group
    3
    >>> Criterion(17, "Môi trường", indicators=(CriterionIndicator("17.1", "Nước sạch"),)
    ...           ).indicators[0].code
    '17.1'
    """

    number: int = attrs.field(validator=_positive)
    name: str = attrs.field(validator=text)
    group: int | None = attrs.field(default=None, kw_only=True, validator=optional(_positive))
    indicators: tuple[CriterionIndicator, ...] = attrs.field(
        default=(), kw_only=True, validator=_check_indicators
    )


@attrs.frozen
class CommuneGroup:
    """A group of communes (nhóm xã) that a set judges with thresholds of its own.

    >>> CommuneGroup(2, "Xã không thuộc nhóm 1 và nhóm 3").number
    2
    """

    number: int = attrs.field(validator=_positive)
    definition: str = attrs.field(validator=text)


def _check_criteria(
    instance: CriteriaSet, attribute: attrs.Attribute[Any], value: tuple[Criterion, ...]
) -> None:
    tuple_of(Criterion)(instance, attribute, value)
    if not value:
        raise InvalidValueError(f"criteria set {instance.code!r} has no criteria")
    numbers = [criterion.number for criterion in value]
    if len(set(numbers)) != len(numbers):
        raise InvalidValueError(f"criteria set {instance.code!r} numbers a criterion twice")
    groups = {group.number for group in instance.groups}
    if len(groups) != len(instance.groups):
        raise InvalidValueError(f"criteria set {instance.code!r} numbers a group twice")
    for criterion in value:
        if criterion.group is not None and criterion.group not in groups:
            raise InvalidValueError(
                f"criterion {criterion.number} of {instance.code!r} is in group"
                f" {criterion.group}, which the set does not have"
            )


def _check_counts(instance: CriteriaSet, attribute: attrs.Attribute[Any], value: object) -> None:
    held = sum(len(criterion.indicators) for criterion in instance.criteria)
    count = instance.indicator_count
    if count is not None and held > count:
        raise InvalidValueError(
            f"criteria set {instance.code!r} holds {held} indicators, more than the {count} it has"
        )
    groups = [group.number for group in instance.commune_groups]
    if len(set(groups)) != len(groups):
        raise InvalidValueError(f"criteria set {instance.code!r} numbers a commune group twice")
    if len(set(instance.regions)) != len(instance.regions):
        raise InvalidValueError(f"criteria set {instance.code!r} names a region twice")
    problems = []
    for criterion in instance.criteria:
        for indicator in criterion.indicators:
            for target in indicator.targets:
                if target.region is not None and target.region not in instance.regions:
                    problems.append(f"{indicator.code} names the region {target.region!r}")
                if target.commune_group is not None and target.commune_group not in groups:
                    problems.append(
                        f"{indicator.code} names the commune group {target.commune_group}"
                    )
    if problems:
        raise InvalidValueError(
            f"criteria set {instance.code!r} does not have what its targets name: "
            + "; ".join(problems)
        )


def _check_prerequisite(
    instance: CriteriaSet, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, CriteriaSet):
        raise InvalidTypeError(f"prerequisite must be a CriteriaSet, not {value!r}"[:200])


@attrs.frozen(kw_only=True)
class CriteriaSet:
    """A set of criteria (bộ tiêu chí) a commune is assessed against.

    ``code`` is a stable id, ``source`` the code of the decision that issued the set
    ("1980/QĐ-TTg"), ``issued`` its date, ``in_force`` the day it took effect and
    ``period`` the years it is for. Criteria numbers are unique; a criterion's group, if
    given, is one of ``groups``. ``commune_groups`` are the groups of communes judged
    with thresholds of their own, ``regions`` the regions (vùng) whose thresholds
    differ; an indicator's targets name only these. ``indicator_count`` is the number
    of indicators (chỉ tiêu) the source gives, whether or not the criteria hold them
    (they hold at most that many). ``prerequisite`` is the set a commune must meet
    first (the standard set, for the "nâng cao" one). ``references`` are the pages the
    data was read from; ``note`` says what danvan does not hold or is unsure of.

    >>> local = CriteriaSet(code="local", name="Bộ tiêu chí thôn",
    ...                     criteria=(Criterion(1, "Giao thông"), Criterion(2, "Điện")))
    >>> len(local), local.numbers
    (2, (1, 2))
    """

    code: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=text)
    groups: tuple[CriteriaGroup, ...] = attrs.field(default=(), validator=tuple_of(CriteriaGroup))
    criteria: tuple[Criterion, ...] = attrs.field(validator=_check_criteria)
    source: DocumentCode | None = attrs.field(default=None, converter=document_code_field)
    issued: datetime.date | None = attrs.field(
        default=None, validator=optional(instance_of(datetime.date))
    )
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    in_force: datetime.date | None = attrs.field(
        default=None, validator=optional(instance_of(datetime.date))
    )
    commune_groups: tuple[CommuneGroup, ...] = attrs.field(
        default=(), validator=tuple_of(CommuneGroup)
    )
    regions: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    indicator_count: int | None = attrs.field(default=None, validator=optional(_positive))
    prerequisite: CriteriaSet | None = attrs.field(default=None, validator=_check_prerequisite)
    references: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    note: str | None = attrs.field(default=None, validator=[optional(text), _check_counts])

    def __len__(self) -> int:
        return len(self.criteria)

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers of the criteria, in the order of the set."""
        return tuple(criterion.number for criterion in self.criteria)

    @property
    def indicators(self) -> tuple[CriterionIndicator, ...]:
        """The indicators (chỉ tiêu) held, criterion by criterion."""
        return tuple(
            indicator for criterion in self.criteria for indicator in criterion.indicators
        )

    @property
    def missing_indicators(self) -> int | None:
        """How many of the source's indicators danvan does not hold; None when the
        count is unknown.

        >>> NEW_RURAL_COMMUNE_2026_2030.missing_indicators
        47
        """
        if self.indicator_count is None:
            return None
        return self.indicator_count - len(self.indicators)

    def criterion(self, number: int, /) -> Criterion:
        """The criterion numbered *number*; :class:`~danvan.UnknownIdError` if none."""
        for criterion in self.criteria:
            if criterion.number == number:
                return criterion
        raise UnknownIdError(str(number))

    def in_group(self, number: int, /) -> tuple[Criterion, ...]:
        """The criteria of group *number*, in order.

        >>> [c.number for c in NEW_RURAL_COMMUNE_2021_2025.in_group(5)]
        [18, 19]
        """
        return tuple(criterion for criterion in self.criteria if criterion.group == number)

    def extended(
        self,
        *criteria: Criterion,
        code: str,
        name: str,
        source: DocumentCode | str | None = None,
        issued: datetime.date | None = None,
    ) -> CriteriaSet:
        """A local set: this one with *criteria* added (same groups and period).

        >>> local = NEW_RURAL_COMMUNE_2016_2020.extended(
        ...     Criterion(20, "Tiêu chí riêng của tỉnh (ví dụ)"), code="tinh-2016-2020",
        ...     name="Bộ tiêu chí xã nông thôn mới của tỉnh")
        >>> len(local)
        20
        """
        return CriteriaSet(
            code=code,
            name=name,
            groups=self.groups,
            criteria=(*self.criteria, *criteria),
            source=source,
            issued=issued,
            period=self.period,
            commune_groups=self.commune_groups,
            regions=self.regions,
        )


# Pages the data below was read from (stored copies; see the criteria guide's research
# log for what was searched and not found).
_THUVIENPHAPLUAT_318: Final = (
    "https://thuvienphapluat.vn/chinh-sach-phap-luat-moi/vn/thong-bao-van-ban-moi/email/"
    "39774/ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025"
)
_BAOTINTUC_318: Final = (
    "https://dantocmiennui.baotintuc.vn/"
    "ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025-post317608.html"
)
_BINHPHUOC_2022: Final = (
    "https://sldtbxh.binhphuoc.gov.vn/en/news/news/"
    "the-criteria-for-new-rural-communes-in-binh-phuoc-province-shall-range-from-2021-2025-207.html"
)
_KINHTEXANH_COUNTS: Final = (
    "https://doanhnghiepkinhtexanh.vn/chuong-trinh-chuyen-doi-so-trong-xay-dung-nong-thon-moi-"
    "a14500.html"
)
_LANGNGHEVIET_HANOI: Final = (
    "https://langngheviet.com.vn/"
    "ha-noi-xa-nong-thon-moi-kieu-mau-phai-hoan-thanh-mo-hinh-nong-thon-thong-minh-15453.html"
)
_VIETNAMPLUS_1980: Final = (
    "http://en.vietnamplus.vn/criteria-for-newstyled-rural-communes-in-201620-announced/100780.vnp"
)
_VIETNAMPLUS_51: Final = (
    "https://www.vietnamplus.vn/"
    "ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-post1085735.vnp"
)
_TBTCVN_51: Final = (
    "https://thoibaotaichinhvietnam.vn/"
    "ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-189751.html"
)
_CHINHPHU_51: Final = (
    "https://xaydungchinhsach.chinhphu.vn/toan-van-quyet-dinh-51-2025-qd-ttg-ban-hanh-bo-tieu-"
    "chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-119251230104614909.htm"
)
_QUANGTRI_51: Final = (
    "https://nongthonmoi.quangtri.gov.vn/Tieu-diem-Nong-thon-moi/"
    "ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-2439.html"
)

#: The seven regions (vùng) by which QĐ 1980/QĐ-TTg and QĐ 318/QĐ-TTg set their
#: thresholds ("chỉ tiêu chung và chỉ tiêu theo từng vùng"), in the decisions' order
#: (thuvienphapluat.vn on QĐ 318, 10/3/2022; VietnamPlus on QĐ 1980). Under QĐ 318 the
#: communes đặc biệt khó khăn and an toàn khu of poor districts take the thresholds of
#: the first region.
NEW_RURAL_REGIONS: Final = (
    "Trung du miền núi phía Bắc",
    "Đồng bằng sông Hồng",
    "Bắc Trung Bộ",
    "Duyên hải Nam Trung Bộ",
    "Tây Nguyên",
    "Đông Nam Bộ",
    "Đồng bằng sông Cửu Long",
)

_GROUPS: Final = (
    CriteriaGroup(1, "Quy hoạch"),
    CriteriaGroup(2, "Hạ tầng kinh tế - xã hội"),
    CriteriaGroup(3, "Kinh tế và tổ chức sản xuất"),
    CriteriaGroup(4, "Văn hóa - Xã hội - Môi trường"),
    CriteriaGroup(5, "Hệ thống chính trị"),
)
# Criterion number → group number, the same in both decisions. Groups 1-3 (1; 2-9;
# 10-13) are given by number in Báo Tin tức (dantocmiennui, 08/3/2022) for QĐ 318 and
# Báo Nghệ An for QĐ 1980. The split of 14-19 is less sure: the five group names
# (thuvienphapluat.vn) and Bình Phước's set after QĐ 318 (QĐ 1360/QĐ-UBND, 28/7/2022:
# "14-17" and "18-19") put 18-19 in "Hệ thống chính trị", while both newspapers list
# 14-19 under "Văn hóa - Xã hội - Môi trường" with no fifth group.
_GROUP_OF: Final = {
    **dict.fromkeys([1], 1),
    **dict.fromkeys(range(2, 10), 2),
    **dict.fromkeys(range(10, 14), 3),
    **dict.fromkeys(range(14, 18), 4),
    **dict.fromkeys([18, 19], 5),
}


def _criteria(
    names: list[str], indicators: dict[int, tuple[CriterionIndicator, ...]] | None = None
) -> tuple[Criterion, ...]:
    held = indicators or {}
    return tuple(
        Criterion(number, name, group=_GROUP_OF[number], indicators=held.get(number, ()))
        for number, name in enumerate(names, start=1)
    )


#: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020 (QĐ 1980/QĐ-TTg).
NEW_RURAL_COMMUNE_2016_2020: Final = CriteriaSet(
    code="nong-thon-moi-xa-2016-2020",
    name="Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020",
    groups=_GROUPS,
    criteria=_criteria(
        [
            "Quy hoạch",
            "Giao thông",
            "Thủy lợi",
            "Điện",
            "Trường học",
            "Cơ sở vật chất văn hóa",
            "Cơ sở hạ tầng thương mại nông thôn",
            "Thông tin và Truyền thông",
            "Nhà ở dân cư",
            "Thu nhập",
            "Hộ nghèo",
            "Lao động có việc làm",
            "Tổ chức sản xuất",
            "Giáo dục và Đào tạo",
            "Y tế",
            "Văn hóa",
            "Môi trường và an toàn thực phẩm",
            "Hệ thống chính trị và tiếp cận pháp luật",
            "Quốc phòng và An ninh",
        ]
    ),
    source="1980/QĐ-TTg",
    issued=datetime.date(2016, 10, 17),
    period=Period.years(2016, 2020),
    regions=NEW_RURAL_REGIONS,
    references=(_VIETNAMPLUS_1980,),
    note=(
        "No indicator is held, nor their count: the summaries read give only the"
        " criteria, the regions and ranges (income 36-50 million đồng a person a year by"
        " region, VietnamPlus)."
    ),
)

# QĐ 318/QĐ-TTg, criterion 3 (Thủy lợi và phòng, chống thiên tai), as Báo Tin tức
# summarises it (08/3/2022): its two contents, the first "đạt từ 80% trở lên". The
# summary gives that one figure, read here as the common target (chỉ tiêu chung) of
# every region (check); the codes 3.1 and 3.2 follow its order (check).
_IRRIGATION_2021_2025: Final = (
    CriterionIndicator(
        "3.1",
        "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
        targets=(IndicatorTarget(at_least=80, unit="%"),),
    ),
    CriterionIndicator(
        "3.2",
        "Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ",
        targets=(IndicatorTarget(),),
    ),
)

#: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 (QĐ 318/QĐ-TTg, the
#: decision's first set).
NEW_RURAL_COMMUNE_2021_2025: Final = CriteriaSet(
    code="nong-thon-moi-xa-2021-2025",
    name="Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025",
    groups=_GROUPS,
    criteria=_criteria(
        [
            "Quy hoạch",
            "Giao thông",
            "Thủy lợi và phòng, chống thiên tai",
            "Điện",
            "Trường học",
            "Cơ sở vật chất văn hóa",
            "Cơ sở hạ tầng thương mại nông thôn",
            "Thông tin và Truyền thông",
            "Nhà ở dân cư",
            "Thu nhập",
            "Nghèo đa chiều",
            "Lao động",
            "Tổ chức sản xuất và phát triển kinh tế nông thôn",
            "Giáo dục và Đào tạo",
            "Y tế",
            "Văn hóa",
            "Môi trường và an toàn thực phẩm",
            "Hệ thống chính trị và tiếp cận pháp luật",
            "Quốc phòng và An ninh",
        ],
        {3: _IRRIGATION_2021_2025},
    ),
    source="318/QĐ-TTg",
    issued=datetime.date(2022, 3, 8),
    in_force=datetime.date(2022, 3, 8),
    period=Period.years(2021, 2025),
    regions=NEW_RURAL_REGIONS,
    indicator_count=57,
    references=(_THUVIENPHAPLUAT_318, _BAOTINTUC_318, _BINHPHUOC_2022, _KINHTEXANH_COUNTS),
    note=(
        "Held: the two indicators of criterion 3 and their common target. Not held:"
        " the other 55 indicators and every regional threshold. The count of 57 comes"
        " from one secondary source (Doanh nghiệp và Kinh tế xanh) and is unconfirmed."
    ),
)

#: Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025 (QĐ 318/QĐ-TTg,
#: the decision's second set).
#:
#: A commune đạt chuẩn nông thôn mới nâng cao meets the standard set
#: (:attr:`~CriteriaSet.prerequisite`) and these 19 criteria. The names and their order
#: are those of Hà Nội's "nâng cao" set for 2021-2025 as Làng nghề Việt Nam reports it,
#: which follows the national set; that the national names are word for word the same is
#: unverified. The count of 75 indicators is from Doanh nghiệp và Kinh tế xanh. Not
#: held: the groups, the indicators, the thresholds.
NEW_RURAL_COMMUNE_ADVANCED_2021_2025: Final = CriteriaSet(
    code="nong-thon-moi-nang-cao-xa-2021-2025",
    name="Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025",
    criteria=tuple(
        Criterion(number, name)
        for number, name in enumerate(
            [
                "Quy hoạch",
                "Giao thông",
                "Thủy lợi và phòng, chống thiên tai",
                "Điện",
                "Giáo dục",
                "Văn hóa",
                "Cơ sở hạ tầng thương mại nông thôn",
                "Thông tin và Truyền thông",
                "Nhà ở dân cư",
                "Thu nhập",
                "Nghèo đa chiều",
                "Lao động",
                "Tổ chức sản xuất và phát triển kinh tế nông thôn",
                "Y tế",
                "Hành chính công",
                "Tiếp cận pháp luật",
                "Môi trường",
                "Chất lượng môi trường sống",
                "Quốc phòng và An ninh",
            ],
            start=1,
        )
    ),
    source="318/QĐ-TTg",
    issued=datetime.date(2022, 3, 8),
    in_force=datetime.date(2022, 3, 8),
    period=Period.years(2021, 2025),
    regions=NEW_RURAL_REGIONS,
    indicator_count=75,
    prerequisite=NEW_RURAL_COMMUNE_2021_2025,
    references=(_THUVIENPHAPLUAT_318, _LANGNGHEVIET_HANOI, _KINHTEXANH_COUNTS),
    note=(
        "Names and order from Hà Nội's set, which follows the national one (unverified"
        " word for word); 75 indicators per one secondary source. Not held: the groups,"
        " the indicators, the thresholds."
    ),
)


#: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030 (QĐ 51/2025/QĐ-TTg).
#:
#: Quyết định 51/2025/QĐ-TTg of 29/12/2025, in force 15/02/2026, Điều 1 khoản 1 điểm a
#: and Phụ lục I: 10 criteria and 47 indicators, each criterion judged by three groups
#: of communes. The names of the criteria and the definitions of the groups are those of
#: VietnamPlus (30/12/2025), Thời báo Tài chính Việt Nam and the Quảng Trị new-rural
#: office, which summarise the decision; the full text is at xaydungchinhsach.chinhphu.vn
#: (30/12/2025), of which only the opening (Điều 1) was read. It is the only commune set
#: of the period ("Trung ương chỉ ban hành một Bộ tiêu chí quốc gia về xã nông thôn
#: mới", VietnamPlus): there is no national "nâng cao" or "kiểu mẫu" set for 2026-2030, and
#: Phụ lục II is a pilot framework for xã nông thôn mới hiện đại (not held). Not held:
#: the 47 indicators (their names and how they fall among the 10 criteria) and every
#: threshold.
NEW_RURAL_COMMUNE_2026_2030: Final = CriteriaSet(
    code="nong-thon-moi-xa-2026-2030",
    name="Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030",
    criteria=tuple(
        Criterion(number, name)
        for number, name in enumerate(
            [
                "Quy hoạch",
                "Hạ tầng kinh tế - xã hội",
                "Phát triển kinh tế nông thôn",
                "Đào tạo nguồn nhân lực nông thôn",
                "Văn hóa, giáo dục, y tế",
                "Giảm nghèo và an sinh xã hội",
                "Khoa học công nghệ và chuyển đổi số",
                "Môi trường và cảnh quan nông thôn",
                "Xây dựng hệ thống chính trị và hành chính công",
                "Tiếp cận pháp luật và an ninh, quốc phòng",
            ],
            start=1,
        )
    ),
    source="51/2025/QĐ-TTg",
    issued=datetime.date(2025, 12, 29),
    in_force=datetime.date(2026, 2, 15),
    period=Period.years(2026, 2030),
    commune_groups=(
        CommuneGroup(
            1,
            "Xã liền kề đô thị hiện hữu và có định hướng phát triển thành đô thị, xã có tỷ"
            " trọng ngành nông nghiệp trong cơ cấu kinh tế dưới 10%, hoặc xã được định"
            " hướng là đô thị mới",
        ),
        CommuneGroup(2, "Xã không thuộc nhóm 1 và nhóm 3"),
        CommuneGroup(
            3,
            "Xã khu vực II và xã khu vực III thuộc địa bàn vùng đồng bào dân tộc thiểu số"
            " và miền núi được cấp có thẩm quyền phân định theo quy định",
        ),
    ),
    indicator_count=47,
    references=(_VIETNAMPLUS_51, _TBTCVN_51, _QUANGTRI_51, _CHINHPHU_51),
    note=(
        "The 47 indicators (chỉ tiêu), how they fall among the 10 criteria, and the"
        " thresholds of each commune group are not held: the sources read give only"
        " the totals, the criteria and the groups (Phụ lục I of the decision was not"
        " among the stored pages)."
    ),
)


def national_criteria(year: int, /, *, advanced: bool = False) -> CriteriaSet:
    """The national commune set (bộ tiêu chí quốc gia về xã) for *year*, by the years
    each set is named for; with ``advanced=True`` the "nâng cao" set.

    Until QĐ 318/QĐ-TTg was issued on 08/3/2022, communes were still assessed with the
    2016-2020 set (check for a given province); this function answers by the name of
    the set only. The 2026-2030 set (QĐ 51/2025/QĐ-TTg) took effect on 15/02/2026;
    before that day communes were assessed with the 2021-2025 set.

    A national "nâng cao" set is held for 2021-2025 only (QĐ 318/QĐ-TTg); QĐ
    51/2025/QĐ-TTg issues no such set for 2026-2030, and none is held for 2016-2020.

    >>> national_criteria(2019).source, national_criteria(2023).source
    (DocumentCode.parse('1980/QĐ-TTg'), DocumentCode.parse('318/QĐ-TTg'))
    >>> criteria = national_criteria(2026)
    >>> len(criteria), criteria.indicator_count, len(criteria.commune_groups)
    (10, 47, 3)
    >>> national_criteria(2024, advanced=True).criterion(15).name
    'Hành chính công'
    """
    if type(year) is not int:
        raise InvalidTypeError(f"year must be an int, not {type(year).__name__}: {year!r}")
    if type(advanced) is not bool:
        raise InvalidTypeError(f"advanced must be True or False, not {advanced!r}")
    if advanced:
        if 2021 <= year <= 2025:
            return NEW_RURAL_COMMUNE_ADVANCED_2021_2025
        raise InvalidValueError(
            f"no national 'nâng cao' commune set is held for {year}; only 2021-2025"
            " (QĐ 318/QĐ-TTg)"
        )
    for criteria in (
        NEW_RURAL_COMMUNE_2016_2020,
        NEW_RURAL_COMMUNE_2021_2025,
        NEW_RURAL_COMMUNE_2026_2030,
    ):
        assert criteria.period is not None
        if criteria.period.start.year <= year <= criteria.period.end.year:
            return criteria
    raise InvalidValueError(f"no national criteria set is held for {year}; only 2016-2030")


def _met_field(value: object) -> int | frozenset[int]:
    """A count, or the numbers of the criteria met (any iterable of ints)."""
    if type(value) is int or isinstance(value, frozenset):
        return value
    if isinstance(value, (bool, str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"met must be a count or the numbers of the criteria met, not {value!r}"
        )
    return frozenset(value)


def _check_result(instance: CommuneResult, attribute: attrs.Attribute[Any], value: object) -> None:
    criteria = instance.criteria
    if isinstance(value, int):
        if not 0 <= value <= len(criteria):
            raise InvalidValueError(
                f"{instance.unit_id!r} cannot meet {value} of the {len(criteria)} criteria"
                f" of {criteria.code!r}"
            )
        return
    assert isinstance(value, frozenset)
    for number in value:
        if type(number) is not int:
            raise InvalidTypeError(f"criterion numbers are ints, not {number!r}")
    unknown = sorted(value - set(criteria.numbers))
    if unknown:
        raise InvalidValueError(
            f"{instance.unit_id!r} meets criteria {unknown} that {criteria.code!r} does not have"
        )


@attrs.frozen(kw_only=True)
class CommuneResult:
    """Which criteria one commune meets (kết quả thực hiện tiêu chí của một xã).

    ``met`` is either the numbers of the criteria met (any iterable of ints; kept as a
    frozenset) or, when a report gives only the count ("đạt 17/19 tiêu chí"), that
    count. ``period`` is when the assessment holds, if known.

    >>> result = CommuneResult(unit_id="ky-ha", criteria=NEW_RURAL_COMMUNE_2016_2020,
    ...                        met=17)
    >>> str(result.score), result.unmet is None
    ('17/19', True)
    """

    unit_id: str = attrs.field(validator=identifier)
    criteria: CriteriaSet = attrs.field(validator=instance_of(CriteriaSet))
    met: int | frozenset[int] = attrs.field(converter=_met_field, validator=_check_result)
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))

    @property
    def met_count(self) -> int:
        """How many criteria the commune meets."""
        return self.met if isinstance(self.met, int) else len(self.met)

    @property
    def score(self) -> MetCount:
        """Criteria met of the set: ``str`` gives "19/20"."""
        return MetCount(self.met_count, len(self.criteria))

    @property
    def is_standard(self) -> bool:
        """Whether the commune meets every criterion of its set (đạt chuẩn)."""
        return self.met_count == len(self.criteria)

    @property
    def unmet(self) -> tuple[Criterion, ...] | None:
        """The criteria not met, in order; None when only the count is known."""
        if isinstance(self.met, int):
            return None
        met = self.met
        return tuple(
            criterion for criterion in self.criteria.criteria if criterion.number not in met
        )


@attrs.frozen(kw_only=True)
class CriteriaSummary:
    """Criteria over a number of communes: the figures reports give.

    ``total`` is the sum of criteria met ("tổng số tiêu chí đạt chuẩn là 91"), ``mean``
    the exact mean per commune ("bình quân 18,2 tiêu chí/xã"), ``minimum`` and
    ``maximum`` the fewest and most criteria a commune meets ("không còn xã dưới 11
    tiêu chí"), ``standard`` the communes that meet their whole set, of all.
    """

    communes: int = attrs.field(validator=_positive)
    total: int = attrs.field(validator=_whole)
    mean: Fraction = attrs.field(validator=instance_of(Fraction))
    minimum: int = attrs.field(validator=_whole)
    maximum: int = attrs.field(validator=_whole)
    standard: MetCount = attrs.field(validator=instance_of(MetCount))


def summarize_criteria(results: Iterable[CommuneResult], /) -> CriteriaSummary:
    """Sum, mean, minimum, maximum and communes đạt chuẩn over *results*.

    Communes may be assessed against different sets (a local set of 20 beside the
    national 19): the counts are added as they are. A commune given twice raises
    :class:`~danvan.InvalidValueError`; no communes raise
    :class:`~danvan.UndefinedIndicatorError` (the mean of nothing).

    >>> met = [19, 19, 18, 17, 18]  # 91 criteria over 5 communes
    >>> summary = summarize_criteria(
    ...     CommuneResult(unit_id=f"xa-{i}", criteria=NEW_RURAL_COMMUNE_2016_2020,
    ...                   met=frozenset(range(1, n + 1)))
    ...     for i, n in enumerate(met))
    >>> summary.total, summary.mean, summary.minimum, str(summary.standard)
    (91, Fraction(91, 5), 17, '2/5')
    """
    iterable(results, "results")
    counts: list[int] = []
    standard = 0
    seen: set[str] = set()
    for result in results:
        if not isinstance(result, CommuneResult):
            raise InvalidTypeError(f"expected CommuneResults, not {result!r}")
        if result.unit_id in seen:
            raise InvalidValueError(f"commune {result.unit_id!r} is given twice")
        seen.add(result.unit_id)
        counts.append(result.met_count)
        standard += result.is_standard
    if not counts:
        raise UndefinedIndicatorError("the criteria summary is undefined: there are no communes")
    total = sum(counts)
    return CriteriaSummary(
        communes=len(counts),
        total=total,
        mean=Fraction(total, len(counts)),
        minimum=min(counts),
        maximum=max(counts),
        standard=MetCount(standard, len(counts)),
    )
