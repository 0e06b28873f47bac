"""An official document as one print-ready HTML page (private).

A4 paper and the margins of the rule in ``@page``, Times New Roman and the sizes of
:data:`~danvan.official._layout.LAYOUTS` in points; the page number in the top margin
from the second page (``@page`` margin boxes, which browsers that lack them leave
out). Everything is inline: no script, no font or style sheet fetched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from danvan import _html
from danvan.documents import DocumentSystem
from danvan.official._body import blocks
from danvan.official._layout import FONT, LAYOUTS, Element, Layout, TextStyle

if TYPE_CHECKING:  # the document's to_html() imports this module
    from danvan.official._model import OfficialDocument

__all__ = ["render_html"]

_LEFT: Final = {DocumentSystem.PARTY: 45, DocumentSystem.STATE: 38}  # % of the width


def _css(style: TextStyle) -> str:
    parts = [f"font-size:{style.size}pt", f"text-align:{style.align}"]
    parts.append(f"font-weight:{'bold' if style.bold else 'normal'}")
    parts.append(f"font-style:{'italic' if style.italic else 'normal'}")
    if style.underline:
        parts.append("text-decoration:underline")
    return ";".join(parts)


def _style_sheet(layout: Layout, system: DocumentSystem) -> str:
    page = layout.page
    rules = [
        f"@page {{ size: {page.width}mm {page.height}mm;"
        f" margin: {page.top}mm {page.right}mm {page.bottom}mm {page.left}mm;"
        f" @top-center {{ content: counter(page); font-family: '{FONT}', serif;"
        f" font-size: {layout.styles[Element.PAGE_NUMBER].size}pt; }} }}",
        "@page :first { @top-center { content: none; } }",
        f"body {{ font-family: '{FONT}', 'Liberation Serif', 'Tinos', serif; color: #000;"
        f" margin: 0; }}",
        "@media screen { body { background: #eee; } .danvan-document { background: #fff;"
        f" width: {page.width - page.left - page.right}mm; margin: 1rem auto;"
        f" padding: {page.top}mm {page.right}mm {page.bottom}mm {page.left}mm;"
        " box-shadow: 0 0 4px #999; } }",
        ".danvan-document p { margin: 0; line-height: 1.2; }",
        ".danvan-document table { border-collapse: collapse; width: 100%; }",
        ".danvan-document td { vertical-align: top; padding: 0; }",
        f".danvan-document .left {{ width: {_LEFT[system]}%; }}",
        ".danvan-document .line { width: 40%; margin: 1pt auto 0; border-top: 1px solid #000; }",
        ".danvan-document .abstract-line { width: 30%; margin: 4pt auto 12pt;"
        " border-top: 1px solid #000; }",
        f".danvan-document .body p {{ text-indent: {layout.first_line_indent_mm}mm;"
        f" margin-bottom: {layout.paragraph_after_pt}pt; }}",
        ".danvan-document table.figures { margin: 3pt 0 6pt; page-break-inside: avoid; }",
        ".danvan-document table.figures td, .danvan-document table.figures th {"
        " border: 1px solid #000; padding: 1pt 3pt; }",
        ".danvan-document .signature { margin-top: 12pt; page-break-inside: avoid; }",
    ]
    for element, style in layout.styles.items():
        rules.append(f".danvan-document .{element.value.replace('_', '-')} {{ {_css(style)} }}")
    return "\n".join(rules)


def _p(element: Element, text: str, layout: Layout, *, extra: str = "") -> str:
    style = layout.styles[element]
    shown = text.upper() if style.upper else text
    css = element.value.replace("_", "-")
    attributes = f' style="{extra}"' if extra else ""
    return f'<p class="{css}"{attributes}>{_html.escape(shown)}</p>'


def render_html(document: OfficialDocument) -> str:
    layout = LAYOUTS[document.system]
    party = document.system is DocumentSystem.PARTY
    names = [_p(Element.SUPERIOR, line, layout) for line in document.superior]
    names += [_p(Element.ISSUER, line, layout) for line in document.issuer]
    if party:
        names.append(_p(Element.ASTERISK, "*", layout))
        heading = [_p(Element.PARTY_HEADING, "Đảng Cộng sản Việt Nam", layout)]
    else:
        names.append('<div class="line"></div>')
        heading = [
            _p(Element.NATIONAL_NAME, "Cộng hòa xã hội chủ nghĩa Việt Nam", layout),
            _p(Element.MOTTO, "Độc lập - Tự do - Hạnh phúc", layout),
        ]
    number = _p(Element.NUMBER, document.number_line, layout, extra="margin-top:6pt")
    when = _p(Element.PLACE_DATE, document.date_line, layout, extra="margin-top:6pt")
    out = [
        '<table class="header">',
        f'<tr><td class="left">{"".join(names)}</td><td>{"".join(heading)}</td></tr>',
        f'<tr><td class="left">{number}</td><td>{when}</td></tr>',
        "</table>",
        _p(Element.DOCUMENT_TYPE, document.document_type, layout, extra="margin-top:18pt"),
        _p(Element.ABSTRACT, document.abstract, layout),
    ]
    if layout.rule_under_abstract == "dashes":
        out.append(_p(Element.ABSTRACT_RULE, "-----", layout, extra="margin-bottom:12pt"))
    else:
        out.append('<div class="abstract-line"></div>')
    out.append('<div class="body">')
    for block in blocks(document.body):
        if block.kind == "table":
            assert block.table is not None
            table = block.table
            size = layout.styles[Element.TABLE].size
            caption = _html.escape(block.text)
            out.append(f'<p class="table" style="font-weight:bold;text-indent:0">{caption}</p>')
            out.append(f'<table class="figures" style="font-size:{size}pt">')
            out.append(
                "<tr>"
                + "".join(f"<th>{_html.escape(cell)}</th>" for cell in table.header)
                + "</tr>"
            )
            for row in table.rows:
                out.append(
                    "<tr>" + "".join(f"<td>{_html.escape(cell)}</td>" for cell in row) + "</tr>"
                )
            out.append("</table>")
            continue
        element = {"heading": Element.HEADING, "item": Element.ITEM}.get(block.kind, Element.BODY)
        extra = f"margin-left:{5 * block.depth}mm" if block.depth else ""
        out.append(_p(element, block.text, layout, extra=extra))
    out.append("</div>")
    *marks, title, name = document.signature.lines(document.system)
    received = [_p(Element.RECIPIENTS_LABEL, "Nơi nhận:", layout)]
    received += [_p(Element.RECIPIENT, line, layout) for line in document.recipient_lines()]
    signed = [_p(Element.AUTHORITY, line, layout) for line in marks]
    signed.append(_p(Element.SIGNER_TITLE, title, layout))
    signed.append(_p(Element.SIGNER_NAME, name, layout, extra="margin-top:72pt"))
    out += [
        '<table class="signature">',
        f'<tr><td class="left">{"".join(received)}</td><td>{"".join(signed)}</td></tr>',
        "</table>",
    ]
    title_text = f"{document.document_type} {document.number_line}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="vi">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{_html.escape(title_text)}</title>",
            f"<style>\n{_style_sheet(layout, document.system)}\n</style>",
            "</head>",
            "<body>",
            '<main class="danvan-document">',
            *out,
            "</main>",
            "</body>",
            "</html>",
        ]
    )
