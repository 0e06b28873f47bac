"""Sphinx configuration for the danvan documentation.

Build the site (no network access needed) with::

    python -m pip install -e ".[docs]"
    python -m sphinx -W --keep-going -b html docs docs/_build/html

The pages are Markdown read by MyST-Parser; the API reference comes from the
docstrings, which are reStructuredText, through autodoc. Every ``>>>`` example in the
pages runs in the test suite (``python -m pytest docs``).

Sphinx itself is imported only inside the hooks at the end, when Sphinx runs them.
"""

from __future__ import annotations

import builtins
import importlib
import inspect
import re
from typing import Any

import danvan

project = "danvan"
author = "The danvan developers"
copyright = "the danvan developers"
try:
    release = danvan.__version__
except Exception:  # not installed: the checkout is on sys.path but has no metadata
    release = "dev"
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md", ".pytest_cache"]
language = "en"

# MyST: Markdown pages; links to headings ("page.md#a-heading") resolve to level 3.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: the API reference documents every public name where users import it from,
# ``danvan``, grouped by module in api.md. Type aliases (``Number``, ``Scale``…) are
# written out in signatures: autodoc_type_aliases renders ``Scale | None`` as a
# ``TypeAliasForwardRef`` in Sphinx 9.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"

# Cross-references must resolve (nitpicky). There is no intersphinx, because the build
# must not need the network: references to the standard library are accepted unresolved
# (they render as code), everything of danvan's must resolve.
nitpicky = True
_STDLIB = (
    "abc",
    "collections",
    "collections.abc",
    "datetime",
    "decimal",
    "enum",
    "fractions",
    "os",
    "pathlib",
    "re",
    "typing",
    "typing_extensions",
    "types",
)
_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))
nitpick_ignore_regex = [
    # private helpers that show in signatures, and type variables
    (r"py:.*", r"danvan\.(\w+\.)*_\w+"),
    (r"py:.*", r"danvan\._\w+\..*"),  # a class of a private module (the Html of _html)
    (r"py:.*", r"danvan\.serialize\.T"),
    # a type written as a string inside an alias, which autodoc leaves unparsed
    (r"py:class", r".*\[.*\]"),
    (r"py:.*", rf"({'|'.join(re.escape(m) for m in _STDLIB)})\..*"),
    (r"py:.*", "|".join(sorted(_BUILTINS | {"NoneType"}))),
]

html_theme = "furo"
html_title = f"danvan {release}"
html_static_path: list[str] = []
html_show_sourcelink = False


def _documented_names() -> dict[str, str]:
    """Where api.md documents each public name: ``danvan.X``, or the module for data.

    Type aliases and constants are documented in their module (``danvan.numbers.Scale``),
    because autodoc finds their docstrings only there; everything else under ``danvan``.
    """
    where = {}
    for name in danvan.__all__:
        obj = getattr(danvan, name) if name != "__version__" else None
        if isinstance(obj, type) or inspect.isfunction(obj):
            where[name] = f"danvan.{name}"
            continue
        for module in _MODULES:
            if name in importlib.import_module(f"danvan.{module}").__all__:
                where[name] = f"danvan.{module}.{name}"
                break
    return where


_MODULES = (
    "numbers", "words", "dates", "periods", "roman", "lunar", "documents", "units",
    "geography", "campaigns", "observations", "indicators", "criteria", "statistics",
    "sentences", "extract", "report", "records", "dataset", "serialize", "errors",
)  # fmt: skip
_WHERE: dict[str, str] = {}


def _resolve_public(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a reference to a public name wherever the reference was written.

    Docstrings name objects by the module that defines them
    (``:class:`~danvan.errors.InvalidValueError```), or unqualified inside their module
    (``:func:`to_lunar```, ``:attr:`MobilizationModel.status```); the reference
    documents each once, where users import it from (``danvan.to_lunar``).
    """
    if node.get("refdomain") != "py":
        return None
    if not _WHERE:
        _WHERE.update(_documented_names())
    target = node.get("reftarget", "")
    match = re.fullmatch(r"(?:danvan\.(?:[a-z_]+\.)?)?([A-Za-z_]\w*)((?:\.\w+)*)", target)
    if match is None or match.group(1) not in _WHERE:
        return None
    public = _WHERE[match.group(1)] + match.group(2)
    if public == target:
        return None
    domain = env.get_domain("py")
    found = domain.resolve_any_xref(env, node["refdoc"], app.builder, public, node, contnode)
    return found[0][1] if found else None


def _builtins_exact(app: Any, doctree: Any) -> None:
    """Look builtins up by exact name (``type``), not as any ``*.type`` attribute.

    autodoc marks annotation references "specific", which makes the Python domain
    search by suffix, so ``type[T]`` in :func:`danvan.from_dict` would find
    ``DocumentCode.type`` and ``Place.type``. The builtins are then unresolved
    references to the standard library, which ``nitpick_ignore_regex`` accepts.
    """
    from sphinx.addnodes import pending_xref

    for node in doctree.findall(pending_xref):
        if node.get("refdomain") == "py" and node.get("reftarget") in _BUILTINS:
            node.attributes.pop("refspecific", None)


def setup(app: Any) -> dict[str, Any]:
    app.connect("missing-reference", _resolve_public)
    app.connect("doctree-read", _builtins_exact)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
