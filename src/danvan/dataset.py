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

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from danvan._validators import text, tuple_of
from danvan.campaigns import Campaign, MobilizationModel, ModelEvent
from danvan.documents import Directive, DocumentCode
from danvan.errors import DataError, InvalidTreeError, UnknownIdError
from danvan.observations import Indicator, Observation, Target
from danvan.units import Identifier, Unit, UnitTree

if TYPE_CHECKING:
    import cattrs

__all__ = ["SERIALISABLE", "Dataset", "register_hooks"]


def _check_dataset(instance: Dataset, attribute: attrs.Attribute[Any], value: object) -> None:
    problems: list[str] = []
    try:
        tree = UnitTree(instance.units)
    except InvalidTreeError as exc:
        raise DataError(f"$.units: {exc}", problems=[f"$.units: {exc}"]) from exc
    object.__setattr__(instance, "_tree", tree)

    def need(
        ids: Iterable[str], known: Iterable[str] | dict[str, Any], path: str, what: str
    ) -> None:
        for unit_id in ids:
            if unit_id not in known:
                problems.append(f"{path}: {unit_id!r} is not {what} of the dataset")

    def unique(keys: list[object], path: str, what: str) -> None:
        for key, count in Counter(keys).items():
            if count > 1:
                problems.append(f"{path}: {what} {key!r} appears {count} times")

    units = {unit.id for unit in instance.units}
    indicators = {indicator.code for indicator in instance.indicators}
    campaigns = {campaign.id for campaign in instance.campaigns}
    unique([d.key for d in instance.directives], "$.directives", "the directive")
    unique([c.id for c in instance.campaigns], "$.campaigns", "the id")
    unique([m.id for m in instance.models], "$.models", "the id")
    unique([i.code for i in instance.indicators], "$.indicators", "the code")
    unique([o.key for o in instance.observations], "$.observations", "the figure for")
    unique([t.key for t in instance.targets], "$.targets", "the target for")
    for index, directive in enumerate(instance.directives):
        need(directive.issuer_ids, units, f"$.directives[{index}].issuer_ids", "a unit")
    for index, campaign in enumerate(instance.campaigns):
        path = f"$.campaigns[{index}]"
        if campaign.launching_unit_id is not None:
            need([campaign.launching_unit_id], units, f"{path}.launching_unit_id", "a unit")
        need(campaign.partner_unit_ids, units, f"{path}.partner_unit_ids", "a unit")
        for number, target in enumerate(campaign.targets):
            need([target.unit_id], units, f"{path}.targets[{number}].unit_id", "a unit")
            need(
                [target.indicator],
                indicators,
                f"{path}.targets[{number}].indicator",
                "an indicator",
            )
    for index, model in enumerate(instance.models):
        path = f"$.models[{index}]"
        need([model.unit_id], units, f"{path}.unit_id", "a unit")
        if model.campaign_id is not None:
            need([model.campaign_id], campaigns, f"{path}.campaign_id", "a campaign")
        for number, event in enumerate(model.history):
            if event.unit_id is not None:
                need([event.unit_id], units, f"{path}.history[{number}].unit_id", "a unit")
    groups: tuple[tuple[str, tuple[Target | Observation, ...]], ...] = (
        ("targets", instance.targets),
        ("observations", instance.observations),
    )
    for name, records in groups:
        for index, record in enumerate(records):
            need([record.unit_id], units, f"$.{name}[{index}].unit_id", "a unit")
            need([record.indicator], indicators, f"$.{name}[{index}].indicator", "an indicator")
    if problems:
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        raise DataError(f"{count} in the dataset:\n  " + "\n  ".join(problems), problems=problems)


@attrs.frozen(kw_only=True)
class Dataset:
    """The units, documents, campaigns, models and figures of one report.

    ``source`` says where the data comes from (the report, its date and address);
    ``notes`` say what had to be interpreted to build the data.
    Building a dataset checks it as a whole and raises one :class:`~danvan.DataError`
    listing every broken reference by path (``$.models[3].unit_id: 'x' is not a unit of
    the dataset``).
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
        default=(), validator=[tuple_of(Observation), _check_dataset]
    )
    _tree: UnitTree = attrs.field(init=False, repr=False, eq=False)

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


SERIALISABLE: tuple[type, ...] = (
    Dataset,
    Directive,
    Campaign,
    MobilizationModel,
    ModelEvent,
    Indicator,
    Target,
    Observation,
    Identifier,
)


def register_hooks(converter: cattrs.Converter) -> None:
    """Teach danvan's converter the types of a dataset that are written as text."""
    converter.register_unstructure_hook(DocumentCode, str)
    converter.register_structure_hook(DocumentCode, _structure_code)
    converter.register_unstructure_hook(Dataset, _unstructure_dataset(converter))


def _structure_code(value: object, _: type) -> DocumentCode:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a document code such as '08-CT/ThU'")
    return DocumentCode.parse(value)


def _unstructure_dataset(converter: cattrs.Converter) -> Any:
    # attrs' private _tree field is not data: leave it out.
    from cattrs.gen import make_dict_unstructure_fn, override

    return make_dict_unstructure_fn(Dataset, converter, _tree=override(omit=True))
