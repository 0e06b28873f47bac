"""Figures of a real report, written, read back and spelled with danvan.

The figures are those of the Hòa Thành town (Tây Ninh) report on the 2020 coordination
programme between Ban Dân vận and the People's Committee, as the report states them:
the "Vì người nghèo" fund raised 1.798.702.098đ, 108,39% of its plan; 9.278 people
received 10.499 gift parcels worth 5.052.100.000đ; 915 triệu đồng built 15 houses.

Run it with ``python examples/figures.py``.
"""

from __future__ import annotations

from fractions import Fraction

from danvan import (
    format_money,
    format_number,
    format_percent,
    money_to_words,
    parse_money,
    parse_number,
    parse_percent,
)

REPORT = {
    "quỹ 'Vì người nghèo'": "1.798.702.098đ",
    "quà tặng (suất)": "10.499",
    "người được tặng quà (lượt)": "9.278",
    "trị giá quà": "5.052.100.000đ",
    "xây nhà đại đoàn kết": "915 triệu đồng",
}


def main() -> None:
    fund = parse_money(REPORT["quỹ 'Vì người nghèo'"])
    attainment = parse_percent("108,39%")
    # The plan the report implies (approximate: the report rounds the percent).
    plan = Fraction(fund) / Fraction(attainment)
    gifts = parse_number(REPORT["quà tặng (suất)"])
    gift_value = parse_money(REPORT["trị giá quà"])

    print(f"Quỹ 'Vì người nghèo': {format_money(fund, unit='đ')}")
    print(f"  bằng chữ: {money_to_words(fund)}")
    print(f"  kế hoạch (suy ra): khoảng {format_money(plan, scale='tỷ', decimals=2)}")
    print(f"  đạt {format_percent(attainment)} kế hoạch")
    print(
        f"Quà tặng: {format_number(gifts)} suất, trị giá {format_money(gift_value, scale='auto')}"
    )
    per_gift = Fraction(gift_value, gifts)
    print(f"  bình quân {format_money(per_gift, decimals=0)}/suất")
    print(f"Nhà đại đoàn kết: {format_money(parse_money(REPORT['xây nhà đại đoàn kết']))}")


if __name__ == "__main__":
    main()
