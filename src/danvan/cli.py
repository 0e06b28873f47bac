"""The ``danvan`` command line (dòng lệnh).

``danvan report`` writes the Vietnamese report of a dataset (by default the one bundled
with danvan, a real report of 2020) as text, Markdown or HTML; ``danvan demo`` shows
what the library does with figures from real reports, then that report. The other
commands are small tools over the API: ``check`` (every problem of a dataset file),
``words``, ``money``, ``number``, ``date``, ``code``, ``lunar`` and ``extract``.
``python -m danvan`` is the same command.

Bad input prints one line on stderr and exits with status 2, never a traceback; a
report that cannot be written to ``--out`` exits with status 1, and nothing is
written there unless the whole report was produced.

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
import contextlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from danvan.errors import DanvanError, DataError, InvalidValueError

if TYPE_CHECKING:
    from danvan.dataset import Dataset
    from danvan.dates import DayMonth
    from danvan.report import ReportFormat

# Each command imports what it needs when it runs, so that ``danvan --help`` and the small
# commands do not pay for the report, the datasets and the lunar tables.

__all__ = ["main"]

_SUFFIX_FORMATS: dict[str, ReportFormat] = {
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


def _read_bytes(name: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise _CommandError(f"cannot read {name!r}: {exc.strerror or exc}") from exc


def _write_whole(name: str, text: str) -> None:
    """Write *text* to *name* all at once: into a temporary file in the same folder,
    then put in place with :func:`os.replace`, so that the file is whole or untouched.

    Whatever goes wrong (an error of the file system, text that cannot be encoded, an
    interrupt), the temporary file is removed; an :class:`OSError` becomes one line
    (status 1), anything else goes on as it is."""
    import tempfile

    target = Path(name)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise _CommandError(f"cannot write {name!r}: {exc.strerror or exc}", status=1) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as open() would have made it, not 0600
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _CommandError(f"cannot write {name!r}: {exc.strerror or exc}", status=1) from exc
        raise


# ------------------------------------------------------------------------- commands


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
        except DanvanError as exc:
            raise _CommandError(f"{_where(args.dataset)} is not a valid dataset: {exc}") from exc
    period = None if args.period is None else parse_period(args.period)
    chosen: ReportFormat | None = args.format
    if chosen is None and args.out is not None:
        suffix = Path(args.out).suffix.lower()
        if suffix and suffix not in _SUFFIX_FORMATS:
            known = ", ".join(sorted(_SUFFIX_FORMATS))
            raise _CommandError(
                f"cannot tell the format of {args.out!r} from {suffix!r} (known: {known});"
                " give --format"
            )
        chosen = _SUFFIX_FORMATS.get(suffix)
    unit = args.unit
    if unit is not None and unit not in dataset.tree:
        found = dataset.tree.find(unit)
        if len(found) != 1:
            what = "no unit" if not found else f"{len(found)} units"
            raise _CommandError(f"{what} of the dataset has the id or name {unit!r}")
        unit = found[0].id
    report = build_report(dataset, unit=unit, period=period, allow_empty=args.allow_empty)
    output = render_report(report, format=chosen or "text")
    if args.out is None:
        return output
    _write_whole(args.out, output + "\n")
    return None


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
        return money_to_words(
            value, even=args.even, thousand=args.thousand, zero_tens=args.zero_tens
        )
    return number_to_words(value, thousand=args.thousand, zero_tens=args.zero_tens)


def _money(args: argparse.Namespace) -> str:
    from danvan.numbers import format_money, parse_money

    return format_money(parse_money(args.amount), unit=args.unit, scale=args.scale)


def _number(args: argparse.Namespace) -> str:
    """The number as danvan reads it back: a decimal comma, no thousands dots."""
    from danvan.numbers import format_number
    from danvan.words import words_to_number

    return format_number(words_to_number(args.words), grouping=False)


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
    from danvan.lunar import format_lunar, to_lunar

    try:
        return format_lunar(to_lunar(day))
    except InvalidValueError:  # outside 1900-2199
        return None


def _date(args: argparse.Namespace) -> str:
    from danvan.dates import DayMonth, format_date, weekday_name

    day = _solar(args.date)
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
            return format_lunar(lunar)
    try:
        lunar = parse_lunar(args.date, year=args.year)
    except DanvanError as exc:
        if args.year is None and "year" in str(exc):
            raise _CommandError(f"{exc} (with --year YEAR)") from exc
        raise
    return format_date(from_lunar(lunar), weekday=True)


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
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return value


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="danvan",
        description="Vietnamese report figures, exact to the last digit.",
        epilog="Run 'danvan COMMAND --help' for the options of a command.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report",
        help="write the Vietnamese report of a dataset",
        description=(
            "Write the Vietnamese report of a dataset (the JSON of danvan.to_json): the"
            " units, directives, campaigns, Dân vận khéo models and the figures with their"
            " attainment of plan. Without DATASET, the dataset bundled with danvan (a real"
            " report of 2020) is used."
        ),
    )
    report.add_argument("dataset", nargs="?", metavar="DATASET", help="a dataset file, or -")
    report.add_argument(
        "--format",
        choices=("text", "md", "html"),
        help="text (default), md (Markdown) or html (one self-contained page);"
        " by default taken from the suffix of --out",
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
        "--allow-empty",
        action="store_true",
        help="write the report even when the period has no figure (by default an error)",
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
    words.set_defaults(run=_words)

    money = commands.add_parser(
        "money", help="write an amount of đồng", description="Write an amount of đồng."
    )
    money.add_argument("amount", help="an amount, e.g. 3800000000 or '3,8 tỷ đồng'")
    money.add_argument("--unit", choices=("đồng", "đ", "VNĐ", "₫"), default="đồng")
    money.add_argument("--scale", choices=("auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"))
    money.set_defaults(run=_money)

    number = commands.add_parser(
        "number",
        help="read a number written in words",
        description="Read a number written in Vietnamese words.",
    )
    number.add_argument("words", help="e.g. 'một nghìn không trăm linh năm'")
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
    when.set_defaults(run=_date)

    code = commands.add_parser(
        "code",
        help="read a document code (số, ký hiệu văn bản)",
        description="Read a document code as real text writes it and give its canonical"
        " form, how documents cite it, its system, type, number and issuers.",
    )
    code.add_argument("code", help="e.g. '70-KH/BDVTU-BCSĐUBND' or 'Số: 8- CT/thu'")
    code.add_argument("--strict", action="store_true", help="refuse unknown document types")
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


def _one_line(message: str) -> str:
    return "; ".join(part.strip() for part in message.splitlines() if part.strip())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["demo"])
    try:
        output = args.run(args)
    except _CheckFailed as exc:
        output, status = str(exc), 1
    except _CommandError as exc:
        print(f"danvan {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return exc.status
    except DanvanError as exc:
        print(f"danvan {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    else:
        status = 0
    if output is None:
        return status
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (danvan report | head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except UnicodeEncodeError:
        print(
            f"danvan {args.command}: this terminal cannot show Vietnamese text;"
            " set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return 1
    return status
