"""The cattrs hooks of a dataset's classes, for danvan.serialize (private).

Which classes a dataset file holds, and how the ones written as text (document codes) or
with fields added later (left out while empty, so older files are written again byte for
byte) are converted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan.campaigns import Campaign, MobilizationModel, ModelEvent
from danvan.dataset import Dataset
from danvan.documents import Directive, DocumentCode
from danvan.grassroots import Dialogue, Recommendation, Supervision, SupervisionBoard
from danvan.observations import Indicator, Observation, Target
from danvan.shares import SuccessorShare
from danvan.units import Identifier

if TYPE_CHECKING:
    import cattrs

__all__ = ["SERIALISABLE", "register_hooks"]

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
    Dialogue,
    Supervision,
    Recommendation,
    SupervisionBoard,
    SuccessorShare,
)


def register_hooks(converter: cattrs.Converter) -> None:
    """Teach danvan's converter the types of a dataset that are written as text."""
    converter.register_unstructure_hook(DocumentCode, str)
    converter.register_structure_hook(DocumentCode, _structure_code)
    # Inner classes first: a hook is built with the hooks of its fields at that time.
    converter.register_unstructure_hook(ModelEvent, _unstructure_event(converter))
    converter.register_unstructure_hook(MobilizationModel, _unstructure_model(converter))
    converter.register_unstructure_hook(Dataset, _unstructure_dataset(converter))


def _structure_code(value: object, _: type) -> DocumentCode:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a document code such as '08-CT/ThU'")
    return DocumentCode.parse(value)


def _unstructure_dataset(converter: cattrs.Converter) -> Any:
    # attrs' private _tree field is not data: leave it out.
    from cattrs.gen import make_dict_unstructure_fn, override

    # Fields added after the first danvan/2 files are left out while empty, so that
    # files written before them are written again byte for byte.
    later: dict[str, Any] = {
        name: override(omit_if_default=True) for name in _LATER_DATASET_FIELDS
    }
    return make_dict_unstructure_fn(Dataset, converter, _tree=override(omit=True), **later)


_LATER_DATASET_FIELDS = ("dialogues", "supervisions", "boards", "shares")
_LATER_MODEL_FIELDS = ("holder_name", "description", "registration")
_LATER_EVENT_FIELDS = ("award", "exemplary")


def _unstructure_model(converter: cattrs.Converter) -> Any:
    from cattrs.gen import make_dict_unstructure_fn, override

    later: dict[str, Any] = {name: override(omit_if_default=True) for name in _LATER_MODEL_FIELDS}
    return make_dict_unstructure_fn(MobilizationModel, converter, **later)


def _unstructure_event(converter: cattrs.Converter) -> Any:
    from cattrs.gen import make_dict_unstructure_fn, override

    later: dict[str, Any] = {name: override(omit_if_default=True) for name in _LATER_EVENT_FIELDS}
    return make_dict_unstructure_fn(ModelEvent, converter, **later)
