"""A dataset: the units, documents, campaigns, models and figures of one report (bộ dữ liệu).

A :class:`Dataset` gathers what a report speaks of and checks it as a whole: the units
make a tree, ids are unique, and every reference (a model's unit, an observation's
indicator, a directive's issuer) points at something in the dataset. It is what
``danvan report`` reads, as JSON written by :func:`~danvan.to_json`.

>>> from datetime import date
>>> from danvan import Level, Unit, UnitKind, Indicator, Observation, Period, RollUp
>>> data = Dataset(
...     title="Công tác dân vận năm 2020, thị xã Hòa Thành",
...     source="Báo cáo kết quả Chương trình phối hợp, 09/11/2020",
...     units=(Unit(id="ht-bdv", name="Ban Dân vận Thị ủy Hòa Thành",
...                 kind=UnitKind.MASS_MOBILIZATION_BOARD, level=Level.DISTRICT),),
...     indicators=(Indicator(code="vi-nguoi-ngheo", name="Quỹ Vì người nghèo",
...                           unit="đồng", roll_up=RollUp.SUM),),
...     observations=(Observation(indicator="vi-nguoi-ngheo", unit_id="ht-bdv",
...                               period=Period.year(2020), actual=1798702098),),
... )
>>> data.tree["ht-bdv"].name
'Ban Dân vận Thị ủy Hòa Thành'
>>> data.indicator("vi-nguoi-ngheo").unit
'đồng'
"""

from __future__ import annotations

from typing import Final

import attrs

from danvan._validators import text, tuple_of
from danvan.campaigns import Campaign, MobilizationModel
from danvan.documents import Directive
from danvan.errors import DataError, InvalidTreeError, UnknownIdError
from danvan.grassroots import Dialogue, Supervision, SupervisionBoard
from danvan.observations import Indicator, Observation, Target
from danvan.shares import SuccessorShare
from danvan.units import Unit, UnitTree
from danvan.validation import Problem, dataset_problems, reference_problems

__all__ = ["Dataset"]

# Moved out so that the domain does not import the JSON layer (issue 18); still served
# here, with a DeprecationWarning, until the next release.
_MOVED: Final = {
    "SERIALISABLE": "danvan._hooks",
    "default_dataset": "danvan.serialize",
    "register_hooks": "danvan._hooks",
}


@attrs.frozen(kw_only=True)
class Dataset:
    """The units, documents, campaigns, models and figures of one report.

    ``dialogues``, ``supervisions`` and ``boards`` are the grassroots-democracy records
    of :mod:`danvan.grassroots`; ``shares`` divide the figures of a unit split between
    several successors (:mod:`danvan.shares`).

    ``source`` says where the data comes from (the report, its date and address, in
    the words a Vietnamese reader expects: it is printed in reports); ``notes`` say,
    for the keepers of the data, what had to be interpreted to build it (never printed
    in a report).
    Building a dataset checks what it cannot exist without and raises one
    :class:`~danvan.DataError` listing every broken reference and duplicate id by path
    (``$.models[3].unit_id: 'x' is not a unit of the dataset``); :meth:`validate`
    finds every problem of meaning.
    """

    title: str = attrs.field(validator=text)
    source: str = attrs.field(validator=text)
    notes: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    units: tuple[Unit, ...] = attrs.field(default=(), validator=tuple_of(Unit))
    directives: tuple[Directive, ...] = attrs.field(default=(), validator=tuple_of(Directive))
    campaigns: tuple[Campaign, ...] = attrs.field(default=(), validator=tuple_of(Campaign))
    models: tuple[MobilizationModel, ...] = attrs.field(
        default=(), validator=tuple_of(MobilizationModel)
    )
    indicators: tuple[Indicator, ...] = attrs.field(default=(), validator=tuple_of(Indicator))
    targets: tuple[Target, ...] = attrs.field(default=(), validator=tuple_of(Target))
    observations: tuple[Observation, ...] = attrs.field(
        default=(), validator=tuple_of(Observation)
    )
    dialogues: tuple[Dialogue, ...] = attrs.field(default=(), validator=tuple_of(Dialogue))
    supervisions: tuple[Supervision, ...] = attrs.field(
        default=(), validator=tuple_of(Supervision)
    )
    boards: tuple[SupervisionBoard, ...] = attrs.field(
        default=(), validator=tuple_of(SupervisionBoard)
    )
    shares: tuple[SuccessorShare, ...] = attrs.field(
        default=(), validator=tuple_of(SuccessorShare)
    )
    _tree: UnitTree = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        try:
            tree = UnitTree(self.units)
        except InvalidTreeError as exc:
            raise DataError.of([Problem("$.units", str(exc))], "the dataset") from exc
        problems = reference_problems(
            check_tree=False,
            units=self.units,
            directives=self.directives,
            campaigns=self.campaigns,
            models=self.models,
            indicators=self.indicators,
            targets=self.targets,
            observations=self.observations,
            dialogues=self.dialogues,
            supervisions=self.supervisions,
            boards=self.boards,
            shares=self.shares,
        )
        if problems:
            raise DataError.of(problems, "the dataset")
        object.__setattr__(self, "_tree", tree)

    def validate(self) -> tuple[Problem, ...]:
        """Every problem of meaning in the dataset, at once (kiểm tra): figures of a unit
        outside its lifetime, a rate stored as points, overlapping periods, stated
        figures that disagree with their plan or baseline, models at the wrong level, …
        (see :mod:`danvan.validation`). An empty tuple means none was found.

        >>> from danvan import Dataset
        >>> Dataset(title="Báo cáo", source="Nguồn").validate()
        ()
        """
        return dataset_problems(self)

    @property
    def tree(self) -> UnitTree:
        """The units as a :class:`~danvan.UnitTree`."""
        return self._tree

    def indicator(self, code: str, /) -> Indicator:
        """The indicator with this code."""
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        error = UnknownIdError(code)
        error.what = "indicator"
        raise error

    def observations_of(self, indicator: str, /) -> tuple[Observation, ...]:
        """The observations of one indicator, in the order given."""
        return tuple(o for o in self.observations if o.indicator == indicator)


def __getattr__(name: str) -> object:
    """The names moved to the JSON layer, for one release, with a DeprecationWarning."""
    home = _MOVED.get(name)
    if home is None:
        raise AttributeError(f"module 'danvan.dataset' has no attribute {name!r}")
    import importlib
    import warnings

    warnings.warn(
        f"danvan.dataset.{name} is deprecated: import it from {home}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(home), name)
