"""danvan: typed, exact tools for Vietnamese mass-mobilisation work (công tác dân vận).

Numbers, percents and money the way Vietnamese reports write them, numbers in
Vietnamese words, administrative dates, reporting periods and the Vietnamese lunar
calendar, and the units, documents and figures of the political system, exact to the
last digit and the last syllable.

>>> import danvan
>>> danvan.format_money(1798702098, unit="đ")
'1.798.702.098đ'
>>> danvan.number_to_words(1005)
'một nghìn không trăm linh năm'
"""

from __future__ import annotations

from danvan.campaigns import (
    Campaign,
    CampaignKind,
    MobilizationModel,
    ModelEvent,
    ModelEventKind,
    ModelField,
    ModelHolder,
    ModelLevel,
    ModelStatus,
    check_history,
    is_valid_history,
)
from danvan.criteria import (
    NEW_RURAL_COMMUNE_2016_2020,
    NEW_RURAL_COMMUNE_2021_2025,
    CommuneResult,
    CriteriaGroup,
    CriteriaSet,
    CriteriaSummary,
    Criterion,
    national_criteria,
    summarize_criteria,
)
from danvan.dataset import Dataset
from danvan.dates import DateStyle, DayMonth, format_date, parse_date, weekday_name
from danvan.documents import (
    Directive,
    DocumentCode,
    DocumentSystem,
    DocumentType,
    format_document_code,
    parse_document_code,
)
from danvan.errors import (
    AmbiguousPlaceError,
    DanvanError,
    DataError,
    InvalidTreeError,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    ParseError,
    UndefinedIndicatorError,
    UnknownIdError,
    UnknownPlaceError,
    UnknownUnitError,
)
from danvan.extract import Figure, FigureKind, FigureValue, extract_figures
from danvan.geography import (
    BOARDS_MERGED,
    REORGANIZED,
    Place,
    PlaceType,
    Succession,
    children,
    find_place,
    normalize_place_name,
    places,
    political_units,
    predecessors,
    successors,
)
from danvan.indicators import (
    MetCount,
    RateIndicator,
    RollUpResult,
    attainment,
    change,
    count_met,
    difference,
    mean,
    meets,
    point_change,
    rate,
    roll_up,
    roll_up_many,
)
from danvan.lunar import (
    LunarDate,
    LunarStyle,
    Reckoning,
    can_chi,
    format_lunar,
    from_lunar,
    leap_month,
    parse_lunar,
    to_lunar,
)
from danvan.numbers import (
    MoneyUnit,
    Number,
    Scale,
    format_money,
    format_number,
    format_percent,
    parse_money,
    parse_number,
    parse_percent,
)
from danvan.observations import ExactNumber, Indicator, Observation, RollUp, Target
from danvan.periods import Period, PeriodKind, format_period, parse_period
from danvan.records import (
    NumberStyle,
    observation_records,
    statistics_records,
    statistics_table,
    to_dataframe,
)
from danvan.report import Report, ReportFormat, build_report, default_dataset, render_report
from danvan.roman import from_roman, to_roman
from danvan.sentences import (
    AttainmentStyle,
    describe_attainment,
    describe_change,
    describe_criteria,
    describe_difference,
    describe_holders,
    describe_model_statistics,
    describe_point_change,
    describe_ratio,
)
from danvan.serialize import SCHEMA, from_dict, from_json, to_dict, to_json
from danvan.statistics import (
    Measure,
    ModelStatistics,
    model_statistics,
    year_over_year,
)
from danvan.units import Branch, Identifier, Level, Unit, UnitKind, UnitTree
from danvan.words import money_to_words, number_to_words, words_to_money, words_to_number

__all__ = [
    "AmbiguousPlaceError",
    "AttainmentStyle",
    "BOARDS_MERGED",
    "Branch",
    "Campaign",
    "CampaignKind",
    "CommuneResult",
    "CriteriaGroup",
    "CriteriaSet",
    "CriteriaSummary",
    "Criterion",
    "DanvanError",
    "DataError",
    "Dataset",
    "DateStyle",
    "DayMonth",
    "Directive",
    "DocumentCode",
    "DocumentSystem",
    "DocumentType",
    "ExactNumber",
    "Figure",
    "FigureKind",
    "FigureValue",
    "Identifier",
    "Indicator",
    "InvalidTreeError",
    "InvalidTypeError",
    "InvalidValueError",
    "Level",
    "LunarDate",
    "LunarStyle",
    "Measure",
    "MetCount",
    "MissingDependencyError",
    "MobilizationModel",
    "ModelEvent",
    "ModelEventKind",
    "ModelField",
    "ModelHolder",
    "ModelLevel",
    "ModelStatistics",
    "ModelStatus",
    "MoneyUnit",
    "NEW_RURAL_COMMUNE_2016_2020",
    "NEW_RURAL_COMMUNE_2021_2025",
    "Number",
    "NumberStyle",
    "Observation",
    "ParseError",
    "Period",
    "PeriodKind",
    "Place",
    "PlaceType",
    "REORGANIZED",
    "RateIndicator",
    "Reckoning",
    "Report",
    "ReportFormat",
    "RollUp",
    "RollUpResult",
    "SCHEMA",
    "Scale",
    "Succession",
    "Target",
    "UndefinedIndicatorError",
    "Unit",
    "UnitKind",
    "UnitTree",
    "UnknownIdError",
    "UnknownPlaceError",
    "UnknownUnitError",
    "__version__",
    "attainment",
    "build_report",
    "can_chi",
    "change",
    "check_history",
    "children",
    "count_met",
    "default_dataset",
    "describe_attainment",
    "describe_change",
    "describe_criteria",
    "describe_difference",
    "describe_holders",
    "describe_model_statistics",
    "describe_point_change",
    "describe_ratio",
    "difference",
    "extract_figures",
    "find_place",
    "format_date",
    "format_document_code",
    "format_lunar",
    "format_money",
    "format_number",
    "format_percent",
    "format_period",
    "from_dict",
    "from_json",
    "from_lunar",
    "from_roman",
    "is_valid_history",
    "leap_month",
    "mean",
    "meets",
    "model_statistics",
    "money_to_words",
    "national_criteria",
    "normalize_place_name",
    "number_to_words",
    "observation_records",
    "parse_date",
    "parse_document_code",
    "parse_lunar",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_period",
    "places",
    "point_change",
    "political_units",
    "predecessors",
    "rate",
    "render_report",
    "roll_up",
    "roll_up_many",
    "statistics_records",
    "statistics_table",
    "successors",
    "summarize_criteria",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_lunar",
    "to_roman",
    "weekday_name",
    "words_to_money",
    "words_to_number",
    "year_over_year",
]


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata on first use, not at import.
    if name == "__version__":
        from importlib.metadata import version

        return version("danvan")
    raise AttributeError(f"module 'danvan' has no attribute {name!r}")
