"""Documents of older schemas brought to the current one (nâng cấp dữ liệu; private).

danvan 0.1 wrote "danvan/1". A dataset of that schema could not say what reports say
beside a figure, so danvan 0.1 documented three conventions, which its report read back:

- an indicator counted in "%" whose code is another indicator's code followed by
  ``.attainment`` held the attainment of that indicator's plan ("đạt 108,39% KH");
- one followed by ``.change`` held the relative change from the same period a year
  earlier ("tăng 17% so với năm 2020");
- two indicators described as ``Numerator of “19/21 …”`` and ``Denominator of “19/21
  …”`` were the two counts of one "a/b" figure.

:func:`upgrade` turns each into the fields of schema "danvan/2": ``stated_attainment``
and ``stated_change`` (with ``baseline_period`` "same period last year") on the
observation of the base indicator, and a ratio indicator (``numerator`` and
``denominator``) named after the numerator. A convention that does not apply exactly
(no observation of the base indicator, a part missing) is left as it was. Nothing else
changes: every other field of "danvan/1" means the same in "danvan/2". That includes a
model event of kind "commended": danvan/2 split it into "praised" (biểu dương) and
"awarded" (khen thưởng), but a record of the merged kind does not say which it was, so
the upgrade keeps "commended", which still reads as the deprecated
``ModelEventKind.COMMENDED``.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, Final

__all__ = ["upgrade_v1"]

_LINK_RE: Final = re.compile(r"^(Numerator|Denominator) of “([^”]+)”\.?\s*(.*)$", re.DOTALL)
_DERIVED: Final = {"attainment": "stated_attainment", "change": "stated_change"}


def _key(observation: dict[str, Any], code: str) -> str:
    return json.dumps(
        [code, observation.get("unit_id"), observation.get("period")],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )


def upgrade_v1(data: dict[str, Any], *, in_place: bool = False) -> dict[str, Any]:
    """A "danvan/2" copy of the "danvan/1" document *data* (not changed), or *data*
    itself, changed, with ``in_place`` (for data nobody else holds)."""
    result = data if in_place else copy.deepcopy(data)
    result["$schema"] = "danvan/2"
    if result.get("$type") != "Dataset":
        return result
    indicators = result.get("indicators")
    observations = result.get("observations")
    if not isinstance(indicators, list) or not isinstance(observations, list):
        return result
    if not all(isinstance(item, dict) for item in (*indicators, *observations)):
        return result
    if not all(isinstance(item.get("code"), str) for item in indicators):
        return result  # left as it is: reading it says what is wrong, with its path
    codes = {item.get("code"): item for item in indicators}
    _fold_derived(indicators, observations, codes)
    _link_ratios(indicators, codes)
    return result


def _fold_derived(
    indicators: list[dict[str, Any]],
    observations: list[dict[str, Any]],
    codes: dict[Any, dict[str, Any]],
) -> None:
    """``X.attainment`` and ``X.change`` figures become fields of X's observations."""
    by_key = {_key(seen, seen.get("indicator", "")): seen for seen in observations}
    folded: set[int] = set()
    emptied: set[str] = set()
    for code, indicator in list(codes.items()):
        if not isinstance(code, str) or indicator.get("unit") != "%":
            continue
        base, _, suffix = code.rpartition(".")
        if suffix not in _DERIVED or base not in codes:
            continue
        mine = [i for i, seen in enumerate(observations) if seen.get("indicator") == code]
        targets = [by_key.get(_key(observations[i], base)) for i in mine]
        if any(
            target is None
            or target.get(_DERIVED[suffix]) is not None
            or observations[i].get("target") is not None
            for i, target in zip(mine, targets, strict=True)
        ):
            continue  # not exactly the convention: keep the figures as they are
        for i, target in zip(mine, targets, strict=True):
            assert target is not None
            target[_DERIVED[suffix]] = observations[i].get("actual")
            if suffix == "change" and "baseline_period" not in target:
                target["baseline_period"] = "same_period_last_year"
            folded.add(i)
        emptied.add(code)
    observations[:] = [seen for i, seen in enumerate(observations) if i not in folded]
    indicators[:] = [item for item in indicators if item.get("code") not in emptied]
    for code in emptied:
        del codes[code]


def _link_ratios(indicators: list[dict[str, Any]], codes: dict[Any, dict[str, Any]]) -> None:
    """Two indicators described as the numerator and denominator of one "a/b" figure
    become the parts of a ratio indicator."""
    sides: dict[str, dict[str, dict[str, Any]]] = {"Numerator": {}, "Denominator": {}}
    for indicator in indicators:
        description = indicator.get("description")
        match = _LINK_RE.match(description) if isinstance(description, str) else None
        if match:
            sides[match.group(1)].setdefault(match.group(2), indicator)
    for figure, top in sides["Numerator"].items():
        bottom = sides["Denominator"].get(figure)
        if bottom is None:
            continue
        code = f"{top.get('code')}.ratio"
        if code in codes:
            continue
        for part in (top, bottom):
            match = _LINK_RE.match(part["description"])
            assert match is not None
            rest = match.group(3).strip()
            if rest:
                part["description"] = rest
            else:
                del part["description"]
        ratio = {
            "code": code,
            "name": top.get("name"),
            "unit": "%",
            "numerator": top.get("code"),
            "denominator": bottom.get("code"),
        }
        if top.get("higher_is_better") is False:
            ratio["higher_is_better"] = False
        codes[code] = ratio
        indicators.append(ratio)
