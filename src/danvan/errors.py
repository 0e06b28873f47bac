"""Errors raised by danvan (lỗi).

Every exception the library raises on purpose derives from :class:`DanvanError`, so
``except danvan.DanvanError`` catches them all. Errors about bad input are also
:class:`ValueError` (or :class:`TypeError` for a value of the wrong type), so code
written against the standard library's conventions keeps working.

>>> from danvan import parse_number, ParseError
>>> try:
...     parse_number("1.5")
... except ParseError as exc:
...     print(exc.position, exc.text)
1 1.5
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "DanvanError",
    "DataError",
    "InvalidTreeError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingDependencyError",
    "ParseError",
    "SpreadsheetError",
    "AmbiguousPlaceError",
    "UndefinedIndicatorError",
    "UnknownIdError",
    "UnknownPlaceError",
    "UnknownUnitError",
]


class DanvanError(Exception):
    """Base class of every error danvan raises on purpose."""


class ParseError(DanvanError, ValueError):
    """Text that cannot be read as what was asked for.

    ``text`` is the whole input as given and ``position`` the index in it (a Python
    ``str`` index, even for NFD input) where reading failed.
    """

    text: str
    position: int

    def __init__(self, message: str, /, *, text: str, position: int) -> None:
        if len(message) > MAX_MESSAGE_LENGTH:  # whatever built it: one line, bounded
            message = message[: MAX_MESSAGE_LENGTH - 1] + "…"
        super().__init__(message)
        self.text = text
        self.position = position

    def __reduce__(self) -> tuple[object, ...]:
        # Keep the keyword-only attributes when pickled (multiprocessing, notebooks).
        return (_rebuild_parse_error, (str(self), self.text, self.position))


def _rebuild_parse_error(message: str, text: str, position: int) -> ParseError:
    return ParseError(message, text=text, position=position)


MAX_MESSAGE_LENGTH = 250
"""The longest message of a :class:`ParseError`, whatever the input."""


def check_length(text: str, limit: int, what: str) -> None:
    """Raise the :class:`ParseError` of a text longer than *limit* characters, which no
    *what* can be: a parser's bound on its work, whatever the input.

    >>> check_length("19/5/2021", 1000, "a date")
    >>> check_length("1" * 2000, 1000, "a date")
    Traceback (most recent call last):
    ...
    danvan.errors.ParseError: text of 2000 characters is too long for a date (at most 1000) in '1111111111111111111111111111111111111111…' (2000 characters) at position 1000
    """  # noqa: E501
    if len(text) > limit:
        raise parse_error(
            f"text of {len(text)} characters is too long for {what} (at most {limit})",
            text,
            limit,
        )


def parse_error(problem: str, text: str, position: int) -> ParseError:
    """The :class:`ParseError` of *problem* at *position* of *text*, written one way:
    ``"{problem} in {text} at position {position}"``, the text cut by :func:`shorten`
    and the problem cut where the whole would pass :data:`MAX_MESSAGE_LENGTH`.

    >>> str(parse_error("expected a digit, not 'x'", "12x", 2))
    "expected a digit, not 'x' in '12x' at position 2"
    >>> len(str(parse_error("unexpected " + repr("x" * 5000), "x" * 5000, 0)))
    250
    """
    where = f" in {shorten(text)} at position {position}"
    room = MAX_MESSAGE_LENGTH - len(where)
    if len(problem) > room:
        problem = problem[: room - 1] + "…"
    return ParseError(problem + where, text=text, position=position)


class InvalidValueError(DanvanError, ValueError):
    """A value of the right type that cannot be used: not finite, too large, negative."""


class InvalidTypeError(DanvanError, TypeError):
    """A value of a type the function does not accept (``bool``, ``str`` for a number)."""


class InvalidTreeError(DanvanError, ValueError):
    """Units that do not make a tree: unknown parents, cycles, duplicate ids."""


class UnknownIdError(DanvanError, KeyError):
    """An id that names nothing of the kind asked for (also a ``KeyError``)."""

    what: str = "item"

    def __init__(self, id: str, /) -> None:
        super().__init__(id)
        self.id = id

    def __str__(self) -> str:
        return f"no {self.what} with id {self.id!r}"


class UnknownUnitError(UnknownIdError):
    """An id that names no unit of the tree."""

    what = "unit"

    @property
    def unit_id(self) -> str:
        """The id that was looked up."""
        return self.id


class DataError(DanvanError, ValueError):
    """Plain data (a dict, a JSON document) that does not make a danvan object.

    ``problems`` lists every bad field as ``"$.path: what is wrong"``.
    """

    problems: list[str]

    def __init__(self, message: str, /, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = [message] if problems is None else problems

    @classmethod
    def of(cls, problems: Iterable[object], what: str, /) -> DataError:
        """One error for several problems (anything whose ``str`` is one line):
        "2 problems in the dataset:" and a line for each.

        >>> print(DataError.of(["$.a: bad", "$.b: worse"], "the dataset"))
        2 problems in the dataset:
          $.a: bad
          $.b: worse
        """
        lines = [str(problem) for problem in problems]
        count = "1 problem" if len(lines) == 1 else f"{len(lines)} problems"
        return cls(f"{count} in {what}:\n  " + "\n  ".join(lines), problems=lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_data_error, (str(self), self.problems))


def _rebuild_data_error(message: str, problems: list[str]) -> DataError:
    return DataError(message, problems=problems)


class SpreadsheetError(DataError):
    """Cells of a spreadsheet or table that do not make observations (lỗi ô dữ liệu).

    ``cells`` holds a :class:`~danvan.CellProblem` for every bad cell (its sheet, row,
    column, text and what is wrong); ``problems`` the same as one line each. Nothing is
    imported when this is raised.
    """

    cells: tuple[Any, ...]

    def __init__(self, message: str, /, *, cells: Iterable[Any] = ()) -> None:
        self.cells = tuple(cells)
        super().__init__(message, problems=[str(cell) for cell in self.cells] or None)

    @classmethod
    def of_cells(cls, cells: Iterable[Any], what: str, /) -> SpreadsheetError:
        """One error for the bad *cells* of *what*: "2 bad cells in 'x.xlsx':" and a
        line for each."""
        found = tuple(cells)
        count = "1 bad cell" if len(found) == 1 else f"{len(found)} bad cells"
        lines = "\n  ".join(str(cell) for cell in found)
        return cls(f"{count} in {what}:\n  {lines}", cells=found)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_spreadsheet_error, (str(self), self.cells))


def _rebuild_spreadsheet_error(message: str, cells: tuple[Any, ...]) -> SpreadsheetError:
    return SpreadsheetError(message, cells=cells)


class UndefinedIndicatorError(DanvanError, ZeroDivisionError):
    """An indicator whose denominator is zero: a rate of nothing, a plan of zero.

    The message names what was zero. It is a ``ZeroDivisionError``, so code that
    guards a division the standard way keeps working.
    """


class UnknownPlaceError(DanvanError, LookupError):
    """A name or code that fits no place of the map asked for (also a ``LookupError``).

    ``text`` is the name or code as given.
    """

    text: str

    def __init__(self, message: str, /, *, text: str) -> None:
        super().__init__(message)
        self.text = text

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unknown, (str(self), self.text))


def _rebuild_unknown(message: str, text: str) -> UnknownPlaceError:
    return UnknownPlaceError(message, text=text)


class AmbiguousPlaceError(DanvanError, LookupError):
    """A name that fits several places of the same level (also a ``LookupError``).

    ``candidates`` are the places it fits; the message names each with its parents.
    Narrow the search with the type word ("xã ..."), ``level=`` or ``within=``.
    """

    text: str
    candidates: tuple[Any, ...]

    def __init__(self, message: str, /, *, text: str, candidates: tuple[Any, ...]) -> None:
        super().__init__(message)
        self.text = text
        self.candidates = candidates

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_ambiguous, (str(self), self.text, self.candidates))


def _rebuild_ambiguous(
    message: str, text: str, candidates: tuple[Any, ...]
) -> AmbiguousPlaceError:
    return AmbiguousPlaceError(message, text=text, candidates=candidates)


class MissingDependencyError(DanvanError, ImportError):
    """An optional library danvan needs for this call is not installed.

    ``package`` is the library's name and ``install`` the command that installs it
    (for pandas, the extra ``danvan[dataframes]``). It is also an ``ImportError``.
    """

    package: str
    install: str

    def __init__(self, message: str, /, *, package: str, install: str) -> None:
        super().__init__(message)
        self.package = package
        self.install = install

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_missing, (str(self), self.package, self.install))


def _rebuild_missing(message: str, package: str, install: str) -> MissingDependencyError:
    return MissingDependencyError(message, package=package, install=install)


def shorten(value: object, /, limit: int = 80) -> str:
    """``repr(value)`` for an error message, cut to about *limit* characters.

    Messages quote the bad input, but a megabyte of text, or an integer too long for
    Python to write, must not end up in (or break) the message.

    >>> shorten("1.5")
    "'1.5'"
    >>> shorten("9" * 1000)
    "'9999999999999999999999999999999999999999…' (1000 characters)"
    """
    if isinstance(value, str) and len(value) > limit:
        return f"{value[: limit // 2]!r}"[:-1] + f"…' ({len(value)} characters)"
    try:
        text = repr(value)
    except ValueError:  # an int beyond sys.get_int_max_str_digits()
        return f"<a {type(value).__name__} too long to write>"
    return text if len(text) <= limit else text[: limit // 2] + f"… ({len(text)} characters)"
