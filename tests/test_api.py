"""The public surface of danvan is pinned here: changing it is a decision, not an accident."""

from __future__ import annotations

import danvan

PUBLIC_NAMES = [
    "AmbiguousPlaceError",
    "AttainmentStyle",
    "Authority",
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
    "IndicatorTarget",
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
    "NEW_RURAL_COMMUNE_ADVANCED_2021_2025",
    "NEW_RURAL_REGIONS",
    "Number",
    "NumberStyle",
    "Observation",
    "OfficialDocument",
    "ParseError",
    "Period",
    "PeriodKind",
    "Place",
    "PlaceType",
    "Problem",
    "REORGANIZED",
    "RateIndicator",
    "Reckoning",
    "Recommendation",
    "RecommendationStatus",
    "Record",
    "RelativePeriod",
    "Report",
    "ReportFormat",
    "RollUp",
    "RollUpResult",
    "SCHEMA",
    "Scale",
    "Section",
    "SectionName",
    "SignatureBlock",
    "SpreadsheetError",
    "Succession",
    "SuccessorShare",
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
    "build_report",
    "can_chi",
    "check_document",
    "check_history",
    "commemoration",
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
    "model_statistics",
    "models_due_for_review",
    "money_to_words",
    "national_criteria",
    "normalize_place_name",
    "number_to_words",
    "observation_records",
    "official_document",
    "ordinal_to_words",
    "parse_date",
    "parse_document_code",
    "parse_lunar",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_period",
    "political_units",
    "read_observations",
    "render_report",
    "roll_up",
    "roll_up_frame",
    "roll_up_many",
    "statistics_records",
    "statistics_table",
    "summarize_criteria",
    "to_arrow",
    "to_dataframe",
    "to_dict",
    "to_docx",
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
    deprecated = danvan._DEPRECATED  # type: ignore[attr-defined]
    # The deprecated names stay visible to type checkers for the release they warn in.
    assert _type_checking_names() == {**lazy, **deprecated}
    assert list(lazy) == sorted(lazy), "keep danvan._LAZY sorted, one line a name"
    assert not set(lazy) & set(deprecated)


# Taken off the top level (issue 18): meaningless without their module. Each still works
# for one release, with a DeprecationWarning naming the module to import it from.
DEPRECATED = {
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


def test_names_taken_off_the_top_level_still_work_with_a_warning() -> None:
    import importlib

    import pytest

    assert danvan._DEPRECATED == DEPRECATED  # type: ignore[attr-defined]
    for name, module in DEPRECATED.items():
        assert name not in danvan.__all__
        with pytest.warns(DeprecationWarning, match=f"import it from {module}"):
            value = getattr(danvan, name)
        assert value is getattr(importlib.import_module(module), name)


def test_names_moved_out_of_the_dataset_module_still_work_with_a_warning() -> None:
    import pytest

    from danvan import dataset, serialize

    with pytest.warns(DeprecationWarning, match="import it from danvan.serialize"):
        moved = dataset.default_dataset  # type: ignore[attr-defined]
    assert moved is serialize.default_dataset


def test_the_types_the_api_returns_are_exported() -> None:
    report = danvan.build_report(danvan.default_dataset())
    assert all(isinstance(section, danvan.Section) for section in report.sections)
    records = danvan.observation_records(danvan.default_dataset())
    assert all(isinstance(record, dict) for record in records)
    from danvan import records

    assert danvan.Record is records.Record


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
    # text helpers only: no domain module, and no attrs
    assert output.split() == [
        "danvan",
        "danvan._rounding",
        "danvan._text",
        "danvan.errors",
        "danvan.numbers",
    ]


def test_the_command_line_imports_what_a_command_needs_when_it_runs() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom danvan.cli import main\ntry:\n    main(['--help'])\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('danvan'))))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.splitlines()[-1].split() == ["danvan", "danvan.cli", "danvan.errors"]
