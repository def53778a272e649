"""The dependency points one way: extraction never imports the dashboard's libraries."""

import subprocess
import sys


def test_imports_extraction_does_not_pull_in_streamlit_plotly_or_pandas():
    code = (
        "import sys, extraction, extraction.pipeline, extraction.cli, extraction.textio\n"
        "bad = [m for m in ('streamlit', 'plotly', 'pandas', 'dashboard') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == ""


def _module_graph() -> dict[str, set[str]]:
    """extraction's modules and the extraction modules each one imports, at the top or inside
    a function (a lazy import is still a dependency)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "extraction"
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
                edges.add(target)
                edges.update(f"{target}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name.startswith("extraction"))
        graph[name] = edges
    return {m: {e for e in edges if e in graph and e != m} for m, edges in graph.items()}


def test_imports_extraction_modules_form_no_cycle():
    graph = _module_graph()
    assert "extraction.ingest" in graph and "extraction.dask_engine" in graph
    # Package __init__ files re-export their modules; a cycle through one is not a cycle of
    # capabilities, so they are left out.
    graph = {m: {e for e in edges if not _is_package(e)} for m, edges in graph.items()
             if not _is_package(m)}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def _is_package(name: str) -> bool:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return (root / Path(*name.split(".")) / "__init__.py").is_file()
