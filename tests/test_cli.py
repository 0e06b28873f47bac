"""The danvan command: report, date, code, lunar and extract; one line on stderr for bad
input, and a report file that is written whole or not at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import Dataset, to_json
from danvan.cli import main
from danvan.errors import InvalidValueError
from danvan.report import build_report, default_dataset, render_report
from tests.strategies import datasets

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
COMMANDS = ["report", "demo", "words", "money", "number", "date", "code", "lunar", "extract"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_error_line(err: str) -> None:
    assert err.count("\n") == 1
    assert err.startswith("danvan")
    assert "Traceback" not in err


# ---------------------------------------------------------------------------- report


def test_report_without_a_dataset_is_the_bundled_one(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["report"], capsys)
    assert (status, err) == (0, "")
    assert out == build_report(default_dataset()).to_text() + "\n"
    assert (
        "Mô hình “Dân vận khéo” được công nhận và biểu dương: 70 mô hình, đạt 73% kế hoạch,"
        " tăng 17% so với năm 2020" in out
    )


@pytest.mark.parametrize("format", ["text", "md", "html"])
@pytest.mark.parametrize("name", ["hoa_thanh_2020", "hong_linh_2021", "nam_dinh_2022"])
def test_report_of_each_example(
    name: str, format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["report", str(EXAMPLES / f"{name}.json"), "--format", format], capsys)
    assert status == 0
    first = {"text": "", "md": "# ", "html": "<!DOCTYPE html>"}[format]
    assert out.startswith(first)
    assert ("Kết quả thực hiện các chỉ tiêu" in out) or ("KẾT QUẢ THỰC HIỆN" in out)


def test_report_period(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "hong_linh_2021.json")
    status, _, err = run(["report", path, "--period", "6 tháng đầu năm 2021"], capsys)
    assert status == 2  # the figures are of the whole year: none in the first half
    assert_one_error_line(err)
    assert "no figure" in err
    assert "(--allow-empty writes the report all the same)" in err
    status, out, _ = run(
        ["report", path, "--period", "6 tháng đầu năm 2021", "--allow-empty"], capsys
    )
    assert status == 0
    assert "Kỳ báo cáo: 6 tháng đầu năm 2021" in out
    assert "Chỉ thị số 08-CT/ThU" in out
    assert "Kết luận số 25-KL/ThU" not in out
    status, _, err = run(["report", path, "--period", "quý V/2021"], capsys)
    assert status == 2
    assert_one_error_line(err)


def test_report_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (EXAMPLES / "nam_dinh_2022.json").read_bytes()

    class Stdin:
        buffer = __import__("io").BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin)
    status, out, _ = run(["report", "-", "--format", "md"], capsys)
    assert status == 0
    assert "226/226 đảng ủy" in out


def test_report_out_writes_the_file_with_the_format_of_its_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bao-cao.html"
    status, out, err = run(["report", "--out", str(target)], capsys)
    assert (status, out, err) == (0, "", "")
    page = target.read_text("utf-8")
    assert page == build_report(default_dataset()).to_html() + "\n"
    assert "<svg" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.html"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # as open() makes it, not 0600
    markdown = tmp_path / "bao-cao.md"
    assert run(["report", "--out", str(markdown)], capsys)[0] == 0
    assert markdown.read_text("utf-8").startswith("# ")
    forced = tmp_path / "bao-cao.txt"
    assert run(["report", "--out", str(forced), "--format", "md"], capsys)[0] == 0
    assert forced.read_text("utf-8").startswith("# ")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not a valid dataset: not JSON"),
        (
            b'{"$schema": "danvan/1", "$type": "Period", "start": "2021-01-01"}',
            "not a valid dataset",
        ),
        ("Hòa Thành".encode("utf-16"), "not a valid dataset"),
    ],
)
def test_bad_dataset_is_one_line_and_leaves_out_alone(
    content: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "data.json"
    source.write_bytes(content)
    target = tmp_path / "report.txt"
    target.write_text("the old report", "utf-8")
    status, out, err = run(["report", str(source), "--out", str(target)], capsys)
    assert (status, out) == (2, "")
    assert_one_error_line(err)
    assert message in err
    assert target.read_text("utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json", "report.txt"]


def test_dataset_failing_validation_lists_its_problems_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((EXAMPLES / "hong_linh_2021.json").read_text("utf-8"))
    data["observations"][0]["unit_id"] = "no-such-unit"
    data["directives"][0]["issuer_ids"] = ["nobody"]
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status, _, err = run(["report", str(source)], capsys)
    assert status == 2
    assert_one_error_line(err)
    assert "2 problems" in err
    assert "$.observations[0].unit_id: 'no-such-unit'" in err
    assert "$.directives[0].issuer_ids" in err


@pytest.mark.parametrize("where", ["missing.json", "."])
def test_unreadable_dataset(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(["report", str(tmp_path / where)], capsys)
    assert status == 2
    assert_one_error_line(err)
    assert "cannot read" in err


def test_out_that_cannot_be_written_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path that is no place for a file (a missing folder, a folder, a device, a
    symbolic link) is status 2 and left as it is; an error of the file system status 1;
    each one line, and nothing is left beside the path."""
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    for path in (tmp_path / "no" / "such" / "r.txt", tmp_path, Path(os.devnull), link):
        status, out, err = run(["report", "--out", str(path)], capsys)
        assert (status, out) == (2, "")
        assert_one_error_line(err)
    assert os.path.exists(os.devnull)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt"]

    def full(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("danvan._files.os.replace", full)
    status, _, err = run(["report", "--out", str(tmp_path / "r.txt")], capsys)
    assert status == 1
    assert_one_error_line(err)
    assert "cannot write" in err
    assert "No space left on device" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt"]


def test_out_dash_is_standard_output(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--out - writes to standard output, never a file named "-", in every format."""
    status = main(["report", "--out", "-"])
    captured = capsysbinary.readouterr()
    assert status == 0
    assert captured.out == (build_report(default_dataset()).to_text() + "\n").encode("utf-8")
    assert main(["report", "--out", "-", "--format", "md"]) == 0
    assert capsysbinary.readouterr().out.startswith("# Công tác dân vận".encode())
    assert not Path("-").exists()


@pytest.mark.parametrize("path", ["bad\x00name.txt", "bad\ud800name.txt", "a\nb/c.txt"])
def test_out_paths_no_file_system_holds_are_one_line(
    path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["report", "--out", path], capsys)
    assert (status, out) == (2, "")
    assert_one_error_line(err)


def test_nothing_is_written_when_the_report_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.html"
    target.write_text("old", "utf-8")

    def fail(*args: object, **kwargs: object) -> str:
        raise InvalidValueError("cannot write the figure of 'x'")

    monkeypatch.setattr("danvan.report.render_report", fail)
    status, _, err = run(["report", "--out", str(target)], capsys)
    assert status == 2
    assert_one_error_line(err)
    assert target.read_text("utf-8") == "old"


def test_a_failed_replace_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.txt"
    target.write_text("old", "utf-8")

    def refuse(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("danvan.cli.os.replace", refuse)
    status, _, err = run(["report", "--out", str(target)], capsys)
    assert status == 1
    assert "Permission denied" in err
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]
    assert target.read_text("utf-8") == "old"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_units=4, max_items=3))
def test_report_of_any_dataset_file_is_the_library_report(dataset: Dataset) -> None:
    import contextlib
    import io
    import tempfile

    try:
        expected = render_report(build_report(dataset), format="md")
    except InvalidValueError:  # a figure too large to write: the command says so
        expected = None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.json"
        path.write_text(to_json(dataset), "utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["report", str(path), "--format", "md"])
    if expected is None:
        assert status == 2
        assert err.getvalue().count("\n") == 1
    else:
        assert (status, out.getvalue(), err.getvalue()) == (0, expected + "\n", "")


# ------------------------------------------------------------------------ the tools


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["date", "2021-05-19"],
            [
                "Ngày          19/5/2021",
                "Đầy đủ        ngày 19 tháng 5 năm 2021",
                "Văn bản Đảng  ngày 19-5-2021",
                "Thứ           Thứ tư",
                "Âm lịch       mồng 8 tháng Tư năm Tân Sửu",
            ],
        ),
        (["date", "Thứ hai - 09/11/2020"], ["Ngày          09/11/2020", "Thứ           Thứ hai"]),
        (
            ["date", "ngày 27 tháng 02 năm 2020", "--place", "Tây Ninh"],
            ["Đầy đủ        Tây Ninh, ngày 27 tháng 02 năm 2020"],
        ),
        (["date", "19/5"], ["Ngày          19/5", "Đầy đủ        ngày 19 tháng 5"]),
        (["date", "1850-01-01"], ["Ngày          01/01/1850"]),
        (
            ["code", "70-KH/BDVTU-BCSĐUBND"],
            [
                "Ký hiệu           70-KH/BDVTU-BCSĐUBND",
                "Trích dẫn         Kế hoạch số 70-KH/BDVTU-BCSĐUBND",
                "Hệ thống          văn bản của Đảng (party)",
                "Loại              KH (Kế hoạch)",
                "Số                70",
                "Cơ quan ban hành  BDVTU, BCSĐUBND",
            ],
        ),
        (["code", "Số: 8- CT/thu"], ["Ký hiệu           08-CT/ThU"]),
        (
            ["code", "30/2020/NĐ-CP"],
            ["Hệ thống          văn bản của Nhà nước (state)", "Năm               2020"],
        ),
        (["code", "238/UBND-KGVX"], ["Trích dẫn         Công văn số 238/UBND-KGVX"]),
        (["code", "08-XY/ThU"], ["Loại              XY (không có trong danh mục)"]),
        (["lunar", "2025-01-29"], ["mồng 1 tháng Giêng năm Ất Tỵ"]),
        (["lunar", "22/01/2023"], ["mồng 1 tháng Giêng năm Quý Mão"]),
        (["lunar", "1985-01-21"], ["mồng 1 tháng Giêng năm Ất Sửu"]),
        (["lunar", "mồng 1 tháng Giêng năm Ất Tỵ", "--year", "2025"], ["Thứ tư, ngày 29/01/2025"]),
        (["lunar", "rằm tháng Giêng", "--year", "2024"], ["Thứ bảy, ngày 24/02/2024"]),
        (["lunar", "15/7/2023", "--from-lunar"], ["Thứ tư, ngày 30/8/2023"]),
    ],
)
def test_tools(argv: list[str], expected: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(argv, capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    for line in expected:
        assert line in lines


def test_date_outside_the_lunar_table_has_no_lunar_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "Âm lịch" not in run(["date", "1850-01-01"], capsys)[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["date", "32/13/2021"], "'32/13/2021'"),
        (["date", "2021-02-30"], "is not a date"),
        (["code", "125/QĐ"], "'125/QĐ'"),
        (["code", "08-XY/ThU", "--strict"], "unknown Party document type 'XY'"),
        (["lunar", "1850-01-01"], "outside the supported range"),
        (["lunar", "rằm tháng Giêng"], "--year"),
        (["lunar", "mồng 30 tháng Chạp năm 2024", "--from-lunar"], "2024"),
        (["words", "1.5"], "'1.5'"),
        (["report", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["report", "a.json", "b.json"], "unrecognized arguments: b.json"),
        (["date"], "the following arguments are required: date"),
        (["nonsense"], "invalid choice: 'nonsense'"),
    ],
)
def test_bad_input_is_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own errors
        status = exc.code  # type: ignore[assignment]
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert_one_error_line(captured.err)
    assert message in captured.err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main([command, "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: danvan {command}")


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


def test_demo_ends_with_the_real_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["demo"], capsys)
    assert status == 0
    assert out.startswith("Quỹ 'Vì người nghèo'    1.798.702.098đ\n")
    assert out.endswith(build_report(default_dataset()).to_text() + "\n")


# --------------------------------------------------------------------------- extract

REPORT_TEXT = (
    "Lượt xem: 1.234\n"
    "Năm 2020, vận động quỹ “Vì người nghèo” được 1.798.702.098đ đạt 108,39% KH;"
    " 19/21 chỉ tiêu đạt và vượt kế hoạch; Kế hoạch số 123-KH/BDV-UBND ngày 17/3/2020."
)


def test_extract_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from danvan.extract import extract_figures

    source = tmp_path / "bao-cao.txt"
    source.write_text(REPORT_TEXT, "utf-8")
    status, out, err = run(["extract", str(source)], capsys)
    assert (status, err) == (0, "")
    records = json.loads(out)
    assert records == [f.as_record() for f in extract_figures(REPORT_TEXT)]
    found = {(r["text"], r["kind"]) for r in records}
    assert ("1.798.702.098đ", "money") in found
    assert ("108,39%", "percent") in found
    assert ("19/21", "ratio") in found
    for record in records:
        assert REPORT_TEXT[record["start"] : record["end"]] == record["text"]


def test_extract_furniture_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    from danvan.extract import extract_figures

    source = tmp_path / "bao-cao.txt"
    source.write_text(REPORT_TEXT, "utf-8")
    status, out, _ = run(["extract", str(source), "--format", "csv", "--furniture"], capsys)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    figures = extract_figures(REPORT_TEXT, furniture=True)
    assert len(rows) == len(figures)
    assert list(rows[0]) == ["text", "start", "end", "kind", "value", "unit", "qualifier"]
    ratio = next(row for row in rows if row["kind"] == "ratio")
    assert (ratio["text"], ratio["value"], ratio["unit"]) == ("19/21", "[19, 21]", "")
    assert len(figures) >= len(extract_figures(REPORT_TEXT))


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), (b"H\xf2a Th\xe0nh", "is not UTF-8 text")],
)
def test_extract_bad_file(
    content: bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "x.txt"
    if content is not None:
        source.write_bytes(content)
    status, out, err = run(["extract", str(source)], capsys)
    assert (status, out) == (2, "")
    assert_one_error_line(err)
    assert message in err


# -------------------------------------------------------------------- as a process


def test_python_dash_m_writes_an_html_report(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.html"
    result = subprocess.run(
        [sys.executable, "-m", "danvan", "report", "--out", str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == result.stderr == ""
    assert "đạt 73% kế hoạch, tăng 17% so với năm 2020" in target.read_text("utf-8")


def test_a_closed_pipe_is_not_a_traceback() -> None:
    reader = subprocess.Popen(
        [sys.executable, "-m", "danvan", "report", "--format", "html"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    reader.stdout.close()  # before the command writes anything
    _, err = reader.communicate()
    assert b"Traceback" not in err


# --------------------------------------------------------------------- review fixes


def _dataset_with_a_lone_surrogate(folder: Path) -> Path:
    data = json.loads((EXAMPLES / "hong_linh_2021.json").read_text("utf-8"))
    data["title"] = "\ud800"
    source = folder / "sur.json"
    source.write_text(json.dumps(data), "utf-8")  # ASCII JSON: "\ud800" as an escape
    return source


def test_a_lone_surrogate_in_a_dataset_is_written_as_a_replacement_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _dataset_with_a_lone_surrogate(tmp_path)
    target = tmp_path / "sur.html"
    status, out, err = run(["report", str(source), "--out", str(target)], capsys)
    assert (status, out, err) == (0, "", "")
    assert "<title>\ufffd</title>" in target.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sur.html", "sur.json"]
    status, out, err = run(["report", str(source)], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("\ufffd\n=\n")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("một phẩy không không năm", "1,005"),
        ("chín nghìn hai trăm bảy mươi tám", "9278"),
        ("âm ba phẩy tám", "-3,8"),
        ("một nghìn tỷ", "1000000000000"),
    ],
)
def test_number_is_written_as_danvan_reads_it(
    words: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from danvan import parse_number, words_to_number

    assert run(["number", words], capsys) == (0, expected + "\n", "")
    assert parse_number(expected) == words_to_number(words)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30/02/2021", "30/02/2021 is not a date"),
        ("30.02.2021", "30/02/2021 is not a date"),
        ("2025-13-01", "'2025-13-01' is not a date"),
        ("32/1", "not a day of any year"),
    ],
)
def test_lunar_reports_an_impossible_solar_date(
    text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["lunar", text], capsys)
    assert (status, out) == (2, "")
    assert_one_error_line(err)
    assert message in err
    assert "--from-lunar" in err


def test_lunar_reads_an_impossible_solar_date_as_lunar_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["lunar", "30/02/2021", "--from-lunar"], capsys) == (
        0,
        "Chủ nhật, ngày 11/4/2021\n",
        "",
    )


def test_a_dataset_saved_with_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "hoa_thanh_2020.json").read_bytes())
    status, out, err = run(["report", str(path)], capsys)
    assert (status, err) == (0, "")
    assert "1.798.702.098đ, đạt 108,39% kế hoạch" in out


# ------------------------------------------------------------------------------ check


@pytest.mark.parametrize("name", ["hoa_thanh_2020", "hong_linh_2021", "nam_dinh_2022"])
def test_check_finds_nothing_in_the_examples(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example datasets are checked clean: status 0 and one line saying so."""
    status, out, err = run(["check", str(EXAMPLES / f"{name}.json")], capsys)
    assert (status, err) == (0, "")
    assert out.strip().endswith("no problem found")


def test_check_lists_every_problem_one_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Problems of meaning (Dataset.validate) come one per line with their path, status 1."""
    data = json.loads((EXAMPLES / "hoa_thanh_2020.json").read_text("utf-8"))
    data["observations"][0]["period"] = {
        "start": "2030-01-01",
        "end": "2030-12-31",
        "kind": "year",
    }
    data["indicators"][0]["unit"] = "%"
    data["observations"][0]["unit_id"] = "long-hoa-ubnd"  # a unit with no unit below it
    for unit in data["units"]:
        if unit["id"] == "long-hoa-ubnd":
            unit["dissolved"] = "2029-01-01"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status, out, _ = run(["check", str(path)], capsys)
    lines = out.strip().splitlines()
    assert status == 1
    assert all(line.startswith("$.") for line in lines)
    assert any(line.startswith("$.observations[0].period:") for line in lines)
    assert any(line.startswith("$.observations[0].actual:") for line in lines)


def test_check_lists_every_structural_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be read: each unreadable field and broken reference on a line."""
    data = json.loads((EXAMPLES / "nam_dinh_2022.json").read_text("utf-8"))
    data["observations"][0]["period"] = "năm 2022"
    data["observations"][1]["unit_id"] = "nowhere"
    data["units"][0]["kind"] = "ban"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status, out, _ = run(["check", str(path)], capsys)
    assert status == 1
    assert out.strip().splitlines() == [
        "$.units[0].kind: 'ban' is not a known UnitKind",
        "$.observations[0].period: 'năm 2022' is not an object (a Period)",
    ]


def test_report_format_from_the_extension_and_an_unknown_one_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out report.md writes Markdown; report.pdf is refused (the format cannot be told
    from it), nothing is written, status 2; report.docx is the official document, which
    needs its settings (tests/test_official.py)."""
    path = str(EXAMPLES / "hong_linh_2021.json")
    status, _, _ = run(["report", path, "--out", str(tmp_path / "r.md")], capsys)
    assert status == 0
    assert (tmp_path / "r.md").read_text("utf-8").startswith("# ")
    status, _, err = run(["report", path, "--out", str(tmp_path / "r.pdf")], capsys)
    assert status == 2
    assert_one_error_line(err)
    assert "'.pdf'" in err
    assert not (tmp_path / "r.pdf").exists()
    status, _, err = run(["report", path, "--out", str(tmp_path / "r.docx")], capsys)
    assert status == 2
    assert_one_error_line(err)
    assert "--issuer" in err
    assert not (tmp_path / "r.docx").exists()


def test_report_of_a_unit_by_id_or_name(capsys: pytest.CaptureFixture[str]) -> None:
    """--unit takes a unit's id or its name; an unknown one is one error line."""
    path = str(EXAMPLES / "hong_linh_2021.json")
    by_id = run(["report", path, "--unit", "hong-linh-thu"], capsys)
    by_name = run(["report", path, "--unit", "Thị ủy Hồng Lĩnh"], capsys)
    assert by_id[0] == by_name[0] == 0
    assert by_id[1] == by_name[1]
    status, _, err = run(["report", path, "--unit", "Xã Không Có"], capsys)
    assert status == 2
    assert_one_error_line(err)


def test_report_sections(capsys: pytest.CaptureFixture[str]) -> None:
    """--sections keeps the sections named, in the report's order; an unknown name is
    one error line naming it and the known ones."""
    status, out, _ = run(["report", "--sections", "source, results"], capsys)
    assert status == 0
    assert out == build_report(default_dataset(), sections=["results", "source"]).to_text() + "\n"
    assert "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021" in out
    assert "II. NGUỒN SỐ LIỆU" in out
    status, _, err = run(["report", "--sections", "results,nope"], capsys)
    assert status == 2
    assert_one_error_line(err)
    assert "unknown sections 'nope'; the sections are units, directives," in err


_COMMANDS = ["words", "money", "number", "date", "code", "lunar"]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_COMMANDS),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
    | st.text(max_size=40).map(lambda s: s + "\n\x1b[31m\u2028"),
)
def test_any_argument_gives_an_answer_or_one_error_line(command: str, argument: str) -> None:
    """Fuzz: whatever the argument (newlines, escape sequences, separators), a command
    answers (status 0) or writes one line to standard error (status 2), never a
    traceback, and the line shows no control character raw."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main([command, "--", argument])
        except SystemExit as exc:  # argparse refuses before the command runs
            status = exc.code  # type: ignore[assignment]
    assert status in (0, 2)
    if status:
        message = err.getvalue()
        assert message.count("\n") == 1
        assert message.startswith("danvan")
        assert not any(c in message[:-1] for c in "\n\r\x1b\u2028\u2029")


def test_the_help_lists_the_sections_of_a_report() -> None:
    from typing import get_args

    from danvan import cli
    from danvan.report import SectionName

    assert get_args(SectionName) == cli._SECTION_NAMES


# ------------------------------------------------------------- the conventions of scripts


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"danvan {version('danvan')}\n"


def test_no_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    """``danvan`` alone prints the help to standard output, status 0 (not the demo)."""
    status, out, err = run([], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("usage: danvan")
    assert all(command in out for command in [*COMMANDS, "check", "--version"])
    assert "1.798.702.098" not in out


def test_no_command_and_version_import_no_domain_module() -> None:
    code = (
        "import sys, contextlib, io\nfrom danvan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main([])\n"
        "    try:\n        main(['--version'])\n    except SystemExit:\n        pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('danvan'))))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.split() == ["danvan", "danvan.cli", "danvan.errors"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin)


def test_check_and_extract_read_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, (EXAMPLES / "hong_linh_2021.json").read_bytes())
    assert run(["check", "-"], capsys) == (0, "standard input: no problem found\n", "")
    _stdin(monkeypatch, "đạt 108,39% kế hoạch".encode())
    status, out, err = run(["extract", "-"], capsys)
    assert (status, err) == (0, "")
    assert json.loads(out)[0]["text"] == "108,39%"


def test_report_settings_from_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = (
        'issuer = "Thị ủy Hồng Lĩnh"\nnumber = 85\nissued = 2021-12-20\nplace = "Hồng Lĩnh"\n'
        'archive = "Văn phòng Thị ủy"\nrecipients = ["Ban Dân vận Tỉnh ủy"]\n'
        '[signer]\ntitle = "Phó Bí thư"\nname = "Nguyễn Văn A"\n'
    )
    source = tmp_path / "van-ban.toml"
    source.write_text(settings, encoding="utf-8")
    status, from_file, err = run(["report", "--document", "--settings", str(source)], capsys)
    assert (status, err) == (0, "")
    _stdin(monkeypatch, settings.encode())
    assert run(["report", "--document", "--settings", "-"], capsys) == (0, from_file, "")


def test_standard_input_is_read_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["report", "-", "--settings", "-"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert_one_error_line(err)
    assert "standard input can be read only once" in err


def test_a_closed_standard_input_is_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    for argv in (["check", "-"], ["extract", "-"], ["report", "-"]):
        status, out, err = run(argv, capsys)
        assert (status, out) == (1, "")
        assert_one_error_line(err)
        assert "cannot read standard input" in err


def test_exit_status_of_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that names no file is bad usage (2); a file the system will not give is
    an error of the file system (1); a NUL or a lone surrogate in the path is bad usage."""
    secret = tmp_path / "secret.json"
    secret.write_text("{}", encoding="utf-8")
    secret.chmod(0)
    cases = [
        (str(tmp_path / "missing.json"), 2),
        (str(tmp_path), 2),
        (str(tmp_path / "a\x00b"), 2),
        (str(tmp_path / "a\udcffb"), 2),
        (str(tmp_path / "missing.json" / "x"), 2),
    ]
    if os.geteuid() != 0:  # root reads whatever the permissions say
        cases.append((str(secret), 1))
    for command in ("check", "extract", "report"):
        for path, expected in cases:
            status, out, err = run([command, path], capsys)
            assert (status, out) == (expected, ""), (command, path)
            assert_one_error_line(err)
            assert "cannot read" in err
            assert "\x00" not in err


def _no_float(text: str) -> object:
    raise AssertionError(f"a binary float in the JSON output: {text}")


def json_of(out: str) -> object:
    """The one JSON document of *out*, refusing any float or NaN."""
    return json.loads(out, parse_float=_no_float, parse_constant=_no_float)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["code", "Số: 8- CT/thu"],
            {
                "code": "08-CT/ThU",
                "citation": "Chỉ thị số 08-CT/ThU",
                "system": "party",
                "type": "CT",
                "type_name": "Chỉ thị",
                "number": 8,
                "year": None,
                "issuers": ["ThU"],
            },
        ),
        (
            ["code", "30/2020/NĐ-CP"],
            {
                "code": "30/2020/NĐ-CP",
                "citation": "Nghị định số 30/2020/NĐ-CP",
                "system": "state",
                "type": "NĐ",
                "type_name": "Nghị định",
                "number": 30,
                "year": 2020,
                "issuers": ["CP"],
            },
        ),
        (
            ["code", "08-XY/ThU"],
            {
                "code": "08-XY/ThU",
                "citation": "Văn bản số 08-XY/ThU",
                "system": "party",
                "type": "XY",
                "type_name": None,
                "number": 8,
                "year": None,
                "issuers": ["ThU"],
            },
        ),
        (
            ["date", "19/5/2021", "--place", "Hà Tĩnh"],
            {
                "date": "2021-05-19",
                "year": 2021,
                "month": 5,
                "day": 19,
                "text": "19/5/2021",
                "long": "Hà Tĩnh, ngày 19 tháng 5 năm 2021",
                "party": "ngày 19-5-2021",
                "weekday": "Thứ tư",
                "lunar": {
                    "year": 2021,
                    "month": 4,
                    "day": 8,
                    "leap": False,
                    "text": "mồng 8 tháng Tư năm Tân Sửu",
                },
            },
        ),
        (
            ["date", "19/5"],
            {
                "date": None,
                "year": None,
                "month": 5,
                "day": 19,
                "text": "19/5",
                "long": "ngày 19 tháng 5",
                "party": "ngày 19-5",
                "weekday": None,
                "lunar": None,
            },
        ),
        (
            ["lunar", "2025-01-29"],
            {
                "solar": {"date": "2025-01-29", "text": "Thứ tư, ngày 29/01/2025"},
                "lunar": {
                    "year": 2025,
                    "month": 1,
                    "day": 1,
                    "leap": False,
                    "text": "mồng 1 tháng Giêng năm Ất Tỵ",
                },
            },
        ),
        (
            ["lunar", "rằm tháng Bảy", "--year", "2023"],
            {
                "solar": {"date": "2023-08-30", "text": "Thứ tư, ngày 30/8/2023"},
                "lunar": {
                    "year": 2023,
                    "month": 7,
                    "day": 15,
                    "leap": False,
                    "text": "ngày 15 tháng Bảy năm Quý Mão",
                },
            },
        ),
        (
            ["words", "1.798.702.098", "--money"],
            {
                "value": "1798702098",
                "words": "Một tỷ bảy trăm chín mươi tám triệu bảy trăm linh hai nghìn"
                " không trăm chín mươi tám đồng",
            },
        ),
        (["words", "1,5"], {"value": "1.5", "words": "một phẩy năm"}),
        (["money", "3,8 tỷ đồng"], {"value": "3800000000", "text": "3.800.000.000 đồng"}),
        (
            ["money", "3800000000", "--scale", "auto"],
            {"value": "3800000000", "text": "3,8 tỷ đồng"},
        ),
        (
            ["number", "một nghìn không trăm linh năm"],
            {"value": "1005", "text": "1005"},
        ),
        (["number", "không phẩy năm"], {"value": "0.5", "text": "0,5"}),
    ],
)
def test_format_json(
    argv: list[str], expected: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    """The documented shape of each command's JSON (docs/cli.md), from the same
    figures as the text output above."""
    status, out, err = run([*argv, "--format", "json"], capsys)
    assert (status, err) == (0, "")
    assert json_of(out) == expected
    assert out.count("\n") == len(out.splitlines())  # one document, one final newline


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**30)
    | st.decimals(min_value=0, max_value=10**15, places=4, allow_nan=False)
)
def test_json_values_are_exact(value: object) -> None:
    """The value of ``money`` and ``number`` in JSON is the exact decimal read:
    Decimal(value) is what the library reads, whatever its digits."""
    import contextlib
    import io
    from decimal import Decimal

    from danvan import format_number, number_to_words, parse_money, words_to_number

    text = format_number(value)  # type: ignore[arg-type]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["money", "--format", "json", "--", text]) == 0
    document = json_of(out.getvalue())
    assert isinstance(document, dict)
    assert Decimal(document["value"]) == parse_money(text)
    words = number_to_words(value)  # type: ignore[arg-type]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["number", "--format", "json", "--", words]) == 0
    document = json_of(out.getvalue())
    assert isinstance(document, dict)
    assert Decimal(document["value"]) == words_to_number(words) == Decimal(str(value))


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_COMMANDS),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
    | st.sampled_from(
        ["2025-01-29", "19/5", "1.798.702.098", "3,8 tỷ đồng", "hai mươi tư", "70-KH/BDVTU"]
    ),
)
def test_any_argument_in_json_gives_one_document_or_one_error_line(
    command: str, argument: str
) -> None:
    """Fuzz of ``--format json``: status 0 and one JSON document without a float, or
    status 2 and one line on standard error with nothing on standard output."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([command, "--format", "json", "--", argument])
    if status == 0:
        assert isinstance(json_of(out.getvalue()), dict)
        assert err.getvalue() == ""
    else:
        assert (status, out.getvalue()) == (2, "")
        assert err.getvalue().count("\n") == 1


# Every option of the commands that take text, with the values that reach a parser.
_OPTIONS: dict[str, list[str]] = {
    "words": ["--money", "--even", "--thousand", "--zero-tens", "--format"],
    "money": ["--unit", "--scale", "--format"],
    "number": ["--format"],
    "date": ["--place", "--format"],
    "code": ["--strict", "--format"],
    "lunar": ["--year", "--from-lunar", "--format"],
    "report": [
        "--period", "--unit", "--sections", "--format", "--allow-empty", "--document",
        "--issuer", "--number", "--issued", "--place", "--archive", "--signer-title",
        "--signer-name", "--authority", "--principal", "--recipient",
    ],
}  # fmt: skip
_FLAGS = {"--money", "--even", "--strict", "--from-lunar", "--allow-empty", "--document"}
_VALUES = st.text(max_size=20) | st.sampled_from(
    ["json", "text", "auto", "lẻ", "2023", "-1", "99999999999", "năm 2021", "quý I/2023",
     "results", "docx", "html", "deputy", "2021-12-20", "85", "Hồng Lĩnh", "2025-01-29",
     "1.005", "rằm tháng Bảy", "8-CT/ThU", "hai mươi", "3,8 tỷ", "19/5", "a\nb\x1b[0m"]
)  # fmt: skip


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(_OPTIONS)))
    argv = [command]
    for option in draw(st.lists(st.sampled_from(_OPTIONS[command]), max_size=5)):
        argv += [option] if option in _FLAGS else [option, draw(_VALUES)]
    if command != "report":
        argv += ["--", draw(_VALUES)]
    return argv


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command_lines())
def test_any_options_give_an_answer_or_one_error_line(argv: list[str]) -> None:
    """Fuzz of the options too: status 0, or 2 with one line on standard error (1 is
    for the file system, which these command lines do not touch)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:
            status = exc.code  # type: ignore[assignment]
    assert status in (0, 2)
    if status:
        assert err.getvalue().count("\n") == 1
        assert err.getvalue().startswith("danvan")


@pytest.mark.parametrize("argv", [[], ["--help"], ["code", "--help"]])
def test_help_on_a_terminal_without_unicode(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "danvan", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("usage: danvan")


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=80)
    | st.sampled_from(
        ["đạt 108,39% kế hoạch, 1.798.702.098đ", "3,8 tỷ đồng; 10/10 huyện", "quý I/2023"]
    )
)
def test_extract_json_has_no_float(text: str) -> None:
    """``extract --format json`` too: one JSON list, its values strings or integers."""
    import contextlib
    import io

    class Stdin:
        buffer = io.BytesIO(text.encode("utf-8", "surrogatepass"))

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = Stdin
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["extract", "-"])
    finally:
        sys.stdin = saved
    if status == 0:
        assert isinstance(json_of(out.getvalue()), list)
    else:  # a lone surrogate is no UTF-8
        assert (status, out.getvalue()) == (2, "")
        assert "is not UTF-8 text" in err.getvalue()


_JSON_LEAVES: st.SearchStrategy[object] = (
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.just([])
)


@st.composite
def damaged_dataset_files(draw: st.DrawFn) -> bytes:
    """A real dataset file with one value replaced or removed, or cut short."""
    document = json.loads((EXAMPLES / "nam_dinh_2022.json").read_text(encoding="utf-8"))
    node: Any = document
    while isinstance(node, (dict, list)) and node and draw(st.integers(0, 3)):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        child = node[key]
        if not isinstance(child, (dict, list)) or not child:
            if isinstance(node, dict) and draw(st.booleans()):
                del node[key]
            else:
                node[key] = draw(_JSON_LEAVES)
            break
        node = child
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return data[: draw(st.integers(0, len(data)))] if draw(st.integers(0, 9)) == 0 else data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_dataset_files(), st.sampled_from(["check", "report"]))
def test_a_damaged_dataset_follows_the_exit_statuses(data: bytes, command: str) -> None:
    """``check``: 0, or 1 with its problems on standard output, one a line; ``report``:
    0, or 2 with one line on standard error. Never a traceback."""
    import contextlib
    import io

    class Stdin:
        buffer = io.BytesIO(data)

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = Stdin
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([command, "-"])
    finally:
        sys.stdin = saved
    if command == "check":
        assert status in (0, 1)
        assert err.getvalue() == ""
        if status:
            assert out.getvalue().strip()
    else:
        assert status in (0, 2)
        if status:
            assert (out.getvalue(), err.getvalue().count("\n")) == ("", 1)
