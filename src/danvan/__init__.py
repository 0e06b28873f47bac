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

# How the top level works (PEP 562), and how to add a public name
# -------------------------------------------------------------------
# ``import danvan`` imports no submodule: every public name is looked up in ``_LAZY``
# (name -> the module that defines it) the first time it is asked for, by the module
# ``__getattr__`` below, and then kept in this module's namespace. ``__all__`` is the
# sorted keys of ``_LAZY`` (plus ``__version__``), and ``__dir__`` lists them.
#
# To add a public name, add ONE line to ``_LAZY`` (kept sorted) and ONE line to the
# ``TYPE_CHECKING`` block (``from danvan.x import Name as Name``, so that type checkers
# and IDEs see the name and its type), then pin it in tests/test_api.py. For example, a
# package danvan.official exporting ``official_document``:
#
#     "official_document": "danvan.official",                            # in _LAZY
#     from danvan.official import official_document as official_document  # TYPE_CHECKING
#
# tests/test_api.py checks that the two lists agree and that every name resolves; the
# new module also needs its layer in tests/test_layers.py.
#
# A name taken off the top level moves from ``_LAZY`` to ``_DEPRECATED`` (name -> module)
# for one release: it still works, with a DeprecationWarning naming its module, and stays
# in the ``TYPE_CHECKING`` block until it is removed.

from __future__ import annotations

# Not ``from typing import TYPE_CHECKING``: importing typing costs a few milliseconds,
# more than everything else this module does. Type checkers read the name as True.
TYPE_CHECKING = False

if TYPE_CHECKING:
    __version__: str
    from danvan.arrow import to_arrow as to_arrow
    from danvan.campaigns import Award as Award
    from danvan.campaigns import AwardForm as AwardForm
    from danvan.campaigns import Campaign as Campaign
    from danvan.campaigns import CampaignKind as CampaignKind
    from danvan.campaigns import MobilizationModel as MobilizationModel
    from danvan.campaigns import ModelEvent as ModelEvent
    from danvan.campaigns import ModelEventKind as ModelEventKind
    from danvan.campaigns import ModelField as ModelField
    from danvan.campaigns import ModelHolder as ModelHolder
    from danvan.campaigns import ModelLevel as ModelLevel
    from danvan.campaigns import ModelRegistration as ModelRegistration
    from danvan.campaigns import ModelStatus as ModelStatus
    from danvan.campaigns import check_history as check_history
    from danvan.campaigns import is_valid_history as is_valid_history
    from danvan.campaigns import models_due_for_review as models_due_for_review
    from danvan.commemorations import COMMEMORATIONS as COMMEMORATIONS
    from danvan.commemorations import Commemoration as Commemoration
    from danvan.commemorations import CommemorationKind as CommemorationKind
    from danvan.commemorations import commemoration as commemoration
    from danvan.criteria import NEW_RURAL_COMMUNE_2016_2020 as NEW_RURAL_COMMUNE_2016_2020
    from danvan.criteria import NEW_RURAL_COMMUNE_2021_2025 as NEW_RURAL_COMMUNE_2021_2025
    from danvan.criteria import NEW_RURAL_COMMUNE_2026_2030 as NEW_RURAL_COMMUNE_2026_2030
    from danvan.criteria import (
        NEW_RURAL_COMMUNE_ADVANCED_2021_2025 as NEW_RURAL_COMMUNE_ADVANCED_2021_2025,
    )
    from danvan.criteria import NEW_RURAL_REGIONS as NEW_RURAL_REGIONS
    from danvan.criteria import CommuneGroup as CommuneGroup
    from danvan.criteria import CommuneResult as CommuneResult
    from danvan.criteria import CriteriaGroup as CriteriaGroup
    from danvan.criteria import CriteriaSet as CriteriaSet
    from danvan.criteria import CriteriaSummary as CriteriaSummary
    from danvan.criteria import Criterion as Criterion
    from danvan.criteria import CriterionIndicator as CriterionIndicator
    from danvan.criteria import IndicatorTarget as IndicatorTarget
    from danvan.criteria import national_criteria as national_criteria
    from danvan.criteria import summarize_criteria as summarize_criteria
    from danvan.dataset import Dataset as Dataset
    from danvan.dates import DateStyle as DateStyle
    from danvan.dates import DayMonth as DayMonth
    from danvan.dates import format_date as format_date
    from danvan.dates import parse_date as parse_date
    from danvan.dates import weekday_name as weekday_name
    from danvan.documents import Directive as Directive
    from danvan.documents import DocumentCode as DocumentCode
    from danvan.documents import DocumentSystem as DocumentSystem
    from danvan.documents import DocumentType as DocumentType
    from danvan.documents import format_document_code as format_document_code
    from danvan.documents import parse_document_code as parse_document_code
    from danvan.errors import AmbiguousPlaceError as AmbiguousPlaceError
    from danvan.errors import DanvanError as DanvanError
    from danvan.errors import DataError as DataError
    from danvan.errors import InvalidTreeError as InvalidTreeError
    from danvan.errors import InvalidTypeError as InvalidTypeError
    from danvan.errors import InvalidValueError as InvalidValueError
    from danvan.errors import MissingDependencyError as MissingDependencyError
    from danvan.errors import ParseError as ParseError
    from danvan.errors import SpreadsheetError as SpreadsheetError
    from danvan.errors import UndefinedIndicatorError as UndefinedIndicatorError
    from danvan.errors import UnknownIdError as UnknownIdError
    from danvan.errors import UnknownPlaceError as UnknownPlaceError
    from danvan.errors import UnknownUnitError as UnknownUnitError
    from danvan.extract import Figure as Figure
    from danvan.extract import FigureKind as FigureKind
    from danvan.extract import FigureValue as FigureValue
    from danvan.extract import extract_figures as extract_figures
    from danvan.frames import ROLL_UP_SQL as ROLL_UP_SQL
    from danvan.frames import FrameEngine as FrameEngine
    from danvan.frames import closure_table as closure_table
    from danvan.frames import roll_up_frame as roll_up_frame
    from danvan.geography import BOARDS_MERGED as BOARDS_MERGED
    from danvan.geography import REORGANIZED as REORGANIZED
    from danvan.geography import Place as Place
    from danvan.geography import PlaceType as PlaceType
    from danvan.geography import Succession as Succession
    from danvan.geography import children as children
    from danvan.geography import find_place as find_place
    from danvan.geography import normalize_place_name as normalize_place_name
    from danvan.geography import places as places
    from danvan.geography import political_units as political_units
    from danvan.geography import predecessors as predecessors
    from danvan.geography import successors as successors
    from danvan.grassroots import Dialogue as Dialogue
    from danvan.grassroots import DialogueReason as DialogueReason
    from danvan.grassroots import Recommendation as Recommendation
    from danvan.grassroots import RecommendationStatus as RecommendationStatus
    from danvan.grassroots import Supervision as Supervision
    from danvan.grassroots import SupervisionBoard as SupervisionBoard
    from danvan.grassroots import SupervisorKind as SupervisorKind
    from danvan.indicators import MetCount as MetCount
    from danvan.indicators import RateIndicator as RateIndicator
    from danvan.indicators import RollUpResult as RollUpResult
    from danvan.indicators import attainment as attainment
    from danvan.indicators import change as change
    from danvan.indicators import count_met as count_met
    from danvan.indicators import difference as difference
    from danvan.indicators import mean as mean
    from danvan.indicators import meets as meets
    from danvan.indicators import point_change as point_change
    from danvan.indicators import rate as rate
    from danvan.indicators import roll_up as roll_up
    from danvan.indicators import roll_up_many as roll_up_many
    from danvan.lunar import LunarDate as LunarDate
    from danvan.lunar import LunarStyle as LunarStyle
    from danvan.lunar import Reckoning as Reckoning
    from danvan.lunar import can_chi as can_chi
    from danvan.lunar import format_lunar as format_lunar
    from danvan.lunar import from_lunar as from_lunar
    from danvan.lunar import leap_month as leap_month
    from danvan.lunar import parse_lunar as parse_lunar
    from danvan.lunar import to_lunar as to_lunar
    from danvan.numbers import MoneyUnit as MoneyUnit
    from danvan.numbers import Number as Number
    from danvan.numbers import Scale as Scale
    from danvan.numbers import format_money as format_money
    from danvan.numbers import format_number as format_number
    from danvan.numbers import format_percent as format_percent
    from danvan.numbers import parse_money as parse_money
    from danvan.numbers import parse_number as parse_number
    from danvan.numbers import parse_percent as parse_percent
    from danvan.observations import Bound as Bound
    from danvan.observations import Counting as Counting
    from danvan.observations import ExactNumber as ExactNumber
    from danvan.observations import Indicator as Indicator
    from danvan.observations import Observation as Observation
    from danvan.observations import RelativePeriod as RelativePeriod
    from danvan.observations import RollUp as RollUp
    from danvan.observations import Target as Target
    from danvan.official import Authority as Authority
    from danvan.official import OfficialDocument as OfficialDocument
    from danvan.official import SignatureBlock as SignatureBlock
    from danvan.official import check_document as check_document
    from danvan.official import official_document as official_document
    from danvan.official import to_docx as to_docx
    from danvan.periods import Period as Period
    from danvan.periods import PeriodKind as PeriodKind
    from danvan.periods import format_period as format_period
    from danvan.periods import parse_period as parse_period
    from danvan.phrases import describe_commendations as describe_commendations
    from danvan.phrases import describe_dialogues as describe_dialogues
    from danvan.phrases import describe_supervisions as describe_supervisions
    from danvan.records import NumberStyle as NumberStyle
    from danvan.records import Record as Record
    from danvan.records import observation_records as observation_records
    from danvan.records import statistics_records as statistics_records
    from danvan.records import statistics_table as statistics_table
    from danvan.records import to_dataframe as to_dataframe
    from danvan.report import Report as Report
    from danvan.report import ReportFormat as ReportFormat
    from danvan.report import Section as Section
    from danvan.report import SectionName as SectionName
    from danvan.report import build_report as build_report
    from danvan.report import default_dataset as default_dataset
    from danvan.report import render_report as render_report
    from danvan.roman import from_roman as from_roman
    from danvan.roman import to_roman as to_roman
    from danvan.sentences import AttainmentStyle as AttainmentStyle
    from danvan.sentences import describe_attainment as describe_attainment
    from danvan.sentences import describe_change as describe_change
    from danvan.sentences import describe_criteria as describe_criteria
    from danvan.sentences import describe_difference as describe_difference
    from danvan.sentences import describe_holders as describe_holders
    from danvan.sentences import describe_model_statistics as describe_model_statistics
    from danvan.sentences import describe_point_change as describe_point_change
    from danvan.sentences import describe_ratio as describe_ratio
    from danvan.serialize import SCHEMA as SCHEMA
    from danvan.serialize import from_dict as from_dict
    from danvan.serialize import from_json as from_json
    from danvan.serialize import json_schema as json_schema
    from danvan.serialize import to_dict as to_dict
    from danvan.serialize import to_json as to_json
    from danvan.serialize import upgrade as upgrade
    from danvan.shares import SuccessorShare as SuccessorShare
    from danvan.spreadsheets import CellProblem as CellProblem
    from danvan.spreadsheets import TableForm as TableForm
    from danvan.spreadsheets import read_observations as read_observations
    from danvan.spreadsheets import write_template as write_template
    from danvan.statistics import Measure as Measure
    from danvan.statistics import ModelStatistics as ModelStatistics
    from danvan.statistics import model_statistics as model_statistics
    from danvan.statistics import year_over_year as year_over_year
    from danvan.units import Branch as Branch
    from danvan.units import Identifier as Identifier
    from danvan.units import Level as Level
    from danvan.units import Unit as Unit
    from danvan.units import UnitKind as UnitKind
    from danvan.units import UnitTree as UnitTree
    from danvan.validation import Problem as Problem
    from danvan.words import digits_to_words as digits_to_words
    from danvan.words import money_to_words as money_to_words
    from danvan.words import number_to_words as number_to_words
    from danvan.words import ordinal_to_words as ordinal_to_words
    from danvan.words import words_to_digits as words_to_digits
    from danvan.words import words_to_money as words_to_money
    from danvan.words import words_to_number as words_to_number
    from danvan.words import words_to_ordinal as words_to_ordinal

_LAZY: dict[str, str] = {
    "AmbiguousPlaceError": "danvan.errors",
    "AttainmentStyle": "danvan.sentences",
    "Authority": "danvan.official",
    "Award": "danvan.campaigns",
    "AwardForm": "danvan.campaigns",
    "BOARDS_MERGED": "danvan.geography",
    "Bound": "danvan.observations",
    "Branch": "danvan.units",
    "COMMEMORATIONS": "danvan.commemorations",
    "Campaign": "danvan.campaigns",
    "CampaignKind": "danvan.campaigns",
    "CellProblem": "danvan.spreadsheets",
    "Commemoration": "danvan.commemorations",
    "CommemorationKind": "danvan.commemorations",
    "CommuneGroup": "danvan.criteria",
    "CommuneResult": "danvan.criteria",
    "Counting": "danvan.observations",
    "CriteriaGroup": "danvan.criteria",
    "CriteriaSet": "danvan.criteria",
    "CriteriaSummary": "danvan.criteria",
    "Criterion": "danvan.criteria",
    "CriterionIndicator": "danvan.criteria",
    "DanvanError": "danvan.errors",
    "DataError": "danvan.errors",
    "Dataset": "danvan.dataset",
    "DateStyle": "danvan.dates",
    "DayMonth": "danvan.dates",
    "Dialogue": "danvan.grassroots",
    "DialogueReason": "danvan.grassroots",
    "Directive": "danvan.documents",
    "DocumentCode": "danvan.documents",
    "DocumentSystem": "danvan.documents",
    "DocumentType": "danvan.documents",
    "ExactNumber": "danvan.observations",
    "Figure": "danvan.extract",
    "FigureKind": "danvan.extract",
    "FigureValue": "danvan.extract",
    "FrameEngine": "danvan.frames",
    "Identifier": "danvan.units",
    "Indicator": "danvan.observations",
    "IndicatorTarget": "danvan.criteria",
    "InvalidTreeError": "danvan.errors",
    "InvalidTypeError": "danvan.errors",
    "InvalidValueError": "danvan.errors",
    "Level": "danvan.units",
    "LunarDate": "danvan.lunar",
    "LunarStyle": "danvan.lunar",
    "Measure": "danvan.statistics",
    "MetCount": "danvan.indicators",
    "MissingDependencyError": "danvan.errors",
    "MobilizationModel": "danvan.campaigns",
    "ModelEvent": "danvan.campaigns",
    "ModelEventKind": "danvan.campaigns",
    "ModelField": "danvan.campaigns",
    "ModelHolder": "danvan.campaigns",
    "ModelLevel": "danvan.campaigns",
    "ModelRegistration": "danvan.campaigns",
    "ModelStatistics": "danvan.statistics",
    "ModelStatus": "danvan.campaigns",
    "MoneyUnit": "danvan.numbers",
    "NEW_RURAL_COMMUNE_2016_2020": "danvan.criteria",
    "NEW_RURAL_COMMUNE_2021_2025": "danvan.criteria",
    "NEW_RURAL_COMMUNE_2026_2030": "danvan.criteria",
    "NEW_RURAL_COMMUNE_ADVANCED_2021_2025": "danvan.criteria",
    "NEW_RURAL_REGIONS": "danvan.criteria",
    "Number": "danvan.numbers",
    "NumberStyle": "danvan.records",
    "Observation": "danvan.observations",
    "OfficialDocument": "danvan.official",
    "ParseError": "danvan.errors",
    "Period": "danvan.periods",
    "PeriodKind": "danvan.periods",
    "Place": "danvan.geography",
    "PlaceType": "danvan.geography",
    "Problem": "danvan.validation",
    "REORGANIZED": "danvan.geography",
    "RateIndicator": "danvan.indicators",
    "Reckoning": "danvan.lunar",
    "Recommendation": "danvan.grassroots",
    "RecommendationStatus": "danvan.grassroots",
    "Record": "danvan.records",
    "RelativePeriod": "danvan.observations",
    "Report": "danvan.report",
    "ReportFormat": "danvan.report",
    "RollUp": "danvan.observations",
    "RollUpResult": "danvan.indicators",
    "SCHEMA": "danvan.serialize",
    "Scale": "danvan.numbers",
    "Section": "danvan.report",
    "SectionName": "danvan.report",
    "SignatureBlock": "danvan.official",
    "SpreadsheetError": "danvan.errors",
    "Succession": "danvan.geography",
    "SuccessorShare": "danvan.shares",
    "Supervision": "danvan.grassroots",
    "SupervisionBoard": "danvan.grassroots",
    "SupervisorKind": "danvan.grassroots",
    "TableForm": "danvan.spreadsheets",
    "Target": "danvan.observations",
    "UndefinedIndicatorError": "danvan.errors",
    "Unit": "danvan.units",
    "UnitKind": "danvan.units",
    "UnitTree": "danvan.units",
    "UnknownIdError": "danvan.errors",
    "UnknownPlaceError": "danvan.errors",
    "UnknownUnitError": "danvan.errors",
    "build_report": "danvan.report",
    "can_chi": "danvan.lunar",
    "check_document": "danvan.official",
    "check_history": "danvan.campaigns",
    "commemoration": "danvan.commemorations",
    "default_dataset": "danvan.report",
    "describe_attainment": "danvan.sentences",
    "describe_change": "danvan.sentences",
    "describe_commendations": "danvan.phrases",
    "describe_criteria": "danvan.sentences",
    "describe_dialogues": "danvan.phrases",
    "describe_difference": "danvan.sentences",
    "describe_holders": "danvan.sentences",
    "describe_model_statistics": "danvan.sentences",
    "describe_point_change": "danvan.sentences",
    "describe_ratio": "danvan.sentences",
    "describe_supervisions": "danvan.phrases",
    "digits_to_words": "danvan.words",
    "extract_figures": "danvan.extract",
    "find_place": "danvan.geography",
    "format_date": "danvan.dates",
    "format_document_code": "danvan.documents",
    "format_lunar": "danvan.lunar",
    "format_money": "danvan.numbers",
    "format_number": "danvan.numbers",
    "format_percent": "danvan.numbers",
    "format_period": "danvan.periods",
    "from_dict": "danvan.serialize",
    "from_json": "danvan.serialize",
    "from_lunar": "danvan.lunar",
    "from_roman": "danvan.roman",
    "is_valid_history": "danvan.campaigns",
    "json_schema": "danvan.serialize",
    "leap_month": "danvan.lunar",
    "model_statistics": "danvan.statistics",
    "models_due_for_review": "danvan.campaigns",
    "money_to_words": "danvan.words",
    "national_criteria": "danvan.criteria",
    "normalize_place_name": "danvan.geography",
    "number_to_words": "danvan.words",
    "observation_records": "danvan.records",
    "official_document": "danvan.official",
    "ordinal_to_words": "danvan.words",
    "parse_date": "danvan.dates",
    "parse_document_code": "danvan.documents",
    "parse_lunar": "danvan.lunar",
    "parse_money": "danvan.numbers",
    "parse_number": "danvan.numbers",
    "parse_percent": "danvan.numbers",
    "parse_period": "danvan.periods",
    "political_units": "danvan.geography",
    "read_observations": "danvan.spreadsheets",
    "render_report": "danvan.report",
    "roll_up": "danvan.indicators",
    "roll_up_frame": "danvan.frames",
    "roll_up_many": "danvan.indicators",
    "statistics_records": "danvan.records",
    "statistics_table": "danvan.records",
    "summarize_criteria": "danvan.criteria",
    "to_arrow": "danvan.arrow",
    "to_dataframe": "danvan.records",
    "to_dict": "danvan.serialize",
    "to_docx": "danvan.official",
    "to_json": "danvan.serialize",
    "to_lunar": "danvan.lunar",
    "to_roman": "danvan.roman",
    "upgrade": "danvan.serialize",
    "weekday_name": "danvan.dates",
    "words_to_digits": "danvan.words",
    "words_to_money": "danvan.words",
    "words_to_number": "danvan.words",
    "words_to_ordinal": "danvan.words",
    "write_template": "danvan.spreadsheets",
    "year_over_year": "danvan.statistics",
}
"""Each public name and the module that defines it (one line a name, kept sorted)."""

_DEPRECATED: dict[str, str] = {
    "ROLL_UP_SQL": "danvan.frames",
    "attainment": "danvan.indicators",
    "change": "danvan.indicators",
    "children": "danvan.geography",
    "closure_table": "danvan.frames",
    "count_met": "danvan.indicators",
    "difference": "danvan.indicators",
    "mean": "danvan.indicators",
    "meets": "danvan.indicators",
    "places": "danvan.geography",
    "point_change": "danvan.indicators",
    "predecessors": "danvan.geography",
    "rate": "danvan.indicators",
    "successors": "danvan.geography",
}
"""Names taken off the top level, still served for one release with a DeprecationWarning."""

__all__ = sorted([*_LAZY, "__version__"])


def _lazy_attribute(name: str) -> object:
    """A public name, imported from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        module = _DEPRECATED.get(name)
        if module is None:
            if name == "__version__":
                # Read from the installed metadata on first use, not at import.
                from importlib.metadata import version

                return version("danvan")
            return _submodule(name)
        import warnings

        warnings.warn(
            f"danvan.{name} is deprecated and will be removed from the top level in the"
            f" next release: import it from {module}",
            DeprecationWarning,
            stacklevel=2,
        )
        from importlib import import_module

        return getattr(import_module(module), name)
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups do not come here again
    return value


def _submodule(name: str) -> object:
    """A public submodule, such as ``danvan.geography``, without importing it first."""
    from importlib import import_module

    if not name.startswith("_"):
        try:
            return import_module(f"danvan.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"danvan.{name}":
                raise
    raise AttributeError(f"module 'danvan' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names and what is already loaded, for ``dir(danvan)`` and completion."""
    return sorted({*globals(), *__all__})


if not TYPE_CHECKING:
    # Hidden from type checkers, so that they report a misspelt ``danvan.name`` instead of
    # taking every attribute for ``object``.
    __getattr__ = _lazy_attribute
