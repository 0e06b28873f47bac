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
Overlapping periods are found in the same scan: the months a unit's figures cover are
or-ed together as bits, and fewer bits than months counted means an overlap; only the
units whose periods this cannot decide (not whole months, or spread over more than 62
months) are checked period by period with a window.

**More data than one machine.** The statements use nothing but joins, ``GROUP BY``,
``sum``, ``min``, ``max``, ``count``, ``arg_max`` (``max_by`` in Spark and Trino),
``bit_or`` and ``bit_count`` (``bitwise_or_agg`` in Trino, ``groupBitOr`` in
ClickHouse) and one window (``lag``); they run on Spark SQL, Trino, BigQuery or
ClickHouse with those few names changed. Write the figures as Parquet
partitioned by indicator (``to_arrow`` then ``pyarrow.parquet.write_to_dataset``),
write the small tables (``units``, ``closure``, ``rules``, ``ratios``, ``wanted``) that
:func:`closure_table` and the module build, and run :data:`ROLL_UP_SQL` there: the
figures are only scanned and grouped by (indicator, unit), so the work splits by
partition, and what is shuffled is one row per unit and indicator.

>>> ROLL_UP_SQL.count("GROUP BY"), ROLL_UP_SQL.count("OVER w")
(4, 2)
"""

from __future__ import annotations

import importlib
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
from danvan.units import Level, UnitTree

__all__ = ["ROLL_UP_SQL", "FrameEngine", "closure_table", "roll_up_frame"]

FrameEngine = Literal["duckdb", "polars"]
"""The engine :func:`roll_up_frame` runs on."""

_OWN_SQL: Final = """
CREATE OR REPLACE TEMP TABLE own AS
WITH grouped AS (
  SELECT f.indicator, f.unit_id, count(*) AS n, sum(f.actual) AS total,
         min(f.actual) AS smallest, max(f.actual) AS largest,
         arg_max(f.actual, f.period_start) AS latest,
         -- the months the figures cover, as bits: they overlap when fewer bits are set
         -- than months counted (periods of whole months within 62 months of $base)
         sum(f.months) AS months, bit_count(bit_or(f.mask)) AS covered,
         bool_and(f.whole) AS whole
  FROM (
    SELECT *, last - first + 1 AS months,
           day(period_start) = 1 AND period_end = last_day(period_end)
             AND first >= 0 AND last < 62 AS whole,
           CASE WHEN first >= 0 AND last < 62
                THEN ((1::BIGINT << (last - first + 1)) - 1) << first ELSE 0 END AS mask
    FROM (
      SELECT indicator, unit_id, period_start, period_end, actual,
             12 * (year(period_start) - year($base)) + month(period_start) - month($base)
               AS first,
             12 * (year(period_end) - year($base)) + month(period_end) - month($base) AS last
      FROM figures
      WHERE indicator IN (SELECT code FROM rules)
        AND period_start >= $start AND period_end <= $end
    )
  ) AS f
  GROUP BY f.indicator, f.unit_id
)
SELECT g.*, u.pos, g.n > 1 AND NOT (g.whole AND g.covered = g.months) AS recheck
FROM grouped AS g LEFT JOIN units AS u ON u.unit_id = g.unit_id
"""
_UP_SQL: Final = """
WITH valued AS (
  SELECT o.indicator, o.pos, r.rule,
         CASE r.rule WHEN 'sum' THEN o.total WHEN 'last' THEN o.latest
                     WHEN 'count' THEN o.n WHEN 'min' THEN o.smallest
                     WHEN 'max' THEN o.largest
                     ELSE o.total * ($weight // o.n) END AS own
  FROM own AS o JOIN rules AS r ON r.code = o.indicator
  WHERE r.plain
)
SELECT v.indicator, c.ancestor AS pos,
       CASE any_value(v.rule) WHEN 'min' THEN min(v.own) WHEN 'max' THEN max(v.own)
            ELSE sum(v.own) END AS numerator,
       CASE any_value(v.rule) WHEN 'mean' THEN $weight * count(*) ELSE 1 END AS denominator,
       count(*) FILTER (WHERE u.expected) AS reported_units
FROM valued AS v
JOIN closure AS c ON c.descendant = v.pos
JOIN units AS u ON u.pos = v.pos
GROUP BY v.indicator, c.ancestor
"""
_RATIO_SQL: Final = """
WITH part AS (
  SELECT o.indicator, o.pos,
         CASE r.rule WHEN 'sum' THEN o.total ELSE o.latest END AS own
  FROM own AS o JOIN rules AS r ON r.code = o.indicator
),
paired AS (
  SELECT q.code AS indicator, a.pos, a.own AS num, b.own AS den, q.factor
  FROM ratios AS q
  JOIN part AS a ON a.indicator = q.numerator
  JOIN part AS b ON b.indicator = q.denominator AND b.pos = a.pos
)
SELECT p.indicator, c.ancestor AS pos, sum(p.num) * any_value(p.factor) AS numerator,
       sum(p.den) AS denominator, count(*) FILTER (WHERE u.expected) AS reported_units
FROM paired AS p
JOIN closure AS c ON c.descendant = p.pos
JOIN units AS u ON u.pos = p.pos
GROUP BY p.indicator, c.ancestor
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

_FOUND_SQL: Final = """
CREATE OR REPLACE TEMP TABLE found AS
WITH flags AS (
  SELECT w.ord, o.pos, true AS reported, false AS unpaired
  FROM own AS o JOIN wanted AS w ON w.code = o.indicator AND w.numerator IS NULL
  UNION ALL
  SELECT w.ord, o.pos, count(*) = 2 AS reported, count(*) = 1 AS unpaired
  FROM own AS o JOIN wanted AS w ON o.indicator IN (w.numerator, w.denominator)
  GROUP BY w.ord, o.pos
), valued AS (
  SELECT w.ord, r.pos, w.numerator IS NOT NULL AND r.denominator = 0 AS undefined,
         r.numerator, r.denominator, r.reported_units
  FROM results AS r JOIN wanted AS w ON w.code = r.indicator
)
SELECT coalesce(v.ord, f.ord) AS ord, coalesce(v.pos, f.pos) AS pos,
       CASE WHEN v.undefined THEN NULL ELSE v.numerator END AS numerator,
       CASE WHEN v.undefined THEN NULL ELSE v.denominator END AS denominator,
       coalesce(f.reported, false) AS reported, coalesce(v.reported_units, 0) AS reported_units,
       coalesce(f.unpaired, false) AS unpaired, coalesce(v.undefined, false) AS undefined
FROM valued AS v FULL JOIN flags AS f ON f.ord = v.ord AND f.pos = v.pos
"""
_FINAL_SQL: Final = """
SELECT w.ord AS indicator, u.pos AS unit_id, f.numerator, f.denominator,
       coalesce(f.reported, false) AS reported, u.expected,
       u.expected AND NOT coalesce(f.reported, false) AS missing,
       coalesce(f.reported_units, 0) AS reported_units, u.expected_units,
       coalesce(f.unpaired, false) AS unpaired, coalesce(f.undefined, false) AS undefined
FROM wanted AS w CROSS JOIN units AS u
LEFT JOIN found AS f ON f.ord = w.ord AND f.pos = u.pos
ORDER BY w.ord, u.pos
"""

ROLL_UP_SQL: Final = "\n".join(
    (
        "-- own values per unit and indicator (units not in the tree have no pos)",
        _OWN_SQL.strip() + ";",
        "-- plain indicators up the tree",
        _UP_SQL.strip() + ";",
        "-- ratios up the tree",
        _RATIO_SQL.strip() + ";",
        "-- overlapping periods of one unit and indicator (must return nothing)",
        _OVERLAP_SQL.strip() + ";",
        "-- what was found, by position (results: the two roll-ups above)",
        _FOUND_SQL.strip() + ";",
        "-- the result: every wanted indicator and every unit, by position",
        _FINAL_SQL.strip() + ";",
    )
)
"""The SQL :func:`roll_up_frame` runs on DuckDB, for reading or for another engine.

Its tables: ``figures`` (indicator, unit_id, period_start, period_end, actual),
``units`` (unit_id, pos, expected, expected_units), ``closure`` (ancestor, descendant:
positions), ``rules`` (code, rule, plain, distinct_sum), ``ratios`` (code, numerator, denominator,
factor) and ``wanted`` (code, ord, numerator, denominator);
parameters ``$start``, ``$end`` (the period) and ``$weight`` (for means)."""

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


# The closure table of the last few trees' layouts (trees never change once built).
_CLOSURES: list[tuple[Layout, Any]] = []


def _closure_positions(pa: Any, layout: Layout) -> Any:
    for cached, table in _CLOSURES:
        if cached is layout:
            return table
    ancestors, descendants = _closure(layout)
    table = pa.table(
        {
            "ancestor": pa.array(ancestors, pa.int32()),
            "descendant": pa.array(descendants, pa.int32()),
        }
    )
    _CLOSURES.insert(0, (layout, table))
    del _CLOSURES[4:]
    return table


class _Plan:
    """What one call rolls up: the rules table, the ratios, the units and the tree."""

    def __init__(
        self,
        tree: UnitTree,
        indicators: Iterable[Indicator],
        definitions: Iterable[Indicator],
        expected: Iterable[str] | Level | Literal["leaves"] | None,
    ) -> None:

        wanted, known = wanted_and_known(indicators, definitions)
        self.wanted: list[Indicator] = wanted
        # code -> (rule, distinct, plain: wanted as itself)
        self.rules: dict[str, tuple[RollUp, bool, bool]] = {}
        self.ratios: list[tuple[str, str, str, int]] = []
        self.parts: dict[str, tuple[str, str]] = {}
        for indicator in wanted:
            parts = ratio_parts(indicator, known)
            if parts is None:
                assert indicator.roll_up is not None
                distinct = indicator.counting is Counting.DISTINCT
                self.rules[indicator.code] = (indicator.roll_up, distinct, True)
            else:
                top, bottom, factor = parts
                self.ratios.append((indicator.code, top.code, bottom.code, factor))
                self.parts[indicator.code] = (top.code, bottom.code)
                for part in (top, bottom):
                    assert part.roll_up is not None
                    if part.code not in self.rules:
                        distinct = part.counting is Counting.DISTINCT
                        self.rules[part.code] = (part.roll_up, distinct, False)
        self.layout = layout_of(tree)
        # The table engines take one set of expected units for every indicator: by
        # default the leaves, not roll_up's units like each indicator's reporters.
        chosen = expected_positions(self.layout, "leaves" if expected is None else expected)
        assert chosen is not None
        flags, self.expected_at = chosen
        self.expected = flags
        sizes = self.layout.size
        counts = [0] * len(sizes)
        running = [0] * (len(sizes) + 1)  # prefix sums of the flags in walk order
        for position, flag in enumerate(flags):
            running[position + 1] = running[position] + flag
        for position, size in enumerate(sizes):
            counts[position] = running[position + size] - running[position]
        self.expected_units = counts

    def tables(self, pa: Any) -> dict[str, Any]:
        layout = self.layout
        rules = list(self.rules.items())
        return {
            "units": pa.table(
                {
                    "unit_id": pa.array(layout.ids, pa.string()),
                    "pos": pa.array(range(len(layout.ids)), pa.int32()),
                    "expected": pa.array([bool(flag) for flag in self.expected], pa.bool_()),
                    "expected_units": pa.array(self.expected_units, pa.int64()),
                }
            ),
            "wanted": pa.table(
                {
                    "code": pa.array([i.code for i in self.wanted], pa.string()),
                    "ord": pa.array(range(len(self.wanted)), pa.int32()),
                    "numerator": pa.array(
                        [self.parts.get(i.code, (None, None))[0] for i in self.wanted], pa.string()
                    ),
                    "denominator": pa.array(
                        [self.parts.get(i.code, (None, None))[1] for i in self.wanted], pa.string()
                    ),
                }
            ),
            "closure": _closure_positions(pa, layout),
            "rules": pa.table(
                {
                    "code": pa.array([code for code, _ in rules], pa.string()),
                    "rule": pa.array([rule.value for _, (rule, _, _) in rules], pa.string()),
                    "plain": pa.array([plain for _, (_, _, plain) in rules], pa.bool_()),
                    "distinct_sum": pa.array(
                        [rule is RollUp.SUM and distinct for _, (rule, distinct, _) in rules],
                        pa.bool_(),
                    ),
                }
            ),
            "ratios": pa.table(
                {
                    "code": pa.array([row[0] for row in self.ratios], pa.string()),
                    "numerator": pa.array([row[1] for row in self.ratios], pa.string()),
                    "denominator": pa.array([row[2] for row in self.ratios], pa.string()),
                    "factor": pa.array([row[3] for row in self.ratios], pa.int64()),
                }
            ),
        }


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
    for :func:`~danvan.roll_up_many`, but for one thing: without *expected* the units
    expected to report are the leaves of the tree (``expected="leaves"``), where
    ``roll_up`` expects the units like each indicator's reporters; pass unit ids or a
    :class:`~danvan.Level` to have both expect the same. The rules are those of
    ``roll_up``: an overlap of one unit's
    periods of an indicator raises :class:`~danvan.InvalidValueError`, a figure of a
    unit not in the tree :class:`~danvan.UnknownUnitError`.

    The result is a ``pyarrow.Table`` with a row for every indicator (in the order
    given) and every unit (in walk order): ``indicator``, ``unit_id``, the exact value
    as ``numerator`` over ``denominator`` (decimals; both null where
    :func:`~danvan.roll_up` gives None; for a ratio the factor is in the numerator),
    ``reported`` (the unit's own figures were used), ``expected``, ``missing``
    (expected without figures), ``reported_units`` and ``expected_units`` (the
    coverage of its subtree: ``coverage()``), ``unpaired`` (a ratio's unit with only one
    part) and ``undefined`` (a ratio whose whole is zero). Needs ``danvan[duckdb]`` or
    ``danvan[polars]``.

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
    plan = _Plan(tree, indicators, definitions, expected)
    pa = import_optional("pyarrow", "arrow")
    figures = _figures(frame, engine)
    start = _FAR_PAST if period is None else period.start
    end = _FAR_FUTURE if period is None else period.end
    if engine == "duckdb":
        return _grid(pa, plan, _duckdb(pa, plan, figures, start, end))
    return _grid(pa, plan, _polars(pa, plan, figures, start, end))


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


def _duckdb(pa: Any, plan: _Plan, figures: Any, start: date, end: date) -> Any:
    duckdb = import_optional("duckdb", "duckdb")
    connection = duckdb.connect()
    try:
        for name, table in plan.tables(pa).items():
            connection.register(name, table)
        if isinstance(figures, Path):
            path = str(figures).replace("'", "''")
            connection.execute(f"CREATE VIEW figures AS SELECT * FROM read_parquet('{path}')")
            schema = _arrow_of(connection.sql("SELECT * FROM figures LIMIT 0")).schema
        else:
            connection.register("figures", figures)
            schema = figures.schema
        _check_schema(pa, schema)
        window = {"start": start, "end": end}
        connection.execute(_OWN_SQL, {**window, "base": _base(connection, start)})
        lost = connection.execute("SELECT unit_id FROM own WHERE pos IS NULL LIMIT 1").fetchone()
        if lost is not None:
            raise UnknownUnitError(str(lost[0]))
        if connection.execute("SELECT 1 FROM own WHERE recheck LIMIT 1").fetchone():
            overlap = connection.execute(_OVERLAP_SQL, window).fetchone()
            if overlap is not None:
                _overlap_error(*overlap)
        _check_distinct(
            plan,
            connection.execute(
                "SELECT o.indicator, o.pos, o.n FROM own AS o JOIN rules AS r"
                " ON r.code = o.indicator WHERE o.n > 1 AND r.distinct_sum LIMIT 1"
            ).fetchall(),
        )
        counts = connection.execute(
            "SELECT DISTINCT o.n FROM own AS o JOIN rules AS r ON r.code = o.indicator"
            " WHERE r.rule = 'mean'"
        ).fetchall()
        weight = _weight(row[0] for row in counts)
        connection.execute(
            f"CREATE TEMP TABLE results AS SELECT * FROM ({_UP_SQL})"
            f" UNION ALL SELECT * FROM ({_RATIO_SQL})",
            {"weight": weight},
        )
        connection.execute(_FOUND_SQL)
        return _arrow_of(connection.sql("SELECT * FROM found"))
    finally:
        connection.close()


def _base(connection: Any, start: date) -> date:
    """The first month of the figures (of the period, when there is one)."""
    if start != _FAR_PAST:
        return start.replace(day=1)
    first = connection.execute("SELECT min(period_start) FROM figures").fetchone()
    day = first[0] if first and first[0] is not None else start
    return day.replace(day=1)


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


def _polars(pa: Any, plan: _Plan, figures: Any, start: date, end: date) -> Any:
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
    codes = rules["code"].to_list()
    actual = pl.col("actual")
    figures_in = (
        scan.select(
            pl.col("indicator").cast(pl.String),
            pl.col("unit_id").cast(pl.String),
            pl.col("period_start"),
            pl.col("period_end"),
            actual.cast(pl.Decimal(38, _scale_of(pl, scan))),
        )
        .filter(
            pl.col("indicator").is_in(codes)
            & (pl.col("period_start") >= start)
            & (pl.col("period_end") <= end)
        )
        .join(units, on="unit_id", how="left")
    )
    lost = figures_in.filter(pl.col("pos").is_null()).select("unit_id").head(1).collect()
    if lost.height:
        raise UnknownUnitError(str(lost["unit_id"][0]))
    overlap = (
        figures_in.sort("indicator", "pos", "period_start", "period_end")
        .with_columns(
            pl.col("period_start").shift(1).over("indicator", "pos").alias("before_start"),
            pl.col("period_end").shift(1).over("indicator", "pos").alias("before_end"),
        )
        .filter(pl.col("period_start") <= pl.col("before_end"))
        .select("indicator", "unit_id", "before_start", "before_end", "period_start", "period_end")
        .head(1)
        .collect()
    )
    if overlap.height:
        _overlap_error(*overlap.row(0))
    own = (
        figures_in.group_by("indicator", "pos")
        .agg(
            pl.len().alias("n"),
            actual.sum().alias("total"),
            actual.min().alias("smallest"),
            actual.max().alias("largest"),
            actual.sort_by("period_start").last().alias("latest"),
        )
        .collect()
    )
    distinct = [
        code for code, (rule, alone, _) in plan.rules.items() if alone and rule is RollUp.SUM
    ]
    several = own.filter((pl.col("n") > 1) & pl.col("indicator").is_in(distinct))
    _check_distinct(plan, several.select("indicator", "pos", "n").head(1).rows())
    own = own.join(rules, left_on="indicator", right_on="code", how="inner")
    weight = _weight(own.filter(pl.col("rule") == "mean")["n"].unique().to_list())
    n = pl.col("n").cast(pl.Decimal(38, 0))
    own_value = (
        pl.when(pl.col("rule") == "sum")
        .then(pl.col("total"))
        .when(pl.col("rule") == "last")
        .then(pl.col("latest"))
        .when(pl.col("rule") == "count")
        .then(n)
        .when(pl.col("rule") == "min")
        .then(pl.col("smallest"))
        .when(pl.col("rule") == "max")
        .then(pl.col("largest"))
        .otherwise(
            pl.col("total") * (pl.lit(weight, pl.Int64) // pl.col("n")).cast(pl.Decimal(38, 0))
        )
    )
    closure = tables["closure"]
    expected = tables["units"].select("pos", "expected")
    valued = (
        own.filter(pl.col("plain"))
        .with_columns(own_value.alias("own"))
        .join(expected, on="pos")
        .join(closure, left_on="pos", right_on="descendant")
    )
    rule = pl.col("rule").first()
    up = valued.group_by("indicator", "ancestor").agg(
        pl.when(rule == "min")
        .then(pl.col("own").min())
        .when(rule == "max")
        .then(pl.col("own").max())
        .otherwise(pl.col("own").sum())
        .alias("numerator"),
        pl.when(rule == "mean")
        .then(pl.len() * weight)
        .otherwise(1)
        .cast(pl.Decimal(38, 0))
        .alias("denominator"),
        pl.col("expected").sum().alias("reported_units"),
    )
    up = up.rename({"ancestor": "pos"})
    results = [up]
    if plan.ratios:
        parts = own.with_columns(
            pl.when(pl.col("rule") == "sum")
            .then(pl.col("total"))
            .otherwise(pl.col("latest"))
            .alias("own")
        ).select("indicator", "pos", "own")
        paired = (
            tables["ratios"]
            .join(parts, left_on="numerator", right_on="indicator")
            .rename({"own": "num"})
            .join(parts, left_on=["denominator", "pos"], right_on=["indicator", "pos"])
            .rename({"own": "den"})
            .join(expected, on="pos")
            .join(closure, left_on="pos", right_on="descendant")
        )
        factor = pl.col("factor").first().cast(pl.Decimal(38, 0))
        results.append(
            paired.group_by("code", "ancestor")
            .agg(
                (pl.col("num").sum() * factor).alias("numerator"),
                pl.col("den").sum().alias("denominator"),
                pl.col("expected").sum().alias("reported_units"),
            )
            .rename({"code": "indicator", "ancestor": "pos"})
        )
    scale = max(_decimal_scale(pl, frame.schema["numerator"]) for frame in results)
    found = pl.concat(
        [
            frame.with_columns(
                pl.col("numerator").cast(pl.Decimal(38, scale)),
                pl.col("denominator").cast(
                    pl.Decimal(38, _decimal_scale(pl, results[-1].schema["denominator"]))
                ),
                pl.col("reported_units").cast(pl.Int64),
            )
            for frame in results
        ]
    )
    return _polars_found(pl, tables, own.select("indicator", "pos"), found).to_arrow()


def _decimal_scale(pl: Any, kind: Any) -> int:
    return int(getattr(kind, "scale", 0) or 0)


def _polars_found(pl: Any, tables: dict[str, Any], own: Any, found: Any) -> Any:
    """What was found, by position: what :data:`_FOUND_SQL` does."""
    wanted = tables["wanted"]
    plain = own.join(
        wanted.filter(pl.col("numerator").is_null()), left_on="indicator", right_on="code"
    ).select("ord", "pos", pl.lit(True).alias("reported"), pl.lit(False).alias("unpaired"))
    ratios = wanted.filter(pl.col("numerator").is_not_null())
    sides = pl.concat(
        [
            ratios.select("ord", pl.col(side).alias("indicator"))
            for side in ("numerator", "denominator")
        ]
    )
    paired = (
        own.join(sides, on="indicator")
        .group_by("ord", "pos")
        .agg((pl.len() == 2).alias("reported"), (pl.len() == 1).alias("unpaired"))
    )
    flags = pl.concat([plain, paired.select(plain.columns)])
    valued = found.join(wanted, left_on="indicator", right_on="code").select(
        "ord",
        "pos",
        (pl.col("numerator_right").is_not_null() & (pl.col("denominator") == 0)).alias(
            "undefined"
        ),
        "numerator",
        "denominator",
        "reported_units",
    )
    both = valued.join(flags, on=["ord", "pos"], how="full", coalesce=True)
    undefined = pl.col("undefined").fill_null(False)
    return both.select(
        pl.col("ord").cast(pl.Int32),
        pl.col("pos").cast(pl.Int32),
        pl.when(undefined).then(None).otherwise(pl.col("numerator")).alias("numerator"),
        pl.when(undefined).then(None).otherwise(pl.col("denominator")).alias("denominator"),
        pl.col("reported").fill_null(False),
        pl.col("reported_units").fill_null(0),
        pl.col("unpaired").fill_null(False),
        undefined.alias("undefined"),
    )


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


def _grid(pa: Any, plan: _Plan, found: Any) -> Any:
    """The result table, every wanted indicator and every unit, from what was found (a
    row per indicator and unit with data): :data:`_FINAL_SQL` done by Arrow, which
    places each found row at its position in the grid."""
    pc = importlib.import_module("pyarrow.compute")
    size = len(plan.layout.ids)
    count = len(plan.wanted)
    total = size * count
    slots = pc.add(
        pc.multiply(found.column("ord").cast(pa.int64()), size),
        found.column("pos").cast(pa.int64()),
    )
    positions = pa.array(range(size), pa.int32())
    if hasattr(pc, "scatter"):

        def spread(column: Any) -> Any:
            return pc.scatter(column.combine_chunks(), slots, max_index=total - 1)

    else:  # pyarrow before scatter: look every slot up among the found ones
        every = pa.chunked_array(
            [pc.add(positions.cast(pa.int64()), ord_ * size) for ord_ in range(count)]
            or [pa.array([], pa.int64())]
        )
        where = pc.index_in(every, value_set=slots.combine_chunks())

        def spread(column: Any) -> Any:
            return column.take(where)

    codes = pa.array([indicator.code for indicator in plan.wanted], pa.string())
    ids = pa.array(plan.layout.ids, pa.string())
    units = pa.DictionaryArray.from_arrays(positions, ids)
    expected = pa.array([bool(flag) for flag in plan.expected], pa.bool_())
    expected_units = pa.array(plan.expected_units, pa.int64())
    reported = pc.fill_null(spread(found.column("reported")), False)
    numbers = {}
    for name in ("numerator", "denominator"):
        column = spread(found.column(name))
        if not pa.types.is_decimal(column.type):
            column = column.cast(pa.decimal128(38, 0))
        numbers[name] = column
    expected_all = pa.chunked_array([expected] * count, pa.bool_())
    return pa.table(
        {
            "indicator": pa.chunked_array(
                [
                    pa.DictionaryArray.from_arrays(
                        pa.repeat(pa.scalar(ord_, pa.int32()), size), codes
                    )
                    for ord_ in range(count)
                ],
                pa.dictionary(pa.int32(), pa.string()),
            ),
            "unit_id": pa.chunked_array([units] * count, pa.dictionary(pa.int32(), pa.string())),
            "numerator": numbers["numerator"],
            "denominator": numbers["denominator"],
            "reported": reported,
            "expected": expected_all,
            "missing": pc.and_(expected_all, pc.invert(reported)),
            "reported_units": pc.fill_null(spread(found.column("reported_units")), 0).cast(
                pa.int64()
            ),
            "expected_units": pa.chunked_array([expected_units] * count, pa.int64()),
            "unpaired": pc.fill_null(spread(found.column("unpaired")), False),
            "undefined": pc.fill_null(spread(found.column("undefined")), False),
        }
    )
