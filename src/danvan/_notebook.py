"""The HTML that notebooks show for danvan's objects (private, presentation layer).

Imported by :mod:`danvan._display` the first time a notebook asks an object for
``_repr_html_``; it registers one renderer for each class that has one.

>>> from danvan import Level, Unit, UnitKind, UnitTree
>>> tree = UnitTree([Unit(id="x", name="Xã A", kind=UnitKind.OTHER, level=Level.COMMUNE)])
>>> tree._repr_html_().startswith('<table class="danvan">')
True
"""

from __future__ import annotations

from danvan._display import register_html
from danvan._html import unit_tree_table
from danvan.records import statistics_table
from danvan.statistics import ModelStatistics
from danvan.units import UnitTree

__all__: list[str] = []

register_html(UnitTree, unit_tree_table)
register_html(ModelStatistics, statistics_table)
