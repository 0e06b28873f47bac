"""Reports on mass-mobilisation work (báo cáo công tác dân vận) from a dataset.

:func:`build_report` reads a :class:`~danvan.Dataset` and writes what a periodic report
says about it, in the sentences of :mod:`danvan.sentences`: the units, the directives
issued (canonical codes, administrative dates), the campaigns, the "Dân vận khéo"
models by field, holder and status compared with the year before, and the figures of
the indicators with their attainment of plan. The result is a :class:`Report`, a
frozen value of sections, items and tables that renders as plain text, Markdown or
one self-contained HTML page with inline SVG charts (no script, no network).

>>> report = build_report(default_dataset())
>>> report.title
'Công tác dân vận năm 2021 của thị xã Hồng Lĩnh (Hà Tĩnh)'
>>> print(report.period)
năm 2021
>>> [section.heading for section in report.sections]
['Các đơn vị', 'Văn bản chỉ đạo', 'Phong trào, cuộc vận động', 'Kết quả thực hiện các chỉ tiêu năm 2021', 'Nguồn số liệu']
>>> print(report.sections[1].items[0].text)
Chỉ thị số 08-CT/ThU ngày 19/5/2021 của Ban Thường vụ Thị ủy Hồng Lĩnh về tiếp tục tăng cường sự lãnh đạo của Đảng đối với công tác dân vận của chính quyền và các cơ quan nhà nước
>>> print(next(i.text for i in report.sections[3].items if "Dân vận khéo" in i.text))
Mô hình “Dân vận khéo” được công nhận và biểu dương: 70 mô hình, đạt 73% kế hoạch, tăng 17% so với năm 2020

Figures are exact to the last đồng; rounding happens only where a sentence writes a
percent (half away from zero, two places). Every sentence comes from a field of the
dataset, never from a description or a code:

- an observation with a plan (its ``target``, a :class:`~danvan.Target` or a campaign
  target with the same indicator, unit and period) gets "đạt …% kế hoạch", or where
  lower is better "đạt và vượt kế hoạch (không quá 60 hộ)"; one without a plan but
  with a ``stated_attainment`` gets the stated percent; when two or more figures have
  a plan, the period's results say how many were met, in each indicator's direction:
  "Có 19/21 chỉ tiêu đạt và vượt kế hoạch.";
- an observation with a ``baseline`` gets the change from it, one without but with a
  ``stated_change`` the stated change, compared with its ``baseline_period`` ("so với
  năm 2020", "so với cùng kỳ năm trước", "so với đầu năm"); a fall where lower is better
  is "giảm được";
- a ``bound`` is written before its figure ("trên 90%");
- a ratio indicator (``numerator`` and ``denominator``) is written "19/21 chỉ tiêu
  (90,48%)" in one line, in place of its two parts.

Money (an indicator counted in "đồng") is written as the reports of the corpus write
it: with a scale word when that is exact and short ("915 triệu đồng", "3,8 tỷ
đồng"), otherwise to the đồng ("1.798.702.098đ").

Text from the dataset is written in NFC, with runs of white space made one space and
control characters and lone surrogates shown as U+FFFD, so that no name can break the
layout of a format or the encoding of a file.
"""  # noqa: E501

from __future__ import annotations

from danvan.report._build import SectionName, build_report
from danvan.report._model import (
    Chart,
    Item,
    Report,
    ReportFormat,
    Section,
    Table,
    render_report,
)
from danvan.serialize import default_dataset

__all__ = [
    "Chart",
    "Item",
    "Report",
    "ReportFormat",
    "Section",
    "SectionName",
    "Table",
    "build_report",
    "default_dataset",
    "render_report",
]
