"""The value of an official document: signing marks, signature block, document (private)."""

from __future__ import annotations

import enum
import unicodedata
from datetime import date, datetime
from typing import Any, Final

import attrs

from danvan._validators import instance_of, optional, tuple_of
from danvan.dates import format_date
from danvan.documents import DocumentCode, DocumentSystem
from danvan.errors import InvalidTypeError, InvalidValueError
from danvan.report import Report

__all__ = ["Authority", "OfficialDocument", "SignatureBlock"]

_REPLACED: Final = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _one_line(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """One line of NFC text: no control characters, no runs of spaces, not empty."""
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{attribute.name} must be a str, not {type(value).__name__}: {value!r}"
        )
    if not value.strip():
        raise InvalidValueError(f"{attribute.name} must not be empty")
    if (
        value != value.strip()
        or "  " in value
        or any(unicodedata.category(c) in _REPLACED or (c.isspace() and c != " ") for c in value)
        or not unicodedata.is_normalized("NFC", value)
    ):
        raise InvalidValueError(
            f"{attribute.name} must be one line of NFC text without control characters"
            f" or runs of spaces, not {value!r}"
        )


def _lines(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
    for line in value:
        _one_line(instance, attribute, line)


def _some_lines(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _lines(instance, attribute, value)
    assert isinstance(value, tuple)
    if not value:
        raise InvalidValueError(f"{attribute.name} needs at least one line")


def _archive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{attribute.name} must be a str, not {type(value).__name__}: {value!r}"
        )
    if value:  # empty: check_document reports the missing "- Lưu" line
        _one_line(instance, attribute, value)


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidTypeError(
            f"{attribute.name} must be a date, not {type(value).__name__}: {value!r}"
        )
    if value.year < 1000:
        raise InvalidValueError(f"documents write four-digit years, not {value!r}")


class Authority(str, enum.Enum):
    """How a signer signs (quyền hạn ký): on behalf of a collective, for the head, by
    order, by authorisation. :meth:`mark` writes it in each system.

    >>> Authority.ON_BEHALF.mark(DocumentSystem.PARTY), Authority.DEPUTY.mark(DocumentSystem.STATE)
    ('T/M', 'KT.')
    """

    ON_BEHALF = "on_behalf"  # thay mặt: T/M (Party), TM. (State)
    DEPUTY = "deputy"  # ký thay: K/T (Party), KT. (State)
    BY_ORDER = "by_order"  # thừa lệnh: TL. (State)
    BY_AUTHORIZATION = "by_authorization"  # thừa ủy quyền: TUQ. (State)

    def mark(self, system: DocumentSystem, /) -> str | None:
        """The abbreviation in *system*, or None where danvan knows none.

        State: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 7.b ("TM.",
        "KT.", "TL.", "TUQ."). Party: "T/M" and "K/T" (Hướng dẫn 36-HD/VPTW, as Party
        documents sign); a Party "thừa lệnh" or "thừa ủy quyền" mark was not found in
        the rule, so it is None.
        """
        if not isinstance(system, DocumentSystem):
            raise InvalidTypeError(f"system must be a DocumentSystem, not {system!r}")
        return _MARKS[system].get(self)


_MARKS: Final[dict[DocumentSystem, dict[Authority, str]]] = {
    DocumentSystem.PARTY: {Authority.ON_BEHALF: "T/M", Authority.DEPUTY: "K/T"},
    DocumentSystem.STATE: {
        Authority.ON_BEHALF: "TM.",
        Authority.DEPUTY: "KT.",
        Authority.BY_ORDER: "TL.",
        Authority.BY_AUTHORIZATION: "TUQ.",
    },
}


def _check_signature(instance: SignatureBlock) -> None:
    if instance.authority is Authority.ON_BEHALF:
        raise InvalidValueError(
            "authority ON_BEHALF is written before the collective: give on_behalf_of instead"
        )
    if (instance.authority is None) != (instance.principal is None):
        raise InvalidValueError(
            "authority and principal go together: the mark is written before the"
            f" principal's title (authority={instance.authority!r},"
            f" principal={instance.principal!r})"
        )


@attrs.frozen(kw_only=True)
class SignatureBlock:
    """The signature block (quyền hạn, chức vụ, họ tên người ký).

    ``on_behalf_of`` is the collective a signer signs for ("Ban Thường vụ", "Ủy ban nhân
    dân": "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN"); ``authority`` and ``principal``
    a mark before the head's title ("KT. CHỦ TỊCH"); ``title`` the signer's own title
    and ``name`` the signer's name. :meth:`lines` writes the block in a system.

    >>> block = SignatureBlock(title="Phó Chủ tịch", name="Nguyễn Văn A",
    ...                        on_behalf_of="Ủy ban nhân dân",
    ...                        authority=Authority.DEPUTY, principal="Chủ tịch")
    >>> block.lines(DocumentSystem.STATE)
    ('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A')
    >>> SignatureBlock(title="Phó Bí thư", name="Trần Thị B",
    ...                on_behalf_of="Ban Thường vụ").lines(DocumentSystem.PARTY)
    ('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Trần Thị B')
    """

    title: str = attrs.field(validator=_one_line)
    name: str = attrs.field(validator=_one_line)
    on_behalf_of: str | None = attrs.field(default=None, validator=optional(_one_line))
    authority: Authority | None = attrs.field(
        default=None, validator=optional(instance_of(Authority))
    )
    principal: str | None = attrs.field(default=None, validator=optional(_one_line))

    def __attrs_post_init__(self) -> None:
        _check_signature(self)

    def lines(self, system: DocumentSystem, /) -> tuple[str, ...]:
        """The lines of the block, the marks and titles in capitals; a mark the system
        does not know is written as its English value in brackets (check_document
        reports it)."""

        def marked(authority: Authority, what: str) -> str:
            mark = authority.mark(system) or f"[{authority.value}]"
            return f"{mark} {what.upper()}"

        out = []
        if self.on_behalf_of is not None:
            out.append(marked(Authority.ON_BEHALF, self.on_behalf_of))
        if self.authority is not None and self.principal is not None:
            out.append(marked(self.authority, self.principal))
        out += [self.title.upper(), self.name]
        return tuple(out)


def _code(instance: OfficialDocument, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, DocumentCode):
        raise InvalidTypeError(
            f"code must be a DocumentCode, not {type(value).__name__}: {value!r}"
        )


@attrs.frozen(kw_only=True)
class OfficialDocument:
    """A report as an official document (văn bản) of the Party or the State.

    ``system`` chooses the rules (Party: Hướng dẫn 36-HD/VPTW; State: Nghị định
    30/2020/NĐ-CP); ``superior`` and ``issuer`` are the lines of the bodies' names as
    the header writes them (any case: the layout writes capitals); ``code`` its
    number and code; ``place`` and ``issued`` the date line; ``abstract`` the trích
    yếu; ``body`` the :class:`~danvan.Report`; ``signature`` the
    :class:`SignatureBlock`; ``recipients`` the names under "Nơi nhận" and ``archive``
    what follows "Lưu" (Party "Văn phòng Thị ủy", State "VT, BDV").

    The constructor checks types and that every text is one line; what breaks the
    rules of layout (a State code in a Party document, a missing "Nơi nhận", …) is
    for :func:`check_document` to list. :func:`official_document` builds one from a
    unit and refuses what the check would report.
    """

    system: DocumentSystem = attrs.field(validator=instance_of(DocumentSystem))
    superior: tuple[str, ...] = attrs.field(validator=_lines)
    issuer: tuple[str, ...] = attrs.field(validator=_some_lines)
    code: DocumentCode = attrs.field(validator=_code)
    place: str = attrs.field(validator=_one_line)
    issued: date = attrs.field(validator=_day)
    abstract: str = attrs.field(validator=_one_line)
    body: Report = attrs.field(validator=instance_of(Report))
    signature: SignatureBlock = attrs.field(validator=instance_of(SignatureBlock))
    recipients: tuple[str, ...] = attrs.field(validator=_lines)
    archive: str = attrs.field(validator=_archive)

    @property
    def number_line(self) -> str:
        """The number line as the header prints it: "Số 05-BC/ThU", "Số: 05/BC-UBND"."""
        return self.code.number_line()

    @property
    def date_line(self) -> str:
        """The place and date line: "Hồng Lĩnh, ngày 19 tháng 5 năm 2021"."""
        return format_date(self.issued, style="long", place=self.place)

    @property
    def document_type(self) -> str:
        """The name of the document's type ("Báo cáo"), from its code."""
        kind = self.code.type
        name = None if kind is None else kind.name
        return name if name is not None else "Văn bản"

    def recipient_lines(self) -> tuple[str, ...]:
        """The lines under "Nơi nhận:", the archive line last.

        A State document ends each line with ";" and writes "- Lưu: VT, …." (Nghị
        định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 9.d); a Party document ends
        each line with "," and writes "- Lưu Văn phòng …." (common practice).
        """
        end = "," if self.system is DocumentSystem.PARTY else ";"
        lines = [f"- {name}{end}" for name in self.recipients]
        if self.archive:
            colon = "" if self.system is DocumentSystem.PARTY else ":"
            lines.append(f"- Lưu{colon} {self.archive}.")
        elif lines:
            lines[-1] = lines[-1][:-1] + "."
        return tuple(lines)

    def to_html(self) -> str:
        """The document as one print-ready HTML page (A4, its margins in ``@page``, the
        fonts and sizes of the rules), self-contained: nothing is fetched, nothing runs."""
        from danvan.official._html import render_html

        return render_html(self)
