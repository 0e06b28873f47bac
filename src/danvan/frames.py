"""Roll-ups of figures held in a table (tổng hợp theo bảng), on DuckDB or polars.

:func:`~danvan.roll_up_many` works on :class:`~danvan.Observation` objects: right for
a district, slow for the whole country (67.000 units × 100 indicators × 12 months are
tens of millions of figures). :func:`roll_up_frame` rolls up the same figures held in a
table (an Arrow table from :func:`~danvan.to_arrow`, a pandas or polars DataFrame, or
the path of a Parquet file) with a columnar engine: DuckDB (the extra
``danvan[duckdb]``, the default) or polars (``danvan[polars]``). The rules, the
coverage and the missing units are those of :func:`~danvan.roll_up`, and the results
are exact: each value is a ``numerator`` over a ``denominator``, both exact decimals.

How it works: the tree becomes an **ancestor (closure) table**, one row (ancestor,
descendant) for every unit and each unit above it, itself included (about four rows
per unit in the national tree). The figures are first reduced to each unit's own value
per indicator (the sum, latest, smallest, largest or number of its figures in the
period, or their mean), then joined to the closure table and grouped by ancestor:

.. code-block:: sql

   -- own: one row per (indicator, unit) with figures in the period
   SELECT f.indicator, f.unit_id, count(*) AS n, sum(f.actual) AS total,
          min(f.actual) AS smallest, max(f.actual) AS largest,
          arg_max(f.actual, f.period_start) AS latest
   FROM figures f
   WHERE f.period_start >= :start AND f.period_end <= :end
   GROUP BY f.indicator, f.unit_id;  -- then joined to units for each unit's position
   -- up: every ancestor's figure from its subtree's own values
   SELECT o.indicator, c.ancestor, sum(o.own) AS numerator, ...
   FROM own o JOIN closure c ON c.descendant = o.pos
   GROUP BY o.indicator, c.ancestor;

(the full text is :data:`ROLL_UP_SQL`). A mean is exact without division: with *w*
the least common multiple of the numbers of figures units have, a unit's mean
``total / n`` is ``total × (w / n)`` over *w*, so the mean over the units of a
subtree is ``sum(total × (w / n))`` over ``w × units``, a numerator and a denominator
summed like any other figure. A ratio sums its parts over the units that reported both.

Overlapping periods are found in the same scan, from the distinct periods of the
figures (one small query first): their bounds cut time into stretches, each period
covers a run of them, and the stretches a unit's figures cover are or-ed together as
bits; fewer bits than stretches counted means an overlap. When the distinct periods
are pairwise disjoint (months, say), each is one bit worked out from its start
(``(start - base) // gap``, with *gap* the least distance between two starts), so no
figure is joined to anything; months beside quarters are marked through the small
``periods`` table. Only the units whose periods this cannot decide (beyond 63
stretches) are checked period by period with a window.

When the figures are an Arrow table with dictionary-encoded indicators and units (as
:func:`~danvan.to_arrow` writes them), the dictionaries are mapped once to the places
of the indicators and the positions of the units, and the figures are grouped by those
integers, which costs about half what grouping by text does.

The units expected to report are by default those of :func:`~danvan.roll_up`: for each
indicator, the units of the (level, kind) of the units that reported it, alive in the
period. The query gives, for each indicator and unit with figures under it, how many
of the units alive under it reported; the units expected and their counts under each
unit come from the tree (by prefix sums over its walk order), and a unit expected that
did not report but has reporters below it (a ward whose hamlets reported) counts as
covered, as in ``roll_up``.

**More data than one machine.** The statements use nothing but joins, ``GROUP BY``,
``sum``, ``min``, ``max``, ``count``, ``bool_or``, ``arg_max`` (``max_by`` in Spark and
Trino), ``bit_or`` and ``bit_count`` (``bitwise_or_agg`` and ``bit_count`` in Trino,
``groupBitOr`` and ``bitCount`` in ClickHouse, ``BIT_OR`` and ``BIT_COUNT`` in
BigQuery) and one window (``lag``); they run on Spark SQL, Trino, BigQuery or ClickHouse
with those few names changed. Write the figures as Parquet partitioned by indicator
(``to_arrow`` then ``pyarrow.parquet.write_to_dataset``), write the small tables
(``periods``, ``units``, ``closure``, ``rules``, ``ratios``; :func:`closure_table` gives
the closure by unit id) and run :data:`ROLL_UP_SQL` there: the figures are only scanned
and grouped by (indicator, unit), so the work splits by partition, and what is
shuffled is one row per unit and indicator. Its results are the rows with figures; the
units expected and missing follow from them and the tree as above.

>>> ROLL_UP_SQL.count("GROUP BY"), ROLL_UP_SQL.count("OVER w")
(4, 2)
"""

from __future__ import annotations

import importlib
import itertools
import math
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, Final, Literal

from danvan._optional import import_optional
from danvan._rollups import Layout, expected_positions, layout_of, ratio_parts, wanted_and_known
from danvan.errors import InvalidTypeError, InvalidValueError, UnknownUnitError
from danvan.observations import Counting, Indicator, RollUp
from danvan.periods import Period
from danvan.units import Level, UnitKind, UnitTree

__all__ = ["ROLL_UP_SQL", "FrameEngine", "closure_table", "roll_up_frame"]

FrameEngine = Literal["duckdb", "polars"]
"""The engine :func:`roll_up_frame` runs on."""

_PERIODS_SQL: Final = """
SELECT DISTINCT period_start, period_end FROM figures
WHERE period_start >= $start AND period_end <= $end
"""
# The figures of the wanted indicators in the period, each with the stretches of time
# it covers as bits (``mask``, 0 when not known) and their number (``segments``). The
# general form reads them from the ``periods`` table; when the distinct periods of the
# figures are pairwise disjoint, the bit is worked out from the start (see
# ``_FAST_MARKED``), which spares a join of every figure.
_MARKED_SQL: Final = """
SELECT f.indicator, f.unit_id, f.period_start, f.actual, p.mask, p.segments
FROM figures AS f
JOIN periods AS p ON p.period_start = f.period_start AND p.period_end = f.period_end
WHERE f.indicator IN (SELECT code FROM rules)
  AND f.period_start >= $start AND f.period_end <= $end
"""
_FAST_MARKED: Final = """
SELECT f.indicator, f.unit_id, f.period_start, f.actual,
       1::BIGINT << ((f.period_start - $base) // $gap) AS mask, 1 AS segments
FROM figures AS f
"""
_OWN_SQL: Final = """
CREATE OR REPLACE TEMP TABLE own AS
SELECT g.indicator, g.unit_id, r.ord, r.rule, r.distinct_sum, u.pos, u.grp, u.expected,
       g.n, g.total, g.smallest, g.largest, g.latest,
       g.n > 1 AND NOT (g.marked AND g.covered = g.segments) AS recheck
FROM (
  SELECT f.indicator, f.unit_id, count(*) AS n, sum(f.actual) AS total,
         min(f.actual) AS smallest, max(f.actual) AS largest,
         arg_max(f.actual, f.period_start) AS latest,
         -- the figures overlap when fewer bits are set than stretches counted
         bit_count(bit_or(f.mask)) AS covered, sum(f.segments) AS segments,
         bool_and(f.mask <> 0) AS marked
  FROM ({marked}) AS f
  GROUP BY f.indicator, f.unit_id
) AS g JOIN rules AS r ON r.code = g.indicator
LEFT JOIN units AS u ON u.unit_id = g.unit_id
"""
# The same with the figures keyed by integers: ``ind`` (the place of the indicator in
# ``rules``) and ``pos`` (the unit's), from an Arrow table's dictionaries; grouping by
# integers costs about half what grouping by text does.
_OWN_KEYED_SQL: Final = (
    _OWN_SQL.replace("SELECT g.indicator, g.unit_id,", "SELECT r.code AS indicator, u.unit_id,")
    .replace("u.pos, u.grp,", "g.pos, u.grp,")
    .replace("SELECT f.indicator, f.unit_id, count(*)", "SELECT f.ind, f.pos, count(*)")
    .replace("GROUP BY f.indicator, f.unit_id", "GROUP BY f.ind, f.pos")
    .replace("r.code = g.indicator", "r.idx = g.ind")
    .replace("u.unit_id = g.unit_id", "u.pos = g.pos")
)
_UP_SQL: Final = """
SELECT v.ord, c.ancestor AS pos,
       CASE any_value(v.rule) WHEN 'min' THEN min(v.own) WHEN 'max' THEN max(v.own)
            ELSE sum(v.own) END AS numerator,
       CASE any_value(v.rule) WHEN 'mean' THEN $weight * count(*) ELSE 1 END AS denominator,
       bool_or(c.itself) AS reported,
       count(*) FILTER (WHERE v.expected) AS reported_units, false AS undefined
FROM (
  SELECT o.ord, o.rule, o.pos, o.expected,
         CASE o.rule WHEN 'sum' THEN o.total WHEN 'last' THEN o.latest
                     WHEN 'count' THEN o.n WHEN 'min' THEN o.smallest
                     WHEN 'max' THEN o.largest
                     ELSE o.total * ($weight // o.n) END AS own
  FROM own AS o
  WHERE o.ord IS NOT NULL
) AS v
JOIN closure AS c ON c.descendant = v.pos
GROUP BY v.ord, c.ancestor
"""
_RATIO_SQL: Final = """
WITH part AS (
  SELECT o.indicator, o.pos, o.expected,
         CASE o.rule WHEN 'sum' THEN o.total ELSE o.latest END AS own
  FROM own AS o
), up AS (
  SELECT q.ord, c.ancestor AS pos, sum(a.own) * any_value(q.factor) AS numerator,
         sum(b.own) AS denominator, bool_or(c.itself) AS reported,
         count(*) FILTER (WHERE a.expected) AS reported_units
  FROM ratios AS q
  JOIN part AS a ON a.indicator = q.numerator
  JOIN part AS b ON b.indicator = q.denominator AND b.pos = a.pos
  JOIN closure AS c ON c.descendant = a.pos
  GROUP BY q.ord, c.ancestor
)
SELECT ord, pos, CASE WHEN denominator = 0 THEN NULL ELSE numerator END AS numerator,
       CASE WHEN denominator = 0 THEN NULL ELSE denominator END AS denominator,
       reported, reported_units, denominator = 0 AS undefined
FROM up
"""
_UNPAIRED_SQL: Final = """
SELECT ord, pos FROM (
  SELECT q.ord, o.pos FROM ratios AS q JOIN own AS o ON o.indicator = q.numerator
  UNION ALL
  SELECT q.ord, o.pos FROM ratios AS q JOIN own AS o ON o.indicator = q.denominator
) GROUP BY ord, pos HAVING count(*) = 1
"""
_GROUPS_SQL: Final = """
SELECT DISTINCT o.ord, o.grp FROM own AS o WHERE o.ord IS NOT NULL
UNION
SELECT DISTINCT q.ord, a.grp FROM ratios AS q
JOIN own AS a ON a.indicator = q.numerator
JOIN own AS b ON b.indicator = q.denominator AND b.pos = a.pos
"""
_OVERLAP_SQL: Final = """
SELECT indicator, unit_id, before_start, before_end, period_start, period_end FROM (
  SELECT f.indicator, f.unit_id, f.period_start, f.period_end,
         lag(f.period_start) OVER w AS before_start, lag(f.period_end) OVER w AS before_end
  FROM figures AS f
  SEMI JOIN own AS o ON o.indicator = f.indicator AND o.unit_id = f.unit_id AND o.recheck
  WHERE f.period_start >= $start AND f.period_end <= $end
  WINDOW w AS (PARTITION BY f.indicator, f.unit_id ORDER BY f.period_start, f.period_end)
) WHERE period_start <= before_end LIMIT 1
"""

ROLL_UP_SQL: Final = "\n".join(
    (
        "-- the distinct periods of the figures (marked with their stretches in periods)",
        _PERIODS_SQL.strip() + ";",
        "-- own values per unit and indicator (units not in the tree have no pos)",
        _OWN_SQL.strip().replace("{marked}", _MARKED_SQL.strip().replace("\n", "\n  ")) + ";",
        "-- overlapping periods of one unit and indicator (must return nothing)",
        _OVERLAP_SQL.strip() + ";",
        "-- plain indicators up the tree",
        _UP_SQL.strip() + ";",
        "-- ratios up the tree",
        _RATIO_SQL.strip() + ";",
        "-- the units with only one part of a ratio",
        _UNPAIRED_SQL.strip() + ";",
        "-- the (level, kind) groups of the units that reported each indicator",
        _GROUPS_SQL.strip() + ";",
    )
)
"""The SQL :func:`roll_up_frame` runs on DuckDB, for reading or for another engine.

Its tables: ``figures`` (indicator, unit_id, period_start, period_end, actual),
``periods`` (period_start, period_end, mask, segments: the stretches of time between
the periods' bounds that each covers, as bits), ``units`` (unit_id, pos, grp: its
(level, kind), expected), ``closure`` (ancestor, descendant: positions; itself: the
two are one), ``rules`` (code, ord: its place among the indicators asked for, rule,
distinct_sum) and ``ratios`` (code, ord, numerator, denominator, factor); parameters
``$start``, ``$end`` (the period) and ``$weight`` (for means). The roll-ups give, for
each indicator asked for (``ord``) and each unit with figures in its subtree
(``pos``), the value, whether the unit reported, and how many units expected to report
did so under it; the result table is these rows and the units expected and missing,
worked out from the tree."""

_MASK_BITS: Final = 63
_FAR_PAST: Final = date(1, 1, 1)
_FAR_FUTURE: Final = date(9999, 12, 31)


def closure_table(tree: UnitTree, /) -> Any:
    """The ancestor table (bảng tổ tiên) of *tree*: one row per unit and each unit above
    it, itself included, as a ``pyarrow.Table`` of ``ancestor`` and ``descendant`` unit
    ids, in walk order. Its size is the sum of the units' depths: linear in the tree.

    >>> from danvan import Level, Unit, UnitKind, UnitTree
    >>> tree = UnitTree([
    ...     Unit(id="t", name="Tỉnh", kind=UnitKind.OTHER, level=Level.PROVINCE),
    ...     Unit(id="x", name="Xã", kind=UnitKind.OTHER, level=Level.COMMUNE, parent="t"),
    ... ])
    >>> closure_table(tree).to_pylist()  # doctest: +SKIP
    [{'ancestor': 't', 'descendant': 't'}, {'ancestor': 't', 'descendant': 'x'}, {'ancestor': 'x', 'descendant': 'x'}]
    """  # noqa: E501
    if not isinstance(tree, UnitTree):
        raise InvalidTypeError(f"expected a UnitTree, not {type(tree).__name__}: {tree!r}")
    pa = import_optional("pyarrow", "arrow")
    layout = layout_of(tree)
    ancestors, descendants = _closure(layout)
    ids = pa.array(layout.ids, type=pa.string())
    return pa.table(
        {
            "ancestor": pa.DictionaryArray.from_arrays(pa.array(ancestors, pa.int32()), ids),
            "descendant": pa.DictionaryArray.from_arrays(pa.array(descendants, pa.int32()), ids),
        }
    )


def _closure(layout: Layout) -> tuple[list[int], list[int]]:
    """(ancestor, descendant) positions: each unit's subtree is a run in walk order."""
    ancestors: list[int] = []
    descendants: list[int] = []
    for position, size in enumerate(layout.size):
        ancestors.extend([position] * size)
        descendants.extend(range(position, position + size))
    return ancestors, descendants


class _TreeTables:
    """What roll-ups over one tree share (Arrow arrays by position, built once)."""

    def __init__(self, pa: Any, layout: Layout) -> None:
        size = len(layout.ids)
        self.layout = layout
        self.ids = pa.array(layout.ids, pa.string())
        self.positions = pa.array(range(size), pa.int32())
        group_of: dict[tuple[Level, UnitKind], int] = {}
        groups = [0] * size
        for number, (key, members) in enumerate(layout.kinds.items()):
            group_of[key] = number
            for position in members:
                groups[position] = number
        self.group_of = group_of
        self.groups = pa.array(groups, pa.int32())
        self.ends = pa.array(
            [position + count for position, count in enumerate(layout.size)], pa.int64()
        )
        self.closure: Any = None
        self.alive: dict[tuple[date, date], Any] = {}
        self.leaves: Any = None

    def closure_table(self, pa: Any) -> Any:
        if self.closure is None:
            ancestors, descendants = _closure(self.layout)
            self.closure = pa.table(
                {
                    "ancestor": pa.array(ancestors, pa.int32()),
                    "descendant": pa.array(descendants, pa.int32()),
                    "itself": pa.array(
                        [a == d for a, d in zip(ancestors, descendants, strict=True)]
                    ),
                }
            )
        return self.closure

    def alive_in(self, pa: Any, start: date, end: date) -> Any:
        """Flags by position: the unit exists on some day from *start* to *end*."""
        key = (start, end)
        if key not in self.alive:
            self.alive[key] = pa.array(
                [
                    (unit.founded is None or unit.founded <= end)
                    and (unit.dissolved is None or unit.dissolved > start)
                    for unit in self.layout.units
                ],
                pa.bool_(),
            )
        return self.alive[key]

    def under(self, pa: Any, flags: Any) -> Any:
        """For each unit, how many units of its subtree (itself included) are flagged."""
        pc = importlib.import_module("pyarrow.compute")
        running = pc.cumulative_sum(flags.cast(pa.int64()))
        before = pa.concat_arrays([pa.array([0], pa.int64()), running])
        return pc.subtract(before.take(self.ends), before.take(self.positions))


# The tables of the last few trees' layouts (trees never change once built).
_TREES: list[_TreeTables] = []


def _tree_tables(pa: Any, layout: Layout) -> _TreeTables:
    for tables in _TREES:
        if tables.layout is layout:
            return tables
    tables = _TreeTables(pa, layout)
    _TREES.insert(0, tables)
    del _TREES[4:]
    return tables


class _Plan:
    """What one call rolls up: the rules, the ratios and the units expected."""

    def __init__(
        self,
        pa: Any,
        tree: UnitTree,
        indicators: Iterable[Indicator],
        definitions: Iterable[Indicator],
        expected: Iterable[str] | Level | Literal["leaves"] | None,
        start: date,
        end: date,
    ) -> None:
        wanted, known = wanted_and_known(indicators, definitions)
        self.wanted: list[Indicator] = wanted
        # code -> (rule, distinct, ord: its place among the wanted, or None for a part)
        self.rules: dict[str, tuple[RollUp, bool, int | None]] = {}
        self.ratios: list[tuple[str, int, str, str, int]] = []
        for ord_, indicator in enumerate(wanted):
            parts = ratio_parts(indicator, known)
            if parts is None:
                assert indicator.roll_up is not None
                distinct = indicator.counting is Counting.DISTINCT
                self.rules[indicator.code] = (indicator.roll_up, distinct, ord_)
            else:
                top, bottom, factor = parts
                self.ratios.append((indicator.code, ord_, top.code, bottom.code, factor))
                for part in (top, bottom):
                    assert part.roll_up is not None
                    if part.code not in self.rules:
                        distinct = part.counting is Counting.DISTINCT
                        self.rules[part.code] = (part.roll_up, distinct, None)
        self.layout = layout_of(tree)
        self.tree = _tree_tables(pa, self.layout)
        # Without expected, the units expected to report each indicator are those of the
        # (level, kind) of the units that reported it, alive in the period, as roll_up
        # has them: worked out once the reporters are known (``like_the_reporters``).
        # A reporter is then expected when it is alive; otherwise the units expected are
        # the same for every indicator.
        self.default = expected is None
        if expected is None:
            self.expected = self.tree.alive_in(pa, start, end)
            self.expected_units = None
        else:
            chosen = expected_positions(self.layout, expected)
            assert chosen is not None
            self.expected = pa.array([bool(flag) for flag in chosen[0]], pa.bool_())
            self.expected_units = self.tree.under(pa, self.expected)
        self.start = start
        self.end = end

    def tables(self, pa: Any) -> dict[str, Any]:
        rules = list(self.rules.items())
        tree = self.tree
        return {
            "units": pa.table(
                {
                    "unit_id": tree.ids,
                    "pos": tree.positions,
                    "grp": tree.groups,
                    "expected": self.expected,
                }
            ),
            "closure": tree.closure_table(pa),
            "rules": pa.table(
                {
                    "idx": pa.array(range(len(rules)), pa.int32()),
                    "code": pa.array([code for code, _ in rules], pa.string()),
                    "ord": pa.array([ord_ for _, (_, _, ord_) in rules], pa.int32()),
                    "rule": pa.array([rule.value for _, (rule, _, _) in rules], pa.string()),
                    "distinct_sum": pa.array(
                        [rule is RollUp.SUM and distinct for _, (rule, distinct, _) in rules],
                        pa.bool_(),
                    ),
                }
            ),
            "ratios": pa.table(
                {
                    "code": pa.array([row[0] for row in self.ratios], pa.string()),
                    "ord": pa.array([row[1] for row in self.ratios], pa.int32()),
                    "numerator": pa.array([row[2] for row in self.ratios], pa.string()),
                    "denominator": pa.array([row[3] for row in self.ratios], pa.string()),
                    "factor": pa.array([row[4] for row in self.ratios], pa.int64()),
                }
            ),
        }

    def like_the_reporters(
        self, pa: Any, groups: Iterable[tuple[int, int]]
    ) -> tuple[list[tuple[Any, Any]], list[int]]:
        """The units expected for each indicator, by the (level, kind) groups of its
        reporters: the profiles (flags, and the counts under each unit, by position)
        and the profile of each ``ord``."""
        pc = importlib.import_module("pyarrow.compute")
        by_ord: dict[int, set[int]] = {}
        for ord_, group in groups:
            by_ord.setdefault(ord_, set()).add(group)
        made: dict[frozenset[int], int] = {}
        profiles: list[tuple[Any, Any]] = []
        profile_of = []
        for ord_ in range(len(self.wanted)):
            key = frozenset(by_ord.get(ord_, ()))
            if key not in made:
                flags = pc.and_(
                    self.expected,
                    pc.is_in(self.tree.groups, value_set=pa.array(sorted(key), pa.int32())),
                )
                made[key] = len(profiles)
                profiles.append((flags, self.tree.under(pa, flags)))
            profile_of.append(made[key])
        return profiles, profile_of


def _marks(
    periods: list[tuple[date, date]],
) -> tuple[date, int] | list[tuple[date, date, int, int]]:
    """How to mark the figures' periods as bits of the stretches of time they cover.

    When the distinct periods are pairwise disjoint (months, say), each is one stretch
    and its bit is ``(start - base) // gap``, with *gap* the least distance between two
    starts: ``(base, gap)``, or ``(base, 0)`` when that needs more than 63 bits. Else
    the rows of the ``periods`` table: the bounds of all the periods cut time into
    stretches, and each period covers a run of them (mask 0 beyond 63 stretches: such
    figures are checked period by period)."""
    ordered = sorted(periods)
    if not ordered:
        return (_FAR_PAST, 1)
    disjoint = all(after[0] > before[1] for before, after in itertools.pairwise(ordered))
    base = ordered[0][0]
    if disjoint:
        if len(ordered) == 1:
            return (base, 1)
        gap = min((after[0] - before[0]).days for before, after in itertools.pairwise(ordered))
        if (ordered[-1][0] - base).days // gap < _MASK_BITS:
            return (base, gap)
        return (base, 0)
    bounds = sorted({s.toordinal() for s, _ in ordered} | {e.toordinal() + 1 for _, e in ordered})
    index = {bound: number for number, bound in enumerate(bounds)}
    rows = []
    for start, end in ordered:
        first, last = index[start.toordinal()], index[end.toordinal() + 1]
        if last <= _MASK_BITS:
            rows.append((start, end, ((1 << (last - first)) - 1) << first, last - first))
        else:
            rows.append((start, end, 0, 0))
    return rows


def _figures(frame: object, engine: str) -> Any:
    """The figures as an Arrow table (or a Parquet path for the engine to scan)."""
    if isinstance(frame, (str, os.PathLike)):
        path = Path(frame)
        if not path.exists():
            raise InvalidValueError(f"no such Parquet file: {str(path)!r}")
        return path
    module = type(frame).__module__.split(".")[0]
    if module == "pyarrow":
        return frame
    if module == "polars":
        return frame.to_arrow()  # type: ignore[attr-defined]
    if module == "pandas":
        pa = import_optional("pyarrow", "arrow")
        return pa.Table.from_pandas(frame, preserve_index=False)
    raise InvalidTypeError(
        "expected an Arrow table, a pandas or polars DataFrame or a Parquet path, not"
        f" {type(frame).__name__}"
    )


_NEEDED: Final = ("indicator", "unit_id", "period_start", "period_end", "actual")


def _check_schema(pa: Any, schema: Any) -> None:
    names = set(schema.names)
    lacking = [name for name in _NEEDED if name not in names]
    if lacking:
        raise InvalidValueError(
            f"the figures need the columns {', '.join(_NEEDED)}; missing: {', '.join(lacking)}"
        )
    kind = schema.field("actual").type
    if not (pa.types.is_integer(kind) or pa.types.is_decimal(kind)):
        raise InvalidTypeError(
            f"the column 'actual' must hold exact numbers (integers or decimals), not {kind};"
            " to_arrow writes them so"
        )
    for name in ("period_start", "period_end"):
        if not pa.types.is_date(schema.field(name).type):
            raise InvalidTypeError(
                f"the column {name!r} must hold dates, not {schema.field(name).type}"
            )


def roll_up_frame(
    tree: UnitTree,
    frame: Any,
    indicators: Iterable[Indicator],
    /,
    *,
    period: Period | None = None,
    expected: Iterable[str] | Level | Literal["leaves"] | None = None,
    definitions: Iterable[Indicator] = (),
    engine: FrameEngine = "duckdb",
) -> Any:
    """Roll up figures held in a table over *tree* (tổng hợp theo bảng), on *engine*.

    *frame* holds one figure per row in the columns ``indicator``, ``unit_id``,
    ``period_start``, ``period_end`` (dates) and ``actual`` (integers or decimals: a
    float column is refused), as :func:`~danvan.to_arrow` writes them; it is an Arrow
    table, a pandas or polars DataFrame, or the path of a Parquet file, which the
    engine scans itself. *period*, *expected* and *definitions* mean what they mean
    for :func:`~danvan.roll_up_many`: without *expected*, the units expected to report
    an indicator are those of the (level, kind) of the units that reported it, alive
    in the period (``expected="leaves"`` expects the leaves of the tree). The rules are
    those of ``roll_up``: an overlap of one unit's periods of an indicator raises
    :class:`~danvan.InvalidValueError`, a figure of a unit not in the tree
    :class:`~danvan.UnknownUnitError`.

    The result is a ``pyarrow.Table`` with a row for every indicator (in the order
    given) and every unit (in walk order) that has a value or units expected to report
    in its subtree; the units left out have no value and expect nothing (in the
    national tree, the villages of an indicator the communes report), and an indicator
    nobody reported has no rows under the default *expected*. The columns:
    ``indicator``, ``unit_id``, the exact value as ``numerator`` over ``denominator``
    (decimals; both null where :func:`~danvan.roll_up` gives None; for a ratio the
    factor is in the numerator), ``reported`` (the unit's own figures were used),
    ``expected``, ``missing`` (expected, and neither it nor a unit below it reported;
    with *expected* given: without figures of its own), ``reported_units`` and
    ``expected_units`` (the coverage of its subtree: ``coverage()``), ``unpaired`` (a
    ratio's unit with only one part) and ``undefined`` (a ratio whose whole is zero).
    Needs ``danvan[duckdb]`` or ``danvan[polars]``.

    >>> roll_up_frame(None, None, [])
    Traceback (most recent call last):
    ...
    danvan.errors.InvalidTypeError: expected a UnitTree, not NoneType: None
    """
    if not isinstance(tree, UnitTree):
        raise InvalidTypeError(f"expected a UnitTree, not {type(tree).__name__}: {tree!r}")
    if period is not None and not isinstance(period, Period):
        raise InvalidTypeError(f"period must be a Period or None, not {period!r}")
    if engine not in ("duckdb", "polars"):
        raise InvalidValueError(f"engine must be 'duckdb' or 'polars', not {engine!r}")
    if isinstance(indicators, (str, bytes)) or not isinstance(indicators, Iterable):
        raise InvalidTypeError(f"indicators must be an iterable of Indicators, not {indicators!r}")
    pa = import_optional("pyarrow", "arrow")
    start = _FAR_PAST if period is None else period.start
    end = _FAR_FUTURE if period is None else period.end
    plan = _Plan(pa, tree, indicators, definitions, expected, start, end)
    figures = _figures(frame, engine)
    if engine == "duckdb":
        return _grid(pa, plan, *_duckdb(pa, plan, figures))
    return _grid(pa, plan, *_polars(pa, plan, figures))


# ---------------------------------------------------------------------------- DuckDB


def _arrow_of(result: Any) -> Any:
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        method = getattr(result, name, None)
        if method is not None:
            return method()
    raise InvalidValueError("this DuckDB cannot return Arrow tables")  # pragma: no cover


def _weight(counts: Iterable[int]) -> int:
    weight = 1
    for count in counts:
        weight = math.lcm(weight, int(count))
    return weight


def _where(plan: _Plan, indicators: bool, period: bool = True) -> str:
    """The filter of the figures: the indicators wanted (with *indicators*), and the
    period (with *period*, unless there is none)."""
    conditions = []
    if indicators:
        conditions.append("f.indicator IN (SELECT code FROM rules)")
    if period and plan.start != _FAR_PAST:
        conditions.append("f.period_start >= $start")
    if period and plan.end != _FAR_FUTURE:
        conditions.append("f.period_end <= $end")
    return "WHERE " + " AND ".join(conditions) if conditions else ""


def _only_wanted(plan: _Plan, figures: Any) -> bool:
    """Whether an Arrow table's dictionary-encoded indicators are all wanted (then
    there is no need to filter them)."""
    if isinstance(figures, Path):
        return False
    column = figures.column("indicator")
    if not hasattr(column.type, "value_type"):
        return False
    codes = plan.rules.keys()
    return all(
        all(code in codes for code in chunk.dictionary.to_pylist()) for chunk in column.chunks
    )


def _keyed(pa: Any, plan: _Plan, figures: Any) -> Any:
    """The figures with their indicators and units as integers (``ind``, ``pos``; null
    for an indicator not wanted or a unit not in the tree), when the table holds them
    dictionary-encoded (as ``to_arrow`` writes them); None otherwise."""
    kinds = [figures.schema.field(name).type for name in ("indicator", "unit_id")]
    if figures.num_rows == 0 or not all(pa.types.is_dictionary(kind) for kind in kinds):
        return None
    table = figures.unify_dictionaries()
    places = {code: number for number, code in enumerate(plan.rules)}
    index = plan.layout.index
    columns = []
    for name, where in (("indicator", places), ("unit_id", index)):
        column = table.column(name)
        values = column.chunk(0).dictionary.to_pylist()
        mapping = pa.array([where.get(value) for value in values], pa.int32())
        columns.append(
            pa.chunked_array([mapping.take(chunk.indices) for chunk in column.chunks], pa.int32())
        )
    return table.append_column("ind", columns[0]).append_column("pos", columns[1])


def _duckdb(pa: Any, plan: _Plan, figures: Any) -> tuple[Any, Any, Any]:
    """(results, unpaired, groups): the rows of :data:`ROLL_UP_SQL`'s roll-ups."""
    connection = _connection()
    try:
        for name, table in plan.tables(pa).items():
            connection.register(name, table)
        if isinstance(figures, Path):
            path = str(figures).replace("'", "''")
            connection.execute(f"CREATE VIEW figures AS SELECT * FROM read_parquet('{path}')")
            schema = _arrow_of(connection.sql("SELECT * FROM figures LIMIT 0")).schema
        else:
            schema = figures.schema
        _check_schema(pa, schema)
        keyed = None if isinstance(figures, Path) else _keyed(pa, plan, figures)
        if keyed is not None:
            connection.register("figures", keyed)
        elif not isinstance(figures, Path):
            connection.register("figures", figures)
        window = {"start": plan.start, "end": plan.end}
        # The distinct periods of all the figures: when they all lie in the period,
        # the figures need no filter by dates.
        every = connection.execute(
            f"SELECT DISTINCT period_start, period_end FROM figures LIMIT {_MAX_PERIODS + 1}"
        ).fetchall()
        found = [row for row in every if plan.start <= row[0] and row[1] <= plan.end]
        where = _where(
            plan, keyed is None and not _only_wanted(plan, figures), len(found) < len(every)
        )
        if keyed is not None:
            where = (
                ("WHERE f.ind IS NOT NULL AND " + where[len("WHERE ") :])
                if where
                else ("WHERE f.ind IS NOT NULL")
            )
        marks = _marks(found) if len(every) <= _MAX_PERIODS else (_FAR_PAST, 0)
        if isinstance(marks, tuple):
            base, gap = marks
            if gap:
                marked = f"{_FAST_MARKED.strip()} {where}"
                parameters = {**_used(where, window), "base": base, "gap": gap}
            else:
                marked = _FAST_MARKED.strip().replace(
                    "1::BIGINT << ((f.period_start - $base) // $gap)", "0::BIGINT"
                )
                marked = f"{marked} {where}"
                parameters = _used(where, window)
        else:
            connection.register(
                "periods",
                pa.table(
                    {
                        "period_start": pa.array([row[0] for row in marks], pa.date32()),
                        "period_end": pa.array([row[1] for row in marks], pa.date32()),
                        "mask": pa.array([row[2] for row in marks], pa.int64()),
                        "segments": pa.array([row[3] for row in marks], pa.int64()),
                    }
                ),
            )
            marked = (
                "SELECT f.indicator, f.unit_id, f.period_start, f.actual, p.mask, p.segments"
                " FROM figures AS f JOIN periods AS p ON p.period_start = f.period_start"
                f" AND p.period_end = f.period_end {where}"
            )
            parameters = _used(where, window)
        if keyed is not None:
            marked = marked.replace("f.indicator, f.unit_id,", "f.ind, f.pos,", 1)
        own = (_OWN_SQL if keyed is None else _OWN_KEYED_SQL).replace("{marked}", marked)
        if isinstance(marks, tuple):  # a figure is one stretch, and marked when gap > 0
            own = own.replace("sum(f.segments)", "count(*)").replace(
                "bool_and(f.mask <> 0)", "true" if marks[1] else "false"
            )
        connection.execute(own, parameters)
        lost = connection.execute("SELECT unit_id FROM own WHERE pos IS NULL LIMIT 1").fetchone()
        if lost is not None and keyed is not None:
            lost = connection.execute(
                f"SELECT f.unit_id FROM figures AS f {where} AND f.pos IS NULL LIMIT 1",
                _used(where, window),
            ).fetchone()
        if lost is not None:
            raise UnknownUnitError(str(lost[0]))
        if connection.execute("SELECT 1 FROM own WHERE recheck LIMIT 1").fetchone():
            overlap = connection.execute(_OVERLAP_SQL, window).fetchone()
            if overlap is not None:
                _overlap_error(*overlap)
        _check_distinct(
            plan,
            connection.execute(
                "SELECT indicator, pos, n FROM own WHERE n > 1 AND distinct_sum LIMIT 1"
            ).fetchall(),
        )
        counts = connection.execute(
            "SELECT DISTINCT n FROM own WHERE rule = 'mean' AND ord IS NOT NULL"
        ).fetchall()
        weight = _weight(row[0] for row in counts)
        query = _UP_SQL
        if plan.ratios:
            query = f"SELECT * FROM ({_UP_SQL}) UNION ALL SELECT * FROM ({_RATIO_SQL})"
        results = _arrow_of(connection.sql(query, params={"weight": weight}))
        unpaired = groups = None
        if plan.ratios:
            unpaired = _arrow_of(connection.sql(_UNPAIRED_SQL))
        if plan.default:
            groups = connection.execute(_GROUPS_SQL).fetchall()
        return results, unpaired, groups
    finally:
        connection.close()


_MAX_PERIODS: Final = 100_000
# One in-memory database per process, opened on first use (opening one costs tens of
# milliseconds); each roll-up works in a connection of its own, whose tables go with it.
_DATABASES: dict[int, Any] = {}


def _connection() -> Any:
    duckdb = import_optional("duckdb", "duckdb")
    database = _DATABASES.get(os.getpid())
    if database is None:
        database = _DATABASES[os.getpid()] = duckdb.connect()
    return database.cursor()


def _used(sql: str, parameters: dict[str, Any]) -> dict[str, Any]:
    """The parameters *sql* names (DuckDB refuses the others)."""
    return {name: value for name, value in parameters.items() if f"${name}" in sql}


def _overlap_error(
    code: str, unit_id: str, before_start: date, before_end: date, start: date, end: date
) -> None:
    raise InvalidValueError(
        f"unit {unit_id!r} has overlapping figures of {code!r} ({before_start}..{before_end}"
        f" and {start}..{end}); pass only one of them"
    )


def _check_distinct(plan: _Plan, several: Iterable[tuple[str, int, int]]) -> None:
    for code, position, count in several:
        rule, distinct, _ = plan.rules[code]
        if distinct and rule is RollUp.SUM:
            raise InvalidValueError(
                f"{code!r} counts distinct people or things, which do not add up over periods:"
                f" unit {plan.layout.ids[position]!r} has {count} figures in the period"
            )


# ---------------------------------------------------------------------------- polars


def _polars(pa: Any, plan: _Plan, figures: Any) -> tuple[Any, Any, Any]:
    """What :func:`_duckdb` gives, worked out by polars."""
    pl = import_optional("polars", "polars")
    tables = {name: pl.from_arrow(table) for name, table in plan.tables(pa).items()}
    if isinstance(figures, Path):
        scan = pl.scan_parquet(figures)
        _check_polars_schema(pl, scan.collect_schema())
    else:
        _check_schema(pa, figures.schema)
        scan = pl.from_arrow(figures).lazy()
    units = tables["units"].lazy()
    rules = tables["rules"]
    actual = pl.col("actual")
    start, end = pl.col("period_start"), pl.col("period_end")
    decimal = pl.Decimal(38, _scale_of(pl, scan))
    within = scan.with_columns(actual.cast(decimal))
    if plan.start != _FAR_PAST:
        within = within.filter(start >= plan.start)
    if plan.end != _FAR_FUTURE:
        within = within.filter(end <= plan.end)
    figures_in = within
    if not _only_wanted(plan, figures):
        figures_in = figures_in.filter(
            pl.col("indicator").cast(pl.String).is_in(rules["code"].to_list())
        )
    periods = within.select(start, end).unique().head(_MAX_PERIODS + 1).collect().rows()
    marks = _marks(periods) if len(periods) <= _MAX_PERIODS else (_FAR_PAST, 0)
    # Disjoint periods overlap only when one comes twice: count the distinct starts.
    disjoint = isinstance(marks, tuple) and marks[1] > 0
    own = (
        figures_in.group_by("indicator", "unit_id")
        .agg(
            pl.len().alias("n"),
            actual.sum().alias("total"),
            actual.min().alias("smallest"),
            actual.max().alias("largest"),
            actual.sort_by("period_start").last().alias("latest"),
            *([start.n_unique().alias("starts")] if disjoint else []),
        )
        .with_columns(pl.col("indicator").cast(pl.String), pl.col("unit_id").cast(pl.String))
        .join(units, on="unit_id", how="left")
        .collect()
    )
    lost = own.filter(pl.col("pos").is_null())
    if lost.height:
        raise UnknownUnitError(str(lost["unit_id"][0]))
    recheck = own.filter(
        (pl.col("n") > 1) & ((pl.col("starts") < pl.col("n")) if disjoint else pl.lit(True))
    ).select("indicator", "unit_id")
    if recheck.height:
        overlap = (
            figures_in.with_columns(
                pl.col("indicator").cast(pl.String), pl.col("unit_id").cast(pl.String)
            )
            .join(recheck.lazy(), on=["indicator", "unit_id"], how="semi")
            .sort("indicator", "unit_id", "period_start", "period_end")
            .with_columns(
                start.shift(1).over("indicator", "unit_id").alias("before_start"),
                end.shift(1).over("indicator", "unit_id").alias("before_end"),
            )
            .filter(start <= pl.col("before_end"))
            .select("indicator", "unit_id", "before_start", "before_end", start, end)
            .head(1)
            .collect()
        )
        if overlap.height:
            _overlap_error(*overlap.row(0))
    own = own.join(rules, left_on="indicator", right_on="code", how="inner")
    several = own.filter((pl.col("n") > 1) & pl.col("distinct_sum"))
    _check_distinct(plan, several.select("indicator", "pos", "n").head(1).rows())
    weight = _weight(
        own.filter((pl.col("rule") == "mean") & pl.col("ord").is_not_null())["n"]
        .unique()
        .to_list()
    )
    n = pl.col("n").cast(decimal)
    rule = pl.col("rule")
    own_value = (
        pl.when(rule == "sum")
        .then(pl.col("total"))
        .when(rule == "last")
        .then(pl.col("latest"))
        .when(rule == "count")
        .then(n)
        .when(rule == "min")
        .then(pl.col("smallest"))
        .when(rule == "max")
        .then(pl.col("largest"))
        .otherwise(pl.col("total") * (pl.lit(weight, pl.Int64) // pl.col("n")).cast(decimal))
    )
    closure = tables["closure"]
    first = pl.col("rule").first()
    up = (
        own.filter(pl.col("ord").is_not_null())
        .with_columns(own_value.alias("own"))
        .join(closure, left_on="pos", right_on="descendant")
        .with_columns((pl.col("ancestor") == pl.col("pos")).alias("itself"))
        .group_by("ord", "ancestor")
        .agg(
            pl.when(first == "min")
            .then(pl.col("own").min())
            .when(first == "max")
            .then(pl.col("own").max())
            .otherwise(pl.col("own").sum())
            .alias("numerator"),
            pl.when(first == "mean")
            .then(pl.len() * weight)
            .otherwise(1)
            .cast(pl.Decimal(38, 0))
            .alias("denominator"),
            pl.col("itself").any().alias("reported"),
            pl.col("expected").sum().alias("reported_units"),
        )
        .with_columns(pl.lit(False).alias("undefined"))
    )
    found = [up]
    unpaired = None
    ratios = tables["ratios"]
    if plan.ratios:
        parts = own.select(
            "indicator",
            "pos",
            "grp",
            "expected",
            pl.when(rule == "sum").then(pl.col("total")).otherwise(pl.col("latest")).alias("own"),
        )
        paired = (
            ratios.join(parts, left_on="numerator", right_on="indicator")
            .rename({"own": "num"})
            .join(
                parts.select("indicator", "pos", pl.col("own").alias("den")),
                left_on=["denominator", "pos"],
                right_on=["indicator", "pos"],
            )
        )
        factor = pl.col("factor").first().cast(pl.Decimal(38, 0))
        whole = pl.col("denominator") == 0
        found.append(
            paired.join(closure, left_on="pos", right_on="descendant")
            .with_columns((pl.col("ancestor") == pl.col("pos")).alias("itself"))
            .group_by("ord", "ancestor")
            .agg(
                (pl.col("num").sum() * factor).alias("numerator"),
                pl.col("den").sum().alias("denominator"),
                pl.col("itself").any().alias("reported"),
                pl.col("expected").sum().alias("reported_units"),
            )
            .with_columns(
                pl.when(whole).then(None).otherwise(pl.col("numerator")).alias("numerator"),
                pl.when(whole).then(None).otherwise(pl.col("denominator")).alias("denominator"),
                whole.alias("undefined"),
            )
        )
        sides = pl.concat(
            [
                ratios.select("ord", pl.col(side).alias("indicator"))
                for side in ("numerator", "denominator")
            ]
        )
        unpaired = (
            own.select("indicator", "pos")
            .join(sides, on="indicator")
            .group_by("ord", "pos")
            .agg(pl.len().alias("parts"))
            .filter(pl.col("parts") == 1)
            .select("ord", "pos")
            .to_arrow()
        )
    places = max(_decimal_scale(pl, frame.schema["numerator"]) for frame in found)
    below = max(_decimal_scale(pl, frame.schema["denominator"]) for frame in found)
    results = pl.concat(
        [
            frame.select(
                "ord",
                pl.col("ancestor").alias("pos"),
                pl.col("numerator").cast(pl.Decimal(38, places)),
                pl.col("denominator").cast(pl.Decimal(38, below)),
                "reported",
                pl.col("reported_units").cast(pl.Int64),
                "undefined",
            )
            for frame in found
        ]
    )
    groups = None
    if plan.default:
        reporters = own.filter(pl.col("ord").is_not_null()).select("ord", "grp")
        if plan.ratios:
            reporters = pl.concat(
                [reporters, paired.select("ord", "grp").cast({"ord": pl.Int32, "grp": pl.Int32})]
            )
        groups = reporters.unique().rows()
    return results.to_arrow(), unpaired, groups


def _decimal_scale(pl: Any, kind: Any) -> int:
    return int(getattr(kind, "scale", 0) or 0)


def _scale_of(pl: Any, scan: Any) -> int:
    kind = scan.collect_schema()["actual"]
    return int(getattr(kind, "scale", 0) or 0)


def _check_polars_schema(pl: Any, schema: Any) -> None:
    lacking = [name for name in _NEEDED if name not in schema]
    if lacking:
        raise InvalidValueError(
            f"the figures need the columns {', '.join(_NEEDED)}; missing: {', '.join(lacking)}"
        )
    kind = schema["actual"]
    if not (kind.is_integer() or isinstance(kind, pl.Decimal)):
        raise InvalidTypeError(
            f"the column 'actual' must hold exact numbers (integers or decimals), not {kind}"
        )


# ---------------------------------------------------------------------------- result


def _grid(pa: Any, plan: _Plan, results: Any, unpaired: Any, groups: Any) -> Any:
    """The result table from the rows the roll-ups found (a row per indicator and unit
    with figures in its subtree): a row for every indicator and every unit that has a
    value or units expected to report in its subtree, with the units expected and
    missing. The other units (no figures and nothing expected under them) are left
    out: the grid of every unit would be mostly empty rows."""
    pc = importlib.import_module("pyarrow.compute")
    tree = plan.tree
    size = len(plan.layout.ids)
    count = len(plan.wanted)
    # The units expected: one profile (flags and counts under each unit, by position)
    # for every indicator, or one for each set of (level, kind) groups of reporters.
    if plan.default:
        profiles, profile_of = plan.like_the_reporters(pa, groups or ())
        if not profiles:  # no indicators: no rows
            profiles = [(plan.expected, plan.tree.under(pa, plan.expected))]
    else:
        profiles, profile_of = [(plan.expected, plan.expected_units)], [0] * count
    flags_kept = [pc.greater(under, 0) for _, under in profiles]
    kept = [pc.indices_nonzero(flags).cast(pa.int64()) for flags in flags_kept]
    lengths = [len(kept[profile_of[ord_]]) for ord_ in range(count)]
    offsets = [0] * count
    for ord_ in range(1, count):
        offsets[ord_] = offsets[ord_ - 1] + lengths[ord_ - 1]
    height = sum(lengths)
    row_pos = pa.chunked_array(
        [kept[profile_of[ord_]] for ord_ in range(count)], pa.int64()
    ).combine_chunks()
    row_ord = pa.chunked_array(
        [pa.repeat(pa.scalar(ord_, pa.int64()), lengths[ord_]) for ord_ in range(count)],
        pa.int64(),
    ).combine_chunks()
    # Where a row of the roll-ups goes: by its unit's rank among the units kept for its
    # indicator, which needs no lookup (unless a unit with a value has nothing expected
    # under it, when the rows are merged by slot).
    which = pa.array(profile_of, pa.int64())
    rank = pa.concat_arrays(
        [pc.subtract(pc.cumulative_sum(flags.cast(pa.int64())), 1) for flags in flags_kept]
    )
    inside = pa.concat_arrays(flags_kept)
    starts = pa.array(offsets, pa.int64())

    def placed(table: Any) -> Any:
        ords = _column(table, "ord").cast(pa.int64())
        key = pc.add(pc.multiply(which.take(ords), size), _column(table, "pos").cast(pa.int64()))
        if not pc.all(inside.take(key)).as_py():
            return None
        return pc.add(starts.take(ords), rank.take(key))

    at = placed(results)
    lonely_at = placed(unpaired) if unpaired is not None and unpaired.num_rows else None
    if at is None or (lonely_at is None and unpaired is not None and unpaired.num_rows):
        # a unit with a value and nothing expected under it: merge the rows by slot
        rows = pc.add(pc.multiply(row_ord, size), row_pos)
        for table in (results, unpaired):
            if table is not None and table.num_rows:
                rows = pc.unique(pa.concat_arrays([rows, _slots(pa, table, size)]))
        rows = rows.take(pc.sort_indices(rows))
        height = len(rows)
        row_ord = pc.divide(rows, size)
        row_pos = pc.subtract(rows, pc.multiply(row_ord, size))
        at = pc.index_in(_slots(pa, results, size), value_set=rows)
        if unpaired is not None and unpaired.num_rows:
            lonely_at = pc.index_in(_slots(pa, unpaired, size), value_set=rows)
    else:
        rows = None

    def spread(name: str) -> Any:
        return _scatter(pa, _column(results, name), at, height)

    if len(profiles) == 1:
        expected = profiles[0][0].take(row_pos)
        expected_units = profiles[0][1].take(row_pos)
    else:
        which = pa.array(profile_of, pa.int64()).take(row_ord)
        index = pc.add(pc.multiply(which, size), row_pos)
        expected = pa.concat_arrays([flags for flags, _ in profiles]).take(index)
        expected_units = pa.concat_arrays([under for _, under in profiles]).take(index)
    has_row = _scatter(pa, pa.repeat(pa.scalar(True), results.num_rows), at, height)
    has_row = pc.fill_null(has_row, False)
    reported = pc.fill_null(spread("reported"), False)
    reported_units = pc.fill_null(spread("reported_units"), 0).cast(pa.int64())
    if plan.default:
        # A unit expected is covered when it or a unit below it reported: those that
        # did not report themselves count for every unit above them too.
        covered = pc.and_(expected, has_row)
        lonely = pc.and_(covered, pc.invert(reported))
        if pc.any(lonely).as_py():
            slots = pc.add(pc.multiply(row_ord, size), row_pos) if rows is None else rows
            reported_units = pc.add(reported_units, _up_counts(pa, plan, slots, lonely))
        missing = pc.and_(expected, pc.invert(covered))
    else:
        missing = pc.and_(expected, pc.invert(reported))
    numbers = {}
    for name in ("numerator", "denominator"):
        column = spread(name)
        if not pa.types.is_decimal(column.type):
            column = column.cast(pa.decimal128(38, 0))
        numbers[name] = column
    if lonely_at is not None:
        lonely_parts = pc.fill_null(
            _scatter(pa, pa.repeat(pa.scalar(True), len(lonely_at)), lonely_at, height), False
        )
    else:
        lonely_parts = pa.repeat(pa.scalar(False), height)
    codes = pa.array([indicator.code for indicator in plan.wanted], pa.string())
    return pa.table(
        {
            "indicator": pa.DictionaryArray.from_arrays(row_ord.cast(pa.int32()), codes),
            "unit_id": pa.DictionaryArray.from_arrays(row_pos.cast(pa.int32()), tree.ids),
            "numerator": numbers["numerator"],
            "denominator": numbers["denominator"],
            "reported": reported,
            "expected": expected,
            "missing": missing,
            "reported_units": reported_units,
            "expected_units": expected_units,
            "unpaired": lonely_parts,
            "undefined": pc.fill_null(spread("undefined"), False),
        }
    )


def _column(table: Any, name: str) -> Any:
    column = table.column(name)
    return column.combine_chunks() if hasattr(column, "combine_chunks") else column


def _slots(pa: Any, table: Any, size: int) -> Any:
    """``ord * size + pos`` of each row of *table*: its place in the grid."""
    pc = importlib.import_module("pyarrow.compute")
    slots = pc.add(
        pc.multiply(table.column("ord").cast(pa.int64()), size),
        table.column("pos").cast(pa.int64()),
    )
    return slots.combine_chunks() if isinstance(slots, pa.ChunkedArray) else slots


def _up_counts(pa: Any, plan: _Plan, rows: Any, flags: Any) -> Any:
    """For every row, how many flagged rows of the same indicator are at or below it."""
    pc = importlib.import_module("pyarrow.compute")
    size = len(plan.layout.ids)
    parent = plan.layout.parent
    counts: dict[int, int] = {}
    for slot in rows.filter(flags).to_pylist():
        ord_, position = divmod(slot, size)
        while position >= 0:
            key = ord_ * size + position
            counts[key] = counts.get(key, 0) + 1
            position = parent[position]
    at = pc.index_in(pa.array(list(counts), pa.int64()), value_set=rows)
    spread = _scatter(pa, pa.array(list(counts.values()), pa.int64()), at, len(rows))
    return pc.fill_null(spread, 0)


def _scatter(pa: Any, values: Any, slots: Any, total: int) -> Any:
    """An array of *total* items, *values* at *slots* and nulls elsewhere (the slots
    are distinct, or null for a value to leave out)."""
    pc = importlib.import_module("pyarrow.compute")
    if total == 0 or len(values) == 0:
        return pa.nulls(total, values.type)
    if hasattr(pc, "scatter"):
        return pc.scatter(values, slots, max_index=total - 1)
    # pyarrow before scatter: look every slot up among the ones given
    where = pc.index_in(_arange(pa, total), value_set=slots)
    return values.take(where)


def _arange(pa: Any, count: int) -> Any:
    """0, 1, … *count* - 1 as int64 (without a Python int for each)."""
    pc = importlib.import_module("pyarrow.compute")
    if count == 0:
        return pa.array([], pa.int64())
    return pc.subtract(pc.cumulative_sum(pa.repeat(pa.scalar(1, pa.int64()), count)), 1)
