"""The report as one HTML page with inline SVG charts (private)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final

from danvan import _html
from danvan.periods import format_period
from danvan.report._text import _depths
from danvan.roman import to_roman

if TYPE_CHECKING:
    from danvan.report._model import Chart, Report, Table

_STYLE: Final = """\
.danvan-report { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  Arial, sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 60rem; margin: 0 auto;
  padding: 1rem; }
.danvan-report h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.danvan-report h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; }
.danvan-report .danvan-period { color: #555; margin: 0 0 1rem; }
.danvan-report table { border-collapse: collapse; margin: .75rem 0; }
.danvan-report caption { font-weight: 600; text-align: left; padding: .25rem 0; }
.danvan-report th, .danvan-report td { border: 1px solid #ccc; padding: .2rem .5rem;
  text-align: left; vertical-align: top; }
.danvan-report th { background: #f3f3f3; }
.danvan-report td.number { text-align: right; }
.danvan-report figure { margin: 1rem 0; }
.danvan-report figcaption { font-weight: 600; }
.danvan-report svg { max-width: 100%; height: auto; font-size: 12px; }
.danvan-report svg text { fill: #1b1b1b; }
.danvan-report .danvan-reference { stroke: #b00; stroke-dasharray: 4 3; }
.danvan-report .danvan-axis { stroke: #777; }
"""


def _html_table(table: Table) -> list[str]:
    built = _html.Table(table.header, caption=table.caption)
    for row in table.rows:
        # Every cell is text to escape, even an _html.Html: no markup from outside.
        built.row([str(cell) for cell in row], header=True)
    return [str(built.render())]


def render_html(report: Report, *, standalone: bool) -> str:
    body = [f"<h1>{_html.escape(report.title)}</h1>"]
    if report.period is not None:
        body.append(
            '<p class="danvan-period">Kỳ báo cáo:'
            f" {_html.escape(format_period(report.period))}</p>"
        )
    for number, section in enumerate(report.sections, 1):
        body.append("<section>")
        body.append(f"<h2>{to_roman(number)}. {_html.escape(section.heading)}</h2>")
        body += [f"<p>{_html.escape(paragraph)}</p>" for paragraph in section.paragraphs]
        if section.items:
            body.append(str(_html.html_list([(i.text, d) for i, d in _depths(section.items)])))
        for table in section.tables:
            body += _html_table(table)
            if table.chart is not None:  # its figures are the table's, just above
                body += [
                    "<figure>",
                    f"<figcaption>{_html.escape(table.chart.title)}</figcaption>",
                    _svg(table.chart),
                    "</figure>",
                ]
        for chart in section.charts:
            body += [
                "<figure>",
                f"<figcaption>{_html.escape(chart.title)}</figcaption>",
                _svg(chart),
                "<details><summary>Số liệu của biểu đồ</summary>",
                *_html_table(chart.as_table()),
                "</details>",
                "</figure>",
            ]
        body.append("</section>")
    if not standalone:
        return "\n".join(
            ['<div class="danvan-report">', f"<style>{_STYLE}</style>", *body, "</div>"]
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="vi">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_html.escape(report.title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            '<main class="danvan-report">',
            *body,
            "</main>",
            "</body>",
            "</html>",
        ]
    )


# ---------------------------------------------------------------------------- SVG

_PALETTE: Final = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#9b2c2c", "#2c7a7b")
_WIDTH: Final = 720
_LABELS: Final = 240  # room for the category names on the left
_VALUES: Final = 90  # room for the written values on the right
_BAR: Final = 16
_GAP: Final = 3
_GROUP_GAP: Final = 10
_LEGEND_ROW: Final = 18
_SHORT: Final = 36  # longer category names are cut, the whole name is in the tooltip


def _label(name: str, limit: int = _SHORT) -> str:
    """*name* cut to at most *limit* characters between words, never inside one, with
    "…" when cut (the whole name is in the tooltip); a first word longer than the limit
    is kept whole.

    >>> _label("Mô hình “Dân vận khéo” được công nhận và biểu dương", 30)
    'Mô hình “Dân vận khéo” được…'
    """
    if len(name) <= limit:
        return name
    words = name.split(" ")
    kept = words[0]
    for word in words[1:]:
        if len(kept) + 1 + len(word) + 1 > limit:
            break
        kept += " " + word
    return kept.rstrip(",;:–-") + "…"


def _coord(value: Fraction) -> str:
    """An SVG coordinate from an exact value, with two decimals (half away from zero)."""
    hundredths = abs(value) * 100
    whole = (2 * hundredths.numerator + hundredths.denominator) // (2 * hundredths.denominator)
    sign = "-" if value < 0 and whole else ""
    return f"{sign}{whole // 100}.{whole % 100:02d}"


def _svg(chart: Chart) -> str:
    every = [value for row in chart.values for value in row]
    low = min([Fraction(0), *every, *([chart.reference] if chart.reference is not None else [])])
    high = max([Fraction(0), *every, *([chart.reference] if chart.reference is not None else [])])
    span = high - low or Fraction(1)
    plot = Fraction(_WIDTH - _LABELS - _VALUES)

    def x(value: Fraction) -> Fraction:
        return _LABELS + (value - low) * plot / span

    legend = len(chart.series) > 1
    top = Fraction(8 + (_LEGEND_ROW * len(chart.series) if legend else 0) + 14)
    group_height = len(chart.series) * (_BAR + _GAP) - _GAP
    height = top + len(chart.categories) * (group_height + _GROUP_GAP) + 8
    out = [
        f'<svg viewBox="0 0 {_WIDTH} {_coord(height)}" width="{_WIDTH}"'
        f' height="{_coord(height)}" role="img" aria-label="{_html.escape(chart.title)}">',
        f"<title>{_html.escape(chart.title)}</title>",
    ]
    if legend:
        for j, name in enumerate(chart.series):
            row = 8 + j * _LEGEND_ROW
            out.append(
                f'<rect x="{_LABELS}" y="{row}" width="12" height="12"'
                f' fill="{_PALETTE[j % len(_PALETTE)]}"/>'
                f'<text x="{_LABELS + 18}" y="{row + 10}">{_html.escape(name)}</text>'
            )
    zero = x(Fraction(0))
    bottom = height - 8
    y = Fraction(top)
    for category, values, labels in zip(chart.categories, chart.values, chart.labels, strict=True):
        short = _label(category)
        middle = y + Fraction(group_height, 2) + 4
        out.append(
            f'<text x="{_LABELS - 6}" y="{_coord(middle)}" text-anchor="end">'
            f"<title>{_html.escape(category)}</title>{_html.escape(short)}</text>"
        )
        for j, (value, label) in enumerate(zip(values, labels, strict=True)):
            end = x(value)
            left, right = min(zero, end), max(zero, end)
            out.append(
                f'<rect x="{_coord(left)}" y="{_coord(y)}" width="{_coord(right - left)}"'
                f' height="{_BAR}" fill="{_PALETTE[j % len(_PALETTE)]}">'
                f"<title>{_html.escape(f'{category} – {chart.series[j]}: {label}')}"
                f'</title></rect><text x="{_coord(right + 4)}" y="{_coord(y + _BAR - 4)}">'
                f"{_html.escape(label)}</text>"
            )
            y += _BAR + _GAP
        y += _GROUP_GAP - _GAP
    out.append(
        f'<line class="danvan-axis" x1="{_coord(zero)}" y1="{_coord(top - 4)}"'
        f' x2="{_coord(zero)}" y2="{_coord(bottom)}"/>'
    )
    if chart.reference is not None:
        at = x(chart.reference)
        out.append(
            f'<line class="danvan-reference" x1="{_coord(at)}" y1="{_coord(top - 4)}"'
            f' x2="{_coord(at)}" y2="{_coord(bottom)}"/>'
        )
        if chart.reference_label is not None:
            out.append(
                f'<text x="{_coord(at)}" y="{_coord(top - 6)}" text-anchor="middle">'
                f"{_html.escape(chart.reference_label)}</text>"
            )
    out.append("</svg>")
    return "\n".join(out)
