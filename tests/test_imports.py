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



def _dashboard_imports() -> list[tuple[str, str, str]]:
    """(file, extraction module, name) for every name the dashboard imports from extraction,
    at the top or inside a function; importing a module gives that module and the name ''."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "dashboard"
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.split(".")[0] == "extraction":
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    place = root.parent / sub.replace(".", "/")
                    if place.with_suffix(".py").exists() or (place / "__init__.py").exists():
                        # "from extraction import resources": the module itself.
                        found.append((path.name, sub, ""))
                    else:
                        found.append((path.name, node.module, alias.name))
            elif isinstance(node, ast.Import):
                found.extend((path.name, a.name, "") for a in node.names
                             if a.name.split(".")[0] == "extraction")
    return found


def _outside_api(imports, public_names, public_modules):
    """The imports that reach past the public API: a name the package does not export, a
    module not listed as public, or a private name of a public module."""
    return [(path, module, name) for path, module, name in imports
            if (module == "extraction" and name not in public_names) or
            (module != "extraction" and (module not in public_modules or
                                         name.startswith("_")))]


def test_imports_dashboard_uses_only_the_public_api():
    import extraction

    imports = _dashboard_imports()
    assert len(imports) > 20, "the walk over the dashboard found too few imports"
    assert _outside_api(imports, extraction.__all__, extraction.PUBLIC_MODULES) == []


def test_imports_the_public_api_check_catches_deep_and_private_imports():
    import extraction

    made_up = [("a.py", "extraction.events.stance", "aggregate_stances"),
               ("b.py", "extraction.store", "_connect"),
               ("c.py", "extraction", "doc_to_article"),
               ("d.py", "extraction.model", "Article"),
               ("e.py", "extraction", "analyze")]
    assert _outside_api(made_up, extraction.__all__, extraction.PUBLIC_MODULES) == \
        made_up[:3]
