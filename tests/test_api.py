"""The public surface of danvan is pinned here: changing it is a decision, not an accident."""

from __future__ import annotations

import danvan

PUBLIC_NAMES = [
    "AmbiguousPlaceError",
    "AttainmentStyle",
    "Award",
    "AwardForm",
    "BOARDS_MERGED",
    "Bound",
    "Branch",
    "COMMEMORATIONS",
    "Campaign",
    "CampaignKind",
    "CellProblem",
    "Commemoration",
    "CommemorationKind",
    "CommuneGroup",
    "CommuneResult",
    "Counting",
    "CriteriaGroup",
    "CriteriaSet",
    "CriteriaSummary",
    "Criterion",
    "CriterionIndicator",
    "DanvanError",
    "DataError",
    "Dataset",
    "DateStyle",
    "DayMonth",
    "Dialogue",
    "DialogueReason",
    "Directive",
    "DocumentCode",
    "DocumentSystem",
    "DocumentType",
    "ExactNumber",
    "Figure",
    "FigureKind",
    "FigureValue",
    "FrameEngine",
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
    "ModelRegistration",
    "ModelStatistics",
    "ModelStatus",
    "MoneyUnit",
    "NEW_RURAL_COMMUNE_2016_2020",
    "NEW_RURAL_COMMUNE_2021_2025",
    "NEW_RURAL_COMMUNE_2026_2030",
    "Number",
    "NumberStyle",
    "Observation",
    "ParseError",
    "Period",
    "PeriodKind",
    "Place",
    "PlaceType",
    "Problem",
    "REORGANIZED",
    "ROLL_UP_SQL",
    "RateIndicator",
    "Reckoning",
    "Recommendation",
    "RecommendationStatus",
    "RelativePeriod",
    "Report",
    "ReportFormat",
    "RollUp",
    "RollUpResult",
    "SCHEMA",
    "Scale",
    "SectionName",
    "SpreadsheetError",
    "Succession",
    "Supervision",
    "SupervisionBoard",
    "SupervisorKind",
    "TableForm",
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
    "closure_table",
    "commemoration",
    "count_met",
    "default_dataset",
    "describe_attainment",
    "describe_change",
    "describe_commendations",
    "describe_criteria",
    "describe_dialogues",
    "describe_difference",
    "describe_holders",
    "describe_model_statistics",
    "describe_point_change",
    "describe_ratio",
    "describe_supervisions",
    "difference",
    "digits_to_words",
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
    "json_schema",
    "leap_month",
    "mean",
    "meets",
    "model_statistics",
    "models_due_for_review",
    "money_to_words",
    "national_criteria",
    "normalize_place_name",
    "number_to_words",
    "observation_records",
    "ordinal_to_words",
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
    "read_observations",
    "render_report",
    "roll_up",
    "roll_up_frame",
    "roll_up_many",
    "statistics_records",
    "statistics_table",
    "successors",
    "summarize_criteria",
    "to_arrow",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_lunar",
    "to_roman",
    "upgrade",
    "weekday_name",
    "words_to_digits",
    "words_to_money",
    "words_to_number",
    "words_to_ordinal",
    "write_template",
    "year_over_year",
]


def test_all_is_pinned() -> None:
    assert danvan.__all__ == PUBLIC_NAMES


def test_all_is_sorted() -> None:
    assert danvan.__all__ == sorted(danvan.__all__)


def test_every_public_name_resolves_and_is_documented() -> None:
    for name in danvan.__all__:
        value = getattr(danvan, name)
        if callable(value) and not name[0].isupper():
            assert value.__doc__, f"{name} has no docstring"
            assert ">>>" in value.__doc__, f"{name} has no doctest example"


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert danvan.__version__ == version("danvan")


def test_errors_form_one_tree() -> None:
    for name in ("ParseError", "InvalidValueError", "InvalidTypeError"):
        assert issubclass(getattr(danvan, name), danvan.DanvanError)
    assert issubclass(danvan.ParseError, ValueError)
    assert issubclass(danvan.InvalidValueError, ValueError)
    assert issubclass(danvan.InvalidTypeError, TypeError)


def test_import_does_not_load_babel() -> None:
    import subprocess
    import sys

    code = "import sys, danvan; print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_importing_danvan_imports_no_optional_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, danvan; heavy = ('pandas', 'numpy', 'pyarrow', 'polars', 'duckdb',"
        " 'openpyxl'); print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == "[]"


def _type_checking_names() -> dict[str, str]:
    """The names imported under ``if TYPE_CHECKING:`` in danvan/__init__.py, by module."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(danvan.__file__).read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.AnnAssign):  # __version__: str
                    continue
                assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
                for alias in statement.names:
                    assert alias.asname == alias.name, f"write {alias.name} as {alias.name}"
                    names[alias.name] = f"{statement.module}"
    return names


def test_type_checkers_see_every_lazy_name_from_its_module() -> None:
    lazy = danvan._LAZY  # type: ignore[attr-defined]
    assert _type_checking_names() == lazy
    assert list(lazy) == sorted(lazy), "keep danvan._LAZY sorted, one line a name"


def test_dir_lists_the_public_names() -> None:
    assert set(danvan.__all__) <= set(dir(danvan))


def test_import_danvan_imports_no_submodule() -> None:
    import subprocess
    import sys

    code = "import sys, danvan; print(sorted(m for m in sys.modules if m.startswith('danvan')))"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == "['danvan']"


def test_import_danvan_numbers_loads_no_domain_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys, danvan.numbers; print(' '.join(sorted(m for m in sys.modules"
        " if m.startswith('danvan'))))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.split() == ["danvan", "danvan._text", "danvan.errors", "danvan.numbers"]
