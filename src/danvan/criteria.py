"""New-rural-development criteria (bộ tiêu chí xã nông thôn mới) and commune results.

A commune is *đạt chuẩn nông thôn mới* (meets the new-rural standard) when it meets
every criterion (*tiêu chí*) of the set in force. Two national sets are held as data:

- :data:`NEW_RURAL_COMMUNE_2016_2020`: QĐ 1980/QĐ-TTg of 17/10/2016, 19 criteria in 5
  groups.
- :data:`NEW_RURAL_COMMUNE_2021_2025`: QĐ 318/QĐ-TTg of 08/3/2022, 19 criteria in the
  same 5 groups (QĐ 319 is the set for model communes, 320 for districts and 321 for
  provinces; they are not held here). The "nâng cao" (advanced) commune set of the same
  decision is not held either: its criteria were not found in the sources read.
- :data:`NEW_RURAL_COMMUNE_2026_2030`: QĐ 51/2025/QĐ-TTg of 29/12/2025 (in force
  15/02/2026), 10 criteria and 47 indicators, judged by three commune groups
  (:class:`CommuneGroup`). The 47 indicators themselves are not held.

A criterion holds its indicators (*chỉ tiêu*, :class:`CriterionIndicator`, "17.1")
where danvan has them; none of the national sets has them yet, and a set's
``indicator_count`` and ``note`` say what is missing.

The names and numbers of the criteria, and the names of the groups, are those of the
two decisions as summarised by official sites (vinhphuc.gov.vn for QĐ 1980,
thuvienphapluat.vn for QĐ 318). Which criteria fall in which group (1; 2-9; 10-13;
14-17; 18-19) follows the order of the decisions (check). The thresholds of each
criterion, which differ by region, are not held. Provinces issue their own sets
("Kỳ Hà đạt 19/20 tiêu chí"): build a :class:`CriteriaSet` for them, for instance with
:meth:`CriteriaSet.extended`.

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
from fractions import Fraction
from typing import Any, Final

import attrs

from danvan._validators import (
    count,
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
from danvan.periods import Period

__all__ = [
    "NEW_RURAL_COMMUNE_2016_2020",
    "NEW_RURAL_COMMUNE_2021_2025",
    "NEW_RURAL_COMMUNE_2026_2030",
    "CommuneGroup",
    "CommuneResult",
    "CriteriaGroup",
    "CriteriaSet",
    "CriteriaSummary",
    "Criterion",
    "CriterionIndicator",
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


@attrs.frozen
class CriterionIndicator:
    """One indicator (chỉ tiêu) of a criterion: "17.1", its name.

    >>> CriterionIndicator("17.1", "Tỷ lệ hộ được sử dụng nước sạch")
    CriterionIndicator(code='17.1', name='Tỷ lệ hộ được sử dụng nước sạch')
    """

    code: str = attrs.field(validator=_indicator_code)
    name: str = attrs.field(validator=text)


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
    if count is not None and held and held != count:
        raise InvalidValueError(
            f"criteria set {instance.code!r} holds {held} indicators, not the {count} it has"
        )
    groups = [group.number for group in instance.commune_groups]
    if len(set(groups)) != len(groups):
        raise InvalidValueError(f"criteria set {instance.code!r} numbers a commune group twice")


@attrs.frozen(kw_only=True)
class CriteriaSet:
    """A set of criteria (bộ tiêu chí) a commune is assessed against.

    ``code`` is a stable id, ``source`` the code of the decision that issued the set
    ("1980/QĐ-TTg"), ``issued`` its date, ``in_force`` the day it took effect and
    ``period`` the years it is for. Criteria numbers are unique; a criterion's group, if
    given, is one of ``groups``. ``commune_groups`` are the groups of communes judged
    with thresholds of their own; ``indicator_count`` is the number of indicators
    (chỉ tiêu) the source gives, whether or not the criteria hold them; ``note`` says
    what danvan does not hold.

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
    indicator_count: int | None = attrs.field(default=None, validator=optional(_positive))
    note: str | None = attrs.field(default=None, validator=[optional(text), _check_counts])

    def __len__(self) -> int:
        return len(self.criteria)

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers of the criteria, in the order of the set."""
        return tuple(criterion.number for criterion in self.criteria)

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
        )


_GROUPS: Final = (
    CriteriaGroup(1, "Quy hoạch"),
    CriteriaGroup(2, "Hạ tầng kinh tế - xã hội"),
    CriteriaGroup(3, "Kinh tế và tổ chức sản xuất"),
    CriteriaGroup(4, "Văn hóa - Xã hội - Môi trường"),
    CriteriaGroup(5, "Hệ thống chính trị"),
)
# Criterion number → group number, the same in both decisions (check).
_GROUP_OF: Final = {
    **dict.fromkeys([1], 1),
    **dict.fromkeys(range(2, 10), 2),
    **dict.fromkeys(range(10, 14), 3),
    **dict.fromkeys(range(14, 18), 4),
    **dict.fromkeys([18, 19], 5),
}


def _criteria(names: list[str]) -> tuple[Criterion, ...]:
    return tuple(
        Criterion(number, name, group=_GROUP_OF[number])
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
)

#: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 (QĐ 318/QĐ-TTg).
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
        ]
    ),
    source="318/QĐ-TTg",
    issued=datetime.date(2022, 3, 8),
    period=Period.years(2021, 2025),
)


#: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030 (QĐ 51/2025/QĐ-TTg).
#:
#: Quyết định 51/2025/QĐ-TTg of 29/12/2025, in force 15/02/2026, Phụ lục I: 10
#: criteria and 47 indicators, each criterion judged by three groups of communes. The
#: names of the criteria and the definitions of the groups are those of VietnamPlus
#: (30/12/2025) and Thời báo Tài chính Việt Nam, which summarise the decision; the
#: full text is at xaydungchinhsach.chinhphu.vn (30/12/2025), of which only the
#: opening was read. Not held: the 47 indicators (their names and how they fall among
#: the 10 criteria) and every threshold.
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
    note=(
        "The 47 indicators (chỉ tiêu), how they fall among the 10 criteria, and the"
        " thresholds of each commune group are not held: the sources read give only"
        " the totals, the criteria and the groups."
    ),
)


def national_criteria(year: int, /) -> CriteriaSet:
    """The national commune set for *year*, by the years each set is named for.

    Until QĐ 318/QĐ-TTg was issued on 08/3/2022, communes were still assessed with the
    2016-2020 set (check for a given province); this function answers by the name of
    the set only.

    The 2026-2030 set (QĐ 51/2025/QĐ-TTg) took effect on 15/02/2026; before that day
    communes were assessed with the 2021-2025 set.

    >>> national_criteria(2019).source, national_criteria(2023).source
    (DocumentCode.parse('1980/QĐ-TTg'), DocumentCode.parse('318/QĐ-TTg'))
    >>> criteria = national_criteria(2026)
    >>> len(criteria), criteria.indicator_count, len(criteria.commune_groups)
    (10, 47, 3)
    """
    if type(year) is not int:
        raise InvalidTypeError(f"year must be an int, not {type(year).__name__}: {year!r}")
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
