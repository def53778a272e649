"""No module of extraction or dashboard is over 600 lines (issue 13: each one small enough to
read in one sitting), unless its first line says why it must be longer."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 600
#: The first line of a module allowed to be longer: ``# long module: <the reason>``.
REASON = re.compile(r"#\s*long module:\s*\S.{9,}")


def oversized(folders: list[Path], root: Path) -> list[str]:
    """The .py files under ``folders`` over ``LIMIT`` lines whose first line gives no reason,
    as ``path: N lines``."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            if len(lines) > LIMIT and not (lines and REASON.fullmatch(lines[0].strip())):
                found.append(f"{path.relative_to(root)}: {len(lines)} lines")
    return found


def test_module_sizes_none_over_the_limit():
    found = oversized([ROOT / "extraction", ROOT / "dashboard"], ROOT)
    assert found == [], (f"modules over {LIMIT} lines (split them by capability, or start "
                         "them with '# long module: <why>'):\n" + "\n".join(found))


def test_module_sizes_names_a_long_file_unless_it_says_why(tmp_path):
    body = "x = 1\n" * (LIMIT + 1)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text(body, encoding="utf-8")
    (tmp_path / "pkg" / "short.py").write_text("x = 1\n" * LIMIT, encoding="utf-8")
    (tmp_path / "pkg" / "vague.py").write_text("# long module:\n" + body, encoding="utf-8")
    (tmp_path / "pkg" / "excused.py").write_text(
        "# long module: one generated table that reads best whole\n" + body, encoding="utf-8")
    assert oversized([tmp_path / "pkg"], tmp_path) == [
        f"pkg/long.py: {LIMIT + 1} lines", f"pkg/vague.py: {LIMIT + 2} lines"]
