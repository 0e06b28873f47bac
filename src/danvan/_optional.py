"""Importing an optional library (pyarrow, polars, duckdb, pandas, openpyxl) when a
function needs it (private).

danvan's runtime dependencies are attrs and cattrs; the libraries of tables and
spreadsheets are extras, imported inside the functions that use them, never at a
module's top level, so that ``import danvan`` stays fast and works without them.

>>> import_optional("json", "none").dumps(1)
'1'
"""

from __future__ import annotations

import importlib
from typing import Any

from danvan.errors import MissingDependencyError

__all__ = ["import_optional"]


def import_optional(name: str, extra: str) -> Any:
    """*name* imported, or :class:`~danvan.MissingDependencyError` naming the extra.

    >>> import_optional("no_such_library", "arrow")
    Traceback (most recent call last):
    ...
    danvan.errors.MissingDependencyError: this needs no_such_library, which is not installed; install it with: python -m pip install 'danvan[arrow]'
    """  # noqa: E501
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        install = f"python -m pip install 'danvan[{extra}]'"
        raise MissingDependencyError(
            f"this needs {name}, which is not installed; install it with: {install}",
            package=name,
            install=install,
        ) from exc
