"""The ``danvan`` command line (dòng lệnh).

``danvan demo`` shows what the library does with figures from real reports;
``danvan words``, ``danvan money`` and ``danvan number`` are small tools over the API.
Bad input prints one line on stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

from danvan.errors import DanvanError
from danvan.numbers import format_money, format_number, format_percent, parse_money
from danvan.words import money_to_words, number_to_words, words_to_number

__all__ = ["main"]

# Figures as the reports in the project's corpus state them (Hồng Lĩnh 2021, Nam Định
# 2022, Hòa Thành 2020).
_DEMO_LINES: tuple[tuple[str, Callable[[], str]], ...] = (
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
    width = max(len(label) for label, _ in _DEMO_LINES)
    return "\n".join(f"{label:<{width}}  {make()}" for label, make in _DEMO_LINES)


def _words(args: argparse.Namespace) -> str:
    value = parse_money(args.number)
    if args.money or args.even:  # "chẵn" belongs to the money line
        return money_to_words(
            value, even=args.even, thousand=args.thousand, zero_tens=args.zero_tens
        )
    return number_to_words(value, thousand=args.thousand, zero_tens=args.zero_tens)


def _money(args: argparse.Namespace) -> str:
    return format_money(parse_money(args.amount), unit=args.unit, scale=args.scale)


def _number(args: argparse.Namespace) -> str:
    return str(words_to_number(args.words))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="danvan", description="Vietnamese report figures, exact to the last digit."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="show formatting and number words on real figures")
    demo.set_defaults(run=_demo)
    words = commands.add_parser("words", help="spell a number in Vietnamese words")
    words.add_argument("number", help="a number as reports write it, e.g. 1.798.702.098")
    words.add_argument("--money", action="store_true", help="write the 'bằng chữ' line")
    words.add_argument("--even", action="store_true", help="the money line with 'chẵn'")
    words.add_argument("--thousand", choices=("nghìn", "ngàn"), default="nghìn")
    words.add_argument("--zero-tens", choices=("linh", "lẻ"), default="linh")
    words.set_defaults(run=_words)
    money = commands.add_parser("money", help="write an amount of đồng")
    money.add_argument("amount", help="an amount, e.g. 3800000000 or '3,8 tỷ đồng'")
    money.add_argument("--unit", choices=("đồng", "đ", "VNĐ", "₫"), default="đồng")
    money.add_argument("--scale", choices=("auto", "nghìn", "triệu", "tỷ", "nghìn tỷ"))
    money.set_defaults(run=_money)
    number = commands.add_parser("number", help="read a number written in words")
    number.add_argument("words", help="e.g. 'một nghìn không trăm linh năm'")
    number.set_defaults(run=_number)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["demo"])
    try:
        output = args.run(args)
    except DanvanError as exc:
        print(f"danvan {args.command}: {exc}", file=sys.stderr)
        return 2
    try:
        print(output)
    except UnicodeEncodeError:
        print(
            f"danvan {args.command}: this terminal cannot show Vietnamese text;"
            " set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return 1
    return 0
