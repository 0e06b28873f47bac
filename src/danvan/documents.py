"""Document codes and directives (số, ký hiệu văn bản; chỉ thị, nghị quyết).

Every Party and State document carries a code: its number, its type and its issuer.
The two systems write it differently:

- **Party** (Hướng dẫn 36-HD/VPTW, 2018): number, hyphen, type, slash, issuer, with
  joint issuers joined by hyphens: ``08-CT/ThU``, ``70-KH/BDVTU-BCSĐUBND``. Numbering
  restarts from 01 for each type in each committee term (nhiệm kỳ).
- **State** (Nghị định 30/2020/NĐ-CP): number, slash, type, hyphen, issuer:
  ``125/QĐ-UBND``; legal normative documents add the year, ``30/2020/NĐ-CP``; laws and
  resolutions of the National Assembly have no type, ``10/2022/QH15``; a công văn has
  none either, only the issuer and the drafting unit, ``238/UBND-KGVX``. Numbering
  restarts every 1 January.

Numbers below 10 take a leading zero and the mixed case of ``ThU``, ``TTg``, ``QyĐ``
or ``CTr`` is meaningful.

>>> code = DocumentCode.parse("Chỉ thị số 8-ct/thu")
>>> str(code), code.number, str(code.type), code.issuers
('08-CT/ThU', 8, 'CT', ('ThU',))
>>> code.type.name, code.system.value
('Chỉ thị', 'party')
>>> code.describe()
'Chỉ thị số 08-CT/ThU'
>>> DocumentCode.parse("30/2020/NĐ-CP").type.name
'Nghị định'
>>> DocumentCode.parse("238/UBND-KGVX").type is None
True

The separator after the number decides the system: a hyphen makes a Party code, a slash
a State code. In a State code without a year, a first part that is not a State type is
the issuer of a công văn, so an unknown State type can only be recognised in a code with
a year (``05/2019/XYZ-BYT``). Cục Thuế writes its công văn ``123/CT-TTHT``, which reads
as a Chỉ thị of "TTHT": nothing in the code tells them apart.

A :class:`Directive` is a document with its code, title, date of issue and issuing
units. As Party numbers repeat every term, a code is unique only together with its
issuing unit and date: that is :attr:`Directive.key`.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from danvan._calendar import CENTRAL_BOARDS_MERGED, REORGANIZED
from danvan._text import nfc_with_offsets, original_index
from danvan._validators import check_day, check_integer, identifier
from danvan.errors import DanvanError, InvalidTypeError, InvalidValueError, ParseError, parse_error
from danvan.roman import to_roman

__all__ = [
    "Directive",
    "DocumentCode",
    "DocumentSystem",
    "DocumentType",
    "format_document_code",
    "parse_document_code",
]

#: Longest text :meth:`DocumentCode.parse` reads; a code with its prefix is far shorter.
MAX_TEXT_LENGTH: Final = 1000
#: Longest type or issuer abbreviation ("ĐCTUBTWMTTQVN" has 13 letters).
MAX_PART_LENGTH: Final = 32
#: Most issuers one code names (joint documents name two or three).
MAX_ISSUERS: Final = 10
#: Most digits of a document number (real numbers have at most five).
MAX_NUMBER_DIGITS: Final = 9


class DocumentSystem(str, enum.Enum):
    """Which system issued a document; the value is its English name."""

    PARTY = "party"  # Đảng: 08-CT/ThU
    STATE = "state"  # Nhà nước: 125/QĐ-UBND, 30/2020/NĐ-CP


# ------------------------------------------------------------------------- vocabulary

# (abbreviation, Vietnamese name, English label), in the order of the official lists.
_PARTY_TYPES: Final = (
    ("NQ", "Nghị quyết", "Resolution"),
    ("CT", "Chỉ thị", "Directive"),
    ("KL", "Kết luận", "Conclusion"),
    ("QĐ", "Quyết định", "Decision"),
    ("QĐi", "Quy định", "Regulation"),
    ("QC", "Quy chế", "Rules"),
    ("HD", "Hướng dẫn", "Guidance"),
    ("KH", "Kế hoạch", "Plan"),
    ("CTr", "Chương trình", "Programme"),
    ("TB", "Thông báo", "Notice"),
    ("TT", "Thông tri", "Circular"),
    ("BC", "Báo cáo", "Report"),
    ("TTr", "Tờ trình", "Submission"),
    ("ĐA", "Đề án", "Scheme"),
    ("CV", "Công văn", "Official letter"),
    # Copies (bản sao): the type named in issue 17 of danvan; the passage of Hướng dẫn
    # 36-HD/VPTW (03/4/2018) that defines it was not read here (unverified).
    ("BS", "Bản sao", "Copy"),
)
_STATE_TYPES: Final = (
    # Nghị định 30/2020/NĐ-CP, Phụ lục III: administrative documents.
    ("NQ", "Nghị quyết", "Resolution"),
    ("QĐ", "Quyết định", "Decision"),
    ("CT", "Chỉ thị", "Directive"),
    ("QC", "Quy chế", "Rules"),
    ("QyĐ", "Quy định", "Regulation"),
    ("TC", "Thông cáo", "Communiqué"),
    ("TB", "Thông báo", "Notice"),
    ("HD", "Hướng dẫn", "Guidance"),
    ("CTr", "Chương trình", "Programme"),
    ("KH", "Kế hoạch", "Plan"),
    ("PA", "Phương án", "Option"),
    ("ĐA", "Đề án", "Scheme"),
    ("DA", "Dự án", "Project"),
    ("BC", "Báo cáo", "Report"),
    ("BB", "Biên bản", "Minutes"),
    ("TTr", "Tờ trình", "Submission"),
    ("HĐ", "Hợp đồng", "Contract"),
    ("CĐ", "Công điện", "Official telegram"),
    ("BGN", "Bản ghi nhớ", "Memorandum of understanding"),
    ("BTT", "Bản thỏa thuận", "Agreement"),
    ("GUQ", "Giấy ủy quyền", "Power of attorney"),
    ("GM", "Giấy mời", "Invitation"),
    ("GGT", "Giấy giới thiệu", "Letter of introduction"),
    ("GNP", "Giấy nghỉ phép", "Leave permit"),
    ("PG", "Phiếu gửi", "Dispatch slip"),
    ("PC", "Phiếu chuyển", "Transfer slip"),
    ("PB", "Phiếu báo", "Notification slip"),
    # The same appendix: copies.
    ("SY", "Bản sao y", "True copy"),
    ("TrS", "Bản trích sao", "Extract copy"),
    ("SL", "Bản sao lục", "Transcribed copy"),
    # Legal normative documents (văn bản quy phạm pháp luật) seen in codes.
    ("NĐ", "Nghị định", "Decree"),
    ("TT", "Thông tư", "Circular"),
    ("TTLT", "Thông tư liên tịch", "Joint circular"),
    ("NQLT", "Nghị quyết liên tịch", "Joint resolution"),
    ("L", "Lệnh", "Order"),
    # Ordinances of the Standing Committee of the National Assembly: "28/2005/PL-UBTVQH11"
    # (Pháp lệnh Ngoại hối, 13/12/2005).
    ("PL", "Pháp lệnh", "Ordinance"),
    # Consolidated texts (văn bản hợp nhất): "03/VBHN-VPQH" (2021, Luật Khiếu nại);
    # VBHN is the type, never an issuer.
    ("VBHN", "Văn bản hợp nhất", "Consolidated text"),
)
_VOCABULARY: Final[dict[DocumentSystem, tuple[tuple[str, str, str], ...]]] = {
    DocumentSystem.PARTY: _PARTY_TYPES,
    DocumentSystem.STATE: _STATE_TYPES,
}
# Lower-cased abbreviation → (abbreviation, name, english), per system.
_TYPE_INDEX: Final[dict[DocumentSystem, dict[str, tuple[str, str, str]]]] = {
    system: {entry[0].lower(): entry for entry in entries}
    for system, entries in _VOCABULARY.items()
}

# Issuers whose case danvan knows, to write "thu" as "ThU" and "ttg" as "TTg". Other
# issuers are kept as written. QH and UBTVQH carry the number of the legislature.
_KNOWN_ISSUERS: Final = (
    # Party, central: Trung ương, its Văn phòng, Ban Dân vận, Ban Tổ chức, Ban Tuyên
    # giáo, Ban Tuyên giáo và Dân vận (2025), Ủy ban Kiểm tra.
    "TW",
    "VPTW",
    "BDVTW",
    "BTCTW",
    "BTGTW",
    "BTGDVTW",
    "UBKTTW",
    # Party, local: tỉnh ủy, huyện ủy, quận ủy, thị ủy, đảng ủy; their boards.
    "TU",
    "HU",
    "QU",
    "ThU",
    "ĐU",
    "BDVTU",
    "BDVHU",
    "BDV",
    "BTGTU",
    "BTCTU",
    "BTGDVTU",
    "UBKTTU",
    "VPTU",
    "BCSĐ",
    "BCSĐUBND",
    # State: Chính phủ, Thủ tướng, Chủ tịch nước, Văn phòng Chính phủ, local councils
    # and committees, the Front, ministries and their departments.
    "CP",
    "TTg",
    "CTN",
    "VPCP",
    "VPQH",
    "UBND",
    "HĐND",
    "UBMTTQ",
    "MTTQ",
    "UBTWMTTQVN",
    "BNV",
    "BTC",
    "BCA",
    "BQP",
    "BYT",
    "BTP",
    "BCT",
    "BXD",
    "BGTVT",
    "BGDĐT",
    "BLĐTBXH",
    "BNNPTNT",
    "BTNMT",
    "BVHTTDL",
    "BTTTT",
    "BKHĐT",
    "BKHCN",
    "NHNN",
    "TTCP",
    "KTNN",
    "TANDTC",
    "VKSNDTC",
    "UBDT",
    "KGVX",
    "KTTH",
)
_ISSUER_INDEX: Final[dict[str, str]] = {issuer.lower(): issuer for issuer in _KNOWN_ISSUERS}
_NUMBERED_ISSUERS: Final[dict[str, str]] = {"qh": "QH", "ubtvqh": "UBTVQH"}

# The full names of issuer abbreviations, each with the days it is valid: (name, from,
# until), ``until`` exclusive, ``None`` for no known bound. Where a body was renamed or
# merged its abbreviation changed too (BDVTW → BTGDVTW), so every abbreviation has one
# name here. Dates: the central Ban Tuyên giáo and Ban Dân vận merged into the Ban
# Tuyên giáo và Dân vận Trung ương on 03/02/2025 (e.g. "1147-QĐ/BTGDVTW"); the district
# level, and so its committees and boards, ended on 01/07/2025 (NQ 202/2025/QH15 and
# the two-tier local government). Provinces merged their own boards on dates of their
# own during 2025, so the old province-level boards carry no end; "BTGDVTU" is taken to
# be valid from the central merger, the earliest day a province could follow it.
_CENTRAL_MERGER: Final = CENTRAL_BOARDS_MERGED
_DISTRICTS_END: Final = REORGANIZED
_ISSUER_NAMES: Final[dict[str, tuple[str, date | None, date | None]]] = {
    "TW": ("Ban Chấp hành Trung ương Đảng", None, None),
    "VPTW": ("Văn phòng Trung ương Đảng", None, None),
    "BDVTW": ("Ban Dân vận Trung ương", None, _CENTRAL_MERGER),
    "BTGTW": ("Ban Tuyên giáo Trung ương", None, _CENTRAL_MERGER),
    "BTGDVTW": ("Ban Tuyên giáo và Dân vận Trung ương", _CENTRAL_MERGER, None),
    "BTCTW": ("Ban Tổ chức Trung ương", None, None),
    "UBKTTW": ("Ủy ban Kiểm tra Trung ương", None, None),
    "TU": ("Tỉnh ủy (Thành ủy)", None, None),
    "HU": ("Huyện ủy", None, _DISTRICTS_END),
    "QU": ("Quận ủy", None, _DISTRICTS_END),
    "ThU": ("Thị ủy (Thành ủy thành phố thuộc tỉnh)", None, _DISTRICTS_END),
    "ĐU": ("Đảng ủy", None, None),
    "BDVTU": ("Ban Dân vận Tỉnh ủy (Thành ủy)", None, None),
    "BDVHU": ("Ban Dân vận Huyện ủy", None, _DISTRICTS_END),
    "BDV": ("Ban Dân vận", None, None),
    "BTGTU": ("Ban Tuyên giáo Tỉnh ủy (Thành ủy)", None, None),
    "BTCTU": ("Ban Tổ chức Tỉnh ủy (Thành ủy)", None, None),
    "BTGDVTU": ("Ban Tuyên giáo và Dân vận Tỉnh ủy (Thành ủy)", _CENTRAL_MERGER, None),
    "UBKTTU": ("Ủy ban Kiểm tra Tỉnh ủy (Thành ủy)", None, None),
    "VPTU": ("Văn phòng Tỉnh ủy (Thành ủy)", None, None),
    "BCSĐ": ("Ban cán sự đảng", None, None),
    "BCSĐUBND": ("Ban cán sự đảng Ủy ban nhân dân", None, None),
    "CP": ("Chính phủ", None, None),
    "TTg": ("Thủ tướng Chính phủ", None, None),
    "CTN": ("Chủ tịch nước", None, None),
    "VPCP": ("Văn phòng Chính phủ", None, None),
    "VPQH": ("Văn phòng Quốc hội", None, None),
    "QH": ("Quốc hội", None, None),
    "UBTVQH": ("Ủy ban Thường vụ Quốc hội", None, None),
    "UBND": ("Ủy ban nhân dân", None, None),
    "HĐND": ("Hội đồng nhân dân", None, None),
    "MTTQ": ("Mặt trận Tổ quốc Việt Nam", None, None),
    "UBMTTQ": ("Ủy ban Mặt trận Tổ quốc Việt Nam", None, None),
    "UBTWMTTQVN": ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", None, None),
    "BNV": ("Bộ Nội vụ", None, None),
    "BTC": ("Bộ Tài chính", None, None),
    "BCA": ("Bộ Công an", None, None),
    "BQP": ("Bộ Quốc phòng", None, None),
    "BYT": ("Bộ Y tế", None, None),
    "BTP": ("Bộ Tư pháp", None, None),
}


def _issuer_name(issuer: str, on: date | None) -> str | None:
    """The full name of *issuer* (valid on *on* if given), or None."""
    stem = issuer.rstrip("0123456789")
    entry = _ISSUER_NAMES.get(issuer) or (
        _ISSUER_NAMES.get(stem) if stem in ("QH", "UBTVQH") else None
    )
    if entry is None:
        return None
    name, start, end = entry
    if on is not None and ((start is not None and on < start) or (end is not None and on >= end)):
        return None
    if stem != issuer and stem in ("QH", "UBTVQH"):
        return f"{name} khóa {to_roman(int(issuer[len(stem) :]))}"
    return name


# Words that may come before a code: a document name, a qualifier, then "số".
_EXTRA_NAMES: Final = (
    "luật",
    "pháp lệnh",
    "công văn",
    "văn bản",
    "chương trình hành động",
    "thông báo kết luận",
)
_PREFIX_NAMES: Final = tuple(
    tuple(name.split())
    for name in sorted(
        {name.lower() for entries in _VOCABULARY.values() for _, name, _ in entries}
        | set(_EXTRA_NAMES),
        key=lambda name: (-len(name), name),
    )
)
_QUALIFIERS: Final = tuple(
    tuple(q.split()) for q in ("phối hợp", "liên tịch", "liên ngành", "hành động", "kết luận")
)

_DIGITS: Final = frozenset("0123456789")
_HYPHENS: Final = frozenset("-\u2010\u2011\u2012\u2013\u2212")  # - ‐ ‑ ‒ – −


def _is_part(value: str) -> bool:
    """Whether *value* is one abbreviation: a letter, then letters and ASCII digits."""
    return (
        0 < len(value) <= MAX_PART_LENGTH
        and value[0].isalpha()
        and all(c.isalpha() or c in _DIGITS for c in value)
        and unicodedata.is_normalized("NFC", value)
    )


def _check_part(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{what} must be a str, not {type(value).__name__}: {value!r}")
    if not _is_part(value):
        raise InvalidValueError(
            f"{what} must be a letter followed by letters and digits (at most"
            f" {MAX_PART_LENGTH}, in NFC), not {value!r}"
        )
    return value


def _canonical_issuer(part: str) -> str:
    """The known spelling of an issuer abbreviation ("thu" → "ThU"), or *part* itself."""
    known = _ISSUER_INDEX.get(part.lower())
    if known is not None:
        return known
    stem = part.rstrip("0123456789")
    if stem != part and stem.lower() in _NUMBERED_ISSUERS:
        return _NUMBERED_ISSUERS[stem.lower()] + part[len(stem) :]
    return part


def _check_system(value: object) -> DocumentSystem:
    if not isinstance(value, DocumentSystem):
        raise InvalidTypeError(f"system must be a DocumentSystem, not {value!r}")
    return value


def _check_type_abbreviation(
    instance: DocumentType, attribute: attrs.Attribute[DocumentSystem], value: DocumentSystem
) -> None:
    system = _check_system(value)
    abbreviation = _check_part(instance.abbreviation, "a document type")
    entry = _TYPE_INDEX[system].get(abbreviation.lower())
    if entry is not None and entry[0] != abbreviation:
        raise InvalidValueError(
            f"the {system.value} document type {abbreviation!r} is written {entry[0]!r}"
            " (DocumentType.of corrects the case)"
        )


@attrs.frozen(repr=False)
class DocumentType:
    """A type of document (thể loại văn bản): its abbreviation in one system.

    ``str()`` gives the abbreviation. Types of the vocabulary have a Vietnamese
    :attr:`name` and an English label; other abbreviations, as :meth:`DocumentCode.parse`
    keeps them in lenient mode, have neither and are not :attr:`known`. The same
    abbreviation can mean different things in the two systems: ``TT`` is a Thông tri of
    the Party and a Thông tư of the State.

    >>> t = DocumentType.of("tt", system=DocumentSystem.PARTY)
    >>> t, str(t), t.name
    (DocumentType('TT', system=DocumentSystem.PARTY), 'TT', 'Thông tri')
    >>> DocumentType("TT", system=DocumentSystem.STATE).name
    'Thông tư'
    >>> DocumentType.of("XYZ", system=DocumentSystem.PARTY).known
    False
    """

    abbreviation: str = attrs.field()
    system: DocumentSystem = attrs.field(kw_only=True, validator=_check_type_abbreviation)

    @classmethod
    def of(cls, abbreviation: str, /, *, system: DocumentSystem) -> DocumentType:
        """The type written *abbreviation* in *system*, whatever its case.

        A known abbreviation comes back in its official case ("qyđ" → ``QyĐ``); an
        unknown one is kept as written (in NFC). Anything but a letter followed by
        letters and digits is an :class:`~danvan.InvalidValueError`.
        """
        _check_system(system)
        if not isinstance(abbreviation, str):
            _check_part(abbreviation, "a document type")
        abbreviation = unicodedata.normalize("NFC", abbreviation)
        entry = _TYPE_INDEX[system].get(abbreviation.lower())
        return cls(abbreviation if entry is None else entry[0], system=system)

    @classmethod
    def vocabulary(cls, *, system: DocumentSystem | None = None) -> tuple[DocumentType, ...]:
        """Every known type of *system* (of both, Party first, if ``None``), in the
        order of the official lists.

        >>> len(DocumentType.vocabulary(system=DocumentSystem.STATE))
        37
        """
        systems = tuple(DocumentSystem) if system is None else (_check_system(system),)
        return tuple(cls(entry[0], system=s) for s in systems for entry in _VOCABULARY[s])

    def _entry(self) -> tuple[str, str, str] | None:
        return _TYPE_INDEX[self.system].get(self.abbreviation.lower())

    @property
    def known(self) -> bool:
        """Whether the type is in danvan's vocabulary for its system."""
        return self._entry() is not None

    @property
    def name(self) -> str | None:
        """The Vietnamese name ("Chỉ thị"), or ``None`` for an unknown type."""
        entry = self._entry()
        return None if entry is None else entry[1]

    @property
    def english(self) -> str | None:
        """The English label ("Directive"), or ``None`` for an unknown type."""
        entry = self._entry()
        return None if entry is None else entry[2]

    def __str__(self) -> str:
        return self.abbreviation

    def __repr__(self) -> str:
        return f"DocumentType({self.abbreviation!r}, system=DocumentSystem.{self.system.name})"


# ----------------------------------------------------------------------------- codes


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"expected a tuple of str, not {type(value).__name__}: {value!r}")
    return tuple(value)


def _check_number(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    check_integer(value, "number", minimum=1, maximum=10**MAX_NUMBER_DIGITS - 1)


def _check_code(
    instance: DocumentCode, attribute: attrs.Attribute[DocumentSystem], value: DocumentSystem
) -> None:
    """Check a code as a whole, so that ``DocumentCode.parse(str(code)) == code``."""
    system = _check_system(value)
    doc_type, issuers, year = instance.type, instance.issuers, instance.year
    if doc_type is not None and not isinstance(doc_type, DocumentType):
        raise InvalidTypeError(f"type must be a DocumentType or None, not {doc_type!r}")
    if not issuers:
        raise InvalidValueError("a document code names at least one issuer")
    if len(issuers) > MAX_ISSUERS:
        raise InvalidValueError(f"a document code names at most {MAX_ISSUERS} issuers")
    for issuer in issuers:
        _check_part(issuer, "an issuer")
        if _canonical_issuer(issuer) != issuer:
            raise InvalidValueError(
                f"the issuer {issuer!r} is written {_canonical_issuer(issuer)!r}"
                " (DocumentCode.party and DocumentCode.state correct the case)"
            )
    if year is not None and (
        not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 9999
    ):
        raise InvalidValueError(f"year must be None or a four-digit int, not {year!r}")
    if doc_type is not None and doc_type.system is not system:
        raise InvalidValueError(
            f"a {doc_type.system.value} type {doc_type} in a {system.value} code"
        )
    if system is DocumentSystem.PARTY:
        if doc_type is None:
            raise InvalidValueError("a Party code has a type: number-type/issuer")
        if year is not None:
            raise InvalidValueError("a Party code carries no year")
        return
    first_is_type = issuers[0].lower() in _TYPE_INDEX[DocumentSystem.STATE]
    if doc_type is None and first_is_type:
        raise InvalidValueError(
            f"{issuers[0]!r} is a State document type; give it as the type, not an issuer"
        )
    if doc_type is None and year is not None and len(issuers) > 1:
        raise InvalidValueError(
            "in a State code with a year, the first of several parts is the type"
        )
    if doc_type is not None and not doc_type.known and year is None:
        raise InvalidValueError(
            f"an unknown State type ({doc_type}) can only be read back in a code with a"
            " year; without one it reads as the issuer of a công văn"
        )


def _default_system(instance: DocumentCode) -> DocumentSystem:
    if isinstance(instance.type, DocumentType):
        return instance.type.system
    return DocumentSystem.STATE  # a công văn; the validator rejects a wrong type


@attrs.frozen(repr=False)
class DocumentCode:
    """The number and code of a document (số, ký hiệu văn bản).

    ``number`` is an ``int`` (written with a leading zero below 10), ``type`` a
    :class:`DocumentType` (``None`` for a công văn of the State and for codes like
    ``10/2022/QH15``), ``issuers`` the issuer abbreviations (joint issuers in order),
    ``year`` the year a State legal document carries, and ``system`` the
    :class:`DocumentSystem`, which defaults to the system of ``type`` (State without one).

    :meth:`parse` reads a code from text; :meth:`party` and :meth:`state` build one and
    correct the case of known abbreviations; the constructor checks that the code is
    well formed and written in canonical case, so that ``DocumentCode.parse(str(c)) ==
    c`` for every code.

    >>> DocumentCode.party(70, "KH", "BDVTU", "BCSĐUBND")
    DocumentCode.parse('70-KH/BDVTU-BCSĐUBND')
    >>> code = DocumentCode.state(30, "NĐ", "CP", year=2020)
    >>> str(code), code.year, code.issuers, code.system.value
    ('30/2020/NĐ-CP', 2020, ('CP',), 'state')
    """

    number: int = attrs.field(validator=_check_number)
    type: DocumentType | None = attrs.field()
    issuers: tuple[str, ...] = attrs.field(converter=_str_tuple)
    year: int | None = attrs.field(default=None, kw_only=True)
    system: DocumentSystem = attrs.field(
        default=attrs.Factory(_default_system, takes_self=True),
        kw_only=True,
        validator=_check_code,
    )

    # ---------------------------------------------------------------- construction

    @classmethod
    def party(cls, number: int, doc_type: DocumentType | str, /, *issuers: str) -> DocumentCode:
        """A Party code: ``DocumentCode.party(8, "CT", "ThU")`` is ``08-CT/ThU``.

        Known abbreviations are written in their official case whatever the input.
        """
        return cls(
            number,
            _as_type(doc_type, DocumentSystem.PARTY),
            _canonical_issuers(issuers),
            system=DocumentSystem.PARTY,
        )

    @classmethod
    def state(
        cls,
        number: int,
        doc_type: DocumentType | str | None,
        /,
        *issuers: str,
        year: int | None = None,
    ) -> DocumentCode:
        """A State code: ``DocumentCode.state(125, "QĐ", "UBND")`` is ``125/QĐ-UBND``.

        ``doc_type=None`` gives a công văn (``238/UBND-KGVX``) or, with a year, a law or
        resolution of the National Assembly (``10/2022/QH15``).
        """
        return cls(
            number,
            None if doc_type is None else _as_type(doc_type, DocumentSystem.STATE),
            _canonical_issuers(issuers),
            year=year,
            system=DocumentSystem.STATE,
        )

    @classmethod
    def parse(cls, text: str, /, *, strict: bool = False) -> DocumentCode:
        """Read a document code (inverse: ``str(code)``, :func:`format_document_code`).

        Reads the canonical form and what real text holds around and inside it:

        - surrounding spaces, NFD text, any case (known abbreviations come back in their
          official case, unknown ones as written);
        - before the code, a document name ("Chỉ thị", "Kế hoạch", "Luật", "Công văn",
          any name of :meth:`DocumentType.vocabulary`), optionally one qualifier
          ("phối hợp", "liên tịch", "liên ngành", "hành động", "kết luận"), then
          optionally "số" with a colon: "Số: 08-CT/ThU", "Chương trình phối hợp số
          16-CTr/BDV-UBND". The name is not checked against the type;
        - spaces around the separators and other dashes for the hyphen: "20 - CT/TU",
          "21– NQ/TU"; a number without its leading zero: "8-CT/ThU".

        Anything after the code is an error. With ``strict=True`` a type that is not in
        the vocabulary is a :class:`~danvan.ParseError` naming it; by default it is kept
        as an unknown :class:`DocumentType`.

        >>> str(DocumentCode.parse("Số: 08-CT/ThU"))
        '08-CT/ThU'
        >>> DocumentCode.parse("10/2022/QH15").issuers
        ('QH15',)
        >>> DocumentCode.parse("08-XY/ThU", strict=True)
        Traceback (most recent call last):
        ...
        danvan.errors.ParseError: unknown Party document type 'XY' in '08-XY/ThU' at position 3
        """
        return _parse(text, strict=strict)

    @classmethod
    def is_valid(cls, text: object, /, *, strict: bool = False) -> bool:
        """Whether :meth:`parse` reads *text*; never raises.

        >>> DocumentCode.is_valid("125/QĐ-UBND"), DocumentCode.is_valid("125/QĐ")
        (True, False)
        """
        try:
            _parse(text, strict=strict)
        except DanvanError:
            return False
        return True

    # ------------------------------------------------------------------------ use

    def describe(self) -> str:
        """The code with the name of its type, as documents cite it.

        >>> DocumentCode.parse("238/UBND-KGVX").describe()
        'Công văn số 238/UBND-KGVX'
        >>> DocumentCode.parse("10/2022/QH15").describe()
        'Văn bản số 10/2022/QH15'
        """
        name = None if self.type is None else self.type.name
        if name is None:
            is_letter = self.type is None and self.year is None and len(self.issuers) > 1
            name = "Công văn" if is_letter else "Văn bản"
        return f"{name} số {self}"

    def number_line(self) -> str:
        """The number line of the document (dòng số, ký hiệu), as its header prints it.

        A Party document writes "Số" without a colon (Hướng dẫn 36-HD/VPTW,
        03/4/2018, whose own header reads "Số 36-HD/VPTW"); a State document writes
        "Số:" (Nghị định 30/2020/NĐ-CP, Phụ lục I).

        >>> DocumentCode.parse("08-CT/ThU").number_line()
        'Số 08-CT/ThU'
        >>> DocumentCode.parse("5/BC-UBND").number_line()
        'Số: 05/BC-UBND'
        """
        colon = "" if self.system is DocumentSystem.PARTY else ":"
        return f"Số{colon} {self}"

    def issuer_names(self, *, on: date | None = None) -> tuple[str | None, ...]:
        """The full names of the issuers (tên cơ quan ban hành), in order.

        An abbreviation danvan does not know gives ``None``, and so does one that
        did not exist on *on* when a day is given: "BDVTW" (Ban Dân vận Trung ương)
        until 03/02/2025, "BTGDVTW" (Ban Tuyên giáo và Dân vận Trung ương) from then;
        district-level committees until 01/07/2025. "TU" is any tỉnh ủy or thành ủy
        of a centrally-run city, and some thành ủy of provincial cities write it too
        (Thành ủy Hạ Long: "20-CT/TU"); the code alone cannot say which.

        >>> DocumentCode.parse("1147-QĐ/BTGDVTW").issuer_names()
        ('Ban Tuyên giáo và Dân vận Trung ương',)
        >>> DocumentCode.parse("70-KH/BDVTU-BCSĐUBND").issuer_names()
        ('Ban Dân vận Tỉnh ủy (Thành ủy)', 'Ban cán sự đảng Ủy ban nhân dân')
        >>> DocumentCode.parse("10/2022/QH15").issuer_names()
        ('Quốc hội khóa XV',)
        >>> DocumentCode.parse("12-HD/BDVTW").issuer_names(on=date(2025, 6, 1))
        (None,)
        """
        if on is not None:
            check_day(on, "on")
        return tuple(_issuer_name(issuer, on) for issuer in self.issuers)

    def __str__(self) -> str:
        number = f"{self.number:02d}"
        issuers = "-".join(self.issuers)
        if self.system is DocumentSystem.PARTY:
            return f"{number}-{self.type}/{issuers}"
        year = "" if self.year is None else f"/{self.year}"
        kind = "" if self.type is None else f"{self.type}-"
        return f"{number}{year}/{kind}{issuers}"

    def __repr__(self) -> str:
        return f"DocumentCode.parse({str(self)!r})"


def _as_type(value: DocumentType | str, system: DocumentSystem) -> DocumentType:
    if isinstance(value, DocumentType):
        return value
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"a document type must be a DocumentType or str, not {type(value).__name__}: {value!r}"
        )
    return DocumentType.of(value, system=system)


def _canonical_issuers(issuers: tuple[str, ...]) -> tuple[str, ...]:
    for issuer in issuers:
        if not isinstance(issuer, str):
            _check_part(issuer, "an issuer")
    return tuple(_canonical_issuer(unicodedata.normalize("NFC", i)) for i in issuers)


def parse_document_code(text: str, /, *, strict: bool = False) -> DocumentCode:
    """Read a document code: the same as :meth:`DocumentCode.parse`.

    Inverse: :func:`format_document_code`.

    >>> parse_document_code("21- NQ/TU")
    DocumentCode.parse('21-NQ/TU')
    """
    return _parse(text, strict=strict)


def format_document_code(code: DocumentCode, /) -> str:
    """Write a document code in canonical form, the same as ``str(code)``.

    Inverse: :func:`parse_document_code`.

    >>> format_document_code(DocumentCode.state(1980, "qđ", "ttg"))
    '1980/QĐ-TTg'
    """
    if not isinstance(code, DocumentCode):
        raise InvalidTypeError(f"expected a DocumentCode, not {type(code).__name__}: {code!r}")
    return str(code)


# --------------------------------------------------------------------------- parsing


class _Reader:
    """A cursor over the NFC text that reports errors in the caller's positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nfc, self.offsets = nfc_with_offsets(text)
        self.index = 0

    def fail(self, message: str, index: int | None = None) -> ParseError:
        position = original_index(self.offsets, self.index if index is None else index)
        return parse_error(message, self.text, position)

    def peek(self) -> str:
        return self.nfc[self.index] if self.index < len(self.nfc) else ""

    def skip_spaces(self) -> None:
        nfc = self.nfc
        while self.index < len(nfc) and nfc[self.index].isspace():
            self.index += 1

    def word(self, phrases: tuple[tuple[str, ...], ...]) -> bool:
        """Step over the first of *phrases* (lower-case words) that starts here, as whole
        words with any spaces between them."""
        nfc = self.nfc
        for phrase in phrases:
            index = self.index
            for position, word in enumerate(phrase):
                if position:  # at least one space between words
                    start = index
                    while index < len(nfc) and nfc[index].isspace():
                        index += 1
                    if index == start:
                        break
                end = index + len(word)
                if nfc[index:end].lower() != word:
                    break
                index = end
            else:
                if index >= len(nfc) or not nfc[index].isalpha():
                    self.index = index
                    return True
        return False

    def digits(self) -> str:
        start = self.index
        while self.index < len(self.nfc) and self.nfc[self.index] in _DIGITS:
            self.index += 1
        return self.nfc[start : self.index]

    def part(self, what: str) -> str:
        """Read one abbreviation: a letter, then letters and ASCII digits."""
        nfc, start = self.nfc, self.index
        if not self.peek().isalpha():
            found = f"found {self.peek()!r}" if self.peek() else "found the end"
            raise self.fail(f"expected {what}, {found}")
        end = start + 1
        while end < len(nfc) and (nfc[end].isalpha() or nfc[end] in _DIGITS):
            end += 1
            if end - start > MAX_PART_LENGTH:
                raise self.fail(f"{what} is longer than {MAX_PART_LENGTH} letters", start)
        part = nfc[start:end]
        if not unicodedata.is_normalized("NFC", part):  # letters that compose across it
            raise self.fail(f"{what} {part!r} does not stand on its own", start)
        self.index = end
        return part


def _skip_prefix(reader: _Reader) -> None:
    """Step over "Chỉ thị số", "Kế hoạch phối hợp", "Số:" and the like."""
    reader.skip_spaces()
    if reader.peek() in _DIGITS and reader.peek():  # the code itself: no prefix
        return
    if reader.word(_PREFIX_NAMES):
        reader.skip_spaces()
        if reader.word(_QUALIFIERS):
            reader.skip_spaces()
    if reader.word((("số",),)):  # also "số08-CT/TU", as text pasted from PDF has it
        if reader.peek() in (":", "."):
            reader.index += 1
        reader.skip_spaces()


def _read_number(reader: _Reader) -> int:
    start = reader.index
    digits = reader.digits()
    if not digits:
        found = f"found {reader.peek()!r}" if reader.peek() else "found the end"
        raise reader.fail(f"expected a document number, {found}")
    if len(digits) > MAX_NUMBER_DIGITS:
        raise reader.fail(f"a document number has at most {MAX_NUMBER_DIGITS} digits", start)
    number = int(digits)
    if number == 0:
        raise reader.fail("document numbers start from 01", start)
    return number


def _read_parts(reader: _Reader, what: str, most: int) -> tuple[list[str], list[int]]:
    """Read at most *most* parts joined by hyphens: ``(parts, their NFC starts)``."""
    parts: list[str] = []
    starts: list[int] = []
    while True:
        if len(parts) == most:
            raise reader.fail(f"a document code names at most {MAX_ISSUERS} issuers")
        starts.append(reader.index)
        parts.append(reader.part(what if not parts else "an issuer after '-'"))
        after = reader.index
        reader.skip_spaces()
        if reader.peek() == "" or reader.peek() not in _HYPHENS:
            reader.index = after
            return parts, starts
        reader.index += 1
        reader.skip_spaces()


def _expect_end(reader: _Reader) -> None:
    reader.skip_spaces()
    if reader.index < len(reader.nfc):
        rest = reader.nfc[reader.index : reader.index + 12]
        raise reader.fail(f"unexpected {rest!r} after the code")


def _read_type(
    reader: _Reader, part: str, start: int, system: DocumentSystem, strict: bool
) -> DocumentType:
    try:
        doc_type = DocumentType.of(part, system=system)
    except InvalidValueError as exc:  # not expected: the reader checks what this checks
        raise reader.fail(str(exc), start) from exc
    if strict and not doc_type.known:
        raise reader.fail(f"unknown {system.value.title()} document type {part!r}", start)
    return doc_type


def _parse(text: object, *, strict: bool) -> DocumentCode:
    if not isinstance(text, str):
        raise InvalidTypeError(f"expected a str, not {type(text).__name__}: {text!r}")
    if len(text) > MAX_TEXT_LENGTH:
        raise parse_error(
            f"text of {len(text)} characters is too long for a document code (at most"
            f" {MAX_TEXT_LENGTH})",
            text,
            MAX_TEXT_LENGTH,
        )
    reader = _Reader(text)
    _skip_prefix(reader)
    number = _read_number(reader)
    reader.skip_spaces()
    separator = reader.peek()
    if separator != "" and separator in _HYPHENS:
        reader.index += 1
        return _parse_party(reader, number, strict)
    if separator != "/":
        found = f"found {separator!r}" if separator else "found the end"
        raise reader.fail(
            f"expected '-' (Party code) or '/' (State code) after the number, {found}"
        )
    reader.index += 1
    return _parse_state(reader, number, strict)


def _parse_party(reader: _Reader, number: int, strict: bool) -> DocumentCode:
    """Read ``type/issuer-issuer`` after the hyphen of a Party code."""
    reader.skip_spaces()
    type_start = reader.index
    part = reader.part("a document type")
    doc_type = _read_type(reader, part, type_start, DocumentSystem.PARTY, strict)
    reader.skip_spaces()
    if reader.peek() != "/":
        found = f"found {reader.peek()!r}" if reader.peek() else "found the end"
        raise reader.fail(f"expected '/' after the type of a Party code, {found}")
    reader.index += 1
    reader.skip_spaces()
    parts, _ = _read_parts(reader, "an issuer", MAX_ISSUERS)
    _expect_end(reader)
    issuers = tuple(_canonical_issuer(p) for p in parts)
    return _build(reader, number, doc_type, issuers, None, DocumentSystem.PARTY)


def _parse_state(reader: _Reader, number: int, strict: bool) -> DocumentCode:
    """Read ``[year/]type-issuer`` or ``[year/]issuer-unit`` after the slash of a State code."""
    reader.skip_spaces()
    year = _read_year(reader)
    parts, starts = _read_parts(reader, "a document type or issuer", MAX_ISSUERS + 1)
    _expect_end(reader)
    state = DocumentSystem.STATE
    first_is_type = parts[0].lower() in _TYPE_INDEX[state]
    if len(parts) == 1 and first_is_type:
        raise reader.fail(
            f"expected an issuer after the type {parts[0]!r}", starts[0] + len(parts[0])
        )
    doc_type: DocumentType | None = None  # a công văn (issuer-unit) or a law (QH15)
    if len(parts) > 1 and (first_is_type or year is not None):
        doc_type = _read_type(reader, parts[0], starts[0], state, strict)
        parts = parts[1:]
    issuers = tuple(_canonical_issuer(p) for p in parts)
    return _build(reader, number, doc_type, issuers, year, state)


def _read_year(reader: _Reader) -> int | None:
    """Read "2020/" after the number of a State code, if it is there."""
    start = reader.index
    digits = reader.digits()
    if not digits:
        return None
    if len(digits) != 4 or digits[0] == "0":
        raise reader.fail("expected a four-digit year, a type or an issuer", start)
    reader.skip_spaces()
    if reader.peek() != "/":
        found = f"found {reader.peek()!r}" if reader.peek() else "found the end"
        raise reader.fail(f"expected '/' after the year, {found}")
    reader.index += 1
    reader.skip_spaces()
    return int(digits)


def _build(
    reader: _Reader,
    number: int,
    doc_type: DocumentType | None,
    issuers: tuple[str, ...],
    year: int | None,
    system: DocumentSystem,
) -> DocumentCode:
    try:
        return DocumentCode(number, doc_type, issuers, year=year, system=system)
    except InvalidValueError as exc:  # not expected: the reader checks what these check
        raise reader.fail(str(exc), 0) from exc


# ------------------------------------------------------------------------ directives


def _code_tuple(value: Iterable[DocumentCode]) -> tuple[DocumentCode, ...]:
    if isinstance(value, (str, DocumentCode)) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"implements must be a tuple of DocumentCode, not {type(value).__name__}: {value!r}"
        )
    codes = tuple(value)
    for code in codes:
        if not isinstance(code, DocumentCode):
            raise InvalidTypeError(f"implements holds DocumentCode values, not {code!r}")
    return codes


def _check_code_field(
    instance: Directive, attribute: attrs.Attribute[DocumentCode], value: DocumentCode
) -> None:
    if not isinstance(value, DocumentCode):
        raise InvalidTypeError(f"code must be a DocumentCode, not {value!r}")


def _check_title(
    instance: Directive, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidTypeError(f"title must be a str, not {value!r}")
    if not value.strip():
        raise InvalidValueError(f"title must not be empty, not {value!r}")


def _check_issued(
    instance: Directive, attribute: attrs.Attribute[date | None], value: object
) -> None:
    if value is None:
        return
    check_day(value, "issued")


def _check_unit_ids(
    instance: Directive, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for unit in value:
        identifier(instance, attribute, unit)


def _check_summary(
    instance: Directive, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError(f"summary must be a str or None, not {value!r}")


@attrs.frozen
class Directive:
    """A document that directs mass-mobilisation work (chỉ thị, nghị quyết, kế hoạch…).

    ``code`` is its :class:`DocumentCode`, ``title`` what it is about (trích yếu),
    ``issued`` the date of issue (each None when the citing text does not give it:
    "thực hiện Kế hoạch số 70-KH/BDVTU-BCSĐUBND" is still a directive),
    ``issuer_ids`` the ids of the issuing units (units are defined elsewhere and
    referred to by id; empty when not known), ``summary`` an
    optional summary and ``implements`` the codes of the documents it implements or
    continues ("tiếp tục thực hiện Nghị quyết số 02-NQ/ThU").

    A code alone does not identify a document: Party numbers restart every committee
    term and State numbers every year, and every tỉnh ủy writes ``TU``. :attr:`key`,
    ``(code, issuer_ids, issued)``, does.

    >>> kl = Directive(
    ...     DocumentCode.parse("25-KL/ThU"),
    ...     "Về tiếp tục thực hiện Nghị quyết số 02-NQ/ThU",
    ...     date(2021, 12, 3),
    ...     ("thi-uy-hong-linh",),
    ...     implements=(DocumentCode.parse("02-NQ/ThU"),),
    ... )
    >>> kl.key
    (DocumentCode.parse('25-KL/ThU'), ('thi-uy-hong-linh',), datetime.date(2021, 12, 3))
    >>> kl.code.describe()
    'Kết luận số 25-KL/ThU'
    """

    code: DocumentCode = attrs.field(validator=_check_code_field)
    title: str | None = attrs.field(default=None, validator=_check_title)
    issued: date | None = attrs.field(default=None, validator=_check_issued)
    issuer_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_check_unit_ids
    )
    summary: str | None = attrs.field(default=None, kw_only=True, validator=_check_summary)
    implements: tuple[DocumentCode, ...] = attrs.field(
        default=(), kw_only=True, converter=_code_tuple
    )

    @property
    def key(self) -> tuple[DocumentCode, tuple[str, ...], date | None]:
        """What identifies the document: ``(code, issuer_ids, issued)``."""
        return (self.code, self.issuer_ids, self.issued)


def document_code_field(value: DocumentCode | str | None) -> DocumentCode | None:
    """An attrs converter for fields that hold a document code, or None.

    A ``DocumentCode`` is kept, a str is read with :meth:`DocumentCode.parse` (so
    ``"08-CT/ThU"`` may be written where a code is expected), anything else is an
    :class:`~danvan.InvalidTypeError`.
    """
    if value is None or isinstance(value, DocumentCode):
        return value
    if isinstance(value, str):
        return DocumentCode.parse(value)
    raise InvalidTypeError(
        f"a document code must be a DocumentCode or a str, not {type(value).__name__}: {value!r}"
    )
