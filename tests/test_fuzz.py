"""Fuzz every public entry point that takes text or plain data: it answers, or raises a
:class:`~danvan.errors.DanvanError`, never anything else.

The table :data:`FUZZED` maps each (entry point, parameter) pair to the test that fuzzes
it; :data:`EXEMPT` lists the pairs that are not fuzzed here, each with its reason.
:func:`test_every_public_text_parameter_is_fuzzed_or_exempt` walks ``danvan.__all__``
(its functions and the class and static methods of its classes) and fails when a
parameter that takes ``str``, ``bytes``, ``object``, ``Any`` or a mapping is in
neither, so a new public text function cannot be forgotten.

The texts are arbitrary Unicode and texts near real ones (a real example with
characters inserted, deleted or replaced), so that the fuzz reaches past the first
character. Examples are bounded (``max_examples``) and untimed (``deadline=None``).
Round trips (``format_X`` then ``parse_X``, ``to_json`` then ``from_json``) are
properties of the modules' own tests (test_numbers, test_words_forms, test_dates,
test_periods, test_lunar, test_roman, test_documents, test_serialize); this file does
not repeat them.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import danvan
from danvan import (
    CommuneResult,
    CriteriaSummary,
    Dataset,
    DocumentCode,
    DocumentType,
    Indicator,
    MobilizationModel,
    ModelField,
    ModelHolder,
    ModelLevel,
    Observation,
    Period,
    Unit,
    build_report,
    commemoration,
    default_dataset,
    describe_attainment,
    describe_change,
    describe_criteria,
    describe_difference,
    describe_point_change,
    describe_ratio,
    digits_to_words,
    extract_figures,
    find_place,
    format_date,
    from_dict,
    from_json,
    from_roman,
    national_criteria,
    normalize_place_name,
    official_document,
    parse_date,
    parse_document_code,
    parse_lunar,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
    read_observations,
    roll_up,
    roll_up_many,
    summarize_criteria,
    to_dataframe,
    to_dict,
    to_json,
    upgrade,
    words_to_digits,
    words_to_money,
    words_to_number,
    words_to_ordinal,
    write_template,
)
from danvan.errors import DanvanError

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------------- the table

#: (entry point, parameter) → the test of this file that fuzzes it.
FUZZED: dict[tuple[str, str], str] = {
    **{
        (name, "text"): "test_text_parsers"
        for name in (
            "parse_number",
            "parse_money",
            "parse_percent",
            "parse_date",
            "parse_period",
            "parse_lunar",
            "parse_document_code",
            "DocumentCode.parse",
            "DocumentCode.is_valid",
            "from_roman",
            "words_to_number",
            "words_to_money",
            "words_to_digits",
            "words_to_ordinal",
            "extract_figures",
            "normalize_place_name",
            "find_place",
        )
    },
    ("digits_to_words", "digits"): "test_text_parsers",
    ("commemoration", "name"): "test_text_parsers",
    ("DocumentType.of", "abbreviation"): "test_text_parsers",
    ("DocumentCode.party", "doc_type"): "test_document_code_parts",
    ("DocumentCode.party", "issuers"): "test_document_code_parts",
    ("DocumentCode.state", "doc_type"): "test_document_code_parts",
    ("DocumentCode.state", "issuers"): "test_document_code_parts",
    **{
        ("MobilizationModel.register", name): "test_model_registration"
        for name in ("id", "name", "unit_id", "campaign_id", "note")
    },
    ("format_date", "place"): "test_format_date_place",
    ("describe_attainment", "plan_word"): "test_sentence_words",
    ("describe_attainment", "unit"): "test_sentence_words",
    ("describe_difference", "unit"): "test_sentence_words",
    ("describe_difference", "since"): "test_sentence_words",
    ("describe_change", "since"): "test_sentence_words",
    ("describe_point_change", "since"): "test_sentence_words",
    ("describe_ratio", "unit"): "test_sentence_words",
    ("describe_criteria", "since"): "test_sentence_words",
    ("from_json", "text"): "test_from_json_of_any_text",
    ("from_dict", "data"): "test_plain_data_near_a_real_dataset",
    ("upgrade", "data"): "test_plain_data_near_a_real_dataset",
    ("to_dict", "value"): "test_to_dict_and_to_json_of_plain_data",
    ("to_json", "value"): "test_to_dict_and_to_json_of_plain_data",
    ("read_observations", "source"): "test_read_observations_of_csv_text",
    ("read_observations", "sheet"): "test_read_observations_of_csv_text",
    ("build_report", "unit"): "test_report_of_any_unit",
    ("roll_up", "expected"): "test_roll_up_expected_ids",
    ("roll_up_many", "expected"): "test_roll_up_expected_ids",
    ("to_dataframe", "records"): "test_to_dataframe_of_records",
    **{
        ("official_document", name): "test_official_document_texts"
        for name in (
            "place",
            "recipients",
            "archive",
            "superior",
            "issuer_lines",
            "abbreviation",
            "document_type",
            "abstract",
        )
    },
    ("write_template", "path"): "test_write_template_path",
}

#: (entry point, parameter) → why it is not fuzzed here.
EXEMPT: dict[tuple[str, str], str] = {
    ("DataError.of", "problems"): "builds an error from the caller's own problems",
    ("DataError.of", "what"): "builds an error from the caller's own label",
    ("SpreadsheetError.of_cells", "cells"): "builds an error from the caller's own cells",
    ("SpreadsheetError.of_cells", "what"): "builds an error from the caller's own label",
    ("roll_up_frame", "frame"): "a DataFrame on DuckDB or polars, not text; its"
    " columns are checked in tests/test_frames.py",
    ("roll_up_frame", "expected"): "the same check as roll_up's expected (fuzzed), on a"
    " frame engine",
    ("to_arrow", "records"): "Arrow tables of typed records; the dataset and"
    " observations it takes are typed objects (tests/test_arrow.py)",
    ("to_docx", "path"): "writes through danvan._files.write_whole like write_template"
    " (fuzzed); tests/test_files.py and tests/test_official.py cover its paths",
}

_PLAIN = re.compile(r"\b(str|bytes|object|Any|dict|Mapping)\b")


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    for name in danvan.__all__:
        value = getattr(danvan, name)
        if inspect.isfunction(value):
            yield name, value
        elif inspect.isclass(value):
            for attribute, raw in vars(value).items():
                if not attribute.startswith("_") and isinstance(raw, (classmethod, staticmethod)):
                    yield f"{name}.{attribute}", getattr(value, attribute)


def _text_parameters() -> set[tuple[str, str]]:
    return {
        (name, parameter.name)
        for name, function in _public_callables()
        for parameter in inspect.signature(function).parameters.values()
        if _PLAIN.search(str(parameter.annotation))
    }


def test_every_public_text_parameter_is_fuzzed_or_exempt() -> None:
    found = _text_parameters()
    assert not set(FUZZED) & set(EXEMPT)
    assert sorted(found - set(FUZZED) - set(EXEMPT)) == []  # new: fuzz it or say why not
    assert sorted((set(FUZZED) | set(EXEMPT)) - found) == []  # gone: drop the entry
    tests = {name for name in globals() if name.startswith("test_")}
    assert set(FUZZED.values()) <= tests
    assert set(KNOWN_BUGS.values()) <= tests


# ------------------------------------------------------------------------- the texts

#: Real texts of each kind, from the project's examples and the corpus's reports.
SEEDS = [
    "1.798.702.098",
    "108,39%",
    "3,8 tỷ đồng",
    "trên 90%",
    "19/5/2021",
    "ngày 19 tháng 5 năm 2021",
    "Hà Tĩnh, ngày 20 tháng 12 năm 2021",
    "Thứ hai - 09/11/2020",
    "6 tháng đầu năm 2023",
    "quý I/2023",
    "giai đoạn 2021-2025",
    "mồng 1 tháng Giêng năm Ất Tỵ",
    "rằm tháng Bảy",
    "70-KH/BDVTU-BCSĐUBND",
    "Số: 8- CT/thu",
    "30/2020/NĐ-CP",
    "MCMXCIV",
    "một nghìn không trăm linh năm",
    "hai mươi tư phẩy năm",
    "một tỷ bảy trăm chín mươi tám triệu đồng chẵn",
    "thứ nhất",
    "không hai chín",
    "Thị xã Hồng Lĩnh",
    "Phường Bắc Hồng",
    "Tết Nguyên đán",
    "Quỹ 'Vì người nghèo' vận động được 1.798.702.098đ, đạt 108,39% kế hoạch.",
]


@st.composite
def near_real(draw: st.DrawFn) -> str:
    """A real text with a few characters inserted, deleted or replaced."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.text(max_size=3))
        cut = draw(st.integers(0, 2))
        text = text[:at] + piece + text[at + cut :]
    return text


TEXTS = st.text(max_size=60) | near_real() | st.sampled_from(SEEDS)


#: Bugs the fuzz found, each pinned by a strict xfail test below with its exact input:
#: (exception type, the source file that raises it) → that test. The fuzz tolerates
#: only these until they are fixed; then the xfail test passes, fails as strict, and
#: its entry here must go.
KNOWN_BUGS: dict[tuple[type[BaseException], str], str] = {}


def accepts_only_danvan_errors(call: Callable[[], object]) -> None:
    """Run *call*: an answer or a DanvanError passes, any other exception fails
    (unless it is one of :data:`KNOWN_BUGS`)."""
    try:
        call()
    except DanvanError:
        pass
    except Exception as exc:
        traceback = exc.__traceback__
        while traceback is not None and traceback.tb_next is not None:
            traceback = traceback.tb_next
        where = "" if traceback is None else Path(traceback.tb_frame.f_code.co_filename).name
        if (type(exc), where) not in KNOWN_BUGS:
            raise


AS_OF = date(2025, 7, 1)
TEXT_PARSERS: dict[str, Callable[[str], object]] = {
    "parse_number": parse_number,
    "parse_money": parse_money,
    "parse_percent": parse_percent,
    "parse_date": parse_date,
    "parse_period": parse_period,
    "parse_lunar": parse_lunar,
    "parse_lunar(year=)": lambda text: parse_lunar(text, year=2025),
    "parse_document_code": parse_document_code,
    "DocumentCode.parse(strict=True)": lambda text: DocumentCode.parse(text, strict=True),
    "DocumentCode.is_valid": DocumentCode.is_valid,
    "from_roman": from_roman,
    "words_to_number": words_to_number,
    "words_to_number(colloquial=True)": lambda text: words_to_number(text, colloquial=True),
    "words_to_money": words_to_money,
    "words_to_digits": words_to_digits,
    "words_to_ordinal": words_to_ordinal,
    "digits_to_words": digits_to_words,
    "extract_figures": extract_figures,
    "extract_figures(furniture=True)": lambda text: extract_figures(text, furniture=True),
    "normalize_place_name": normalize_place_name,
    "find_place": lambda text: find_place(text, as_of=AS_OF),
    "find_place(as_of=2024)": lambda text: find_place(text, as_of=date(2024, 1, 1)),
    "commemoration": commemoration,
    "DocumentType.of(party)": lambda text: DocumentType.of(
        text, system=danvan.DocumentSystem.PARTY
    ),
    "DocumentType.of(state)": lambda text: DocumentType.of(
        text, system=danvan.DocumentSystem.STATE
    ),
}


@pytest.mark.parametrize("parser", sorted(TEXT_PARSERS))
@FUZZ
@given(text=TEXTS)
def test_text_parsers(parser: str, text: str) -> None:
    accepts_only_danvan_errors(lambda: TEXT_PARSERS[parser](text))


@FUZZ
@given(TEXTS, st.lists(TEXTS, max_size=3), st.integers(-5, 10**6), st.booleans())
def test_document_code_parts(doc_type: str, issuers: list[str], number: int, party: bool) -> None:
    make = DocumentCode.party if party else DocumentCode.state
    accepts_only_danvan_errors(lambda: make(number, doc_type, *issuers))


@FUZZ
@given(st.lists(TEXTS | st.none(), min_size=5, max_size=5))
def test_model_registration(texts: list[str | None]) -> None:
    model_id, name, unit_id, campaign_id, note = texts
    accepts_only_danvan_errors(
        lambda: MobilizationModel.register(
            id=model_id,  # type: ignore[arg-type]
            name=name,  # type: ignore[arg-type]
            field=ModelField.ECONOMY,
            holder=ModelHolder.COLLECTIVE,
            unit_id=unit_id,  # type: ignore[arg-type]
            level=ModelLevel.COMMUNE,
            date=date(2021, 5, 19),
            campaign_id=campaign_id,
            note=note,
        )
    )


@FUZZ
@given(TEXTS, st.sampled_from(["short", "long", "party"]), st.booleans())
def test_format_date_place(place: str, style: str, weekday: bool) -> None:
    accepts_only_danvan_errors(
        lambda: format_date(date(2021, 5, 19), style=style, place=place, weekday=weekday)  # type: ignore[arg-type]
    )


@FUZZ
@given(TEXTS | st.none(), st.integers(0, 10**9), st.integers(1, 10**9))
def test_sentence_words(word: str | None, actual: int, plan: int) -> None:
    """The words a sentence takes from its caller (plan word, unit, "since")."""
    accepts_only_danvan_errors(lambda: describe_attainment(actual, plan, plan_word=word))
    accepts_only_danvan_errors(lambda: describe_attainment(actual, plan, unit=word))
    accepts_only_danvan_errors(lambda: describe_difference(actual, plan, unit=word, since=word))
    accepts_only_danvan_errors(lambda: describe_change(actual, plan, since=word))
    accepts_only_danvan_errors(
        lambda: describe_point_change(Decimal(actual % 100) / 100, Decimal("0.5"), since=word)
    )
    accepts_only_danvan_errors(lambda: describe_ratio(min(actual, plan), plan, word))
    accepts_only_danvan_errors(lambda: describe_criteria(_criteria(), since=word))


def _criteria() -> CriteriaSummary:
    """The summary of one commune that met no criterion of the 2021-2025 set."""
    criteria = national_criteria(2022)
    return summarize_criteria([CommuneResult(unit_id="xa-a", criteria=criteria, met=())])


# --------------------------------------------------------------------- plain data

_BASE = json.loads((EXAMPLES / "nam_dinh_2022.json").read_text(encoding="utf-8"))
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True)
    | st.text(max_size=10)
    | st.sampled_from(["2021-05-19", "năm 2021", "danvan/1", "danvan/2", "Unit", "sum"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


def _places(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) of a JSON document."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            found.append((node, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    return found


@st.composite
def near_a_dataset(draw: st.DrawFn, base: Any = _BASE) -> Any:
    """A real dataset's JSON with one to three values replaced, removed or retyped."""
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        places = _places(document)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        if isinstance(container, dict) and draw(st.booleans()):
            del container[key]
        else:
            container[key] = draw(JSON_VALUES)
    return document


_BASE_1 = json.loads(
    (Path(__file__).parent / "data" / "v1" / "nam_dinh_2022.json").read_text(encoding="utf-8")
)
_TARGETS: list[type[Any] | None] = [None, Dataset, Unit, Indicator, Observation, Period]


@SLOW
@given(near_a_dataset() | JSON_VALUES, st.sampled_from(_TARGETS))
def test_plain_data_near_a_real_dataset(document: Any, cls: type[Any] | None) -> None:
    accepts_only_danvan_errors(
        lambda: from_dict(document) if cls is None else from_dict(document, cls)
    )
    accepts_only_danvan_errors(lambda: upgrade(document))


@pytest.mark.parametrize("code", [[], {}])
def test_an_indicator_code_that_is_no_string_is_a_problem_with_its_path(code: object) -> None:
    """Found by the fuzz: upgrade hashed each indicator's code before checking it was a
    string (a TypeError, unhashable). It now leaves such a document as it is, and
    reading it names the field."""
    document = {"$schema": "danvan/1", "$type": "Dataset", "indicators": [{"code": code}]}
    document["observations"] = []
    assert upgrade(document)["indicators"] == [{"code": code}]
    with pytest.raises(danvan.DataError, match=r"\$\.indicators\[0\]"):
        from_dict(document, Dataset)


@SLOW
@given(near_a_dataset(_BASE_1))
def test_plain_data_of_schema_1(document: Any) -> None:
    """The same near a dataset of the first schema, which upgrade converts."""
    accepts_only_danvan_errors(lambda: upgrade(document))
    accepts_only_danvan_errors(lambda: from_dict(document, Dataset))


@SLOW
@given(
    near_a_dataset().map(lambda d: json.dumps(d, ensure_ascii=False))
    | TEXTS
    | st.binary(max_size=40)
    | near_a_dataset().map(lambda d: json.dumps(d).encode("utf-8")[:-3])
)
def test_from_json_of_any_text(text: str | bytes) -> None:
    accepts_only_danvan_errors(lambda: from_json(text))
    accepts_only_danvan_errors(lambda: from_json(text, Dataset))


@settings(max_examples=40, deadline=None)
@given(JSON_VALUES)
def test_to_dict_and_to_json_of_plain_data(value: object) -> None:
    """Plain data is no danvan object: both refuse it with a DanvanError."""
    with pytest.raises(DanvanError):
        to_dict(value)
    with pytest.raises(DanvanError):
        to_json(value)


_CELLS = TEXTS | st.sampled_from(["xa-a", "quy", "2024", "năm 2024", "1.798.702.098", ""])


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    header = draw(
        st.sampled_from(
            [
                ["unit", "indicator", "period", "value"],
                ["unit", "quy", "ho_ngheo"],
                ["unit", "indicator", "value", "target"],
            ]
        )
        | st.lists(_CELLS, max_size=4)
    )
    rows = draw(st.lists(st.lists(_CELLS, max_size=5), max_size=4))
    separator = draw(st.sampled_from([",", ";", "\t"]))
    lines = [separator.join(header), *(separator.join(row) for row in rows)]
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@SLOW
@given(csv_texts() | TEXTS, st.none() | TEXTS, st.booleans())
def test_read_observations_of_csv_text(text: str, sheet: str | None, with_tree: bool) -> None:
    dataset = _dataset()
    accepts_only_danvan_errors(
        lambda: read_observations(
            io.StringIO(text),
            tree=dataset.tree if with_tree else None,
            period=Period.year(2024),
            sheet=sheet,
        )
    )


def test_a_lone_carriage_return_ends_a_csv_row() -> None:
    """Found by the fuzz: a carriage return alone (old Mac files) was a csv.Error ("new-line
    character seen in unquoted field"). It now ends a row, as "\\n" and "\\r\\n" do."""
    text = "unit,indicator,period,value\rxa-1,quy,năm 2024,1.000\r"
    plain = text.replace("\r", "\n")
    read = read_observations(io.StringIO(text), period=Period.year(2024))
    assert read == read_observations(io.StringIO(plain), period=Period.year(2024))
    for bad in ("unit,indicator,period,value\n\r0", "a\rb\n\r"):
        with pytest.raises(DanvanError):
            read_observations(io.StringIO(bad), period=Period.year(2024))


_DATASET: list[Dataset] = []


def _dataset() -> Dataset:
    if not _DATASET:
        _DATASET.append(default_dataset())
    return _DATASET[0]


@settings(max_examples=15, deadline=None)
@given(TEXTS)
def test_report_of_any_unit(unit: str) -> None:
    accepts_only_danvan_errors(lambda: build_report(_dataset(), unit=unit))


@FUZZ
@given(st.lists(TEXTS, max_size=3) | st.sampled_from(["leaves", "x"]))
def test_roll_up_expected_ids(expected: Any) -> None:
    dataset = _dataset()
    indicator = dataset.indicators[0]
    accepts_only_danvan_errors(
        lambda: roll_up(dataset.tree, dataset.observations, indicator, expected=expected)
    )
    accepts_only_danvan_errors(
        lambda: roll_up_many(dataset.tree, dataset.observations, [indicator], expected=expected)
    )


@settings(max_examples=15, deadline=None)
@given(st.lists(st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=3), max_size=3))
def test_to_dataframe_of_records(records: list[dict[str, Any]]) -> None:
    accepts_only_danvan_errors(lambda: to_dataframe(records))


@SLOW
@given(st.lists(TEXTS | st.none(), min_size=6, max_size=6), st.lists(TEXTS, max_size=2))
def test_official_document_texts(texts: list[str | None], recipients: list[str]) -> None:
    from danvan import SignatureBlock

    place, archive, superior, abbreviation, document_type, abstract = texts
    dataset = _dataset()
    if not _REPORTS:
        _REPORTS.append(build_report(dataset))
    report = _REPORTS[0]
    issuer = dataset.tree["hong-linh-thu"]
    accepts_only_danvan_errors(
        lambda: official_document(
            report,
            issuer=issuer,
            tree=dataset.tree,
            number=85,
            issued=date(2021, 12, 20),
            place=place,  # type: ignore[arg-type]
            signer=SignatureBlock(title="Phó Bí thư", name="Nguyễn Văn A"),
            recipients=recipients,
            archive=archive,  # type: ignore[arg-type]
            superior=superior,
            issuer_lines=superior,
            abbreviation=abbreviation,
            document_type=document_type or "BC",
            abstract=abstract,
        )
    )


_REPORTS: list[Any] = []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=20))
def test_write_template_path(tmp_path: Path, name: str) -> None:
    """Any file name, in a folder of its own: a workbook, a DanvanError, or an OSError
    (the documented error of the file system: a folder that does not exist, a name too
    long), never another exception."""
    import tempfile

    dataset = _dataset()
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    with contextlib.suppress(DanvanError, OSError):
        write_template(
            str(folder / name),
            units=list(dataset.tree.walk())[:2],
            indicators=dataset.indicators[:1],
            period=Period.year(2021),
        )


# ------------------------------------------------------------------- the constructors

#: Public classes whose text fields are not fuzzed here, with the reason.
EXEMPT_CLASSES: dict[str, str] = {
    "CellProblem": "a problem danvan reports (read_observations, fuzzed), not input",
    "Problem": "a problem danvan reports (Dataset.validate), not input",
    "ModelStatistics": "counts model_statistics computes from typed models",
    "RollUpResult": "the result roll_up computes (its expected ids are fuzzed)",
    "OfficialDocument": "made by official_document, whose texts are fuzzed above",
    "Report": "made by build_report from a dataset; its texts come from the dataset",
    "Section": "a part of a Report, made by build_report",
    "Figure": "a figure extract_figures found (fuzzed), not input",
    "RateIndicator": "deprecated (a warning on every use): Indicator, fuzzed, replaces it",
}


def _instances() -> dict[type[Any], Any]:
    """One instance of every public attrs class reachable from real data: the bundled
    and example datasets, the national criteria, a place, the commemorations, the
    figures of a sentence, a report."""
    dataset = default_dataset()
    roots: list[Any] = [
        dataset,
        *(from_json(path.read_bytes(), Dataset) for path in sorted(EXAMPLES.glob("*.json"))),
        national_criteria(2022),
        national_criteria(2022, advanced=True),
        danvan.NEW_RURAL_REGIONS,
        find_place("Hà Tĩnh", as_of=AS_OF),
        danvan.COMMEMORATIONS,
        danvan.SignatureBlock(title="Phó Bí thư", name="Nguyễn Văn A"),
        CommuneResult(unit_id="xa-a", criteria=national_criteria(2022), met=()),
        danvan.SuccessorShare(unit_id="xa-a", successor="xa-c", share=Fraction(1, 2)),
        danvan.CommuneGroup(2, "Xã không thuộc nhóm 1 và nhóm 3"),
    ]
    found: dict[type[Any], Any] = {}
    stack, seen = roots, set()
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if attrs.has(type(value)):
            found.setdefault(type(value), value)
            stack.extend(getattr(value, field.name) for field in attrs.fields(type(value)))
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return found


#: Strategies of valid instances of the classes no real data above holds.
def _drawn() -> dict[str, st.SearchStrategy[Any]]:
    from tests import strategies as made

    return {
        "Award": made.awards,
        "Dialogue": made.dialogues(),
        "MobilizationModel": made.mobilization_models(),
        "ModelEvent": made.model_events(),
        "ModelRegistration": made.model_registrations,
        "Recommendation": made.recommendations(date(2024, 1, 1)),
        "Supervision": made.supervisions(),
        "SupervisionBoard": made.supervision_boards(),
        "Target": made.targets,
    }


def _public_classes() -> dict[str, type[Any]]:
    return {
        name: value
        for name in danvan.__all__
        if inspect.isclass(value := getattr(danvan, name)) and attrs.has(value)
    }


def _text_fields(cls: type[Any]) -> list[str]:
    """The fields of *cls* given to its constructor that take text or plain data."""
    return [
        field.alias or field.name
        for field in attrs.fields(cls)
        if field.init and _PLAIN.search(str(field.type))
    ]


_INSTANCES = _instances()
_DRAWN = _drawn()
_FIELDS = {
    name: fields
    for name, cls in _public_classes().items()
    if (fields := _text_fields(cls)) and name not in EXEMPT_CLASSES
}


def test_every_public_class_with_text_fields_is_fuzzed_or_exempt() -> None:
    classes = _public_classes()
    with_text = {name for name, cls in classes.items() if _text_fields(cls)}
    assert sorted(set(EXEMPT_CLASSES) - with_text) == []
    for name in sorted(_FIELDS):
        assert classes[name] in _INSTANCES or name in _DRAWN, f"no instance of {name}"


@st.composite
def _instance_of(draw: st.DrawFn, name: str) -> Any:
    cls = _public_classes()[name]
    return _INSTANCES[cls] if cls in _INSTANCES else draw(_DRAWN[name])


@pytest.mark.parametrize("name", sorted(_FIELDS))
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_constructors_of_text_fields(name: str, data: st.DataObject) -> None:
    """A real instance with one text field replaced by any text or plain data: a new
    instance, or a DanvanError (an InvalidTypeError for a value of the wrong type)."""
    instance = data.draw(_instance_of(name))
    field = data.draw(st.sampled_from(_FIELDS[name]))
    value = data.draw(TEXTS | JSON_VALUES | st.lists(TEXTS, max_size=3).map(tuple))
    accepts_only_danvan_errors(lambda: attrs.evolve(instance, **{field: value}))
