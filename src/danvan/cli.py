"""The ``danvan`` command line (dòng lệnh).

``danvan report`` writes the Vietnamese report of a dataset (by default the one bundled
with danvan, the real report of Hồng Lĩnh town for 2021) as text, Markdown or HTML, or
as an official document of a unit (``--format docx``, or ``--document`` for the
print-ready HTML) with its number, signer and recipients given as options or in a TOML
file (``--settings``); ``danvan demo`` shows what the library does with figures from
real reports, then that report. The other
commands are small tools over the API: ``check`` (every problem of a dataset file),
``words``, ``money``, ``number``, ``date``, ``code``, ``lunar`` and ``extract``.
``python -m danvan`` is the same command.

``danvan`` alone prints this help (status 0, as pip does: an empty command line asks
what there is to run), ``danvan --version`` the version ("danvan 0.1.0"). Every file a
command reads (``report``'s DATASET and ``--settings``, ``check``'s DATASET,
``extract``'s FILE) may be ``-``, standard input, and the file ``report`` writes
(``--out``) may be ``-``, standard output. ``--format json`` makes ``code``, ``date``,
``lunar``, ``words``, ``money`` and ``number`` write one JSON document, whose numbers
read from the argument are strings of their exact decimal ("3800000000", "1.5") and
whose counts and calendar fields are integers, never a binary float (the shapes are in
docs/cli.md).

Exit status, the same for every command:

- **0**: done (``check``: no problem found).
- **1**: problems found (``check`` lists them on standard output), or the file system
  failed: a file that exists but cannot be read or written (permissions, a full disk),
  standard input closed, standard output closed by its reader or unable to show
  Vietnamese text.
- **2**: bad usage or bad input: an unknown option, text no parser reads, an invalid
  dataset, a path that names no file to read (missing, a folder) or no place for a
  file (a folder, a device, a pipe, a symbolic link).

Every error is one line on standard error, starting with "danvan", with any control
character of the user's argument escaped, never a traceback; nothing is written to
``--out`` unless the whole report was produced.

>>> main(["code", "Số: 8- CT/thu"])
Ký hiệu           08-CT/ThU
Trích dẫn         Chỉ thị số 08-CT/ThU
Hệ thống          văn bản của Đảng (party)
Loại              CT (Chỉ thị)
Số                08
Cơ quan ban hành  ThU
0
>>> main(["lunar", "2025-01-29"])
mồng 1 tháng Giêng năm Ất Tỵ
0
"""

from __future__ import annotations

import argparse
import codecs
import errno
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn

from danvan.errors import DanvanError, DataError, InvalidValueError, shorten

if TYPE_CHECKING:
    from decimal import Decimal

    from _typeshed import SupportsWrite

    from danvan.dataset import Dataset
    from danvan.dates import DayMonth
    from danvan.lunar import LunarDate
    from danvan.official import OfficialDocument
    from danvan.report import Report, ReportFormat

__all__ = ["main"]

#: The sections of a report, for --help without importing the report (a test checks
#: that they are those of danvan.report.SectionName, in order).
_SECTION_NAMES: Final = (
    "units",
    "directives",
    "campaigns",
    "models",
    "democracy",
    "results",
    "source",
)


def _demo_lines() -> tuple[tuple[str, Callable[[], str]], ...]:
    """Figures as the reports in the project's corpus state them (Hồng Lĩnh 2021, Nam Định
    2022, Hòa Thành 2020)."""
    from decimal import Decimal
    from fractions import Fraction

    from danvan.numbers import format_money, format_number, format_percent
    from danvan.words import money_to_words, number_to_words, words_to_number

    return (
        ("Quỹ 'Vì người nghèo'", lambda: format_money(1798702098, unit="đ")),
        ("  đạt kế hoạch", lambda: format_percent(Decimal("1.0839"))),
        ("  bằng chữ", lambda: money_to_words(1798702098)),
        ("Kinh phí", lambda: format_money(3800000000, scale="auto")),
        ("Mô hình 'Dân vận khéo'", lambda: format_number(3545)),
        ("Bình quân tiêu chí/xã", lambda: format_number(Fraction(91, 5))),
        ("1.005 bằng chữ", lambda: number_to_words(1005)),
        ("'hai mươi tư' là", lambda: str(words_to_number("hai mươi tư"))),
    )


_SUFFIX_FORMATS: dict[str, str] = {
    ".docx": "docx",
    ".txt": "text",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_ISO_DATE = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*")
# Digits and separators only (30/02/2021, 2025-13-01, 19.5.2021): a solar date, unless
# --from-lunar says otherwise.
_SOLAR_LOOKING = re.compile(r"\s*[0-9][0-9\s/.\-]*")


class _CommandError(DanvanError):
    """A command that cannot go on: *status* is its exit status (private)."""

    def __init__(self, message: str, /, *, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def _table(lines: Sequence[tuple[str, str]]) -> str:
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in lines)


# The errors of a path that names no file to read (bad usage, status 2); any other
# error of the file system (permissions, input/output) is status 1.
_NO_FILE: Final = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG})


def _read_bytes(name: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``.

    A path that names no file (missing, a directory) is status 2, another error of the
    file system status 1; each one line."""
    if name == "-":
        if sys.stdin is None:
            raise _CommandError("cannot read standard input: it is closed", status=1)
        try:
            return sys.stdin.buffer.read()
        except OSError as exc:
            raise _CommandError(
                f"cannot read standard input: {exc.strerror or exc}", status=1
            ) from exc
    try:
        return Path(name).read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        strerror = getattr(exc, "strerror", None) or exc
        status = 2 if not isinstance(exc, OSError) or exc.errno in _NO_FILE else 1
        raise _CommandError(f"cannot read {shorten(name)}: {strerror}", status=status) from exc


def _write_out(name: str, data: bytes) -> None:
    """Write *data* to standard output for ``-``, else to the file *name*, whole or not
    at all (:func:`danvan._files.write_whole`: only a regular file or a missing path is
    written, and a file keeps its permissions). An error of the file system is one line
    with status 1; a path that cannot be written to (a directory, a device, a pipe, a
    symbolic link) one line with status 2."""
    from danvan._files import write_whole

    if name == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return

    def write(file: IO[bytes]) -> None:
        file.write(data)

    try:
        write_whole(name, write)
    except OSError as exc:
        raise _CommandError(
            f"cannot write {shorten(name)}: {exc.strerror or exc}", status=1
        ) from exc


# ------------------------------------------------------------------------- commands


def _json(value: object) -> str:
    """One JSON document, as ``--format json`` writes it (UTF-8 text, not escapes)."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=2)


def _exact(value: int | Decimal) -> str:
    """A number of the JSON output: its exact decimal as a string, without exponent
    (``"1798702098"``, ``"0.5"``), so that no reader turns it into a binary float."""
    return str(value) if isinstance(value, int) else format(value, "f")


def _demo(_: argparse.Namespace) -> str:
    from danvan.report import build_report, default_dataset

    figures = _table([(label, make()) for label, make in _demo_lines()])
    report = build_report(default_dataset()).to_text()
    return f"{figures}\n\n{report}"


def _where(name: str) -> str:
    return "standard input" if name == "-" else repr(name)


def _load(name: str) -> Dataset:
    """The dataset in the file *name* (``-``: standard input)."""
    from danvan.dataset import Dataset
    from danvan.serialize import from_json

    raw = _read_bytes(name)
    if raw.startswith(codecs.BOM_UTF8):  # as Windows editors save UTF-8
        raw = raw[len(codecs.BOM_UTF8) :]
    dataset: Dataset = from_json(raw, Dataset)
    return dataset


def _report(args: argparse.Namespace) -> str | None:
    from danvan.periods import parse_period
    from danvan.report import build_report, default_dataset, render_report

    if args.dataset is None:
        dataset = default_dataset()
    else:
        try:
            dataset = _load(args.dataset)
        except _CommandError:  # the file could not be read: its own message and status
            raise
        except DanvanError as exc:
            raise _CommandError(f"{_where(args.dataset)} is not a valid dataset: {exc}") from exc
    period = None if args.period is None else parse_period(args.period)
    chosen: str | None = args.format
    if chosen is None and args.out is not None:
        suffix = Path(args.out).suffix.lower()
        if suffix and suffix not in _SUFFIX_FORMATS:
            known = ", ".join(sorted(_SUFFIX_FORMATS))
            raise _CommandError(
                f"cannot tell the format of {args.out!r} from {suffix!r} (known: {known});"
                " give --format"
            )
        chosen = _SUFFIX_FORMATS.get(suffix)
    unit = _unit_id(dataset, args.unit)
    official = chosen == "docx" or args.document
    if official and chosen not in (None, "docx", "html"):
        raise _CommandError(f"--document writes HTML or docx, not {chosen!r}")
    if chosen == "docx" and args.out is None:
        raise _CommandError("--format docx writes a file: give --out FILE.docx")
    sections: Any = None
    if args.sections is not None:
        sections = [name.strip() for name in args.sections.split(",") if name.strip()]
    elif official:  # a báo cáo is its content: no list of units, no note of the source
        from danvan.official import SECTIONS

        sections = SECTIONS
    try:
        report = build_report(
            dataset, unit=unit, period=period, allow_empty=args.allow_empty, sections=sections
        )
    except InvalidValueError as exc:
        # the command's own option, not the keyword of build_report
        raise _CommandError(
            str(exc).replace("(allow_empty=True writes", "(--allow-empty writes")
        ) from exc
    if official:
        from danvan.official import docx_bytes

        document = _document(args, dataset, report)
        if chosen == "docx":
            _write_out(args.out, docx_bytes(document))
            return None
        output = document.to_html()
    else:
        output = render_report(report, format=_report_format(chosen or "text"))
    if args.out is None:
        return output
    _write_out(args.out, (output + "\n").encode("utf-8"))
    return None


def _report_format(name: str) -> ReportFormat:
    if name == "md":
        return "md"
    if name == "html":
        return "html"
    return "text"


def _unit_id(dataset: Dataset, unit: str | None) -> str | None:
    """The id of the unit named *unit* (its id or its name), or None."""
    if unit is None or unit in dataset.tree:
        return unit
    found = dataset.tree.find(unit)
    if len(found) != 1:
        what = "no unit" if not found else f"{len(found)} units"
        raise _CommandError(f"{what} of the dataset has the id or name {unit!r}")
    return found[0].id


# The settings of an official document: option name → key in the TOML file.
_DOCUMENT_KEYS = (
    "issuer",
    "number",
    "issued",
    "place",
    "superior",
    "abbreviation",
    "recipients",
    "archive",
    "abstract",
)
_SIGNER_KEYS = ("title", "name", "on_behalf_of", "authority", "principal")
_REQUIRED = ("issuer", "number", "issued", "place", "archive", "signer_title", "signer_name")


def _settings(name: str | None) -> dict[str, object]:
    """The settings of an official document in the TOML file *name* (or none)."""
    if name is None:
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ImportError as exc:
            raise _CommandError(
                "reading a TOML file needs Python 3.11 or the package tomli (pip install tomli)"
            ) from exc
    raw = _read_bytes(name)
    try:
        settings = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _CommandError(f"{_where(name)} is not a TOML file: {exc}") from exc
    known = {*_DOCUMENT_KEYS, "signer"}
    unknown = sorted(set(settings) - known)
    signer = settings.get("signer", {})
    if not isinstance(signer, dict):
        raise _CommandError(f"{_where(name)}: [signer] must be a table, not {signer!r}")
    unknown += sorted(f"signer.{key}" for key in set(signer) - set(_SIGNER_KEYS))
    if unknown:
        raise _CommandError(
            f"{_where(name)}: unknown settings {', '.join(unknown)} (known: "
            f"{', '.join(_DOCUMENT_KEYS)}, signer.{{{', '.join(_SIGNER_KEYS)}}})"
        )
    flat: dict[str, object] = {k: v for k, v in settings.items() if k != "signer"}
    flat.update({f"signer_{key}": value for key, value in signer.items()})
    return flat


def _document(args: argparse.Namespace, dataset: Dataset, report: Report) -> OfficialDocument:
    """The official document of *report*, its settings from the options and the TOML
    file (an option given on the command line wins)."""
    from danvan.dates import parse_date
    from danvan.official import Authority, SignatureBlock, official_document

    settings = _settings(args.settings)
    for key in (*_DOCUMENT_KEYS, *(f"signer_{k}" for k in _SIGNER_KEYS)):
        value = getattr(args, key)
        if value is not None and value != []:
            settings[key] = value
    missing = [f"--{key.replace('_', '-')}" for key in _REQUIRED if key not in settings]
    if missing:
        raise _CommandError(
            f"an official document needs {', '.join(missing)} (options, or keys of --settings)"
        )

    def text(key: str) -> str | None:
        value = settings.get(key)
        if value is not None and not isinstance(value, str):
            raise _CommandError(f"{key} must be text, not {value!r}")
        return value

    issuer_id = _unit_id(dataset, text("issuer"))
    assert issuer_id is not None
    number = settings["number"]
    if isinstance(number, str) and number.strip().isdigit():
        number = int(number)
    if not isinstance(number, int) or isinstance(number, bool):
        raise _CommandError(f"number must be a whole number, not {number!r}")
    issued = settings["issued"]
    if isinstance(issued, str):
        issued = parse_date(issued)
    if not isinstance(issued, date):
        raise _CommandError(f"issued must be a date with its year, not {issued!r}")
    recipients = settings.get("recipients", [])
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise _CommandError(f"recipients must be a list of names, not {recipients!r}")
    authority_name = text("signer_authority")
    authority = None
    if authority_name is not None:
        try:
            authority = Authority(authority_name)
        except ValueError as exc:
            known = ", ".join(a.value for a in Authority if a is not Authority.ON_BEHALF)
            raise _CommandError(
                f"unknown signer authority {authority_name!r} (known: {known})"
            ) from exc
    signer = SignatureBlock(
        title=str(text("signer_title")),
        name=str(text("signer_name")),
        on_behalf_of=text("signer_on_behalf_of"),
        authority=authority,
        principal=text("signer_principal"),
    )
    return official_document(
        report,
        issuer=dataset.tree[issuer_id],
        tree=dataset.tree,
        number=number,
        issued=issued,
        place=str(text("place")),
        superior=text("superior"),
        abbreviation=text("abbreviation"),
        recipients=recipients,
        archive=str(text("archive")),
        abstract=text("abstract"),
        signer=signer,
    )


def _check(args: argparse.Namespace) -> str:
    """Every problem of a dataset file, one line each; status 1 when there is any."""
    try:
        problems = [str(problem) for problem in _load(args.dataset).validate()]
    except DataError as exc:
        problems = list(exc.problems)
    if not problems:
        return f"{_where(args.dataset)}: no problem found"
    raise _CheckFailed("\n".join(_one_line(problem) for problem in problems))


class _CheckFailed(Exception):
    """The problems of ``danvan check``: printed on standard output, status 1."""


def _words(args: argparse.Namespace) -> str:
    from danvan.numbers import parse_money
    from danvan.words import money_to_words, number_to_words

    value = parse_money(args.number)
    if args.money or args.even:  # "chẵn" belongs to the money line
        words = money_to_words(
            value, even=args.even, thousand=args.thousand, zero_tens=args.zero_tens
        )
    else:
        words = number_to_words(value, thousand=args.thousand, zero_tens=args.zero_tens)
    if args.format == "json":
        return _json({"value": _exact(value), "words": words})
    return words


def _money(args: argparse.Namespace) -> str:
    from danvan.numbers import format_money, parse_money

    value = parse_money(args.amount)
    text = format_money(value, unit=args.unit, scale=args.scale)
    if args.format == "json":
        return _json({"value": _exact(value), "text": text})
    return text


def _number(args: argparse.Namespace) -> str:
    """The number as danvan reads it back: a decimal comma, no thousands dots."""
    from danvan.numbers import format_number
    from danvan.words import words_to_number

    value = words_to_number(args.words)
    text = format_number(value, grouping=False)
    if args.format == "json":
        return _json({"value": _exact(value), "text": text})
    return text


def _solar(text: str) -> date | DayMonth:
    """A date as ISO (2025-01-29) or as documents write it (29/01/2025)."""
    from danvan.dates import parse_date

    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text.strip())
        except ValueError as exc:
            raise InvalidValueError(f"{text.strip()!r} is not a date: {exc}") from exc
    return parse_date(text)


def _lunar_line(day: date) -> str | None:
    lunar = _lunar_of(day)
    return None if lunar is None else str(lunar["text"])


def _lunar_of(day: date) -> dict[str, object] | None:
    """The lunar date of *day* as the JSON output gives it, or None outside the table."""
    from danvan.lunar import to_lunar

    try:
        return _lunar_json(to_lunar(day))
    except InvalidValueError:  # outside 1900-2199
        return None


def _lunar_json(lunar: LunarDate) -> dict[str, object]:
    from danvan.lunar import format_lunar

    return {
        "year": lunar.year,
        "month": lunar.month,
        "day": lunar.day,
        "leap": lunar.leap,
        "text": format_lunar(lunar),
    }


def _date(args: argparse.Namespace) -> str:
    from danvan.dates import DayMonth, format_date, weekday_name

    day = _solar(args.date)
    if args.format == "json":
        full = not isinstance(day, DayMonth)
        return _json(
            {
                "date": day.isoformat() if isinstance(day, date) else None,
                "year": day.year if isinstance(day, date) else None,
                "month": day.month,
                "day": day.day,
                "text": format_date(day),
                "long": format_date(day, style="long", place=args.place if full else None),
                "party": format_date(day, style="party"),
                "weekday": weekday_name(day) if isinstance(day, date) else None,
                "lunar": _lunar_of(day) if isinstance(day, date) else None,
            }
        )
    if isinstance(day, DayMonth):
        return _table(
            [
                ("Ngày", format_date(day)),
                ("Đầy đủ", format_date(day, style="long")),
                ("Văn bản Đảng", format_date(day, style="party")),
            ]
        )
    lines = [
        ("Ngày", format_date(day)),
        ("Đầy đủ", format_date(day, style="long", place=args.place)),
        ("Văn bản Đảng", format_date(day, style="party")),
        ("Thứ", weekday_name(day)),
    ]
    lunar = _lunar_line(day)
    if lunar is not None:
        lines.append(("Âm lịch", lunar))
    return _table(lines)


def _code(args: argparse.Namespace) -> str:
    from danvan.documents import DocumentCode, DocumentSystem
    from danvan.numbers import format_number

    code = DocumentCode.parse(args.code, strict=args.strict)
    if args.format == "json":
        return _json(
            {
                "code": str(code),
                "citation": code.describe(),
                "system": code.system.value,
                "type": None if code.type is None else str(code.type),
                "type_name": None if code.type is None else code.type.name,
                "number": code.number,
                "year": code.year,
                "issuers": list(code.issuers),
            }
        )
    system = "Đảng" if code.system is DocumentSystem.PARTY else "Nhà nước"
    lines = [
        ("Ký hiệu", str(code)),
        ("Trích dẫn", code.describe()),
        ("Hệ thống", f"văn bản của {system} ({code.system.value})"),
    ]
    if code.type is not None:
        name = code.type.name or "không có trong danh mục"
        lines.append(("Loại", f"{code.type} ({name})"))
    lines.append(("Số", format_number(code.number, min_digits=2)))
    if code.year is not None:
        lines.append(("Năm", str(code.year)))
    lines.append(("Cơ quan ban hành", ", ".join(code.issuers)))
    return _table(lines)


def _lunar(args: argparse.Namespace) -> str:
    from danvan.dates import format_date
    from danvan.lunar import format_lunar, from_lunar, parse_lunar, to_lunar

    if not args.from_lunar:
        try:
            day = _solar(args.date)
        except DanvanError as exc:
            if _SOLAR_LOOKING.fullmatch(args.date):  # a solar date that does not exist
                raise _CommandError(
                    f"{exc} (with --from-lunar to read it as a lunar date)"
                ) from exc
            day = None
        if isinstance(day, date):
            lunar = to_lunar(day)
            if args.format == "json":
                return _lunar_pair(day, lunar)
            return format_lunar(lunar)
    try:
        lunar = parse_lunar(args.date, year=args.year)
    except DanvanError as exc:
        if args.year is None and "year" in str(exc):
            raise _CommandError(f"{exc} (with --year YEAR)") from exc
        raise
    solar = from_lunar(lunar)
    if args.format == "json":
        return _lunar_pair(solar, lunar)
    return format_date(solar, weekday=True)


def _lunar_pair(day: date, lunar: LunarDate) -> str:
    """The JSON of ``danvan lunar``: the same shape whichever way it converts."""
    from danvan.dates import format_date

    solar = {"date": day.isoformat(), "text": format_date(day, weekday=True)}
    return _json({"solar": solar, "lunar": _lunar_json(lunar)})


def _extract(args: argparse.Namespace) -> str:
    import csv
    import io
    import json

    from danvan.extract import extract_figures

    raw = _read_bytes(args.file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = "standard input" if args.file == "-" else repr(args.file)
        raise _CommandError(f"{where} is not UTF-8 text ({exc.reason})") from exc
    records = [figure.as_record() for figure in extract_figures(text, furniture=args.furniture)]
    if args.format == "json":
        return json.dumps(records, ensure_ascii=False, indent=2)
    out = io.StringIO()
    fields = ["text", "start", "end", "kind", "value", "unit", "qualifier"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(record.get(key)) for key in fields})
    return out.getvalue().rstrip("\n")


def _csv_cell(value: object) -> object:
    """A cell of the CSV: empty for None, JSON for lists and mappings (ratios, codes)."""
    import json

    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {_one_line(message)} (see {self.prog} --help)\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Help on a terminal that cannot show Vietnamese: its letters as escapes
        ("\\u1ed9") rather than a traceback."""
        try:
            super()._print_message(message, file)
        except UnicodeEncodeError:
            stream = file or sys.stderr
            encoding = getattr(stream, "encoding", None) or "ascii"
            super()._print_message(
                message.encode(encoding, "backslashreplace").decode(encoding), file
            )


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json: one JSON document, its numbers exact (see the docs)",
    )


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked (private)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("danvan")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree
            number = "unknown"
        print(f"danvan {number}")  # to standard output, as argparse's own version action
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="danvan",
        description="Vietnamese report figures, exact to the last digit.",
        epilog="Run 'danvan COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action=_Version, help="print danvan's version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report",
        help="write the Vietnamese report of a dataset",
        description=(
            "Write the Vietnamese report of a dataset (the JSON of danvan.to_json): the"
            " units, directives, campaigns, Dân vận khéo models and the figures with their"
            " attainment of plan. Without DATASET, the dataset bundled with danvan (a real"
            " report of Hồng Lĩnh town for 2021) is used."
        ),
    )
    report.add_argument("dataset", nargs="?", metavar="DATASET", help="a dataset file, or -")
    report.add_argument(
        "--format",
        choices=("text", "md", "html", "docx"),
        help="text (default), md (Markdown), html (one self-contained page) or docx (the"
        " official document as a Word file); by default taken from the suffix of --out",
    )
    report.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead of standard output (only once the whole report is made)",
    )
    report.add_argument(
        "--period",
        metavar="PERIOD",
        help="report only on this period, as reports write it: 'năm 2021', 'quý I/2023',"
        " '6 tháng đầu năm 2023', '9 tháng năm 2024', 'giai đoạn 2021-2025'",
    )
    report.add_argument(
        "--unit",
        metavar="UNIT",
        help="the report of this unit (its id or its name) and the units below it;"
        " by default the whole dataset",
    )
    report.add_argument(
        "--sections",
        metavar="NAMES",
        help="the sections to write, separated by commas, of: "
        + ", ".join(_SECTION_NAMES)
        + " (by default all; for an official document all but units and source)",
    )
    report.add_argument(
        "--allow-empty",
        action="store_true",
        help="write the report even when the period has no figure (by default an error)",
    )
    official = report.add_argument_group(
        "official document",
        "With --format docx or --document, the report is written as an official document"
        " of a unit (Party: Hướng dẫn 36-HD/VPTW; State: Nghị định 30/2020/NĐ-CP). These"
        " settings can also be keys of a TOML file given with --settings (the signer's"
        " under [signer]); an option wins over the file.",
    )
    official.add_argument(
        "--document",
        action="store_true",
        help="write the official document (HTML: print-ready A4 page) instead of the report",
    )
    official.add_argument("--settings", metavar="FILE", help="a TOML file of the settings below")
    official.add_argument("--issuer", metavar="UNIT", help="the issuing unit (its id or name)")
    official.add_argument("--number", metavar="N", help="the document's number (số)")
    official.add_argument("--issued", metavar="DATE", help="the date of issue, e.g. 2021-12-20")
    official.add_argument("--place", help="the place of the date line, e.g. 'Hồng Lĩnh'")
    official.add_argument("--superior", help="the superior body, e.g. 'Đảng bộ tỉnh Hà Tĩnh'")
    official.add_argument(
        "--abbreviation", help="the issuer's abbreviation in the code, e.g. 'ThU'"
    )
    official.add_argument("--abstract", help="the trích yếu (by default the report's title)")
    official.add_argument(
        "--recipient",
        dest="recipients",
        action="append",
        metavar="NAME",
        help="a recipient under 'Nơi nhận' (repeat for each)",
    )
    official.add_argument(
        "--archive", help="what follows 'Lưu': 'Văn phòng Thị ủy' (Party), 'VT, VP' (State)"
    )
    official.add_argument("--signer-title", dest="signer_title", help="e.g. 'Phó Bí thư'")
    official.add_argument("--signer-name", dest="signer_name", help="the signer's name")
    official.add_argument(
        "--on-behalf-of",
        dest="signer_on_behalf_of",
        metavar="COLLECTIVE",
        help="the collective signed for: 'Ban Thường vụ' (T/M), 'Ủy ban nhân dân' (TM.)",
    )
    official.add_argument(
        "--authority",
        dest="signer_authority",
        choices=("deputy", "by_order", "by_authorization"),
        help="a mark before the head's title: deputy (K/T, KT.), by_order (TL.),"
        " by_authorization (TUQ.)",
    )
    official.add_argument(
        "--principal",
        dest="signer_principal",
        metavar="TITLE",
        help="the head's title after --authority, e.g. 'Chủ tịch'",
    )
    report.set_defaults(run=_report)

    check = commands.add_parser(
        "check",
        help="list every problem of a dataset file",
        description=(
            "Read a dataset file and list every problem, one per line with its JSON path:"
            " what makes the file unreadable, or, in a readable file, what Dataset.validate"
            " finds (figures outside a unit's lifetime, rates stored as points, overlapping"
            " periods, stated percents that disagree with their plan, …). Exit status 0"
            " when there is none, 1 when there is any."
        ),
    )
    check.add_argument("dataset", metavar="DATASET", help="a dataset file, or -")
    check.set_defaults(run=_check)

    demo = commands.add_parser(
        "demo",
        help="show formatting and number words on real figures, then a real report",
        description="Show what danvan does with figures from real reports, then the report"
        " of the bundled dataset.",
    )
    demo.set_defaults(run=_demo)

    words = commands.add_parser(
        "words",
        help="spell a number in Vietnamese words",
        description="Spell a number in Vietnamese words, or write the 'bằng chữ' money line.",
    )
    words.add_argument("number", help="a number as reports write it, e.g. 1.798.702.098")
    words.add_argument("--money", action="store_true", help="write the 'bằng chữ' line")
    words.add_argument("--even", action="store_true", help="the money line with 'chẵn'")
    words.add_argument("--thousand", choices=("nghìn", "ngàn"), default="nghìn")
    words.add_argument("--zero-tens", choices=("linh", "lẻ"), default="linh")
    _format_option(words)
    words.set_defaults(run=_words)

    money = commands.add_parser(
        "money", help="write an amount of đồng", description="Write an amount of đồng."
    )
    money.add_argument("amount", help="an amount, e.g. 3800000000 or '3,8 tỷ đồng'")
    money.add_argument("--unit", choices=("đồng", "đ", "VNĐ", "₫"), default="đồng")
    money.add_argument("--scale", choices=("auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"))
    _format_option(money)
    money.set_defaults(run=_money)

    number = commands.add_parser(
        "number",
        help="read a number written in words",
        description="Read a number written in Vietnamese words.",
    )
    number.add_argument("words", help="e.g. 'một nghìn không trăm linh năm'")
    _format_option(number)
    number.set_defaults(run=_number)

    when = commands.add_parser(
        "date",
        help="write a date in its administrative forms, with its lunar date",
        description="Read a date (2021-05-19, 19/5/2021, 'Thứ hai - 09/11/2020',"
        " 'ngày 19 tháng 5 năm 2021') and write it as documents do, with its weekday and"
        " its date in the Vietnamese lunar calendar.",
    )
    when.add_argument("date", help="a date, e.g. 2021-05-19 or '19/5/2021'")
    when.add_argument("--place", help="the place that heads a document date, e.g. 'Hà Tĩnh'")
    _format_option(when)
    when.set_defaults(run=_date)

    code = commands.add_parser(
        "code",
        help="read a document code (số, ký hiệu văn bản)",
        description="Read a document code as real text writes it and give its canonical"
        " form, how documents cite it, its system, type, number and issuers.",
    )
    code.add_argument("code", help="e.g. '70-KH/BDVTU-BCSĐUBND' or 'Số: 8- CT/thu'")
    code.add_argument("--strict", action="store_true", help="refuse unknown document types")
    _format_option(code)
    code.set_defaults(run=_code)

    lunar = commands.add_parser(
        "lunar",
        help="convert between solar and Vietnamese lunar dates",
        description="Give the Vietnamese lunar date of a solar date (2025-01-29,"
        " 29/01/2025), or the solar date of a lunar date written in Vietnamese"
        " ('mồng 1 tháng Giêng năm Ất Tỵ', 'rằm tháng Bảy' with --year).",
    )
    lunar.add_argument("date", help="a solar date, or a lunar date in words")
    lunar.add_argument("--year", type=int, help="the lunar year of a lunar date that names none")
    lunar.add_argument(
        "--from-lunar",
        action="store_true",
        help="read DATE as a lunar date even when it could be a solar one ('15/7/2023')",
    )
    _format_option(lunar)
    lunar.set_defaults(run=_lunar)

    extract = commands.add_parser(
        "extract",
        help="list the figures in the text of a report",
        description="List the figures (percents, money, ratios, quantities, dates,"
        " document codes, years, periods) found in a UTF-8 text file.",
    )
    extract.add_argument("file", metavar="FILE", help="a UTF-8 text file, or -")
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.add_argument(
        "--furniture",
        action="store_true",
        help="also list figures in page furniture (view counters, menus, dates of posting)",
    )
    extract.set_defaults(run=_extract)
    return parser


_UNPRINTABLE: Final = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _one_line(message: str) -> str:
    """*message* as one line a terminal shows as it is: a message of several lines
    joined with "; ", and every control character, line or paragraph separator and
    lone surrogate left in it (from the user's own argument) written as its escape
    ("\\n", "\\x1b", "\\ud800")."""
    import unicodedata

    joined = "; ".join(part.strip() for part in message.splitlines() if part.strip())
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in _UNPRINTABLE else c for c in joined)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0, 1 or 2: see the module)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # a request for help, as pip and other tools read it
        parser.print_help()
        return 0
    if args.command == "report" and args.dataset == "-" and args.settings == "-":
        parser.error(
            "report: standard input can be read only once: give - as DATASET or as"
            " --settings, not both"
        )
    try:
        output = args.run(args)
        status = 0
    except _CheckFailed as exc:
        output, status = str(exc), 1
    except _CommandError as exc:
        print(f"danvan {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return exc.status
    except DanvanError as exc:
        print(f"danvan {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # --out - and the reader went away
        return _reader_gone()
    if output is None:
        return status
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (danvan report | head)
        return _reader_gone()
    except UnicodeEncodeError:
        print(
            f"danvan {args.command}: this terminal cannot show Vietnamese text;"
            " set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return 1
    return status


def _reader_gone() -> int:
    """Status 1, and no second error when Python flushes standard output at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1
