"""The layers of danvan point one way: text <- domain <- analysis <- output.

An AST walk over every module of ``src/danvan`` (no import of danvan, so nothing is
hidden by what happens to be loaded) finds each ``import`` and ``from ... import``, at
module level or inside a function, and fails on:

- an **upward import**: a module importing one of a higher layer (``LAYERS`` below);
  imports under ``if TYPE_CHECKING:`` count too, since an annotation is a dependency;
- a **cycle** among the modules (imports under ``if TYPE_CHECKING:`` left out: they never
  run, and they cannot be upward, so they cannot close a cycle across layers);
- a **private cross-import**: ``from danvan.x import _name`` from another module, or an
  import of another package's private module (``danvan.report._model`` from outside
  ``danvan.report``). A package's own private modules are its business; a private
  *module* at the top (``danvan._text``) is the shared home of helpers that several
  modules use, and its public names are meant for them;
- a module that ``LAYERS`` does not place: every module has its layer decided here;
- an import by name (``importlib.import_module`` of a danvan module, or of a name the
  code computes) outside the few modules in ``IMPORTS_BY_NAME``, each with its reason:
  the AST walk cannot follow those, so they are kept few and named.

Layers (issue 18): 0 text — numbers, number words, dates, periods, Roman numerals, the
lunar calendar, errors and the private helpers they share; 1 domain — the objects of the
political system (units, documents, campaigns, observations, datasets, places); 2
analysis — what is computed from them (indicators and roll-ups, criteria, statistics,
sentences, validation, figures read from text); 3 output — records, serialisation,
reports, HTML, spreadsheets, tables and the command line.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "danvan"

TEXT, DOMAIN, ANALYSIS, OUTPUT = 0, 1, 2, 3
LAYER_NAMES = {TEXT: "text", DOMAIN: "domain", ANALYSIS: "analysis", OUTPUT: "output"}

LAYERS: dict[str, int] = {
    # text: words and figures as Vietnamese documents write them, and the shared helpers
    "danvan.errors": TEXT,
    "danvan._calendar": TEXT,  # the days of 2025 the system turned on, defined once
    "danvan._display": TEXT,  # the registry behind _repr_html_ (filled by danvan._notebook)
    "danvan._enums": TEXT,  # Vietnamese and English labels of enums
    "danvan._files": TEXT,
    "danvan._optional": TEXT,  # importing optional libraries (pyarrow, polars, ...)
    "danvan._plain": TEXT,
    "danvan._rounding": TEXT,
    "danvan._text": TEXT,
    "danvan._validators": TEXT,
    "danvan.numbers": TEXT,
    "danvan.words": TEXT,
    "danvan._spoken": TEXT,
    "danvan.dates": TEXT,
    "danvan.periods": TEXT,
    "danvan.roman": TEXT,
    "danvan.lunar": TEXT,
    # domain: the objects of the political system, and the invariants that tie them
    "danvan.units": DOMAIN,
    "danvan.documents": DOMAIN,
    "danvan.campaigns": DOMAIN,
    "danvan.commemorations": DOMAIN,
    "danvan.grassroots": DOMAIN,
    "danvan.observations": DOMAIN,
    "danvan.dataset": DOMAIN,
    "danvan.geography": DOMAIN,
    "danvan.shares": DOMAIN,  # shares of a split unit among its successors
    # validation checks what a dataset must hold (references, lifetimes, stated figures
    # against their plan) and needs nothing from the analysis; a Dataset runs it when it
    # is built, so it sits with the domain, not above it.
    "danvan.validation": DOMAIN,
    # analysis: what is computed from the domain
    "danvan._rollups": ANALYSIS,  # shared by indicators and frames
    "danvan.indicators": ANALYSIS,
    "danvan.criteria": ANALYSIS,
    "danvan.statistics": ANALYSIS,
    "danvan.sentences": ANALYSIS,
    "danvan.phrases": ANALYSIS,
    "danvan.extract": ANALYSIS,
    "danvan.frames": ANALYSIS,
    # output: what is written for people and other programs
    "danvan": OUTPUT,  # the lazy top level: imports only under TYPE_CHECKING
    "danvan.__main__": OUTPUT,
    "danvan._hooks": OUTPUT,  # cattrs hooks of a dataset, for serialize
    "danvan._html": OUTPUT,
    "danvan._jsonschema": OUTPUT,
    "danvan._notebook": OUTPUT,  # the renderers of _repr_html_
    "danvan._records": OUTPUT,  # shared by records and arrow
    "danvan._upgrade": OUTPUT,
    "danvan.arrow": OUTPUT,
    "danvan.cli": OUTPUT,
    "danvan.official": OUTPUT,  # the report as an official document, Word and print HTML
    "danvan.records": OUTPUT,
    "danvan.report": OUTPUT,
    "danvan.serialize": OUTPUT,
    "danvan.spreadsheets": OUTPUT,
}
"""The layer of every module; a package's entry covers its modules."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def owner(module: str) -> str:
    """The module itself, or the package under danvan that holds it."""
    parts = module.split(".")
    for depth in range(2, len(parts)):
        package = ".".join(parts[:depth])
        if (SOURCE.parent / package.replace(".", "/") / "__init__.py").exists():
            return package
    return module


def layer(module: str) -> int | None:
    """The layer of *module*, or of the package under danvan that holds it."""
    if module in LAYERS:
        return LAYERS[module]
    return LAYERS.get(owner(module))


class Import:
    """One imported module or name: who imports what, where, and whether it runs."""

    def __init__(
        self, importer: str, target: str, name: str | None, line: int, type_only: bool
    ) -> None:
        self.importer, self.target, self.name = importer, target, name
        self.line, self.type_only = line, type_only

    def __str__(self) -> str:
        what = self.target if self.name is None else f"{self.name} from {self.target}"
        return f"{MODULES[self.importer].relative_to(SOURCE.parent)}:{self.line} imports {what}"


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


def imports_of(module: str) -> Iterator[Import]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST, type_only: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            child_type_only = type_only or _is_type_checking(child)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, alias.name, None, child.lineno, type_only)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in child.names:
                    if f"{base}.{alias.name}" in MODULES:  # from danvan import dataset
                        yield Import(module, f"{base}.{alias.name}", None, child.lineno, type_only)
                    else:
                        yield Import(module, base, alias.name, child.lineno, type_only)
            yield from visit(child, child_type_only)

    for found in visit(ast.parse(path.read_text(encoding="utf-8")), False):
        if found.target == "danvan" or found.target.startswith("danvan."):
            yield found


IMPORTS = [found for module in MODULES for found in imports_of(module)]


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(module for module in MODULES if layer(module) is None)
    assert not unplaced, (
        f"{', '.join(unplaced)}: add to LAYERS in tests/test_layers.py, with the lowest"
        " layer whose modules it needs (text, domain, analysis or output)"
    )


def test_the_table_names_only_modules_that_exist() -> None:
    assert not sorted(set(LAYERS) - set(MODULES))


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = [
        f"{found} (layer {LAYER_NAMES[layer(found.importer) or 0]} imports"
        f" {LAYER_NAMES[layer(found.target) or 0]})"
        for found in IMPORTS
        if found.importer != "danvan" and (layer(found.target) or 0) > (layer(found.importer) or 0)
    ]
    assert not upward, "\n".join(upward)


def test_no_module_imports_another_modules_private_names() -> None:
    private = []
    for found in IMPORTS:
        if owner(found.importer) == owner(found.target):
            continue
        if found.name is not None and found.name.startswith("_"):
            private.append(f"{found}: a private name of another module")
        last = found.target.rsplit(".", 1)[-1]
        if last.startswith("_") and owner(found.target) != found.target:
            private.append(f"{found}: a private module of another package")
    assert not private, "\n".join(private)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def run_time_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for found in IMPORTS:
        if found.type_only or found.importer == found.target:
            continue
        target = found.target
        while target not in MODULES:  # a module outside the source: not danvan's
            target = target.rpartition(".")[0]
        # A submodule's import of its own package's __init__ runs it first anyway.
        if found.importer.startswith(f"{target}."):
            continue
        graph[found.importer].add(target)
    return graph


def test_no_import_cycle() -> None:
    cycles = _cycles(run_time_graph())
    assert not cycles, "\n".join(" <-> ".join(cycle) for cycle in cycles)


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert _cycles(graph) == expected


def test_the_walk_sees_imports_inside_functions_and_type_checking_blocks() -> None:
    seen = {(found.importer, found.target, found.type_only) for found in IMPORTS}
    # cli imports the report inside the command that needs it
    assert ("danvan.cli", "danvan.report", False) in seen
    # the top level imports every public module, for type checkers only
    assert ("danvan", "danvan.numbers", True) in seen


IMPORTS_BY_NAME: dict[str, str] = {
    "danvan": "the lazy top level (PEP 562) and its deprecated names",
    "danvan.dataset": "names moved to the JSON layer, served until the next release",
    "danvan._display": "the presentation registers renderers: loaded as a plugin",
    "danvan._optional": "optional third-party libraries (pyarrow, polars, ...)",
}


def test_imports_by_name_are_few_and_named() -> None:
    found = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = ast.unparse(node.func)
            if called.rsplit(".", 1)[-1] not in {"import_module", "__import__"}:
                continue
            first = node.args[0] if node.args else None
            if (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and not first.value.startswith("danvan")
            ):
                continue  # a third-party module named in the code
            if module not in IMPORTS_BY_NAME:
                found.append(
                    f"{path.relative_to(SOURCE.parent)}:{node.lineno}: {ast.unparse(node)}"
                )
    assert not found, "\n".join(found)
