"""Hypothesis strategies shared by the tests: one place for every kind of value.

Every class danvan serialises has a strategy here: :data:`political_units` (and
:func:`unit_trees`), :data:`identifiers`, :data:`periods`, :func:`document_codes`,
:data:`directives`, :func:`campaigns`, :func:`model_events`, :func:`models`,
:data:`indicators`, :data:`targets`, :data:`observations` and :func:`datasets`.
Plain strategies are module values; those that take arguments are functions that
return a strategy (call them: ``campaigns()``, ``datasets()``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from danvan.campaigns import (
    Award,
    AwardForm,
    Campaign,
    CampaignKind,
    MobilizationModel,
    ModelEvent,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelRegistration,
)
from danvan.commemorations import Commemoration, CommemorationKind
from danvan.dataset import Dataset
from danvan.documents import Directive, DocumentCode, DocumentSystem, DocumentType
from danvan.grassroots import (
    Dialogue,
    DialogueReason,
    Recommendation,
    RecommendationStatus,
    Supervision,
    SupervisionBoard,
    SupervisorKind,
)
from danvan.observations import (
    Bound,
    Counting,
    ExactNumber,
    Indicator,
    Observation,
    RelativePeriod,
    RollUp,
    Target,
)
from danvan.periods import Period
from danvan.spreadsheets import CellProblem
from danvan.units import Identifier, Level, Unit, UnitKind

__all__ = [
    "KNOWN_ISSUERS",
    "PARTY_TYPES",
    "PREFIXES",
    "STATE_TYPES",
    "UNIT_NAMES",
    "any_histories",
    "arrow_observations",
    "arrow_values",
    "awards",
    "bounds",
    "campaign_kinds",
    "campaigns",
    "cell_problems",
    "code_texts",
    "code_years",
    "commemorations",
    "countings",
    "datasets",
    "decimals",
    "dialogues",
    "directives",
    "document_codes",
    "document_types",
    "exact_numbers",
    "exact_values",
    "identifiers",
    "ids",
    "indicators",
    "issuer_parts",
    "mobilization_models",
    "model_dates",
    "model_event_kinds",
    "model_events",
    "model_fields",
    "model_holders",
    "model_levels",
    "model_registrations",
    "models",
    "names",
    "number_word_options",
    "observations",
    "periods",
    "political_units",
    "recommendations",
    "records",
    "relative_periods",
    "report_years",
    "roll_ups",
    "scales",
    "supervision_boards",
    "supervisions",
    "targets",
    "unit_trees",
    "units",
    "unknown_parts",
    "valid_histories",
    "value_units",
    "word_integers",
    "written",
]

# --------------------------------------------------------------------------- numbers

#: Finite decimals of report size, with their own exponent (0.50 stays 0.50).
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=None
).filter(lambda d: d.as_tuple().exponent >= -12)  # type: ignore[operator]

#: What the number functions accept and read back exactly.
exact_numbers: st.SearchStrategy[int | Decimal] = st.one_of(st.integers(), decimals)

#: Money units the number functions write ("đồng", "₫"); not units of the political
#: system, which are :data:`political_units`.
units = st.sampled_from(["đồng", "đ", "VNĐ", "₫"])
scales = st.sampled_from([None, "auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"])

#: Exact values of indicators: integers, finite decimals with their own exponent (any
#: exponent, "1E+3" and "-0.00" too), fractions.
exact_values: st.SearchStrategy[ExactNumber] = st.one_of(
    st.integers(-(10**15), 10**15),
    st.decimals(allow_nan=False, allow_infinity=False, places=None),
    st.fractions(max_denominator=10**6),
)

# ----------------------------------------------------------------------- ids and text

#: Ids of units, indicators, campaigns and models: no white space, no '/'.
ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(?:[._-][a-z0-9]{1,6}){0,3}", fullmatch=True)
#: Names and notes: real ones and any text that is not blank.
names = st.sampled_from(
    [
        "Dân vận khéo",
        "Vì người nghèo",
        "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
        "Mô hình được công nhận",
        "Ban Dân vận Thị ủy",
    ]
) | st.text(min_size=1, max_size=30).filter(str.strip)
#: Units values are counted in.
value_units = st.sampled_from(["đồng", "mô hình", "%", "lượt người", "tiêu chí", "hộ"])

# --------------------------------------------------------------------------- periods

#: Years of reports.
report_years = st.integers(2000, 2030)
#: Periods of every kind: year, half, quarter, month, year to date, years, term.
periods: st.SearchStrategy[Period] = st.one_of(
    st.builds(Period.year, report_years),
    st.builds(Period.half, report_years, st.sampled_from([1, 2])),
    st.builds(Period.quarter, report_years, st.integers(1, 4)),
    st.builds(Period.month, report_years, st.integers(1, 12)),
    st.builds(Period.year_to_date, report_years, st.sampled_from([1, 2, 3, 4, 5, 7, 9, 11])),
    st.builds(lambda y, n: Period.years(y, y + n), report_years, st.integers(1, 5)),
    st.builds(lambda y, n: Period.term(y, y + n), report_years, st.integers(1, 5)),
    st.builds(
        lambda y, first, n: Period.month_range(y, first, min(12, first + n)),
        report_years,
        st.integers(2, 11),
        st.integers(1, 6),
    ),
)

# ----------------------------------------------------------------------------- units

UNIT_NAMES = [
    "Tỉnh ủy Hà Tĩnh",
    "Thị ủy Hồng Lĩnh",
    "Ban Dân vận",
    "Ủy ban nhân dân",
    "Ủy ban MTTQ",
    "Hội Nông dân",
    "Đảng ủy phường Bắc Hồng",
]

#: Identifiers of units in some scheme.
identifiers: st.SearchStrategy[Identifier] = st.builds(
    Identifier,
    st.sampled_from(["document_issuer", "area_code"]) | names,
    st.sampled_from(["ThU", "TU", "BDVTU", "42", "18"]) | names,
)


@st.composite
def _political_units(draw: st.DrawFn) -> Unit:
    unit_id = draw(ids)
    founded = draw(st.none() | st.dates(date(1945, 1, 1), date(2040, 12, 30)))
    first_end = (founded or date(1945, 1, 1)) + timedelta(days=1)
    dissolved = draw(st.none() | st.dates(first_end, date(2040, 12, 31)))
    others = ids.filter(lambda other: other != unit_id)
    successors = draw(st.lists(others, max_size=2)) if dissolved is not None else []
    return Unit(
        id=unit_id,
        name=draw(st.sampled_from(UNIT_NAMES) | names),
        kind=draw(st.sampled_from(UnitKind)),
        level=draw(st.sampled_from(Level)),
        parent=draw(st.none() | others),
        founded=founded,
        dissolved=dissolved,
        successors=tuple(successors),
        other_names=tuple(draw(st.lists(names, max_size=2))),
        identifiers=tuple(draw(st.lists(identifiers, max_size=2))),
    )


#: Single units with every field used (parents and successors are ids of other units,
#: not checked against a tree: that is :func:`unit_trees`).
political_units: st.SearchStrategy[Unit] = _political_units()


@st.composite
def unit_trees(draw: st.DrawFn, max_units: int = 12) -> list[Unit]:
    """Units that make a valid tree: each parent comes first and outlives its children."""
    count = draw(st.integers(0, max_units))
    units: list[Unit] = []
    low, high = date(1945, 1, 1), date(2040, 12, 31)
    for index in range(count):
        parent = draw(st.none() | st.sampled_from(units)) if units else None
        start = low if parent is None or parent.founded is None else parent.founded
        end = high if parent is None or parent.dissolved is None else parent.dissolved
        founded = draw(st.none() | st.dates(start, end - timedelta(days=1)))
        first_end = (founded or start) + timedelta(days=1)
        if parent is not None and parent.dissolved is not None:
            dissolved: date | None = draw(st.dates(first_end, parent.dissolved))
        else:
            dissolved = draw(st.none() | st.dates(first_end, high))
        units.append(
            Unit(
                id=f"u{index}",
                name=draw(st.sampled_from(UNIT_NAMES)) + f" {index}",
                kind=draw(st.sampled_from(UnitKind)),
                level=draw(st.sampled_from(Level)),
                parent=None if parent is None else parent.id,
                founded=founded,
                dissolved=dissolved,
                identifiers=draw(
                    st.lists(
                        st.builds(
                            Identifier,
                            st.sampled_from(["document_issuer", "area_code"]),
                            st.sampled_from(["ThU", "TU", "BDVTU", "42", "18"]),
                        ),
                        max_size=2,
                    ).map(tuple)
                ),
            )
        )
    # Successors: a dissolved unit may name units founded on or after its dissolution.
    for index, unit in enumerate(units):
        if unit.dissolved is None:
            continue
        later = [
            u.id for u in units if u.id != unit.id and u.founded and u.founded >= unit.dissolved
        ]
        if later:
            chosen = draw(st.lists(st.sampled_from(later), max_size=2, unique=True))
            units[index] = attrs.evolve(unit, successors=tuple(chosen))
    return units


# ------------------------------------------------------------------------- documents

PARTY = DocumentSystem.PARTY
STATE = DocumentSystem.STATE
PARTY_TYPES = [t.abbreviation for t in DocumentType.vocabulary(system=PARTY)]
STATE_TYPES = [t.abbreviation for t in DocumentType.vocabulary(system=STATE)]
#: Issuers as codes write them, mixed case included.
KNOWN_ISSUERS = [
    "TW",
    "VPTW",
    "BDVTW",
    "TU",
    "HU",
    "QU",
    "ThU",
    "ĐU",
    "BDVTU",
    "BDVHU",
    "BDV",
    "BCSĐUBND",
    "CP",
    "TTg",
    "UBND",
    "HĐND",
    "BNV",
    "KGVX",
    "QH15",
    "UBTVQH14",
]
_FIRST = "ABCDEGHIKLMNOPQRSTUVXYĐƯƠĂÂÊÔabcdeghiklmnopqrstuvxyđươăâêôẾỆỘởữ"
#: Abbreviations danvan does not know: a letter, then letters and digits.
unknown_parts = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(_FIRST),
    st.text(alphabet=_FIRST + "0123456789", max_size=7),
)
issuer_parts = st.one_of(st.sampled_from(KNOWN_ISSUERS), unknown_parts)
_code_numbers = st.one_of(st.integers(1, 9), st.integers(1, 99_999), st.integers(1, 10**9 - 1))
#: Years State codes carry.
code_years = st.integers(1000, 9999)


def _is_state_type(part: str) -> bool:
    return DocumentType.of(part, system=STATE).known


@st.composite
def document_codes(draw: st.DrawFn, system: DocumentSystem | None = None) -> DocumentCode:
    """Party and State codes, known and unknown types, with and without a year."""
    system = draw(st.sampled_from(DocumentSystem)) if system is None else system
    number = draw(_code_numbers)
    issuers = draw(st.lists(issuer_parts, min_size=1, max_size=4))
    if system is PARTY:
        doc_type = draw(st.one_of(st.sampled_from(PARTY_TYPES), unknown_parts))
        return DocumentCode.party(number, doc_type, *issuers)
    year = draw(st.one_of(st.none(), code_years))
    if draw(st.booleans()):  # with a type: unknown ones need a year to be read back
        types = st.sampled_from(STATE_TYPES)
        if year is not None:
            types = st.one_of(types, unknown_parts)
        return DocumentCode.state(number, draw(types), *issuers, year=year)
    if year is not None:  # a law: 10/2022/QH15
        issuers = issuers[:1]
    assume(not _is_state_type(issuers[0]))  # a công văn: 238/UBND-KGVX
    return DocumentCode.state(number, None, *issuers, year=year)


#: Document codes as reports write them (text, for fields that read a code from text).
code_texts = st.sampled_from(
    [
        "08-CT/ThU",
        "25-KL/ThU",
        "202-QĐ/ThU",
        "70-KH/BDVTU-BCSĐUBND",
        "123-KH/BDV-UBND",
        "16-CTr/BDV-UBND",
        "30/2020/NĐ-CP",
    ]
)
document_types = st.one_of(
    st.sampled_from(DocumentType.vocabulary()),
    st.builds(DocumentType.of, unknown_parts, system=st.sampled_from(DocumentSystem)),
)
#: Directives: any code, title and date; issuer ids that are ids.
directives: st.SearchStrategy[Directive] = st.builds(
    Directive,
    document_codes(),
    st.none() | st.text(min_size=1).filter(str.strip),
    st.none() | st.dates(),
    st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True), max_size=3).map(tuple),
    summary=st.one_of(st.none(), st.text()),
    implements=st.lists(document_codes(), max_size=3).map(tuple),
)

PREFIXES = [
    "",
    "Số: ",
    "Số:",
    "số ",
    "Số ",
    "SỐ: ",
    "Chỉ thị số ",
    "Kế hoạch ",
    "Kế hoạch số: ",
    "Nghị quyết số ",
    "Chương trình phối hợp số ",
    "Quy chế phối hợp số ",
    "Chương trình hành động số ",
    "Thông tư liên tịch số ",
    "Luật số ",
    "Công văn số ",
    "chỉ thị số ",
    "QUYẾT ĐỊNH SỐ ",
]
_NUMBERED = re.compile(r"(QH|UBTVQH)[0-9]+")
_spaces = st.sampled_from(["", "", " ", "  ", "\u00a0", "\t"])
_hyphens = st.sampled_from(["-", "-", "–", "‑", "−"])


@st.composite
def written(draw: st.DrawFn, code: DocumentCode) -> str:
    """*code* as real text may write it: a prefix, odd spacing and dashes, no zero,
    known abbreviations in any case, NFD."""

    def case(part: str, known: bool) -> str:
        if not known:
            return part
        return draw(st.sampled_from([part, part.lower(), part.upper()]))

    known_type = code.type is not None and code.type.known
    number = draw(st.sampled_from([f"{code.number:02d}", str(code.number), f"{code.number:03d}"]))
    issuers = [case(i, i in KNOWN_ISSUERS or bool(_NUMBERED.fullmatch(i))) for i in code.issuers]
    joints = [draw(_spaces) + draw(_hyphens) + draw(_spaces) for _ in issuers[1:]]
    issuer_text = issuers[0] + "".join(j + i for j, i in zip(joints, issuers[1:], strict=False))

    def slash() -> str:
        return draw(_spaces) + "/" + draw(_spaces)

    if code.system is PARTY:
        assert code.type is not None
        dash = draw(_spaces) + draw(_hyphens) + draw(_spaces)
        body = f"{number}{dash}{case(str(code.type), known_type)}{slash()}{issuer_text}"
    else:
        year = "" if code.year is None else f"{slash()}{code.year}"
        kind = ""
        if code.type is not None:
            kind = case(str(code.type), known_type) + draw(_spaces) + draw(_hyphens)
            kind += draw(_spaces)
        body = f"{number}{year}{slash()}{kind}{issuer_text}"
    text = draw(st.sampled_from(PREFIXES)) + body
    text = draw(_spaces) + text + draw(_spaces)
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


# ------------------------------------------------- indicators, targets, observations

roll_ups = st.sampled_from(RollUp)
bounds = st.sampled_from(Bound)
countings = st.sampled_from(Counting)
relative_periods = st.sampled_from(RelativePeriod)
#: Plain indicators (with a roll-up rule) and ratios (a numerator, a denominator, a factor).
indicators: st.SearchStrategy[Indicator] = st.builds(
    Indicator,
    code=ids,
    name=names,
    unit=value_units,
    roll_up=roll_ups,
    higher_is_better=st.booleans(),
    description=st.none() | names,
    counting=st.none() | countings,
) | st.builds(
    lambda code, name, factor, better: Indicator(
        code=code,
        name=name,
        unit="%",
        numerator=f"{code}.part",
        denominator=f"{code}.whole",
        factor=factor,
        higher_is_better=better,
    ),
    ids,
    names,
    st.sampled_from([1, 100, 1000]),
    st.booleans(),
)
targets: st.SearchStrategy[Target] = st.builds(
    Target,
    indicator=ids,
    unit_id=ids,
    period=periods,
    value=exact_values,
    source=st.none() | code_texts,
)


def _observation(**fields: Any) -> Observation:
    """An Observation, with no baseline period when the one drawn is its own period."""
    if fields.get("baseline_period") == fields["period"]:
        fields["baseline_period"] = None
    return Observation(**fields)


observations: st.SearchStrategy[Observation] = st.builds(
    _observation,
    indicator=ids,
    unit_id=ids,
    period=periods,
    actual=exact_values,
    target=st.none() | exact_values,
    baseline=st.none() | exact_values,
    source=st.none() | code_texts,
    bound=st.none() | bounds,
    stated_attainment=st.none() | exact_values.filter(lambda value: value >= 0),
    stated_change=st.none() | exact_values,
    baseline_period=st.none() | relative_periods | periods,
)
records = st.one_of(indicators, targets, observations)

#: Exact values that fit Arrow's decimal128(38, s) whatever else shares their column:
#: up to 18 digits before the point and 12 after, and fractions of small terms.
arrow_values: st.SearchStrategy[ExactNumber] = st.one_of(
    st.integers(-(10**18), 10**18),
    st.decimals(
        allow_nan=False, allow_infinity=False, min_value=-(10**17), max_value=10**17, places=6
    ),
    st.builds(
        lambda n, a, b: Fraction(n, 2**a * 5**b),
        st.integers(-(10**9), 10**9),
        st.integers(0, 6),
        st.integers(0, 6),
    ),
    st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**6),
)
#: Observations whose figures fit Arrow's decimal128 (see :func:`danvan.to_arrow`).
arrow_observations: st.SearchStrategy[Observation] = st.builds(
    _observation,
    indicator=ids,
    unit_id=ids,
    period=periods,
    actual=arrow_values,
    target=st.none() | arrow_values,
    baseline=st.none() | arrow_values,
    source=st.none() | code_texts,
    bound=st.none() | bounds,
    stated_attainment=st.none() | arrow_values.filter(lambda value: value >= 0),
    stated_change=st.none() | arrow_values,
    baseline_period=st.none() | relative_periods | periods,
)

# ---------------------------------------------------------------- campaigns and models

_K = ModelEventKind
_DISTRICT_LEVEL_ENDS = date(2025, 7, 1)

campaign_kinds = st.sampled_from(CampaignKind)
model_fields = st.sampled_from(ModelField)
model_holders = st.sampled_from(ModelHolder)
model_levels = st.sampled_from(ModelLevel)
model_event_kinds = st.sampled_from(ModelEventKind)
model_dates = st.dates(date(2009, 1, 1), date(2035, 12, 31))


def model_events(
    kinds: st.SearchStrategy[ModelEventKind] = model_event_kinds,
    dates: st.SearchStrategy[date] = model_dates,
    unit_ids: st.SearchStrategy[str] = ids,
) -> st.SearchStrategy[ModelEvent]:
    """Single events, with or without the unit that acted (one of *unit_ids*) and a note;
    a khen thưởng with or without its :class:`~danvan.Award`, a recognition exemplary
    (tiêu biểu) or not."""

    def extras(kind: ModelEventKind) -> st.SearchStrategy[dict[str, Any]]:
        if kind is ModelEventKind.AWARDED:
            return st.fixed_dictionaries({"award": st.none() | awards})
        if kind is ModelEventKind.RECOGNISED:
            return st.fixed_dictionaries({"exemplary": st.booleans()})
        return st.just({})

    return kinds.flatmap(
        lambda kind: extras(kind).flatmap(
            lambda more: st.builds(
                ModelEvent,
                kind=st.just(kind),
                date=dates,
                unit_id=st.none() | unit_ids,
                note=st.none() | names,
                **{name: st.just(value) for name, value in more.items()},
            )
        )
    )


#: :class:`~danvan.Award` values: a form, an authority, a decision or none.
awards = st.builds(
    Award,
    form=st.sampled_from(AwardForm),
    authority=st.sampled_from(["Chủ tịch UBND tỉnh", "Chủ tịch UBND xã", "Thủ tướng Chính phủ"]),
    decision=st.none() | st.sampled_from(["125/QĐ-UBND", "05/QĐ-TTg"]),
)

#: :class:`~danvan.ModelRegistration` values with any of their headings.
model_registrations = st.builds(
    ModelRegistration,
    **{
        field.name: st.none() | names
        for field in attrs.fields(ModelRegistration)  # type: ignore[arg-type]
    },
)


def _allowed(seen: set[ModelEventKind]) -> list[ModelEventKind]:
    """The kinds the lifecycle allows next, given the kinds seen so far."""
    allowed = [_K.EVALUATED, _K.RECOGNISED]
    past = {_K.EVALUATED, _K.RECOGNISED, _K.PRAISED, _K.AWARDED, _K.COMMENDED}
    past |= {_K.REPLICATED, _K.MARKED_FOR_CONSOLIDATION}
    if _K.IMPLEMENTED not in seen and not seen & past:
        allowed.append(_K.IMPLEMENTED)
    if _K.RECOGNISED in seen:
        allowed += [_K.PRAISED, _K.AWARDED, _K.COMMENDED, _K.REPLICATED]
    if _K.EVALUATED in seen:
        allowed.append(_K.MARKED_FOR_CONSOLIDATION)
    return allowed


@st.composite
def valid_histories(
    draw: st.DrawFn, max_events: int = 10, unit_ids: st.SearchStrategy[str] = ids
) -> tuple[ModelEvent, ...]:
    """Histories that keep every lifecycle rule: a walk along the allowed steps."""
    day = draw(model_dates)
    events = [draw(model_events(st.just(_K.REGISTERED), st.just(day), unit_ids))]
    seen = {_K.REGISTERED}
    for _ in range(draw(st.integers(0, max_events - 1))):
        kind = draw(st.sampled_from(_allowed(seen)))
        day += timedelta(days=draw(st.sampled_from([0, 0, 1, 30, 365])))
        events.append(draw(model_events(st.just(kind), st.just(day), unit_ids)))
        seen.add(kind)
    return tuple(events)


#: Any histories: random kinds, in date order more often than not.
any_histories = (
    st.lists(model_events(), max_size=8)
    .flatmap(lambda events: st.sampled_from([events, sorted(events, key=lambda e: e.date)]))
    .map(tuple)
)


def _level_for(history: tuple[ModelEvent, ...]) -> st.SearchStrategy[ModelLevel]:
    if history[0].date >= _DISTRICT_LEVEL_ENDS:
        return st.sampled_from([ModelLevel.COMMUNE, ModelLevel.PROVINCE])
    return model_levels


_optional_ids: st.SearchStrategy[str | None] = st.none() | ids


@st.composite
def mobilization_models(
    draw: st.DrawFn,
    unit_ids: st.SearchStrategy[str] = ids,
    campaign_ids: st.SearchStrategy[str | None] = _optional_ids,
    max_events: int = 10,
) -> MobilizationModel:
    """Valid models: a valid history, and a level that exists when it is registered.

    The model, and each event that names one, names a unit of *unit_ids*.
    """
    history = draw(valid_histories(max_events, unit_ids))
    return MobilizationModel(
        id=draw(ids),
        name=draw(names),
        field=draw(model_fields),
        holder=draw(model_holders),
        unit_id=draw(unit_ids),
        level=draw(_level_for(history)),
        history=history,
        campaign_id=draw(campaign_ids),
        holder_name=draw(st.none() | names),
        description=draw(st.none() | names),
        registration=draw(st.none() | model_registrations),
    )


#: The strategy of :class:`~danvan.MobilizationModel`: ``models()``.
models = mobilization_models


@st.composite
def campaigns(
    draw: st.DrawFn,
    unit_ids: st.SearchStrategy[str] = ids,
    indicator_codes: st.SearchStrategy[str] | None = ids,
) -> Campaign:
    """Campaigns whose targets lie in their period and have distinct keys.

    Units are drawn from *unit_ids*, the indicators of targets from *indicator_codes*
    (no targets when it is None).
    """
    first = draw(st.integers(2009, 2030))
    last = draw(st.integers(first, first + 5))
    period = draw(
        st.sampled_from(
            [None, Period.year(first)] + ([Period.years(first, last)] if last > first else [])
        )
    )
    span = (first, first if period is not None and period.months == 12 else last)
    target_periods = st.one_of(
        st.integers(*span).map(Period.year),
        st.builds(Period.quarter, st.integers(*span), st.integers(1, 4)),
    )
    targets = (
        []
        if indicator_codes is None
        else draw(
            st.lists(
                st.builds(
                    Target,
                    indicator=indicator_codes,
                    unit_id=unit_ids,
                    period=target_periods,
                    value=exact_values,
                    source=st.none() | code_texts,
                ),
                max_size=4,
                unique_by=lambda t: t.key,
            )
        )
    )
    launcher = draw(st.none() | unit_ids)  # None: the report does not say who launched it
    partners = draw(st.lists(unit_ids, max_size=2, unique=True))
    return Campaign(
        id=draw(ids),
        name=draw(names),
        kind=draw(campaign_kinds),
        launching_unit_id=launcher,
        partner_unit_ids=tuple(p for p in partners if p != launcher),
        directive=draw(st.none() | code_texts),
        period=period,
        targets=tuple(targets),
    )


# -------------------------------------------------------------------------- datasets


@st.composite
def datasets(draw: st.DrawFn, max_units: int = 5, max_items: int = 3) -> Dataset:
    """A small, fully consistent dataset: units from :func:`unit_trees`, and directives,
    campaigns, models, targets and observations that name only its units, indicators
    and campaigns, with unique ids and keys."""
    units = draw(unit_trees(max_units=max_units))
    indicator_list = draw(st.lists(indicators, max_size=max_items, unique_by=lambda i: i.code))
    codes = {indicator.code for indicator in indicator_list}
    for ratio in list(indicator_list):  # the parts of a ratio are counted indicators
        for part in (ratio.numerator, ratio.denominator):
            if part is not None and part not in codes:
                codes.add(part)
                rule = draw(st.sampled_from([RollUp.SUM, RollUp.LAST]))
                indicator_list.append(Indicator(code=part, name=part, unit="hộ", roll_up=rule))
    directive_list: list[Directive] = []
    campaign_list: list[Campaign] = []
    model_list: list[MobilizationModel] = []
    target_list: list[Target] = []
    observation_list: list[Observation] = []
    dialogue_list: list[Dialogue] = []
    supervision_list: list[Supervision] = []
    if units:
        of_units = st.sampled_from([unit.id for unit in units])
        of_indicators = (
            st.sampled_from([i.code for i in indicator_list]) if indicator_list else None
        )
        directive_list = draw(
            st.lists(
                st.builds(
                    Directive,
                    document_codes(),
                    st.none() | names,
                    st.none() | model_dates,
                    st.lists(of_units, max_size=2, unique=True).map(tuple),
                    summary=st.none() | names,
                    implements=st.lists(document_codes(), max_size=2).map(tuple),
                ),
                max_size=max_items,
                unique_by=lambda d: d.key,
            )
        )
        campaign_list = draw(
            st.lists(
                campaigns(of_units, of_indicators), max_size=max_items, unique_by=lambda c: c.id
            )
        )
        of_campaigns: st.SearchStrategy[str | None] = st.none()
        if campaign_list:
            of_campaigns |= st.sampled_from([campaign.id for campaign in campaign_list])
        model_list = draw(
            st.lists(
                models(of_units, of_campaigns, max_events=4),
                max_size=max_items,
                unique_by=lambda m: m.id,
            )
        )
        dialogue_list = draw(
            st.lists(dialogues(of_units), max_size=max_items, unique_by=lambda d: d.id)
        )
        supervision_list = draw(
            st.lists(supervisions(of_units), max_size=max_items, unique_by=lambda s: s.id)
        )
        if of_indicators is not None:
            sources = st.none() | document_codes()
            target_list = draw(
                st.lists(
                    st.builds(
                        Target,
                        indicator=of_indicators,
                        unit_id=of_units,
                        period=periods,
                        value=exact_values,
                        source=sources,
                    ),
                    max_size=max_items,
                    unique_by=lambda t: t.key,
                )
            )
            observation_list = draw(
                st.lists(
                    st.builds(
                        _observation,
                        indicator=of_indicators,
                        unit_id=of_units,
                        period=periods,
                        actual=exact_values,
                        target=st.none() | exact_values,
                        baseline=st.none() | exact_values,
                        source=sources,
                        bound=st.none() | bounds,
                        stated_attainment=st.none() | exact_values.filter(lambda v: v >= 0),
                        stated_change=st.none() | exact_values,
                        baseline_period=st.none() | relative_periods | periods,
                    ),
                    max_size=max_items,
                    unique_by=lambda o: o.key,
                )
            )
    return Dataset(
        title=draw(names),
        source=draw(names),
        notes=tuple(draw(st.lists(names, max_size=2))),
        units=tuple(units),
        directives=tuple(directive_list),
        campaigns=tuple(campaign_list),
        models=tuple(model_list),
        indicators=tuple(indicator_list),
        targets=tuple(target_list),
        observations=tuple(observation_list),
        dialogues=tuple(dialogue_list),
        supervisions=tuple(supervision_list),
    )


# ------------------------------------------------------------------------- number words

_SPECIAL_GROUPS = [0, 0, 0, 1, 4, 5, 10, 11, 14, 15, 20, 21, 24, 25, 100, 101, 105, 110, 115]


@st.composite
def _grouped_integers(draw: st.DrawFn) -> int:
    """Integers below 10**24 built from groups of three digits, with many zero groups."""
    groups = draw(
        st.lists(
            st.one_of(st.sampled_from(_SPECIAL_GROUPS), st.integers(0, 999)),
            min_size=1,
            max_size=8,
        )
    )
    value = 0
    for group in groups:
        value = value * 1000 + group
    return -value if draw(st.booleans()) else value


#: Integers for the number-word round trips: up to 10**24 either way, with zero groups.
word_integers: st.SearchStrategy[int] = st.one_of(
    st.integers(-(10**24), 10**24), _grouped_integers()
)

#: Every keyword option of ``number_to_words``.
number_word_options: st.SearchStrategy[dict[str, str]] = st.fixed_dictionaries(
    {
        "thousand": st.sampled_from(["nghìn", "ngàn"]),
        "zero_tens": st.sampled_from(["linh", "lẻ"]),
        "four": st.sampled_from(["tư", "bốn"]),
        "billion": st.sampled_from(["tỷ", "tỉ"]),
        "fraction": st.sampled_from(["digits", "number"]),
    }
)

#: Bad cells of a spreadsheet, as :class:`danvan.SpreadsheetError` reports them.
cell_problems: st.SearchStrategy[CellProblem] = st.builds(
    CellProblem,
    sheet=st.none() | st.sampled_from(["Số liệu", "Sheet1", "Xã A"]),
    row=st.integers(0, 10**6),
    column=st.sampled_from(["Kết quả thực hiện", "value", "unit", "Kế hoạch"]),
    text=st.text(max_size=200),
    message=st.text(min_size=1, max_size=100),
)


@st.composite
def commemorations(draw: st.DrawFn) -> Commemoration:
    """Valid :class:`~danvan.Commemoration` entries: days of months, periods with an end."""
    kind = draw(st.sampled_from(CommemorationKind))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    end: dict[str, int] = {}
    if kind is CommemorationKind.YEARLY_PERIOD:
        end = {"end_day": draw(st.integers(1, 28)), "end_month": draw(st.integers(1, 12))}
    since = draw(st.integers(1900, 2100)) if kind is CommemorationKind.CAMPAIGN else None
    return Commemoration(
        name=draw(names),
        kind=kind,
        day=day,
        month=month,
        since=since if since is not None else draw(st.none() | st.integers(1900, 2100)),
        source=draw(names),
        note=draw(st.none() | names),
        **end,
    )


# ------------------------------------------------------------- grassroots democracy

_counts = st.none() | st.integers(0, 500)


@st.composite
def dialogues(draw: st.DrawFn, unit_ids: st.SearchStrategy[str] = ids) -> Dialogue:
    """Valid :class:`~danvan.Dialogue` records: notice not after the day, answers at most
    the opinions."""
    day = draw(model_dates)
    notified = draw(st.none() | st.integers(0, 30).map(lambda n: day - timedelta(days=n)))
    opinions = draw(_counts)
    answered = None if opinions is None else draw(st.none() | st.integers(0, opinions))
    return Dialogue(
        id=draw(ids),
        unit_id=draw(unit_ids),
        date=day,
        reason=draw(st.sampled_from(DialogueReason)),
        notified_on=notified,
        participants=draw(_counts),
        opinions=opinions,
        answered=answered,
        note=draw(st.none() | names),
    )


def recommendations(after: date) -> st.SearchStrategy[Recommendation]:
    """Valid :class:`~danvan.Recommendation` items of a supervision held on *after*."""
    resolved = st.builds(
        Recommendation,
        content=st.none() | names,
        status=st.just(RecommendationStatus.RESOLVED),
        resolved_on=st.none() | st.integers(0, 400).map(lambda n: after + timedelta(days=n)),
    )
    other = st.builds(
        Recommendation,
        content=st.none() | names,
        status=st.sampled_from([RecommendationStatus.PENDING, RecommendationStatus.IN_PROGRESS]),
    )
    return resolved | other


@st.composite
def supervisions(draw: st.DrawFn, unit_ids: st.SearchStrategy[str] = ids) -> Supervision:
    """Valid :class:`~danvan.Supervision` records with their recommendations."""
    day = draw(model_dates)
    return Supervision(
        id=draw(ids),
        unit_id=draw(unit_ids),
        date=day,
        by=draw(st.sampled_from(SupervisorKind)),
        subject=draw(st.none() | names),
        recommendations=tuple(draw(st.lists(recommendations(day), max_size=4))),
    )


@st.composite
def supervision_boards(
    draw: st.DrawFn, unit_ids: st.SearchStrategy[str] = ids
) -> SupervisionBoard:
    """Valid :class:`~danvan.SupervisionBoard` records (at least 5 members for a Ban
    Thanh tra nhân dân, at most 2 deputies for a Ban Giám sát đầu tư của cộng đồng)."""
    kind = draw(
        st.sampled_from(
            [
                SupervisorKind.PEOPLES_INSPECTION_BOARD,
                SupervisorKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD,
            ]
        )
    )
    members = draw(st.integers(5 if kind is SupervisorKind.PEOPLES_INSPECTION_BOARD else 1, 30))
    most = min(
        members - 1, 2 if kind is SupervisorKind.COMMUNITY_INVESTMENT_SUPERVISION_BOARD else 5
    )
    return SupervisionBoard(
        unit_id=draw(unit_ids),
        kind=kind,
        members=members,
        deputies=draw(st.none() | st.integers(0, most)),
        elected_on=draw(st.none() | model_dates),
    )
