"""The code base stays ruff-clean (rules configured in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_lint_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.fail("ruff is not installed: pip install 'newslens[dev]'")
    proc = subprocess.run(
        [ruff, "check", "--output-format", "concise", "extraction", "dashboard", "tests",
         "benchmarks", "docs"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _identity_tests(path: Path) -> list[str]:
    import ast

    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        for op, right in zip(node.ops, node.comparators, strict=True):
            if not isinstance(op, ast.Is | ast.IsNot) or isinstance(right, ast.Constant):
                continue
            if "# identity:" not in lines[node.lineno - 1]:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_lint_no_identity_tests_on_tokens():
    """spaCy makes a new Token object on every access, so ``tok.head is tok`` is never true:
    compare ``.i`` instead. Identity is allowed only against None/True/False, or on a line
    that says why with ``# identity:``."""
    found = []
    for folder in ("extraction", "dashboard"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            found += _identity_tests(path)
    assert found == [], "\n".join(found)
