"""The analyst's notebook (examples/analysis.ipynb) runs from top to bottom, as CI runs it.

It is executed with nbclient in a kernel of the Python that runs the tests (the
ipykernel of this environment, not a kernel spec installed for the user), from
``examples/`` so that it finds ``data/``. Skipped, saying why, only when nbclient,
nbformat or ipykernel is not installed: ``python -m pip install -e ".[test]"``
installs them.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
NOTEBOOK = EXAMPLES / "analysis.ipynb"
REASON = "executing the notebook needs nbclient, nbformat and ipykernel (the test extra)"

nbformat = pytest.importorskip("nbformat", reason=REASON)
nbclient = pytest.importorskip("nbclient", reason=REASON)
pytest.importorskip("ipykernel", reason=REASON)


def read() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)


def execute(notebook: Any) -> Any:
    """Run *notebook* in a kernel of this Python; a failing cell raises."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    # No kernel directories: "python3" is then ipykernel's own spec for sys.executable,
    # whatever kernels the user has installed.
    specs = KernelSpecManager(kernel_dirs=[])
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    assert manager.kernel_spec is not None
    assert manager.kernel_spec.argv[0] == sys.executable
    client = nbclient.NotebookClient(
        notebook,
        km=manager,
        timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()
    return notebook


@pytest.fixture(scope="module")
def executed() -> tuple[Any, float]:
    notebook = read()
    check = nbformat.v4.new_code_cell("import sys\nprint(sys.executable)")
    notebook.cells.append(check)
    start = time.monotonic()
    execute(notebook)
    return notebook, time.monotonic() - start


def outputs(notebook: Any, kind: str) -> str:
    """All text of one kind of output: "text" for printed text, or a MIME type."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if kind == "text" and output.output_type == "stream" and output.name == "stdout":
                parts.append(output.text)
            elif kind != "text":
                parts.append(output.get("data", {}).get(kind, ""))
    return "\n".join(parts)


def test_the_committed_notebook_is_valid_and_has_no_outputs() -> None:
    notebook = read()
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == []
        assert cell.execution_count is None


def test_the_notebook_runs_in_this_python_quickly(executed: tuple[Any, float]) -> None:
    notebook, seconds = executed
    assert notebook.cells[-1].outputs[0].text.strip() == sys.executable
    assert seconds < 30
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors == []


def test_the_notebook_shows_trees_and_statistics_as_tables(executed: tuple[Any, float]) -> None:
    html = outputs(executed[0], "text/html")
    for unit_id in ("hoa-thanh-thu", "hong-linh-thu", "nam-dinh-tu"):
        assert f'data-unit-id="{unit_id}"' in html
    assert "<caption>Cây tổ chức: 7 đơn vị, 3 gốc</caption>" in html
    assert "<caption>Mô hình, điển hình “Dân vận khéo”, năm 2021</caption>" in html
    assert '<th scope="col">năm 2020</th>' in html  # the year before, beside it
    assert "<script" not in html


def test_the_notebook_writes_figures_the_vietnamese_way(executed: tuple[Any, float]) -> None:
    text = outputs(executed[0], "text")
    for figure in (
        "1.798.702.098đ",
        "108,39%, đạt và vượt kế hoạch",
        "19/21 chỉ tiêu, tỷ lệ 90,48%",
        "2.066/3.545 mô hình, điển hình, tỷ lệ 58,28%",
        "3,8 tỷ đồng",
        "38 bản ghi",  # the observations of the three example datasets
        "tăng 50% so với năm 2020",
    ):
        assert figure in text


def test_the_script_prints_what_the_notebook_prints(
    executed: tuple[Any, float], capsys: pytest.CaptureFixture[str]
) -> None:
    runpy.run_path(str(EXAMPLES / "analysis.py"), run_name="__main__")
    script = capsys.readouterr().out
    notebook = outputs(executed[0], "text")
    figures = [line.strip() for line in script.splitlines() if line.startswith("  ")]
    assert len(figures) > 20
    # The script prints the trees as text; the notebook shows them as tables.
    from danvan import Dataset, from_json

    trees = set()
    for path in (EXAMPLES / "data").glob("*.json"):
        for unit in from_json(path.read_text("utf-8"), Dataset).units:
            trees.add(f"{unit.name} ({unit.kind.vietnamese}, cấp {unit.level.vietnamese})")
    missing = {line for line in figures if line not in notebook}
    assert missing <= trees, missing - trees
