"""Rich display in notebooks without the domain importing the presentation (private).

The classes of the domain and of the analysis (:class:`~danvan.UnitTree`,
:class:`~danvan.ModelStatistics`) have a ``_repr_html_`` that asks this registry for
their HTML, and the presentation layer registers a renderer for each class
(:mod:`danvan._notebook`). The registry loads the presentation the first time a
notebook asks for HTML, by its module name, as a plugin is loaded: so a tree shows as a
table with nothing imported first, and no module below the presentation imports it.
The dependency is inverted, not hidden: the presentation imports the classes it
renders, the classes know only this registry.

>>> class Note:
...     def _repr_html_(self) -> str | None:
...         return html_of(self)
>>> register_html(Note, lambda note: "<p>ghi chú</p>")
>>> Note()._repr_html_()
'<p>ghi chú</p>'
>>> html_of(3) is None  # nothing registered: the notebook shows the repr
True
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any, Final

__all__ = ["PRESENTATION", "html_of", "register_html"]

PRESENTATION: Final = "danvan._notebook"
"""The module that registers danvan's renderers when it is imported."""

_RENDERERS: dict[type, Callable[[Any], str]] = {}


def register_html(kind: type, renderer: Callable[[Any], str]) -> None:
    """Render instances of *kind* (and of its subclasses) with *renderer*."""
    _RENDERERS[kind] = renderer


def _renderer(kind: type) -> Callable[[Any], str] | None:
    for base in kind.__mro__:
        found = _RENDERERS.get(base)
        if found is not None:
            return found
    return None


def html_of(value: object) -> str | None:
    """The HTML of *value* from its registered renderer; None when it has none."""
    renderer = _renderer(type(value))
    if renderer is None and PRESENTATION not in sys.modules:
        importlib.import_module(PRESENTATION)
        renderer = _renderer(type(value))
    return None if renderer is None else renderer(value)
