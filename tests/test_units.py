"""Units and the unit tree: the 2025 reform as an example, then invariants on random trees."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.errors import (
    DanvanError,
    InvalidTreeError,
    InvalidTypeError,
    InvalidValueError,
    UnknownUnitError,
)
from danvan.units import Branch, Identifier, Level, Unit, UnitKind, UnitTree

from .strategies import unit_trees

REFORM = date(2025, 7, 1)
MERGER = date(2025, 2, 3)  # Ban Tuyên giáo and Ban Dân vận merged (central level first)


def hong_linh() -> UnitTree:
    """Hồng Lĩnh (Hà Tĩnh) before and after the 2025 reform, as DOMAIN.md tells it."""
    return UnitTree(
        [
            Unit(
                id="ht-tu",
                name="Tỉnh ủy Hà Tĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.PROVINCE,
                identifiers=(Identifier("document_issuer", "TU"),),
            ),
            Unit(
                id="hl-thu",
                name="Thị ủy Hồng Lĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.DISTRICT,
                parent="ht-tu",
                dissolved=REFORM,
                successors=("bh-du", "nh-du"),
                identifiers=(Identifier("document_issuer", "ThU"),),
            ),
            Unit(
                id="hl-btv",
                name="Ban Thường vụ Thị ủy Hồng Lĩnh",
                kind=UnitKind.STANDING_COMMITTEE,
                level=Level.DISTRICT,
                parent="hl-thu",
                dissolved=REFORM,
            ),
            Unit(
                id="hl-bdv",
                name="Ban Dân vận Thị ủy Hồng Lĩnh",
                kind=UnitKind.MASS_MOBILIZATION_BOARD,
                level=Level.DISTRICT,
                parent="hl-thu",
                dissolved=date(2025, 3, 1),
                successors=("hl-btgdv",),
                other_names=("BDV Thị ủy",),
            ),
            Unit(
                id="hl-btgdv",
                name="Ban Tuyên giáo và Dân vận Thị ủy Hồng Lĩnh",
                kind=UnitKind.PROPAGANDA_AND_MOBILIZATION_BOARD,
                level=Level.DISTRICT,
                parent="hl-thu",
                founded=date(2025, 3, 1),
                dissolved=REFORM,
            ),
            Unit(
                id="bh-du",
                name="Đảng ủy phường Bắc Hồng Lĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.COMMUNE,
                parent="ht-tu",
                founded=REFORM,
            ),
            Unit(
                id="nh-du",
                name="Đảng ủy phường Nam Hồng Lĩnh",
                kind=UnitKind.PARTY_COMMITTEE,
                level=Level.COMMUNE,
                parent="ht-tu",
                founded=REFORM,
            ),
        ]
    )


def test_tree_in_2021_and_after_the_reform() -> None:
    tree = hong_linh()
    in_2021 = tree.as_of(date(2021, 5, 19))
    assert [unit.id for unit in in_2021] == ["ht-tu", "hl-thu", "hl-btv", "hl-bdv"]
    after = tree.as_of(date(2025, 7, 1))
    assert [unit.id for unit in after] == ["ht-tu", "bh-du", "nh-du"]
    between = tree.as_of(date(2025, 4, 1))
    assert "hl-btgdv" in between
    assert "hl-bdv" not in between


def test_navigation() -> None:
    tree = hong_linh()
    assert [u.id for u in tree.children("hl-thu")] == ["hl-btv", "hl-bdv", "hl-btgdv"]
    assert [u.id for u in tree.ancestors("hl-bdv")] == ["hl-thu", "ht-tu"]
    assert [u.id for u in tree.descendants("ht-tu")] == [
        "hl-thu",
        "hl-btv",
        "hl-bdv",
        "hl-btgdv",
        "bh-du",
        "nh-du",
    ]
    assert [u.id for u in tree.successors("hl-thu")] == ["bh-du", "nh-du"]
    assert [u.id for u in tree.predecessors("nh-du")] == ["hl-thu"]
    assert [u.id for u in tree.find("bdv thị ủy")] == ["hl-bdv"]
    assert tree.parent("ht-tu") is None
    assert tree.depth("hl-bdv") == 2
    assert tree["hl-thu"].identifier("document_issuer") == "ThU"
    assert tree.get("nowhere") is None


def test_kinds_carry_names() -> None:
    assert UnitKind.MASS_MOBILIZATION_BOARD.vietnamese == "Ban Dân vận"
    assert UnitKind.FATHERLAND_FRONT.branch is Branch.FRONT
    assert Level.DISTRICT.vietnamese == "huyện"
    socio_political = [kind for kind in UnitKind if kind.is_socio_political]
    assert len(socio_political) == 5
    for kind in UnitKind:
        assert kind.vietnamese
        assert kind.english
    assert [level.depth for level in Level] == [0, 1, 2, 3, 4]


def unit(unit_id: str, **changes: object) -> Unit:
    fields: dict[str, object] = {
        "id": unit_id,
        "name": f"Đơn vị {unit_id}",
        "kind": UnitKind.OTHER,
        "level": Level.COMMUNE,
    }
    fields.update(changes)
    return Unit(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ([unit("a"), unit("a")], "duplicate unit id 'a'"),
        ([unit("a", parent="b")], "unknown parent 'b'"),
        ([unit("a", parent="b"), unit("b", parent="a")], "cycle"),
        ([unit("a", parent="c"), unit("b", parent="a"), unit("c", parent="b")], "cycle"),
        (
            [unit("a", dissolved=date(2025, 7, 1)), unit("b", parent="a")],
            "outlives its parent 'a'",
        ),
        (
            [unit("a", founded=date(2000, 1, 1)), unit("b", parent="a", founded=date(1999, 1, 1))],
            "before its parent",
        ),
        ([unit("a", dissolved=date(2025, 7, 1), successors=("z",))], "unknown successor 'z'"),
    ],
)
def test_bad_trees(units: list[Unit], message: str) -> None:
    with pytest.raises(InvalidTreeError, match=message):
        UnitTree(units)


def test_unknown_ids_are_key_errors_of_ours() -> None:
    tree = hong_linh()
    with pytest.raises(UnknownUnitError) as info:
        tree["nowhere"]
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, DanvanError)
    assert str(info.value) == "no unit with id 'nowhere'"
    for method in (tree.children, tree.ancestors, tree.descendants, tree.walk, tree.successors):
        with pytest.raises(UnknownUnitError):
            list(method("nowhere"))


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"id": "has space"}, InvalidValueError),
        ({"id": ""}, InvalidValueError),
        ({"id": 5}, InvalidTypeError),
        ({"name": "  "}, InvalidValueError),
        ({"kind": "party_committee"}, InvalidTypeError),
        ({"founded": "2020-01-01"}, InvalidTypeError),
        ({"founded": date(2021, 1, 1), "dissolved": date(2020, 1, 1)}, InvalidValueError),
        ({"parent": "x"}, InvalidValueError),  # its own parent
        ({"successors": ("y",)}, InvalidValueError),  # successors but never dissolved
        ({"successors": ["y"]}, InvalidTypeError),
        ({"identifiers": ("ThU",)}, InvalidTypeError),
    ],
)
def test_unit_validation(changes: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        unit("x", **changes)


def test_units_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        hong_linh()["ht-tu"].name = "khác"  # type: ignore[misc]


# ------------------------------------------------------------------------- properties


@given(unit_trees())
def test_every_unit_is_reached_once_and_parents_come_first(units: list[Unit]) -> None:
    tree = UnitTree(units)
    walked = [u.id for u in tree.walk()]
    assert sorted(walked) == sorted(u.id for u in units)
    position = {unit_id: index for index, unit_id in enumerate(walked)}
    for u in units:
        if u.parent is not None:
            assert position[u.parent] < position[u.id]


@given(unit_trees())
def test_ancestors_end_at_a_root(units: list[Unit]) -> None:
    tree = UnitTree(units)
    roots = {u.id for u in tree.roots}
    for u in units:
        chain = tree.ancestors(u.id)
        assert (chain[-1].id if chain else u.id) in roots
        assert len(chain) == tree.depth(u.id)
        for above in chain:
            assert u.id in {d.id for d in tree.descendants(above.id)}


@given(unit_trees(), st.dates(date(1940, 1, 1), date(2045, 1, 1)))
def test_as_of_keeps_exactly_the_units_alive_that_day(units: list[Unit], day: date) -> None:
    tree = UnitTree(units)
    snapshot = tree.as_of(day)
    for u in snapshot:
        assert u.exists_on(day)  # never a dissolved unit
        assert all(a.exists_on(day) for a in snapshot.ancestors(u.id))
    for u in tree:
        alive = u.exists_on(day) and all(a.exists_on(day) for a in tree.ancestors(u.id))
        assert (u.id in snapshot) == alive


@given(unit_trees())
def test_children_and_parents_agree(units: list[Unit]) -> None:
    tree = UnitTree(units)
    for u in tree:
        for child in tree.children(u.id):
            assert child.parent == u.id
        parent = tree.parent(u.id)
        assert (parent is None) == (u.parent is None)
        for successor in tree.successors(u.id):
            assert u.id in {p.id for p in tree.predecessors(successor.id)}


@given(unit_trees(max_units=6), st.randoms(use_true_random=False))
def test_order_of_input_does_not_change_the_tree(units: list[Unit], random: object) -> None:
    shuffled = list(units)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert UnitTree(shuffled) == UnitTree(units)


@given(unit_trees(max_units=6), st.data())
def test_a_new_parent_link_that_closes_a_loop_is_refused(
    units: list[Unit], data: st.DataObject
) -> None:
    tree = UnitTree(units)
    candidates = [u for u in tree if tree.descendants(u.id)]
    if not candidates:
        return
    top = data.draw(st.sampled_from(candidates))
    below = data.draw(st.sampled_from(tree.descendants(top.id)))
    looped = [
        attrs.evolve(u, parent=below.id, founded=None, dissolved=None, successors=())
        if u.id == top.id
        else attrs.evolve(u, founded=None, dissolved=None, successors=())
        for u in units
    ]
    with pytest.raises(InvalidTreeError, match="cycle"):
        UnitTree(looped)


def test_a_day_before_everything_gives_an_empty_tree() -> None:
    tree = UnitTree([unit("a", founded=date(2000, 1, 1))])
    assert len(tree.as_of(date(2000, 1, 1) - timedelta(days=1))) == 0


def _chain_and_cycle(length: int) -> list[Unit]:
    """A chain of *length* units up to a root, then two units that are each other's
    parent: the input on which looking for the cycle used to take cubic time."""
    chain = [unit(f"u{i}", parent=f"u{i + 1}" if i + 1 < length else None) for i in range(length)]
    return [*chain, unit("a", parent="b"), unit("b", parent="a")]


def _best_seconds(units: list[Unit]) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        try:
            UnitTree(units)
        except InvalidTreeError as exc:
            assert str(exc).endswith("cycle: a → b → a")
        best = min(best, time.perf_counter() - start)
    return best


def test_a_cycle_is_found_in_linear_time() -> None:
    """Refusing 20.000 units with a cycle takes about as long as building the same tree
    without it (the cycle is looked for in one more walk), not the minutes a search
    from every unit took (1.000 units took 7,9 s in 0.1)."""
    units = _chain_and_cycle(20_000)
    valid = units[:-2]
    _best_seconds(valid)  # warm up
    assert _best_seconds(units) < 4 * _best_seconds(valid)


def test_a_long_cycle_is_named_in_one_short_line() -> None:
    """A cycle of 1.000 units is named by its ends and its length, not unit by unit."""
    units = [unit(f"u{i}", parent=f"u{(i + 1) % 1000}") for i in range(1000)]
    with pytest.raises(InvalidTreeError) as caught:
        UnitTree(units)
    message = str(caught.value)
    assert len(message) <= 250
    assert message.endswith("u0 → u1 → u2 → … → u998 → u999 → u0 (1000 units)")


@given(unit_trees())
def test_depth_is_the_number_of_ancestors(units: list[Unit]) -> None:
    """Oracle: the depths worked out in one walk are the lengths of the ancestor lists."""
    tree = UnitTree(units)
    for unit in units:
        assert tree.depth(unit.id) == len(tree.ancestors(unit.id))
